import { z } from 'zod';
import { CHECK_ACTIONS, CHECK_VERBS, PRIVATE_KEY_MARKER } from '../checks';
import { KNOWLEDGE_ACTIONS, KNOWLEDGE_VERBS } from '../knowledge/verbs';
import { CUTOVER_ACTIONS, CUTOVER_UPDATE, CUTOVER_VERBS } from '../cutover';
import { GUIDANCE_ACTIONS, GUIDANCE_VERBS } from '../guidance';
import { NAME_PREFLIGHT_ACTIONS, NAME_PREFLIGHT_VERBS } from '../namePreflight';
import { NAMING_VERBS, SERVICE_NAMES_FORM } from '../naming';
import { PROVIDER_CHECK_ACTIONS, PROVIDER_CHECK_VERBS } from '../providers';
import { REMINDER_ACTION, REMINDER_PAGE, REMINDER_VERBS } from '../reminders/verbs';
import type { CardActionResult, Reply, TurnInfo } from '../turn';
import type { Capabilities } from './capabilities';
import { helpCard } from './help';

/** A typed command: the first matching row of the table handles the message. */
export interface Command {
  /** Short name for logs. */
  name: string;
  /** Tried in order against the message text with the bot's mention removed and trimmed. */
  patterns: RegExp[];
  run(turn: TurnInfo, match: RegExpMatchArray, text: string): Promise<Reply | Reply[]>;
}

export type Trigger = 'manual' | 'automatic';

/**
 * A card button (Action.Execute verb, or Action.Submit with `verb` in its data). `data` is what
 * the card sent, checked against the verb's schema before `run` sees it: the handler gets typed
 * data, and a payload its card could not have produced gets one uniform error.
 */
export interface CardAction {
  verb: string;
  data: z.ZodType<object>;
  /** `automatic` when Teams refreshes a card on its own (user-specific views), else `manual`. */
  run(turn: TurnInfo, data: object, trigger: Trigger): Promise<CardActionResult>;
}

/** One card action, with its handler typed by the schema. */
export function cardAction<S extends z.ZodType<object>>(verb: string, data: S, run: (turn: TurnInfo, data: z.infer<S>, trigger: Trigger) => Promise<CardActionResult>): CardAction {
  return { verb, data, run: (turn, parsed, trigger) => run(turn, parsed as z.infer<S>, trigger) };
}

/** The first command whose pattern matches, with the match; the free-text row matches anything. */
export function routeText(commands: readonly Command[], text: string): { command: Command; match: RegExpMatchArray } | undefined {
  for (const command of commands) {
    for (const pattern of command.patterns) {
      const match = text.match(pattern);
      if (match) return { command, match };
    }
  }
  return undefined;
}

/**
 * Every text command the bot understands, in one place, in both languages. Order matters:
 * specific commands first; free text at the end goes to the knowledge base.
 */
