import { ManualClock } from '../../src/clock';
import { cardBytes, MAX_CARD_BYTES } from '../../src/bot/cardRenderer';
import { startTestBot, TestBot } from '../harness/app';
import { action, buttons, errorAfter, nodes } from '../harness/cardWalk';
import { SAMPLE_PLAN_INPUTS } from '../harness/cutoverPlans';
import { cardOf, cardText, TeamsClient, teamsUser, TeamsUser } from '../harness/teams';
import { expectCard } from './cutoverHelpers';

/**
 * The rough edges of planning a cutover (issue 12 points 6, 8, 9) and its bounds (issue 11 point
 * 11): one plan card after "Request approval", each missing field explained next to it, Cancel
 * and an early "Cutover done" confirmed, open plans per person and conversation, and a history
 * card that stays small however many edits.
 */
const ALEX = teamsUser('Alex Admin');
const KIM = teamsUser('Kim Requester');
const OLLY = teamsUser('Olly Other');
const LEE = teamsUser('Lee Lead');

type Card = Record<string, unknown>;

const planCardsIn = (bot: TestBot, conversationId: string) =>
  bot.connector.calls.filter((call) => call.method === 'POST' && call.conversationId === conversationId && (cardOf(call.activity)?.refresh as { action?: { verb?: string } } | undefined)?.action?.verb === 'cutover.refresh');

