import { ManualClock } from '../../src/clock';
import { startTestBot, TestBot } from '../harness/app';
import { action, buttons } from '../harness/cardWalk';
import { SAMPLE_PLAN_INPUTS } from '../harness/cutoverPlans';
import { cardOf, cardText, HttpResult, TeamsClient, teamsUser } from '../harness/teams';
import { said } from './cutoverHelpers';

/**
 * A plan whose approval card could not be posted (the bot is not, or no longer, in the approvers'
 * conversation): the requester is told to install it there and type `cutover status`, and that
 * then brings the card to the approvers, who can decide from it.
 */
const ALEX = teamsUser('Alex Admin');
const LEE = teamsUser('Lee Lead');
const APPROVALS = '19:approvals@thread.v2';

describe('an approval card that could not be posted', () => {
  let bot: TestBot;
  afterEach(async () => {
    await bot.stop();
  });

  async function submitForm(client: TeamsClient): Promise<HttpResult> {
    await client.say('plan cutover');
    const submit = action(cardOf(bot.connector.sent(client.conversationId).at(-1)), 'cutover.create');
    return client.invoke('cutover.create', { ...submit.data, ...SAMPLE_PLAN_INPUTS });
  }

  it('reaches the approvers once the bot is installed there and the requester types cutover status', async () => {
    bot = await startTestBot({ APPROVER_IDS: LEE.aadObjectId, CUTOVER_APPROVAL_CONVERSATION_ID: APPROVALS, CUTOVER_APPROVAL_NUDGE_HOURS: '0' }, { clock: new ManualClock('2026-01-05T09:00:00Z') });
    bot.connector.roster = [ALEX, LEE];
    const home = bot.client({ scope: 'groupChat', user: ALEX });
    const failed = said(await submitForm(home));
    expect(failed).toContain('could not post the approval card');
    const planId = /cutover plan (C[A-Z0-9]{5})/.exec(failed)![1];

    // Typed before the bot is in the approvers' conversation: the same clear message, nothing lost.
    await home.say(`cutover status ${planId}`);
    expect(String(bot.connector.sent(home.conversationId).at(-1)?.text)).toContain('could not post the approval card');

    const approvers = bot.client({ scope: 'groupChat', user: LEE, conversationId: APPROVALS });
    await approvers.installationUpdate('add');
    await home.say(`cutover status ${planId}`);
    expect(cardText(cardOf(bot.connector.sent(home.conversationId).at(-1)))).toContain(planId);
    const planCards = bot.connector.sent(APPROVALS).filter((activity) => cardText(cardOf(activity)).includes(`Cutover plan ${planId}`));
    expect(planCards).toHaveLength(1);
    expect(buttons(cardOf(planCards[0])).map((button) => button.verb)).toContain('cutover.approve');

    // Lee decides from it, and asking for the status again posts nothing more.
    expect(said(await approvers.invoke('cutover.approve', { planId, revision: 1 }))).toContain('You approved this plan.');
    await home.say(`cutover status ${planId}`);
    await bot.app.idle();
    expect(bot.connector.sent(APPROVALS).filter((activity) => cardText(cardOf(activity)).includes(`Cutover plan ${planId}`))).toHaveLength(1);
    expect(cardText(cardOf(bot.connector.sent(home.conversationId).at(-1)))).toContain('Approved');
  });
});
