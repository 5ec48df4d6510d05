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

/** A card button (Action.Execute verb, or Action.Submit with `verb` in its data). */
export interface CardAction {
  verb: string;
  /** `automatic` when Teams refreshes a card on its own (user-specific views), else `manual`. */
  run(turn: TurnInfo, data: Record<string, unknown>, trigger: 'manual' | 'automatic'): Promise<CardActionResult>;
}

/**
 * Every text command the bot understands, in one place, in both languages. Order matters:
 * specific commands first; free text at the end goes to the knowledge base.
 */
export function commandTable(c: Capabilities): Command[] {
  return [
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
      patterns: [/^(?:cancel|delete|remove)\s+reminder\s+#?(\d{1,3})\W*$/i, /^(?:annuleer|verwijder)\s+herinnering\s+#?(\d{1,3})\W*$/i],
      run: (turn, match) => c.reminders.cancelNumber(turn, Number(match[1])),
    },
    {
      name: 'reminders.snooze',
      patterns: [
        /^snooze\s+reminder\s+#?(\d{1,3})(?:\s+(?:for\s+)?(.+))?$/i,
        /^stel\s+herinnering\s+#?(\d{1,3})\s+uit(?:\s+(?:met|voor)?\s*(.+))?$/i,
        /^herinnering\s+#?(\d{1,3})\s+uitstellen(?:\s+(?:met|voor)?\s*(.+))?$/i,
      ],
      run: (turn, match) => c.reminders.snoozeNumber(turn, Number(match[1]), match[2]),
    },
    // Free text that no command claimed goes to the CMG knowledge base (src/knowledge/); keep it last.
    { name: 'knowledge.ask', patterns: [/[\s\S]*/], run: (turn, _match, text) => answerQuestion(c, turn, text) },
  ];
}

/** Every card button the bot answers, by verb. */
export function cardActionTable(c: Capabilities): CardAction[] {
  return [
    { verb: 'cutover.new', run: (turn, data) => c.cutover.newFromOffer(turn, data) },
    { verb: 'cutover.create', run: (turn, data) => c.cutover.create(turn, data) },
    { verb: 'cutover.edit', run: (turn, data) => c.cutover.editForm(turn, data) },
    { verb: 'cutover.update', run: (turn, data) => c.cutover.update(turn, data) },
    { verb: 'cutover.refresh', run: (turn, data) => c.cutover.refresh(turn, data) },
    { verb: 'cutover.approve', run: (turn, data) => c.cutover.approve(turn, data) },
    { verb: 'cutover.reject', run: (turn, data) => c.cutover.reject(turn, data) },
    { verb: 'cutover.cancel', run: (turn, data) => c.cutover.cancel(turn, data) },
    { verb: 'cutover.done', run: (turn, data) => c.cutover.markDone(turn, data) },
    { verb: 'cutover.oldRemoved', run: (turn, data) => c.cutover.confirmOldRemoved(turn, data) },
    { verb: 'reminder.done', run: (turn, data) => c.reminders.cardAction(turn, 'done', data) },
    { verb: 'reminder.snooze', run: (turn, data) => c.reminders.cardAction(turn, 'snooze', data) },
    { verb: 'reminder.extend', run: (turn, data) => c.reminders.cardAction(turn, 'extend', data) },
    { verb: 'reminder.cancel', run: (turn, data) => c.reminders.cardAction(turn, 'cancel', data) },
    { verb: 'providerCheck.start', run: (turn) => c.providerCheck.start(turn) },
    { verb: 'providerCheck.run', run: (turn, data) => c.providerCheck.run(turn, data) },
    { verb: 'providerCheck.refresh', run: (turn, data) => c.providerCheck.refresh(turn, data) },
    { verb: 'providerCheck.view', run: (turn, data) => c.providerCheck.view(turn, data) },
    { verb: 'providerCheck.registerAsk', run: (turn, data) => c.providerCheck.askRegister(turn, data) },
    { verb: 'providerCheck.register', run: (turn, data) => c.providerCheck.register(turn, data) },
    { verb: 'naming.serviceNames', run: (turn, data) => c.naming.submit(turn, data) },
    {
      verb: 'guidance.start',
      run: async (turn, data) => ({
        kind: 'card',
        reply: c.guidance.start(turn.lang, { commonName: typeof data.commonName === 'string' ? data.commonName : undefined, region: typeof data.region === 'string' ? data.region : undefined }),
      }),
    },
    { verb: 'guidance.answer', run: (turn, data) => c.guidance.answer(turn, data) },
    { verb: 'kb.feedback', run: (turn, data) => c.knowledge.feedback(turn, data) },
    { verb: 'kb.ask', run: (turn, data) => c.knowledge.show(turn, data) },
    { verb: 'kb.choose', run: (turn, data) => c.knowledge.show(turn, data) },
    { verb: 'kb.none', run: (turn, data) => c.knowledge.noneOfThese(turn, data) },
    // The Help button on a knowledge decline.
    { verb: 'kb.help', run: async (turn) => ({ kind: 'card', reply: helpCard(turn.lang) }) },
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
