import { ManualClock } from '../../src/clock';
import { LogCapture } from '../harness/app';
import { action } from '../harness/cardWalk';
import { SAMPLE_PLAN_INPUTS } from '../harness/cutoverPlans';
import { scaleOut } from './scaleOutHelpers';
import { cardOf, cardText, TeamsClient, teamsUser } from '../harness/teams';

/**
 * The shared approval card when two instances sit behind the load balancer: each keeps its own
 * updates in order, but one instance's card update can reach the channel after the other's (a
 * slow path, the SDK's own retry after a 429/503). The card must still end on the newest state.
 */
const ALEX = teamsUser('Alex Admin');
const LEE = teamsUser('Lee Lead');
const KIM = teamsUser('Kim Lead');

describe('the shared approval card with two instances sharing Azure Table Storage', () => {
  const cluster = scaleOut();
  const clock = new ManualClock('2026-01-05T09:00:00Z');

  it('ends on the newest state when an earlier card update arrives late', async () => {
    const { connector } = cluster;
    const settings = {
      APPROVER_IDS: `${LEE.aadObjectId},${KIM.aadObjectId}`,
      CUTOVER_APPROVALS_REQUIRED: '2',
      CUTOVER_APPROVAL_NUDGE_HOURS: '0',
      LOG_LEVEL: 'warn',
    };
    const apps = await cluster.start(2, settings, { clock, logDestination: new LogCapture(), strictCards: true });
    connector.roster = [ALEX, LEE, KIM];
    const alex = new TeamsClient({ botUrl: apps[0].url, serviceUrl: connector.url, scope: 'groupChat', user: ALEX });
    const leeOnFirst = new TeamsClient({ botUrl: apps[0].url, serviceUrl: connector.url, scope: 'groupChat', user: LEE, conversationId: alex.conversationId });
    const kimOnSecond = new TeamsClient({ botUrl: apps[1].url, serviceUrl: connector.url, scope: 'groupChat', user: KIM, conversationId: alex.conversationId });

    await alex.say('plan cutover');
    const submit = action(cardOf(connector.sent(alex.conversationId).at(-1)), 'cutover.create');
    await alex.invoke('cutover.create', { ...submit.data, ...SAMPLE_PLAN_INPUTS });
    const planId = String(action(cardOf(connector.sent(alex.conversationId).at(-1)), 'cutover.refresh').data.planId);

    // The first card update (after Lee's approval, 1 of 2) takes 1.5 s to reach the channel.
    let firstPutArrived!: () => void;
    const firstPut = new Promise<void>((resolve) => (firstPutArrived = resolve));
    let puts = 0;
    connector.latency = (method) => {
      if (method !== 'PUT') return 0;
      puts++;
      if (puts === 1) {
        firstPutArrived();
        return 1500;
      }
      return 0;
    };

    await leeOnFirst.invoke('cutover.approve', { planId, revision: 1 });
    // The first instance has read the plan (1 of 2) and its PUT is on its way before Kim presses.
    await firstPut;
    await kimOnSecond.invoke('cutover.approve', { planId, revision: 1 });
    await Promise.all(apps.map((app) => app.idle()));
    await connector.waitFor(() => connector.updates(alex.conversationId).length >= 2, 10_000);

    // The plan is approved (2 of 2) ...
    await alex.say(`cutover status ${planId}`);
    expect(cardText(cardOf(connector.sent(alex.conversationId).at(-1)))).toContain('Approved: ready for cutover');
    // ... and the card everyone in the chat sees must say so.
    const shared = cardText(cardOf(connector.updates(alex.conversationId).at(-1)!.activity));
    expect(shared).toContain('Approved: ready for cutover');
    expect(shared).not.toContain('Waiting for approval');
  }, 60_000);
});
