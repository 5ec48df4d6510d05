import { ManualClock } from '../../src/clock';
import { LogCapture } from '../harness/app';
import { action } from '../harness/cardWalk';
import { SAMPLE_PLAN_INPUTS } from '../harness/cutoverPlans';
import { scaleOut } from './scaleOutHelpers';
import { cardOf, TeamsClient, teamsUser } from '../harness/teams';
import { nudgeCards } from './cutoverHelpers';

/**
 * Two instances behind a (pretend) load balancer on one Azure Table store (Azurite): each runs
 * its own scheduler, and a waiting plan's nudge still arrives exactly once per interval.
 */
const ALEX = teamsUser('Alex Admin');
const LEE = teamsUser('Lee Lead');
const KIM = teamsUser('Kim Lead');

describe('cutover nudges with two instances sharing Azure Table Storage', () => {
  const cluster = scaleOut();
  const clock = new ManualClock('2026-01-05T09:00:00Z');

  it('sends one nudge per interval, mentioning the undecided approver, whichever instance polls', async () => {
    const { connector } = cluster;
    const settings = {
      REMINDER_POLL_INTERVAL_MS: '20',
      APPROVER_IDS: `${LEE.aadObjectId},${KIM.aadObjectId}`,
      CUTOVER_APPROVALS_REQUIRED: '2',
      CUTOVER_APPROVAL_NUDGE_HOURS: '8',
      LOG_LEVEL: 'warn',
    };
    const apps = await cluster.start(2, settings, { clock, logDestination: new LogCapture(), strictCards: true });
    connector.roster = [ALEX, LEE, KIM];
    const alex = new TeamsClient({ botUrl: apps[0].url, serviceUrl: connector.url, scope: 'channel', user: ALEX });
    const leeOnSecond = new TeamsClient({ botUrl: apps[1].url, serviceUrl: connector.url, scope: 'channel', user: LEE, conversationId: alex.conversationId });

    await alex.say('plan cutover');
    const submit = action(cardOf(connector.sent(alex.conversationId).at(-1)), 'cutover.create');
    await alex.invoke('cutover.create', { ...submit.data, ...SAMPLE_PLAN_INPUTS });
    const planId = String(action(cardOf(connector.sent(alex.conversationId).at(-1)), 'cutover.refresh').data.planId);
    await leeOnSecond.invoke('cutover.approve', { planId, revision: 1 });

    for (let round = 1; round <= 3; round++) {
      clock.advance(8 * 3600_000);
      await connector.waitFor(() => nudgeCards(connector).length >= round, 10_000);
      // Both schedulers keep polling meanwhile: a duplicate would show up now.
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(nudgeCards(connector)).toHaveLength(round);
      expect(nudgeCards(connector).at(-1)!.mentioned).toEqual([KIM.id]);
    }
  }, 60_000);
});
