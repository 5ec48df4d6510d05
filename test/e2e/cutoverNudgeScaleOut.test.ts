import { randomUUID } from 'node:crypto';
import { AppOverrides, RunningApp, startApp } from '../../src/app';
import { ManualClock } from '../../src/clock';
import { loadConfig } from '../../src/config';
import { LogCapture } from '../harness/app';
import { RunningAzurite, startAzurite } from '../harness/azurite';
import { action } from '../harness/cardWalk';
import { SAMPLE_PLAN_INPUTS } from '../harness/cutoverPlans';
import { LocalConnector } from '../harness/connector';
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
  let azurite: RunningAzurite;
  let connector: LocalConnector;
  let apps: RunningApp[] = [];
  const clock = new ManualClock('2026-01-05T09:00:00Z');

  beforeAll(async () => {
    azurite = await startAzurite();
    connector = await new LocalConnector().start();
  }, 30_000);
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await connector?.stop();
    await azurite?.stop();
  });

  it('sends one nudge per interval, mentioning the undecided approver, whichever instance polls', async () => {
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      STORAGE: 'azure',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      AZURE_STORAGE_TABLE_PREFIX: `nudge${randomUUID().slice(0, 8)}`,
      REMINDER_POLL_INTERVAL_MS: '20',
      APPROVER_IDS: `${LEE.aadObjectId},${KIM.aadObjectId}`,
      CUTOVER_APPROVALS_REQUIRED: '2',
      CUTOVER_APPROVAL_NUDGE_HOURS: '8',
      LOG_LEVEL: 'warn',
    });
    const overrides: AppOverrides = { clock, logDestination: new LogCapture(), strictCards: true };
    apps = await Promise.all([startApp(config, overrides), startApp(config, overrides)]);
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