export function commandTable(c: Capabilities): Command[] {
  return [
    // A pasted private key, wherever it appears, is refused first (src/checks/): never echoed, logged or kept.
    { name: 'checks.privateKey', patterns: [PRIVATE_KEY_MARKER], run: async (turn) => c.checks.privateKeyRefusal(turn) },
    { name: 'help', patterns: [/^(help|hulp|\?|menu|commands|opdrachten|what can you do|wat kun je)\W*$/i], run: async (turn) => helpCard(turn.lang) },
    // Service names and certificate guidance (src/naming/, src/guidance/): optional CMG name and region after the command.
    {
      name: 'naming.serviceNames',
      patterns: [/^(?!.*\?\s*$)(?:service[\s-]*names?|servicenaam|servicenamen|service-naam)(?:\s+(?:for|voor))?(?:\s+(\S+))?(?:\s+(?:in\s+)?(.+?))?\s*$/i],
      run: async (turn, match) => c.naming.command(turn.lang, match[1], match[2]),
    },
    {
      name: 'guidance.start',
      patterns: [
        /^(?:certificate|cert|certificaat)[\s-]*(?:guidance|advice|advies)(?:\s+(?:for|voor))?(?:\s+(\S+))?(?:\s+(?:in\s+)?(.+?))?\s*$/i,
        /^(?:(?:migration|cutover)\s+guidance|(?:migratie|overstap)[\s-]*advies)(?:\s+(?:for|voor))?(?:\s+(\S+))?(?:\s+(?:in\s+)?(.+?))?\s*$/i,
      ],
      run: async (turn, match) => c.guidance.start(turn.lang, { commonName: match[1], region: match[2] }),
    },
    {
      name: 'providers.check',
      patterns: [/^(?:check|controleer)\s+(?:resource\s*)?providers?(?:\s+(.+))?$/i],
      run: (turn, match) => c.providerCheck.command(turn, match[1]?.trim()),
    },
    // The name pre-flight (src/namePreflight/): are the CMG's names free in Azure, before the certificate is ordered.
    {
      name: 'namePreflight.check',
      patterns: [/^(?:check|controleer)\s+(?:names?|namen|naam)\b(?:\s+(?:for|voor))?(?:\s+([\s\S]+))?$/i],
      run: (turn, match) => c.namePreflight.command(turn, match[1]),
    },
    // Live checks (src/checks/): where the service name points, a pasted certificate, the endpoint's TLS handshake.
    {
      name: 'checks.cname',
      patterns: [/^(?:check|controleer)\s+cname(?:\s+(?:for|voor))?(?:\s+(\S+))?(?:\s+(?:in\s+)?(.+?))?\s*$/i],
      run: (turn, match) => c.checks.cnameCommand(turn, match[1], match[2]),
    },
    {
      name: 'checks.certificate',
      patterns: [/^(?:check|controleer)\s+(?:certificate|certificaat|cert)\b([\s\S]*)$/i, /^(-{5}\s*BEGIN\s+CERTIFICATE[\s\S]*)$/i],
      run: (turn, match) => c.checks.certificateCommand(turn, match[1]),
    },
    {
      name: 'checks.endpoint',
      patterns: [/^(?:check|controleer)\s+(?:endpoint|eindpunt)(?:\s+(?:for|voor))?(?:\s+(\S+))?\s*$/i],
      run: (turn, match) => c.checks.endpointCommand(turn, match[1]),
    },
    // Cutover plans (src/cutover/): plan, edit, status and list, in English and Dutch.
    { name: 'cutover.plan', patterns: [/^plan\s+(?:a\s+)?(?:cutover|overstap)\b\s*(.*)$/i], run: (turn, match) => c.cutover.planCommand(turn, match[1] ?? '') },
    {
      name: 'cutover.edit',
      patterns: [/^(?:edit|change)\s+cutover\s+(\S+)\s*$/i, /^(?:wijzig|bewerk)\s+overstap\s+(\S+)\s*$/i],
      run: (turn, match) => c.cutover.editCommand(turn, match[1]),
    },
    {
      name: 'cutover.status',
      patterns: [/^cutover\s+status\s+(\S+)\s*$/i, /^overstap\s+status\s+(\S+)\s*$/i, /^status\s+(?:cutover|overstap)\s+(\S+)\s*$/i],
      run: (turn, match) => c.cutover.statusCommand(turn, match[1]),
    },
    { name: 'cutover.list', patterns: [/^(?:cutovers|overstappen|open cutovers|open overstappen)\W*$/i], run: (turn) => c.cutover.listCommand(turn) },
    // Reminders (src/reminders/): set, list, snooze and cancel, in English and Dutch.
    { name: 'reminders.request', patterns: [/^(?:remind\s+(?:me|us)|herinner\s+(?:me|mij|ons))\b\s*(.*)$/i], run: (turn, match) => c.reminders.request(turn, match[1] ?? '') },
    {
      name: 'reminders.list',
      patterns: [/^(?:(?:list|show|my)\s+)?reminders\W*$/i, /^(?:(?:toon|mijn|lijst)\s+)?herinneringen\W*$/i],
      run: (turn) => c.reminders.list(turn),
    },
    {
      name: 'reminders.cancel',
      // A reminder's id (four letters) or an old list number.
      patterns: [/^(?:cancel|delete|remove)\s+reminder\s+#?([a-z]{4}|\d{1,3})\W*$/i, /^(?:annuleer|verwijder)\s+herinnering\s+#?([a-z]{4}|\d{1,3})\W*$/i],
      run: (turn, match) => c.reminders.cancel(turn, match[1]),
    },
    {
      name: 'reminders.snooze',
      patterns: [
        /^snooze\s+reminder\s+#?([a-z]{4}|\d{1,3})(?:\s+(?:for\s+)?(.+))?$/i,
        /^stel\s+herinnering\s+#?([a-z]{4}|\d{1,3})\s+uit(?:\s+(?:met|voor)?\s*(.+))?$/i,
        /^herinnering\s+#?([a-z]{4}|\d{1,3})\s+uitstellen(?:\s+(?:met|voor)?\s*(.+))?$/i,
      ],
      run: (turn, match) => c.reminders.snooze(turn, match[1], match[2]),
    },
    // Free text that no command claimed goes to the CMG knowledge base (src/knowledge/); keep it last.
    { name: 'knowledge.ask', patterns: [/[\s\S]*/], run: (turn, _match, text) => answerQuestion(c, turn, text) },
  ];
}

/** Every card button the bot answers, by verb, with the shape of the data it accepts. */
export function cardActionTable(c: Capabilities): CardAction[] {
  const V = CUTOVER_VERBS;
  const A = CUTOVER_ACTIONS;
  const P = PROVIDER_CHECK_VERBS;
  const PA = PROVIDER_CHECK_ACTIONS;
  const R = REMINDER_VERBS;
  return [
    cardAction(V.new, A.offer, (turn, data) => c.cutover.newFromOffer(turn, data)),
    cardAction(V.create, A.form, (turn, data) => c.cutover.create(turn, data)),
    cardAction(V.edit, A.plan, (turn, data) => c.cutover.editForm(turn, data)),
    cardAction(V.update, CUTOVER_UPDATE, (turn, data) => c.cutover.update(turn, data)),
    cardAction(V.refresh, A.plan, (turn, data) => c.cutover.refresh(turn, data)),
    cardAction(V.approve, A.decision, (turn, data) => c.cutover.approve(turn, data)),
    cardAction(V.reject, A.decision, (turn, data) => c.cutover.reject(turn, data)),
    cardAction(V.cancel, A.cancel, (turn, data) => c.cutover.cancel(turn, data)),
    cardAction(V.done, A.done, (turn, data) => c.cutover.markDone(turn, data)),
    cardAction(V.requestAgain, A.plan, (turn, data) => c.cutover.requestAgain(turn, data)),
    cardAction(V.removalCheck, A.plan, (turn, data) => c.cutover.removalCheck(turn, data)),
    cardAction(V.oldRemoved, A.plan, (turn, data) => c.cutover.confirmOldRemoved(turn, data)),
    cardAction(R.done, REMINDER_ACTION, (turn, data) => c.reminders.cardAction(turn, 'done', data)),
    cardAction(R.snooze, REMINDER_ACTION, (turn, data) => c.reminders.cardAction(turn, 'snooze', data)),
    cardAction(R.extend, REMINDER_ACTION, (turn, data) => c.reminders.cardAction(turn, 'extend', data)),
    cardAction(R.cancel, REMINDER_ACTION, (turn, data) => c.reminders.cardAction(turn, 'cancel', data)),
    cardAction(R.page, REMINDER_PAGE, (turn, data) => c.reminders.page(turn, data)),
    cardAction(P.start, PA.start, (turn) => c.providerCheck.start(turn)),
    cardAction(P.run, PA.run, (turn, data) => c.providerCheck.run(turn, data)),
    cardAction(P.refresh, PA.card, (turn, data) => c.providerCheck.refresh(turn, data)),
    cardAction(P.view, PA.card, (turn, data) => c.providerCheck.view(turn, data)),
    cardAction(P.registerAsk, PA.card, (turn, data) => c.providerCheck.askRegister(turn, data)),
    cardAction(P.register, PA.register, (turn, data) => c.providerCheck.register(turn, data)),
    cardAction(NAME_PREFLIGHT_VERBS.start, NAME_PREFLIGHT_ACTIONS.start, (turn, data) => c.namePreflight.start(turn, data)),
    cardAction(NAME_PREFLIGHT_VERBS.run, NAME_PREFLIGHT_ACTIONS.run, (turn, data) => c.namePreflight.run(turn, data)),
    cardAction(NAMING_VERBS.serviceNames, SERVICE_NAMES_FORM, (turn, data) => c.naming.submit(turn, data)),
    cardAction(GUIDANCE_VERBS.start, GUIDANCE_ACTIONS.start, async (turn, data) => ({ kind: 'card', reply: c.guidance.start(turn.lang, data) })),
    cardAction(GUIDANCE_VERBS.answer, GUIDANCE_ACTIONS.answer, (turn, data) => c.guidance.answer(turn, data)),
    cardAction(KNOWLEDGE_VERBS.feedback, KNOWLEDGE_ACTIONS.feedback, (turn, data) => c.knowledge.feedback(turn, data)),
    cardAction(KNOWLEDGE_VERBS.ask, KNOWLEDGE_ACTIONS.entry, (turn, data) => c.knowledge.show(turn, data)),
    cardAction(KNOWLEDGE_VERBS.choose, KNOWLEDGE_ACTIONS.entry, (turn, data) => c.knowledge.show(turn, data)),
    cardAction(KNOWLEDGE_VERBS.none, KNOWLEDGE_ACTIONS.none, (turn, data) => c.knowledge.noneOfThese(turn, data)),
    cardAction(CHECK_VERBS.cname, CHECK_ACTIONS.cname, (turn, data) => c.checks.cnameAction(turn, data)),
    cardAction(CHECK_VERBS.endpoint, CHECK_ACTIONS.endpoint, (turn, data) => c.checks.endpointAction(turn, data)),
    cardAction(CHECK_VERBS.remindExpiry, CHECK_ACTIONS.remindExpiry, (turn, data) => c.checks.remindExpiryAction(turn, data)),
    // The Help button on a knowledge decline.
    cardAction(KNOWLEDGE_VERBS.help, KNOWLEDGE_ACTIONS.help, async (turn) => ({ kind: 'card', reply: helpCard(turn.lang) })),
  ];
}

/**
 * A free-text question: the knowledge base answers, declines (one short card with a Help
 * button), or hands a "what will the service name be" question to the naming capability.
 */
async function answerQuestion(c: Capabilities, turn: TurnInfo, text: string): Promise<Reply | Reply[]> {
  const result = await c.knowledge.ask(turn, text);
  switch (result.kind) {
    case 'card':
      return result.reply;
    case 'decline':
      return result.reply;
    case 'serviceName':
      return c.naming.answer(result.lang, { cmgName: result.question.cmgName, region: result.question.regionText });
  }
}
