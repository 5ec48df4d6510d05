import { ManualClock } from '../../src/clock';
import { startTestBot, TestBot } from '../harness/app';
import { action, buttons } from '../harness/cardWalk';
import { SAMPLE_PLAN_INPUTS } from '../harness/cutoverPlans';
import { cardOf, cardText, invokeCard, TeamsClient, teamsUser } from '../harness/teams';
import { said } from './cutoverHelpers';

/**
 * A plan is readable and actionable only in its own conversation scope (the channel, for a
 * channel thread) and tenant, and in the approval conversation its card was posted to
 * (issue 11 point 6). Everywhere else its id is answered like an unknown one.
 */
const ALEX = teamsUser('Alex Admin');
const LEE = teamsUser('Lee Lead');
const OLLY = teamsUser('Olly Other');
const CHANNEL = '19:migration-channel@thread.tacv2';

describe('cutover plans stay in their own conversation', () => {
  let bot: TestBot;

  async function start(env: Record<string, string> = {}): Promise<void> {
    bot = await startTestBot({ APPROVER_IDS: LEE.aadObjectId, CUTOVER_APPROVAL_NUDGE_HOURS: '0', ...env }, { clock: new ManualClock('2026-01-05T09:00:00Z') });
    bot.connector.roster = [ALEX, LEE, OLLY];
  }
  afterEach(async () => {
    await bot.stop();
  });

  async function createPlan(client: TeamsClient): Promise<{ planId: string; cardConversationId: string; activityId: string }> {
    await client.say('plan cutover');
    const submit = action(cardOf(bot.connector.sent(client.conversationId).at(-1)), 'cutover.create');
    const before = bot.connector.calls.length;
    await client.invoke('cutover.create', { ...submit.data, ...SAMPLE_PLAN_INPUTS });
    const posted = bot.connector.calls.slice(before).find((call) => call.method === 'POST')!;
    return { planId: String(action(cardOf(posted.activity), 'cutover.refresh').data.planId), cardConversationId: posted.conversationId, activityId: posted.assignedId! };
  }

  async function lastSaid(client: TeamsClient): Promise<string> {
    const last = bot.connector.sent(client.conversationId).at(-1);
    return cardText(cardOf(last)) || String(last?.text);
  }

  it('answers "not found" for status, refresh, a refused edit and a decision from another conversation, and changes nothing', async () => {
    await start();
    const home = bot.client({ scope: 'groupChat', user: ALEX });
    const { planId } = await createPlan(home);
    const elsewhere = bot.client({ scope: 'groupChat', user: OLLY });
    const approverElsewhere = elsewhere.as(LEE);

    await elsewhere.say(`cutover status ${planId}`);
    expect(await lastSaid(elsewhere)).toContain(`I have no cutover plan ${planId}.`);
    expect(await lastSaid(elsewhere)).not.toContain('GraniteFalls');
    await elsewhere.say(`edit cutover ${planId}`);
    expect(await lastSaid(elsewhere)).toContain(`I have no cutover plan ${planId}.`);
    for (const [client, verb, data] of [
      [elsewhere, 'cutover.refresh', { planId }],
      [elsewhere, 'cutover.edit', { planId }],
      [elsewhere, 'cutover.cancel', { planId, revision: 1 }],
      [approverElsewhere, 'cutover.approve', { planId, revision: 1 }],
      [approverElsewhere, 'cutover.requestAgain', { planId }],
    ] as const) {
      const answer = said(await client.invoke(verb, data));
      expect(answer).toContain(`I have no cutover plan ${planId}.`);
      expect(answer).not.toContain('GraniteFalls');
    }
    await elsewhere.say('cutovers');
    expect(await lastSaid(elsewhere)).toContain('There are no open cutover plans in this conversation.');

    // At home the plan is untouched and visible.
    await home.say(`cutover status ${planId}`);
    const history = await lastSaid(home);
    expect(history).toContain('Waiting for approval');
    expect(history).not.toContain('Lee Lead approved');
  });

  it('answers "not found" to the same conversation id from another tenant', async () => {
    await start();
    const home = bot.client({ scope: 'groupChat', user: ALEX });
    const { planId } = await createPlan(home);
    const forged = home.as(LEE).base('message');
    const otherTenant = '0b2c7d4e-1111-4222-8333-944455556666';
    (forged.conversation as Record<string, unknown>).tenantId = otherTenant;
    (forged.channelData as Record<string, unknown>).tenant = { id: otherTenant };
    forged.text = `<at>CMG Assistant</at> cutover status ${planId}`;
    (forged.entities as unknown[]).push({ type: 'mention', text: '<at>CMG Assistant</at>', mentioned: { id: '28:cmg-assistant-bot', name: 'CMG Assistant' } });
    await home.post(forged);
    expect(await lastSaid(home)).toContain(`I have no cutover plan ${planId}.`);
  });

  it('lists and shows a plan in every thread of its channel; the card stays in the thread it was posted to', async () => {
    await start();
    const thread1 = bot.client({ scope: 'channel', user: ALEX, conversationId: `${CHANNEL};messageid=1712345678901` });
    const thread2 = bot.client({ scope: 'channel', user: ALEX, conversationId: `${CHANNEL};messageid=1712345679999` });
    const { planId, cardConversationId, activityId } = await createPlan(thread1);
    expect(cardConversationId).toBe(thread1.conversationId);

    await thread2.say('cutovers');
    expect(await lastSaid(thread2)).toContain('GraniteFalls → GraniteFalls.EastUS.CloudApp.Azure.com');
    await thread2.say(`cutover status ${planId}`);
    expect(await lastSaid(thread2)).toContain('Waiting for approval');

    const approved = said(await thread2.as(LEE).invoke('cutover.approve', { planId, revision: 1 }));
    expect(approved).toContain('You approved this plan.');
    await bot.app.idle();
    const update = bot.connector.updates().find((call) => call.activityId === activityId);
    expect(update?.conversationId).toBe(thread1.conversationId);
  });

  it('lets the approval conversation see and decide the plans whose cards it holds', async () => {
    const approvals = '19:approvals@thread.v2';
    await start({ CUTOVER_APPROVAL_CONVERSATION_ID: approvals });
    const approvers = bot.client({ scope: 'groupChat', user: LEE, conversationId: approvals });
    await approvers.say('help');
    const home = bot.client({ scope: 'groupChat', user: ALEX });
    const { planId, cardConversationId } = await createPlan(home);
    expect(cardConversationId).toBe(approvals);

    await approvers.say(`cutover status ${planId}`);
    expect(await lastSaid(approvers)).toContain('Waiting for approval');
    const view = invokeCard(await approvers.invoke('cutover.refresh', { planId }, { trigger: 'automatic' }));
    expect(buttons(view).map((b) => b.verb)).toEqual(['cutover.approve', 'cutover.reject']);
    expect(said(await approvers.invoke('cutover.approve', { planId, revision: 1 }))).toContain('You approved this plan.');
    // The requester's own conversation lists it; the approval conversation is not where it was requested.
    await home.say('cutovers');
    expect(await lastSaid(home)).toContain('GraniteFalls');
    await approvers.say('cutovers');
    expect(await lastSaid(approvers)).toContain('There are no open cutover plans in this conversation.');
  });
});
