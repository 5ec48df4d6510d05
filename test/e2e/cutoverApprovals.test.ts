import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../src/clock';
import { SqliteStore } from '../../src/storage/sqliteStore';
import { BarrierStore } from '../unit/cutover/barrierStore';
import { startTestBot, TestBot } from '../harness/app';
import { action, buttons } from '../harness/cardWalk';
import { SAMPLE_PLAN_INPUTS } from '../harness/cutoverPlans';
import { cardOf, cardText, TeamsClient, teamsUser, TeamsUser } from '../harness/teams';
import { expectCard, nudgeCards } from './cutoverHelpers';

/**
 * Cutover approvals that finish (issue 13), through HTTP with a manual clock: nudges that mention
 * only the approvers who have not decided, escalation to backup approvers, several approvers,
 * "Request again" after expiry, and Approve/Reject that reach approvers the member lookup misses.
 */
const ALEX = teamsUser('Alex Admin');
const LEE = teamsUser('Lee Lead');
const KIM = teamsUser('Kim Lead');
const BO = teamsUser('Bo Backup');
const OLLY = teamsUser('Olly Other');
const START = '2026-01-05T09:00:00Z';
const HOUR = 3600_000;

type Card = Record<string, unknown>;

const verbs = (card: Card | undefined): string[] => buttons(card).map((button) => button.verb);

