import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CardRenderer, cardBytes, MAX_CARD_BYTES } from '../../src/bot/cardRenderer';
import { ManualClock } from '../../src/clock';
import { TEMPLATE_NAMES, TemplateName } from '../../src/cardTemplates';
import type { CardReply } from '../../src/turn';
import { startTestBot, TestBot } from '../harness/app';
import { FakeArmCredential, LocalArm } from '../harness/armServer';
import { makeCertificate } from '../harness/certificates';
import { action, findButton, inputById, nodes, submission } from '../harness/cardWalk';
import { SAMPLE_PLAN_INPUTS } from '../harness/cutoverPlans';
import { cardOf, invokeCard, TeamsClient, teamsUser } from '../harness/teams';
import type { CardSample } from '../cardSamples/types';
import { reminderCards } from './reminderHelpers';

/**
 * Everything an attacker controls, at once: a markdown link, emphasis, a heading and a list, a
 * Teams mention, an Adaptive Card expression, control and bidi-override characters, and length.
 */
const LINK = '[click here](https://evil.example/login)';
const HOSTILE = `${LINK} **BOLD** _it_ <at>Everyone</at> \${toUpper('pwned')} \u202Egpj.exe\u001b[31m\u0007\n# HEAD\n1. list ${'x'.repeat(600)}`;
/** A display name as a crafted activity could carry it. */
const NAME = `Eve ${LINK} **BOLD** <at>Everyone</at> \${toUpper('pwned')}\u202E\u0007 ${'n'.repeat(300)}`;
/** One word (no spaces) for commands that take a name. */
const WORD = "[x](https://evil.example/login)**BOLD**${toUpper('pwned')}\u202E";

// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