describe('planning a cutover without rough edges', () => {
  let bot: TestBot;
  let clock: ManualClock;

  async function start(env: Record<string, string> = {}): Promise<void> {
    clock = new ManualClock('2026-01-05T09:00:00Z');
    bot = await startTestBot({ APPROVER_IDS: LEE.aadObjectId, CUTOVER_APPROVAL_NUDGE_HOURS: '0', USER_TURNS_PER_MINUTE: '0', ...env }, { clock });
    bot.connector.roster = [ALEX, KIM, OLLY, LEE];
  }
  afterEach(async () => {
    await bot.stop();
  });

  async function form(client: TeamsClient): Promise<Card> {
    await client.say(client.locale.startsWith('nl') ? 'plan overstap' : 'plan cutover');
    return cardOf(bot.connector.sent(client.conversationId).at(-1))!;
  }

  async function createPlan(client: TeamsClient): Promise<{ planId: string; response: Card }> {
    const submit = action(await form(client), 'cutover.create');
    const before = bot.connector.calls.length;
    const response = expectCard(await client.invoke('cutover.create', { ...submit.data, ...SAMPLE_PLAN_INPUTS }));
    const posted = bot.connector.calls.slice(before).find((call) => call.method === 'POST');
    return { planId: posted ? String(action(cardOf(posted.activity), 'cutover.refresh').data.planId) : '', response };
  }

  it.each([
    ['en-US', 'Cutover plan {id} for GraniteFalls is waiting for approval'],
    ['nl-NL', 'Overstapplan {id} voor GraniteFalls wacht op goedkeuring'],
  ])('shows one plan card after "Request approval": the form becomes a short confirmation (%s)', async (locale, confirmation) => {
    await start();
    const alex = bot.client({ scope: 'groupChat', user: ALEX, locale });
    const { planId, response } = await createPlan(alex);
    expect(planCardsIn(bot, alex.conversationId)).toHaveLength(1);
    expect(cardText(response)).toContain(confirmation.replace('{id}', planId));
    expect(buttons(response)).toEqual([]);
    expect(response.refresh).toBeUndefined();
  });

  it.each([
    ['en-US', ['Type the CMG name', 'Type the Azure region', 'Enter the planned date', 'Enter the planned time'], 'has no such time'],
    ['nl-NL', ['Typ de naam van de CMG', 'Typ de Azure-regio', 'Vul de geplande datum in', 'Vul het geplande tijdstip in'], 'bestaat niet'],
  ])('explains each missing field of an empty form next to that field, never as a time that does not exist (%s)', async (locale, expected, wrong) => {
    await start();
    const alex = bot.client({ scope: 'groupChat', user: ALEX, locale });
    const submit = action(await form(alex), 'cutover.create');
    const posts = bot.connector.sent().length;
    const refused = expectCard(await alex.invoke('cutover.create', { ...submit.data, cmgName: '', region: '', plannedDate: '', plannedTime: '', waitingDays: '2', notes: '' }));
    const fields = ['cmgName', 'region', 'plannedDate', 'plannedTime'];
    fields.forEach((field, i) => expect(errorAfter(refused, field)).toContain(expected[i]));
    expect(errorAfter(refused, 'waitingDays')).toBeUndefined();
    expect(cardText(refused)).not.toContain(wrong);
    expect(bot.connector.sent()).toHaveLength(posts);
  });

  it('asks before cancelling a plan', async () => {
    await start();
    const alex = bot.client({ scope: 'groupChat', user: ALEX });
    const { planId } = await createPlan(alex);
    const view = expectCard(await alex.invoke('cutover.refresh', { planId }, { trigger: 'automatic' }));
    const showCards = nodes(view).filter((node) => node.type === 'Action.ShowCard');
    const cancel = showCards.find((node) => node.title === 'Cancel plan');
    expect(cancel).toBeDefined();
    expect(cardText(cancel!.card)).toContain('Cancel this plan?');
    expect(buttons(cancel!.card).map((b) => [b.verb, b.title])).toEqual([['cutover.cancel', 'Yes, cancel the plan']]);
    // Nothing outside the confirmation cancels.
    const outside = buttons({ ...view, body: (view.body as Card[]).map((item) => ({ ...item, actions: ((item.actions as Card[] | undefined) ?? []).filter((a) => a.type !== 'Action.ShowCard') })) });
    expect(outside.map((b) => b.verb)).not.toContain('cutover.cancel');
  });

  it.each([
    ['en-US', 'Was it really done already?', 'Yes, it was done early', 'Cutover recorded.'],
    ['nl-NL', 'Is hij echt al uitgevoerd?', 'Ja, het is eerder uitgevoerd', 'Overstap vastgelegd.'],
  ])('asks to confirm a "Cutover done" well before the planned time, and records it once confirmed (%s)', async (locale, question, yes, recorded) => {
    await start();
    const alex = bot.client({ scope: 'groupChat', user: ALEX, locale });
    const { planId } = await createPlan(alex);
    await alex.as(LEE).invoke('cutover.approve', { planId, revision: 1 });
    const asked = expectCard(await alex.invoke('cutover.done', { planId, revision: 1 }));
    expect(cardText(asked)).toContain(question);
    expect(cardText(asked)).toMatch(/10 (Jan|jan) 2026, 22:00/);
    const confirm = buttons(asked).find((b) => b.title === yes)!;
    expect(confirm).toMatchObject({ verb: 'cutover.done', data: { planId, early: true } });
    await alex.say(locale.startsWith('nl') ? `overstap status ${planId}` : `cutover status ${planId}`);
    expect(cardText(cardOf(bot.connector.sent(alex.conversationId).at(-1)))).not.toMatch(/marked the cutover done|als uitgevoerd gemeld/);
    expect(cardText(expectCard(await alex.invoke(confirm.verb, confirm.data)))).toContain(recorded);
  });

  it('records "Cutover done" near the planned time without asking', async () => {
    await start();
    const alex = bot.client({ scope: 'groupChat', user: ALEX });
    const { planId } = await createPlan(alex);
    await alex.as(LEE).invoke('cutover.approve', { planId, revision: 1 });
    // Planned for 10 Jan 22:00 in Amsterdam (21:00 UTC); half an hour before it is no surprise.
    clock.set(new Date('2026-01-10T20:30:00Z'));
    expect(cardText(expectCard(await alex.invoke('cutover.done', { planId, revision: 1 })))).toContain('Cutover recorded.');
  });

  it('bounds open plans per person and per conversation, keeps the form as typed, and frees a place when one closes', async () => {
    await start({ CUTOVER_MAX_OPEN_PLANS: '3', CUTOVER_MAX_OPEN_PLANS_PER_PERSON: '2' });
    const alex = bot.client({ scope: 'groupChat', user: ALEX });
    const as = (user: TeamsUser) => alex.as(user);
    const first = await createPlan(alex);
    await alex.say('plan cutover');
    const second = action(cardOf(bot.connector.sent(alex.conversationId).at(-1)), 'cutover.create');
    await alex.invoke('cutover.create', { ...second.data, ...SAMPLE_PLAN_INPUTS });
    // At the person's limit now: the same form sent again still shows the plan it made, not the limit.
    const resent = expectCard(await alex.invoke('cutover.create', { ...second.data, ...SAMPLE_PLAN_INPUTS }));
    expect(cardText(resent)).toContain('This form was already used for cutover plan');
    const third = await createPlan(alex);
    expect(third.planId).toBe('');
    expect(cardText(third.response)).toContain('You already have 2 open cutover plans in this conversation.');
    expect(JSON.stringify(third.response)).toContain('"value":"GraniteFalls.contoso.com"');
    await createPlan(as(KIM));
    const olly = await createPlan(as(OLLY));
    expect(olly.planId).toBe('');
    expect(cardText(olly.response)).toContain('This conversation already has 3 open cutover plans.');

    await alex.invoke('cutover.cancel', { planId: first.planId, revision: 1 });
    expect((await createPlan(as(OLLY))).planId).not.toBe('');
  });

  it('holds the limit when many forms are submitted at the same moment: each place is taken once', async () => {
    await start({ CUTOVER_MAX_OPEN_PLANS_PER_PERSON: '2' });
    const alex = bot.client({ scope: 'groupChat', user: ALEX });
    const forms = [];
    for (let i = 0; i < 8; i++) forms.push(action(await form(alex), 'cutover.create'));
    const before = bot.connector.calls.length;
    const results = await Promise.all(forms.map((submit) => alex.invoke('cutover.create', { ...submit.data, ...SAMPLE_PLAN_INPUTS })));
    const texts = results.map((result) => cardText(expectCard(result)));
    expect(texts.filter((text) => text.includes('is waiting for approval'))).toHaveLength(2);
    expect(texts.filter((text) => text.includes('You already have 2 open cutover plans in this conversation.'))).toHaveLength(6);
    expect(bot.connector.calls.slice(before).filter((call) => call.method === 'POST')).toHaveLength(2);
  });

  it('keeps the history card under 28 KB after 150 edits, with the latest entries and a count of the earlier ones', async () => {
    await start();
    const alex = bot.client({ scope: 'groupChat', user: ALEX });
    const { planId } = await createPlan(alex);
    for (let revision = 1; revision <= 150; revision++) {
      const edited = expectCard(await alex.invoke('cutover.update', { ...SAMPLE_PLAN_INPUTS, notes: `Edit ${revision}: ${'n'.repeat(900)}`, planId, revision }));
      if (!cardText(edited).includes('Plan updated')) throw new Error(`edit ${revision} refused: ${cardText(edited).slice(0, 300)}`);
    }
    await bot.app.idle();
    await alex.say(`cutover status ${planId}`);
    const history = cardOf(bot.connector.sent(alex.conversationId).at(-1))!;
    expect(cardBytes(history)).toBeLessThan(MAX_CARD_BYTES);
    expect(cardText(history)).toContain('126 earlier entries are not shown.');
    expect(cardText(history)).toContain('Alex Admin edited (Waiting for approval → Waiting for approval, r150)');
  }, 60_000);
});