/** Real time for a scheduler poll (every 20 ms here) to have run several times: a duplicate would show by then. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('cutover approvals that finish', () => {
  let bot: TestBot;
  let clock: ManualClock;
  let alex: TeamsClient;

  async function start(env: Record<string, string> = {}, store?: BarrierStore, locale = 'en-US'): Promise<void> {
    clock = new ManualClock(START);
    bot = await startTestBot(
      { APPROVER_IDS: `${LEE.aadObjectId},${KIM.aadObjectId}`, CUTOVER_APPROVAL_EXPIRY_HOURS: '48', REMINDER_POLL_INTERVAL_MS: '20', CUTOVER_APPROVAL_NUDGE_HOURS: '0', ...env },
      { clock, store },
    );
    bot.connector.roster = [ALEX, LEE, KIM, OLLY, BO];
    alex = bot.client({ scope: 'channel', user: ALEX, timezone: 'Europe/Amsterdam', locale });
  }

  const cleanups: (() => void)[] = [];
  afterEach(async () => {
    await bot.stop();
    cleanups.splice(0).forEach((clean) => clean());
  });

  const as = (user: TeamsUser) => alex.as(user);

  async function createPlan(client: TeamsClient = alex): Promise<{ planId: string; activityId: string }> {
    await client.say(client.locale.startsWith('nl') ? 'plan overstap' : 'plan cutover');
    const submit = action(cardOf(bot.connector.sent(client.conversationId).at(-1)), 'cutover.create');
    const before = bot.connector.calls.length;
    const response = expectCard(await client.invoke('cutover.create', { ...submit.data, ...SAMPLE_PLAN_INPUTS }));
    const posted = bot.connector.calls.slice(before).find((call) => call.method === 'POST');
    if (!posted) throw new Error(`no approval card was posted: ${cardText(response)}`);
    return { planId: String(action(cardOf(posted.activity), 'cutover.refresh').data.planId), activityId: posted.assignedId! };
  }

  function sharedCard(activityId: string): Card | undefined {
    const update = bot.connector.updates().filter((call) => call.activityId === activityId).at(-1);
    return cardOf(update?.activity ?? bot.connector.calls.find((call) => call.assignedId === activityId)?.activity);
  }

  const refresh = async (user: TeamsUser, planId: string) => expectCard(await as(user).invoke('cutover.refresh', { planId }, { trigger: 'automatic' }));

  async function statusText(planId: string): Promise<string> {
    await alex.say(`cutover status ${planId}`);
    const last = bot.connector.sent(alex.conversationId).at(-1);
    return cardText(cardOf(last)) || String(last?.text);
  }

  describe('Approve and Reject reach approvers the member lookup misses', () => {
    it('shows the buttons to everyone when the lookup answers 404, refuses a non-approver and accepts an approver', async () => {
      await start();
      // As in Agents Playground: every member lookup answers 404.
      bot.connector.memberFault = () => 404;
      const { activityId } = await createPlan();
      const shared = sharedCard(activityId)!;
      expect(verbs(shared)).toEqual(['cutover.approve', 'cutover.reject']);
      expect(cardText(shared)).toContain('Only the approvers named on this card can decide');
      expect(cardText(shared)).toContain('May approve');
      expect(cardText(shared)).toContain('2 approvers set by the bot administrator');

      const olly = expectCard(await as(OLLY).invoke('cutover.approve', action(shared, 'cutover.approve').data));
      expect(cardText(olly)).toContain('Only approvers can approve or reject this plan. Nothing was changed.');
      const lee = expectCard(await as(LEE).invoke('cutover.approve', action(shared, 'cutover.approve').data));
      expect(cardText(lee)).toContain('You approved this plan.');
      await bot.app.idle();
      expect(cardText(sharedCard(activityId))).toContain('Approved by Lee Lead');
      expect(verbs(sharedCard(activityId))).toEqual([]);
    });

    it('looks the approvers up again on every refresh: one added to the chat later gets a personal view and the open buttons go', async () => {
      await start();
      bot.connector.roster = [ALEX, LEE, OLLY];
      const { planId, activityId } = await createPlan();
      // Kim is not in the chat yet: the shared card carries the buttons, and names the approver it found.
      expect(verbs(sharedCard(activityId))).toEqual(['cutover.approve', 'cutover.reject']);
      expect(cardText(sharedCard(activityId))).toContain('Lee Lead and 1 more set by the bot administrator');
      expect((sharedCard(activityId)!.refresh as { userIds: string[] }).userIds.sort()).toEqual([ALEX.id, LEE.id].sort());

      bot.connector.roster = [ALEX, LEE, KIM, OLLY];
      await refresh(ALEX, planId);
      await bot.app.idle();
      const shared = sharedCard(activityId)!;
      expect(verbs(shared)).toEqual([]);
      expect(cardText(shared)).toContain('Lee Lead, Kim Lead');
      expect((shared.refresh as { userIds: string[] }).userIds.sort()).toEqual([ALEX.id, KIM.id, LEE.id].sort());
      expect(verbs(await refresh(KIM, planId))).toEqual(['cutover.approve', 'cutover.reject']);
    });
  });

  describe('nudges', () => {
    it('mentions only the undecided approvers, once per interval (decimal hours), across a restart, until a decision', async () => {
      await start({ CUTOVER_APPROVAL_NUDGE_HOURS: '0.5', CUTOVER_APPROVALS_REQUIRED: '2' });
      const { planId } = await createPlan();
      await as(LEE).invoke('cutover.approve', { planId, revision: 1 });

      clock.advance(29 * 60_000);
      await settle();
      expect(nudgeCards(bot.connector)).toHaveLength(0);
      clock.advance(60_000);
      await bot.connector.waitFor(() => nudgeCards(bot.connector).length === 1);
      await settle();
      const [first] = nudgeCards(bot.connector, alex.conversationId);
      expect(nudgeCards(bot.connector)).toHaveLength(1);
      expect(first.mentioned).toEqual([KIM.id]);
      expect(first.mentionTexts).toEqual(['<at>Kim Lead</at>']);
      expect(first.text).toContain(`<at>Kim Lead</at>: please approve or reject cutover plan ${planId} for GraniteFalls`);
      expect(first.text).toContain('Approvals so far: 1 of 2.');
      expect(first.text).not.toContain('Lee Lead');

      await bot.restart();
      clock.advance(29 * 60_000);
      await settle();
      expect(nudgeCards(bot.connector)).toHaveLength(1);
      clock.advance(60_000);
      await bot.connector.waitFor(() => nudgeCards(bot.connector).length === 2);
      await settle();
      expect(nudgeCards(bot.connector)).toHaveLength(2);

      await as(KIM).invoke('cutover.approve', { planId, revision: 1 });
      clock.advance(HOUR);
      await settle();
      expect(nudgeCards(bot.connector)).toHaveLength(2);
    });

    it('offers the plan from the nudge: "Show the plan" gives an approver their buttons', async () => {
      await start({ CUTOVER_APPROVAL_NUDGE_HOURS: '8' });
      const { planId } = await createPlan();
      clock.advance(8 * HOUR);
      await bot.connector.waitFor(() => nudgeCards(bot.connector).length === 1);
      expect(nudgeCards(bot.connector)[0].mentioned.sort()).toEqual([KIM.id, LEE.id].sort());
      const nudge = cardOf(bot.connector.sent(alex.conversationId).at(-1));
      const show = action(nudge, 'cutover.refresh');
      expect(show.data).toEqual({ planId });
      expect(verbs(expectCard(await as(LEE).invoke(show.verb, show.data)))).toEqual(['cutover.approve', 'cutover.reject']);

      // The nudge is the plan's own follow-up: not in the conversation's reminders, and no reminder button stops it.
      await alex.say('reminders');
      expect(cardText(cardOf(bot.connector.sent(alex.conversationId).at(-1)))).not.toContain(planId);
      const cancel = await alex.invoke('reminder.cancel', { reminderId: `nudge-${planId}`, round: 2 });
      expect(JSON.stringify(cancel.body)).not.toContain('cancelled');
      clock.advance(8 * HOUR);
      await bot.connector.waitFor(() => nudgeCards(bot.connector).length === 2);
    });
  });

  describe('escalation', () => {
    it.each([
      ['en-US', 'backup approvers added', 'added the backup approvers', 'nobody had decided after 1 day; added: Bo Backup'],
      ['nl-NL', 'reservegoedkeurders toegevoegd', 'heeft de reservegoedkeurders toegevoegd', 'niemand had na 1 dag beslist; toegevoegd: Bo Backup'],
    ])('adds and mentions the backup approvers at the right time, and the audit says when and why (%s)', async (locale, title, action_, why) => {
      await start({ CUTOVER_ESCALATION_IDS: BO.aadObjectId, CUTOVER_ESCALATE_AFTER_HOURS: '24' }, undefined, locale);
      const { planId, activityId } = await createPlan();
      const early = expectCard(await as(BO).invoke('cutover.approve', { planId, revision: 1 }));
      expect(cardText(early)).toMatch(/Only approvers|Alleen goedkeurders/);

      clock.advance(24 * HOUR - 60_000);
      await settle();
      expect(nudgeCards(bot.connector)).toHaveLength(0);
      clock.advance(60_000);
      await bot.connector.waitFor(() => nudgeCards(bot.connector).length === 1);
      await settle();
      const [escalation] = nudgeCards(bot.connector, alex.conversationId);
      expect(nudgeCards(bot.connector)).toHaveLength(1);
      expect(escalation.mentioned).toEqual([BO.id]);
      expect(escalation.text).toContain(title);
      await bot.app.idle();
      expect((sharedCard(activityId)!.refresh as { userIds: string[] }).userIds).toContain(BO.id);

      await alex.say(locale.startsWith('nl') ? `overstap status ${planId}` : `cutover status ${planId}`);
      const history = cardText(cardOf(bot.connector.sent(alex.conversationId).at(-1)));
      expect(history).toContain(`CMG Assistant ${action_}`);
      expect(history).toContain(why);
      expect(history).toMatch(/6 (Jan|jan) 2026, 10:00/);

      const approved = expectCard(await as(BO).invoke('cutover.approve', { planId, revision: 1 }));
      expect(cardText(approved)).toMatch(/You approved this plan|Je hebt dit plan goedgekeurd/);
    });
  });

  describe('several approvers', () => {
    it('stays pending after one of two approvals, shows each decision with its time, refuses a second vote, and approves on the second approver', async () => {
      await start({ CUTOVER_APPROVALS_REQUIRED: '2' });
      const { planId, activityId } = await createPlan();
      const first = expectCard(await as(LEE).invoke('cutover.approve', { planId, revision: 1, reason: 'Window agreed' }));
      expect(cardText(first)).toContain('You approved this plan. It has 1 of the 2 approvals it needs.');
      await bot.app.idle();
      const shared = cardText(sharedCard(activityId));
      expect(shared).toContain('Waiting for approval');
      expect(shared).toContain('Lee Lead: Approved, 5 Jan 2026, 10:00 (Europe/Amsterdam)');
      expect(shared).toContain('Reason: Window agreed');
      expect(shared).toContain('1 of 2 needed');

      const again = expectCard(await as(LEE).invoke('cutover.approve', { planId, revision: 1 }));
      expect(cardText(again)).toContain('You already approved this revision of the plan; each approver counts once.');
      clock.advance(HOUR);
      const second = expectCard(await as(KIM).invoke('cutover.approve', { planId, revision: 1 }));
      expect(cardText(second)).toContain('You approved this plan.');
      await bot.app.idle();
      const done = cardText(sharedCard(activityId));
      expect(done).toContain('Approved: ready for cutover');
      expect(done).toContain('Kim Lead: Approved, 5 Jan 2026, 11:00 (Europe/Amsterdam)');
      expect(done).toContain('2 of 2 needed');
      const history = await statusText(planId);
      expect(history).toContain('Lee Lead approved (Waiting for approval → Waiting for approval, r1): 1 of 2 approvals');
      expect(history).toContain('Kim Lead approved (Waiting for approval → Approved, r1): 2 of 2 approvals');
    });

    it.each([
      ['en-US', 'A cutover plan needs 2 approvals, but only 1 of the approvers may decide on a plan you request'],
      ['nl-NL', 'Een overstapplan heeft 2 goedkeuringen nodig, maar van de goedkeurders mogen er maar 1 beslissen over een plan dat jij aanvraagt'],
    ])('refuses a plan an approver requests when the others could not approve it, with the form kept as typed (%s)', async (locale, reason) => {
      // Two leads, two approvals needed: a plan Lee requests could only ever get Kim's approval.
      await start({ CUTOVER_APPROVALS_REQUIRED: '2' }, undefined, locale);
      const lee = as(LEE);
      await lee.say(locale.startsWith('nl') ? 'plan overstap' : 'plan cutover');
      const submit = action(cardOf(bot.connector.sent(lee.conversationId).at(-1)), 'cutover.create');
      const before = bot.connector.calls.length;
      const form = expectCard(await lee.invoke('cutover.create', { ...submit.data, ...SAMPLE_PLAN_INPUTS }));
      expect(cardText(form)).toContain(reason);
      expect(verbs(form)).toContain('cutover.create');
      expect(JSON.stringify(form)).toContain(SAMPLE_PLAN_INPUTS.cmgName);
      // No plan and no approval card.
      expect(bot.connector.calls.slice(before).filter((call) => call.method === 'POST')).toEqual([]);
      await alex.say(locale.startsWith('nl') ? 'overstappen' : 'cutovers');
      expect(cardText(cardOf(bot.connector.sent(alex.conversationId).at(-1)))).not.toContain(SAMPLE_PLAN_INPUTS.cmgName);
      // Someone who is not an approver can still request the same plan: both leads may decide on it.
      await createPlan();
    });

    it('accepts a plan an approver requests when a backup approver makes up the number', async () => {
      await start({ CUTOVER_APPROVALS_REQUIRED: '2', CUTOVER_ESCALATION_IDS: BO.aadObjectId });
      const { planId } = await createPlan(as(LEE));
      expect(planId).toMatch(/^C[A-Z0-9]{5}$/);
    });

    it('rejects on any rejection, even after an approval', async () => {
      await start({ CUTOVER_APPROVALS_REQUIRED: '2' });
      const { planId, activityId } = await createPlan();
      await as(LEE).invoke('cutover.approve', { planId, revision: 1 });
      const rejected = expectCard(await as(KIM).invoke('cutover.reject', { planId, revision: 1, reason: 'Freeze' }));
      expect(cardText(rejected)).toContain('You rejected this plan.');
      await bot.app.idle();
      expect(cardText(sharedCard(activityId))).toContain('Rejected by Kim Lead');
    });

    it.each([
      ['two approvals at once approve it, each counted', 'cutover.approve', 'Approved: ready for cutover', 2],
      ['an approval and a rejection at once end rejected', 'cutover.reject', 'Rejected', 1],
    ])('%s (conditional writes)', async (_name, kimVerb, status, leeCounted) => {
      const dir = mkdtempSync(join(tmpdir(), 'cmg-approvals-'));
      const store = new BarrierStore(new SqliteStore(join(dir, 'bot.db')));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      await start({ CUTOVER_APPROVALS_REQUIRED: '2' }, store);
      const { planId } = await createPlan();
      store.parties = 2;
      await Promise.all([as(LEE).invoke('cutover.approve', { planId, revision: 1 }), as(KIM).invoke(kimVerb, { planId, revision: 1 })]);
      const history = await statusText(planId);
      expect(history).toContain(status);
      const decisions = history.split('\n').filter((line) => /^(Lee|Kim) Lead (approved|rejected)/.test(line));
      // Both decisions are recorded once, whatever order the writes landed in; a rejection first leaves no room for the approval.
      expect(decisions.length).toBeGreaterThanOrEqual(leeCounted === 2 ? 2 : 1);
      expect(new Set(decisions).size).toBe(decisions.length);
      if (kimVerb === 'cutover.approve') expect(decisions).toHaveLength(2);
      else expect(decisions.filter((line) => line.startsWith('Kim Lead rejected'))).toHaveLength(1);
    });
  });

  describe('request again after expiry', () => {
    it('offers its requester "Request again", which creates a linked new plan with a fresh approval card', async () => {
      await start();
      const { planId, activityId } = await createPlan();
      clock.advance(49 * HOUR);
      expect(await bot.app.capabilities.cutover.expireOverdue(clock.now())).toBe(1);
      await bot.app.idle();
      expect((sharedCard(activityId)!.refresh as { userIds: string[] }).userIds).toEqual([ALEX.id]);
      const view = await refresh(ALEX, planId);
      expect(verbs(view)).toEqual(['cutover.requestAgain']);
      expect(verbs(await refresh(LEE, planId))).toEqual([]);
      const stranger = expectCard(await as(OLLY).invoke('cutover.requestAgain', { planId }));
      expect(cardText(stranger)).toContain('Only Alex Admin, who requested this plan, can do that.');

      const before = bot.connector.calls.length;
      const again = expectCard(await alex.invoke('cutover.requestAgain', action(view, 'cutover.requestAgain').data));
      const posted = bot.connector.calls.slice(before).find((call) => call.method === 'POST');
      expect(posted).toBeDefined();
      const newId = String(action(cardOf(posted!.activity), 'cutover.refresh').data.planId);
      expect(newId).not.toBe(planId);
      expect(cardText(again)).toContain(`Requested again as cutover plan ${newId}; it is waiting for approval.`);
      expect(cardText(cardOf(posted!.activity))).toContain(`Requested again after cutover plan ${planId} expired.`);
      expect(cardText(cardOf(posted!.activity))).toContain('GraniteFalls.EastUS.CloudApp.Azure.com');
      await bot.app.idle();
      expect(cardText(sharedCard(activityId))).toContain(`Requested again as cutover plan ${newId}.`);

      expect(await statusText(planId)).toContain(`Alex Admin requested it again (Expired → Expired, r1): as cutover plan ${newId}`);
      expect(await statusText(newId)).toContain(`requested again after cutover plan ${planId} expired`);
      const twice = expectCard(await alex.invoke('cutover.requestAgain', { planId }));
      expect(cardText(twice)).toContain(`already requested again as cutover plan ${newId}`);
      expect(verbs(await refresh(LEE, newId))).toEqual(['cutover.approve', 'cutover.reject']);
    });
  });
});