/** What makes hostile text live in a markdown-rendering text field. */
function markdownProblems(text: string): string[] {
  const found: string[] = [];
  if (text.includes('](https://evil.example')) found.push('a link');
  if (text.includes('**BOLD')) found.push('emphasis');
  if (/<at>/i.test(text)) found.push('a mention');
  if (/(^|\n)\s*# HEAD/.test(text)) found.push('a heading');
  return found;
}

/**
 * Every problem in one rendered card: markdown from user text in TextBlocks, TextRuns and facts
 * (which Teams renders as markdown), an evaluated expression or an invisible character anywhere
 * a reader sees, and the card over Teams' size limit. Input values and action data are the
 * user's own text handed back to them verbatim, not markdown, so they only may not carry
 * evaluated expressions.
 */
function cardProblems(card: unknown): string[] {
  const found: string[] = [];
  // The bot's own mentions (a nudge's approvers): `<at>name</at>` matching an entity is a mention Teams
  // draws from the entity; the name inside must still be inert.
  const entities = ((card as { msteams?: { entities?: { type: string; text: string }[] } } | undefined)?.msteams?.entities ?? []).filter((e) => e.type === 'mention').map((e) => e.text);
  for (const mention of entities) {
    const inner = /^<at>([\s\S]*)<\/at>$/.exec(mention)?.[1];
    if (inner === undefined) found.push(`a mention entity that is no mention: ${JSON.stringify(mention.slice(0, 80))}`);
    else for (const problem of markdownProblems(inner)) found.push(`${problem} inside a mention ${JSON.stringify(mention.slice(0, 120))}`);
  }
  const withoutMentions = (text: string) => entities.reduce((rest, mention) => rest.split(mention).join(''), text);
  for (const node of nodes(card)) {
    const shown: string[] = [];
    if ((node.type === 'TextBlock' || node.type === 'TextRun') && typeof node.text === 'string') shown.push(withoutMentions(node.text));
    if (typeof node.title === 'string' && typeof node.value === 'string' && node.type === undefined) shown.push(node.title, node.value);
    for (const text of shown) for (const problem of markdownProblems(text)) found.push(`${problem} in ${JSON.stringify(text.slice(0, 120))}`);
  }
  const json = JSON.stringify(card);
  if (json.includes('PWNED')) found.push('an evaluated expression');
  if (collectStrings(card).some((text) => INVISIBLE.test(text))) found.push('an invisible character');
  if (cardBytes(card as object) > MAX_CARD_BYTES) found.push(`${cardBytes(card as object)} bytes`);
  return found;
}

function collectStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(collectStrings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(collectStrings);
  return [];
}

const SUB = '3f6a2b1c-9d8e-4f70-a1b2-c3d4e5f6a7b8';
const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe('hostile names and texts in every card the bot shows', () => {
  const renders: { template: TemplateName; card: unknown }[] = [];
  let bot: TestBot;
  let clock: ManualClock;
  let spy: jest.SpyInstance;
  let arm: LocalArm | undefined;

  beforeAll(async () => {
    // Watches every card the app renders (and still renders it): which templates the session reached.
    const render = CardRenderer.prototype.render;
    spy = jest.spyOn(CardRenderer.prototype, 'render').mockImplementation(function (this: CardRenderer, reply: CardReply) {
      const card = render.call(this, reply);
      renders.push({ template: reply.template, card });
      return card;
    });
    clock = new ManualClock('2026-01-05T09:00:00Z');
  });
  afterAll(async () => {
    spy.mockRestore();
    await bot?.stop();
    await arm?.stop();
  });

  it('renders none of it as a link, emphasis, a mention, an expression or invisible text, in any template it reaches', async () => {
    const eve = teamsUser(NAME);
    const mal = teamsUser(`Mal ${LINK} <at>Everyone</at>`);
    // A subscription whose owner named it like an attack, checked by Eve, who may register providers.
    arm = await new LocalArm().start();
    arm.addSubscription(SUB, { displayName: HOSTILE });
    arm.readsUntilRegistered = 3;
    bot = await startTestBot(
      {
        APPROVER_IDS: mal.aadObjectId,
        ADMIN_IDS: eve.aadObjectId,
        PROVIDER_REGISTER_POLL_MS: '5',
        PROVIDER_REGISTER_POLL_MAX_MS: '20',
        REMINDER_POLL_INTERVAL_MS: '20',
        USER_TURNS_PER_MINUTE: '0',
        DNS_SERVERS: '127.0.0.1:9',
        DNS_TIMEOUT_MS: '100',
        CHECKS_DEADLINE_MS: '1000',
      },
      { clock, arm: { credential: new FakeArmCredential(), endpoint: arm.url, caPem: arm.caPem, retryDelayMs: 5 } },
    );
    bot.connector.roster = [eve, mal];
    const channel = bot.client({ scope: 'channel', user: eve });
    const asMal = channel.as(mal);
    const invokes: unknown[] = [];
    const press = async (client: TeamsClient, verb: string, data: Record<string, unknown>) => {
      const result = await client.invoke(verb, data);
      invokes.push(result.body);
      return result;
    };
    const lastCard = () => cardOf(bot.connector.sent(channel.conversationId).at(-1));

    // Help, questions, service names and guidance.
    await channel.say('help');
    await channel.say(HOSTILE);
    await channel.say(`${HOSTILE} which resource providers does a scale-set CMG need?`);
    await channel.say(`servicenaam voor ${HOSTILE}`);
    await channel.say(`service names ${WORD} ${HOSTILE}`);
    await channel.say('service names GraniteFalls East US');
    await channel.say('service names');
    await press(channel, 'naming.serviceNames', { cmgName: HOSTILE, region: HOSTILE, certificateType: HOSTILE });
    await press(channel, 'kb.none', { question: HOSTILE, lang: 'en' });
    await channel.say(`certificate guidance for ${WORD} in ${HOSTILE}`);
    const step = lastCard();
    const next = action(step, 'guidance.answer');
    const answers = Object.fromEntries(nodes(step).filter((n) => typeof n.type === 'string' && n.type.startsWith('Input.') && typeof n.id === 'string').map((n) => [String(n.id), HOSTILE]));
    await press(channel, 'guidance.answer', { ...next.data, ...answers });
    await press(channel, 'guidance.start', { commonName: HOSTILE, region: HOSTILE });
    // The whole guidance flow to its checklist, with a hostile word wherever the flow takes text.
    await channel.say('certificate guidance');
    let card: unknown = lastCard();
    const moving: Record<string, string> = { classicToday: 'yes', csp: 'no', moveNow: 'yes', version: '2111', cloud: 'public', commonName: 'GraniteFalls.contoso.com', region: 'East US' };
    for (let guard = 0; guard < 8 && findButton(card, 'guidance.answer'); guard++) {
      const ids = Object.keys(moving).filter((id) => inputById(card, id));
      card = invokeCard(await press(channel, 'guidance.answer', submission(card, 'guidance.answer', Object.fromEntries(ids.map((id) => [id, moving[id]])))));
    }

    // Provider check and the live checks with hostile names.
    await channel.say(`check providers ${HOSTILE}`);
    await channel.say(`check providers ${SUB}`);
    await bot.app.idle();
    const shared = bot.connector.calls.map((call) => cardOf(call.activity)).filter((card) => card?.refresh && findButton(card, 'providerCheck.refresh')).at(-1)!;
    const view = (shared.refresh as { action: { verb: string; data: Record<string, unknown> } }).action;
    const ask = findButton(invokeCard(await press(channel, view.verb, view.data)), 'providerCheck.registerAsk')!;
    const confirm = invokeCard(await press(channel, ask.verb, ask.data));
    const go = findButton(confirm, 'providerCheck.register')!;
    await press(channel, go.verb, go.data);
    await bot.app.idle();
    const certificate = await makeCertificate({ cn: `GraniteFalls ${LINK} **BOLD** <at>Everyone</at>`, dnsNames: ['graniteFalls.contoso.com'] });
    await channel.say(`check certificate ${HOSTILE.slice(0, 200)} ${certificate.cert}`);
    // The answer engine declines when hostile words outweigh the question; these still get an answer and a "Did you mean".
    await channel.say('Which resource providers does a scale-set CMG need? **BOLD**');
    await channel.say('software center feels slow on our scale set cmg **BOLD** [x](https://evil.example/login)');
    await channel.say('software center feels slow on our scale set cmg **BOLD**');
    await channel.say('cmg certificate **BOLD**?');
    await channel.say('cmg certificate?');
    await channel.say(`check cname GraniteFalls.contoso.com ${HOSTILE}`);
    // The name pre-flight: a refused name, the form, and a full check whose card quotes what was typed.
    await channel.say(`check names ${WORD} ${HOSTILE}`);
    await channel.say('check names');
    await press(channel, 'namePreflight.run', { name: HOSTILE.slice(0, 250), region: HOSTILE.slice(0, 90), subscriptionId: HOSTILE.slice(0, 190) });
    await press(channel, 'namePreflight.start', { name: HOSTILE.slice(0, 250), region: HOSTILE.slice(0, 90) });
    await channel.say(`check names GraniteFalls East US ${SUB}`);
    await bot.app.idle();
    await channel.say(`check cname ${WORD} ${HOSTILE}`);
    await channel.say(`check endpoint ${WORD}`);
    await channel.say(`check certificate ${HOSTILE}`);
    await channel.say(`-----BEGIN CERTIFICATE-----\n${HOSTILE}\n-----END CERTIFICATE-----`);
    await press(channel, 'checks.cname', { serviceName: WORD, region: HOSTILE.slice(0, 90) });

    // A cutover plan: a refused form, then a plan with hostile notes, decided by a hostile name.
    await channel.say(`plan cutover ${HOSTILE}`);
    const form = lastCard();
    await press(channel, 'cutover.create', submission(form, 'cutover.create', { ...SAMPLE_PLAN_INPUTS, cmgName: WORD, notes: HOSTILE }));
    /** Submits the form and answers the id of the plan card it posted. */
    const createPlan = async (): Promise<string> => {
      await channel.say('plan cutover');
      const fresh = lastCard();
      const before = bot.connector.calls.length;
      await press(channel, 'cutover.create', submission(fresh, 'cutover.create', { ...SAMPLE_PLAN_INPUTS, notes: HOSTILE }));
      const planCard = bot.connector.calls.slice(before).map((call) => cardOf(call.activity)).find((card) => card && nodes(card).some((n) => n.verb === 'cutover.refresh'));
      if (!planCard) throw new Error(`no plan card: ${JSON.stringify(invokes.at(-1)).slice(0, 2000)} ${JSON.stringify(bot.connector.calls.slice(before).map((c) => c.activity)).slice(0, 2000)}`);
      return String(action(planCard, 'cutover.refresh').data.planId);
    };
    const planId = await createPlan();
    await press(channel, 'cutover.refresh', { planId });
    await press(asMal, 'cutover.refresh', { planId });
    await press(channel, 'cutover.edit', { planId });
    await press(channel, 'cutover.update', { ...submission(form, 'cutover.create', { ...SAMPLE_PLAN_INPUTS, notes: `${HOSTILE} (edited)` }), planId, revision: 1 });
    await press(asMal, 'cutover.approve', { planId, revision: 2, reason: HOSTILE });
    await channel.say(`cutover status ${planId}`);
    await channel.say('cutovers');
    clock.advance(2 * HOUR);
    await press(channel, 'cutover.done', { planId, early: true });
    await bot.app.idle();
    // A second plan, rejected and a third cancelled, each with a hostile reason.
    for (const verb of ['cutover.reject', 'cutover.cancel']) {
      const id = await createPlan();
      await press(verb === 'cutover.reject' ? asMal : channel, verb, { planId: id, revision: 1, reason: HOSTILE });
      await channel.say(`cutover status ${id}`);
    }
    // A plan left waiting: its nudge mentions the hostile approver when the clock moves on below.
    await createPlan();
    await bot.app.idle();

    // Reminders: set, listed, delivered, then snoozed, extended and done by the hostile name.
    await channel.say(`remind me in 10 minutes to ${HOSTILE}`);
    await channel.say('reminders');
    await channel.say(`snooze reminder 1 for ${HOSTILE}`);
    clock.advance(2 * DAY + HOUR);
    await bot.connector.waitFor(() => reminderCards(bot.connector, channel.conversationId).length >= 2);
    for (const delivered of reminderCards(bot.connector, channel.conversationId)) {
      await press(channel, 'reminder.snooze', { reminderId: delivered.reminderId, round: delivered.round });
      clock.advance(DAY + HOUR);
    }
    await bot.connector.waitFor(() => reminderCards(bot.connector, channel.conversationId).length >= 4);
    const later = reminderCards(bot.connector, channel.conversationId).slice(2);
    await press(channel, 'reminder.extend', { reminderId: later[0].reminderId, round: later[0].round, extendDays: '3' });
    await press(channel, 'reminder.done', { reminderId: later[1].reminderId, round: later[1].round });
    await channel.say('reminders');
    await bot.app.idle();

    // Every card rendered, every card sent, updated or answered, and every plain-text reply.
    const shown = [
      ...renders.map((r) => ({ where: `rendered ${r.template}`, card: r.card })),
      ...bot.connector.calls.map((call) => ({ where: `${call.method} to the channel`, card: cardOf(call.activity) })),
      ...invokes.map((body) => ({ where: 'invoke response', card: invokeCard({ status: 200, body }) })),
    ].filter((item) => item.card);
    const problems = shown.flatMap(({ where, card }) => cardProblems(card).map((problem) => `${where}: ${problem}`));
    const texts = bot.connector.calls.map((call) => String(call.activity?.text ?? '')).filter(Boolean);
    for (const text of texts) for (const problem of markdownProblems(text)) problems.push(`text reply: ${problem} in ${JSON.stringify(text.slice(0, 120))}`);
    for (const text of [...texts, ...bot.connector.calls.map((call) => String(call.activity?.summary ?? ''))]) if (INVISIBLE.test(text) || text.includes('PWNED')) problems.push(`text: ${JSON.stringify(text.slice(0, 80))}`);
    expect([...new Set(problems)]).toEqual([]);

    // The session reached every template that shows text someone typed.
    const reached = new Set(renders.map((r) => r.template));
    expect(TEMPLATE_NAMES.filter((name) => !reached.has(name) && !NO_USER_TEXT.includes(name))).toEqual([]);
  }, 120_000);
});

/** Templates that never show text a user typed or a display name (their data is the bot's own strings). */
const NO_USER_TEXT: TemplateName[] = ['help', 'error', 'providerForm', 'providerConfirm'];

describe('hostile text in the card samples', () => {
  const samples: CardSample[] = readdirSync(join(__dirname, '..', 'cardSamples'))
    .filter((file) => file.endsWith('.ts') && file !== 'types.ts')
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    .flatMap((file) => (require(join(__dirname, '..', 'cardSamples', file)) as { cardSamples: CardSample[] }).cardSamples);
  const renderer = new CardRenderer({ strict: true });

  it.each(samples.map((sample) => [sample.name, sample.reply] as const))('%s shows its sample data inert', (_name, reply) => {
    expect(cardProblems(renderer.render(reply))).toEqual([]);
  });
});
