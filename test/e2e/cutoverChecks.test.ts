import { ManualClock } from '../../src/clock';
import { startTestBot, TestBot } from '../harness/app';
import { action, buttons, nodes } from '../harness/cardWalk';
import { LocalTlsServer, makeServerChain } from '../harness/certificates';
import { SAMPLE_PLAN_INPUTS } from '../harness/cutoverPlans';
import { cardOf, cardText, TeamsClient, teamsUser } from '../harness/teams';
import { checkTargets } from './checkTargetsHelpers';
import { expectCard } from './cutoverHelpers';

/**
 * The cutover wired to the live checks (issue 14): "Cutover done" runs the CNAME check of an
 * own-domain certificate, and "Old CMG removed" first shows a pre-removal checklist (waiting
 * period, CNAME on the scale-set name, the endpoint's certificate), all against a DNS server and
 * a TLS server on loopback.
 */
const ALEX = teamsUser('Alex Admin');
const LEE = teamsUser('Lee Lead');
const DAY = 24 * 3600_000;
const HOST = 'GraniteFalls.contoso.com';
const SCALE_SET = 'granitefalls.eastus.cloudapp.azure.com';

describe('the cutover runs the live checks', () => {
  const targets = checkTargets([HOST]);
  let bot: TestBot;
  let clock: ManualClock;

  beforeEach(async () => {
    // Before the switch: the own-domain name still points at the classic CMG.
    targets.dns.set(HOST, { cname: 'granitefalls.cloudapp.net' }).set('granitefalls.cloudapp.net', { a: ['127.0.0.1'] }).set(SCALE_SET, { a: ['127.0.0.1'] });
    clock = new ManualClock('2026-01-05T09:00:00Z');
    bot = await startTestBot(
      {
        APPROVER_IDS: LEE.aadObjectId,
        CUTOVER_APPROVAL_NUDGE_HOURS: '0',
        ...targets.settings(),
        DNS_TIMEOUT_MS: '300',
        CHECKS_DEADLINE_MS: '3000',
      },
      { clock },
    );
    bot.connector.roster = [ALEX, LEE];
  });
  afterEach(async () => {
    await bot.stop();
  });

  async function approvedPlan(client: TeamsClient): Promise<string> {
    await client.say(client.locale.startsWith('nl') ? 'plan overstap' : 'plan cutover');
    const submit = action(cardOf(bot.connector.sent(client.conversationId).at(-1)), 'cutover.create');
    await client.invoke('cutover.create', { ...submit.data, ...SAMPLE_PLAN_INPUTS });
    const planId = String(action(cardOf(bot.connector.sent(client.conversationId).at(-1)), 'cutover.refresh').data.planId);
    await client.as(LEE).invoke('cutover.approve', { planId, revision: 1 });
    return planId;
  }

  it.each([
    ['en-US', `${HOST} still points at the old name granitefalls.cloudapp.net. Switch the CNAME to GraniteFalls.EastUS.CloudApp.Azure.com.`, `${HOST} already points at the new name ${SCALE_SET}.`],
    ['nl-NL', `${HOST} wijst nog naar de oude naam granitefalls.cloudapp.net. Zet de CNAME om naar GraniteFalls.EastUS.CloudApp.Azure.com.`, `${HOST} wijst al naar de nieuwe naam ${SCALE_SET}.`],
  ])('shows on "Cutover done" whether the CNAME already points at the new name (%s)', async (locale, stillOld, switched) => {
    const alex = bot.client({ scope: 'groupChat', user: ALEX, locale });
    const planId = await approvedPlan(alex);
    const done = expectCard(await alex.invoke('cutover.done', { planId, revision: 1, early: true }));
    expect(cardText(done)).toContain(stillOld);
    await bot.app.idle();
    const shared = cardOf(bot.connector.updates(alex.conversationId).at(-1)?.activity);
    expect(cardText(shared)).toContain(stillOld);

    // Switched in time for another plan: the next "done" sees it.
    targets.dns.set(HOST, { cname: SCALE_SET });
    const second = await approvedPlan(alex);
    expect(cardText(expectCard(await alex.invoke('cutover.done', { planId: second, revision: 1, early: true })))).toContain(switched);
  });

  it('shows the pre-removal checklist before the removal can be confirmed: what is not in place yet, then all clear', async () => {
    const alex = bot.client({ scope: 'groupChat', user: ALEX });
    const planId = await approvedPlan(alex);
    const done = expectCard(await alex.invoke('cutover.done', { planId, revision: 1, early: true }));
    // The button opens the checklist; the confirmation is not on the card yet.
    expect(buttons(done).map((b) => b.verb)).toEqual(['cutover.removalCheck']);

    const early = expectCard(await alex.invoke('cutover.removalCheck', action(done, 'cutover.removalCheck').data));
    const earlyText = cardText(early);
    expect(earlyText).toContain('Before you remove the old CMG');
    expect(earlyText).toContain('✗ The waiting period runs until 7 Jan 2026, 10:00 (Europe/Amsterdam): 2 days left.');
    expect(earlyText).toContain(`✗ ${HOST} still points at the old name granitefalls.cloudapp.net.`);
    expect(earlyText).toContain(`✓ ${HOST} presents a trusted certificate for its name.`);
    expect(earlyText).toContain('Not everything is in place yet.');

    targets.dns.set(HOST, { cname: SCALE_SET });
    clock.advance(2 * DAY);
    const clear = expectCard(await as(alex, LEE).invoke('cutover.removalCheck', { planId, revision: 1 }));
    const clearText = cardText(clear);
    expect(clearText).toContain('✓ The waiting period is over: it ended on 7 Jan 2026, 10:00 (Europe/Amsterdam).');
    expect(clearText).toContain(`✓ ${HOST} points at the scale-set name GraniteFalls.EastUS.CloudApp.Azure.com.`);
    expect(clearText).toContain('Everything is in place.');
    const confirm = nodes(clear).find((node) => node.type === 'Action.ShowCard');
    expect(buttons(confirm!.card).map((b) => b.verb)).toEqual(['cutover.oldRemoved']);
    const closed = expectCard(await as(alex, LEE).invoke('cutover.oldRemoved', buttons(confirm!.card)[0].data));
    expect(cardText(closed)).toContain('Closed: old CMG removed');
  });

  it('says when the new endpoint presents a certificate for another name', async () => {
    const other = await makeServerChain(['someone-else.contoso.com']);
    const wrong = await new LocalTlsServer(other.server).start();
    await bot.stop();
    bot = await startTestBot(
      {
        APPROVER_IDS: LEE.aadObjectId,
        CUTOVER_APPROVAL_NUDGE_HOURS: '0',
        DNS_SERVERS: targets.dns.server,
        DNS_TIMEOUT_MS: '300',
        CMG_PROBE_PORT: String(wrong.port),
        CHECKS_ALLOW_PRIVATE_ADDRESSES: 'true',
      },
      { clock },
    );
    bot.connector.roster = [ALEX, LEE];
    try {
      const alex = bot.client({ scope: 'groupChat', user: ALEX });
      const planId = await approvedPlan(alex);
      await alex.invoke('cutover.done', { planId, revision: 1, early: true });
      const checklist = cardText(expectCard(await alex.invoke('cutover.removalCheck', { planId, revision: 1 })));
      expect(checklist).toContain(`✗ ${HOST} presents a certificate for another name.`);
    } finally {
      await wrong.stop();
    }
  });
});

function as(client: TeamsClient, user: ReturnType<typeof teamsUser>): TeamsClient {
  return client.as(user);
}
