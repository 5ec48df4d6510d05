import { SAMPLE_PLAN_INPUTS } from '../harness/cutoverPlans';
import { ManualClock } from '../../src/clock';
import type { Reminder } from '../../src/reminders/reminder';
import { startTestBot, TestBot } from '../harness/app';
import { cardOf, invokeCard, teamsUser } from '../harness/teams';
import { findAction, reminderCards, waitUntil } from './reminderHelpers';

/** The cutover capability's "done" schedules the waiting-period reminder; it arrives when the wait ends. */
const ALEX = teamsUser('Alex Admin');
const LEE = teamsUser('Lee Lead');
const HOUR = 3600_000;
const DAY = 24 * HOUR;

describe('waiting-period reminder of a cutover marked done', () => {
  let bot: TestBot;
  afterEach(async () => {
    await bot.stop();
  });

  it.each([
    ['en-US', 'The waiting period for GraniteFalls is over', 'Remove the original CMG connection point'],
    ['nl-NL', 'De wachttijd voor GraniteFalls is voorbij', 'Verwijder het oorspronkelijke CMG-verbindingspunt'],
  ])('arrives as a proactive card at the due time in the plan\'s language (%s), also after a restart', async (locale, title, step) => {
    const clock = new ManualClock('2026-01-05T09:00:00Z');
    bot = await startTestBot({ APPROVER_IDS: LEE.aadObjectId, REMINDER_POLL_INTERVAL_MS: '20' }, { clock });
    bot.connector.roster = [ALEX, LEE];
    const alex = bot.client({ scope: 'channel', user: ALEX, locale, timezone: 'Europe/Amsterdam' });

    await alex.say(locale.startsWith('nl') ? 'plan overstap' : 'plan cutover');
    const form = cardOf(bot.connector.sent(alex.conversationId).at(-1));
    const create = findAction(form, 'cutover.create') as { data?: Record<string, unknown> } | undefined;
    const created = await alex.invoke('cutover.create', {
      ...(create?.data ?? {}),
      ...SAMPLE_PLAN_INPUTS,
      notes: '',
    });
    expect(invokeCard(created)).toBeDefined();
    const posted = bot.connector.calls.filter((call) => call.method === 'POST').at(-1);
    const planId = String((findAction(cardOf(posted?.activity), 'cutover.refresh') as { data?: { planId?: string } } | undefined)?.data?.planId);
    await alex.as(LEE).invoke('cutover.approve', { planId, revision: 1, reason: 'Go' });
    clock.advance(2 * HOUR);
    await alex.invoke('cutover.done', { planId, revision: 1, early: true });
    await bot.app.idle();

    const stored = await bot.app.store.collection<Reminder>('reminders').get(`plan-${planId}`);
    expect(stored?.value).toMatchObject({ kind: 'waitingPeriod', state: 'pending', dueAt: '2026-01-07T11:00:00.000Z', conversationId: alex.conversationId });

    await bot.restart();
    clock.advance(2 * DAY - 60_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(reminderCards(bot.connector)).toHaveLength(0);
    clock.advance(60_000);
    await bot.connector.waitFor(() => reminderCards(bot.connector).length === 1);
    const [card] = reminderCards(bot.connector, alex.conversationId);
    expect(card.text).toContain(title);
    expect(card.text).toContain(step);
    expect(card.text).toContain('GraniteFalls.EastUS.CloudApp.Azure.com');
    expect(card.text).toMatch(/(Wed 7 Jan|wo 7 jan) 2026, 12:00 \(Europe\/Amsterdam\)/);
    await waitUntil(async () => (await bot.app.store.collection<Reminder>('reminders').get(`plan-${planId}`))?.value.state === 'sent');
  });
});
