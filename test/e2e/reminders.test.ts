import { ManualClock } from '../../src/clock';
import type { Reminder } from '../../src/reminders/reminder';
import { startTestBot, TestBot } from '../harness/app';
import type { LocalConnector } from '../harness/connector';
import { buttons } from '../harness/cardWalk';
import { cardOf, cardText, invokeCard, TeamsClient } from '../harness/teams';
import { maxInWindow, reminderCards, turnOf, waitUntil } from './reminderHelpers';

const FAST = { REMINDER_POLL_INTERVAL_MS: '20', REMINDER_RETRY_BASE_MS: '1000', REMINDER_MAX_ATTEMPTS: '3' };
const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

/** The reminder id a "Reminder set" answer names. */
function codeIn(text: string): string {
  const code = /id is \*\*([A-Z]{4})\*\*|De id is \*\*([A-Z]{4})\*\*/.exec(text);
  if (!code) throw new Error(`no reminder id in: ${text}`);
  return code[1] ?? code[2];
}

function lastCardText(connector: LocalConnector, conversationId: string): string {
  const sent = connector.sent(conversationId);
  return cardText(cardOf(sent[sent.length - 1]));
}

async function storedReminders(bot: TestBot, conversationId: string): Promise<Reminder[]> {
  return (await bot.app.store.collection<Reminder>('reminders').listByPartition(conversationId)).map((i) => i.value);
}

describe('reminders through the bot (embedded store, injected clock)', () => {
  let bot: TestBot;
  let clock: ManualClock;
  let client: TeamsClient;

  beforeEach(async () => {
    clock = new ManualClock('2026-01-05T09:00:00Z');
    bot = await startTestBot(FAST, { clock });
    client = bot.client({ locale: 'en-US', timezone: 'Europe/Amsterdam' });
  });
  afterEach(async () => {
    await bot.stop();
  });

  it('sets a reminder in the user\'s time zone and sends the card when it is due, not before', async () => {
    await client.say('remind me in 2 days to remove the old CMG');
    const confirmation = lastCardText(bot.connector, client.conversationId);
    expect(confirmation).toContain('Reminder set');
    // 09:00 UTC is 10:00 in Amsterdam.
    expect(confirmation).toContain('Wed 7 Jan 2026, 10:00 (Europe/Amsterdam)');
    expect(confirmation).toContain('remove the old CMG');

    clock.advance(2 * DAY - 60_000);
    await bot.app.capabilities.reminders.book.collection.listDue(clock.now().toISOString(), 10).then((due) => expect(due).toHaveLength(0));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(reminderCards(bot.connector)).toHaveLength(0);

    clock.advance(60_000);
    await bot.connector.waitFor(() => reminderCards(bot.connector).length === 1);
    const [delivered] = reminderCards(bot.connector, client.conversationId);
    expect(delivered.text).toContain('remove the old CMG');
    // The person's own words, without the cutover's steps (those come with a waiting period).
    expect(delivered.text).not.toContain('What to do now');
    expect(delivered.text).not.toContain('Keep at least one CMG active');
    expect(delivered.text).toMatch(/Done[\s\S]*Snooze 1 day/);
    // An own request has no waiting period, so there is nothing to extend.
    expect(delivered.text).not.toContain('Extend the wait');
    expect(delivered.text).not.toContain('late');
    // The id from "Reminder set" is on the delivered card too.
    expect(delivered.text).toContain(`Reminder id\n${codeIn(confirmation)}`);
  });

  it('in a Teams channel every post is its own thread: a reminder set in one is listed and cancelled from another, and arrives in its own thread', async () => {
    const channel = `19:${'c'.repeat(8)}@thread.tacv2`;
    const first = bot.client({ scope: 'channel', conversationId: `${channel};messageid=1712000000001`, locale: 'en-US', timezone: 'Europe/Amsterdam' });
    const second = first.as(first.user, { conversationId: `${channel};messageid=1712000000002` });
    const otherChannel = bot.client({ scope: 'channel', conversationId: `19:${'d'.repeat(8)}@thread.tacv2;messageid=1712000000003`, locale: 'en-US' });

    await first.say('remind me in 2 days to retire the classic gateway');
    const removeCode = codeIn(lastCardText(bot.connector, first.conversationId));
    await first.say('remind me in 3 days to check DNS');
    const dnsCode = codeIn(lastCardText(bot.connector, first.conversationId));

    await second.say('reminders');
    const listed = lastCardText(bot.connector, second.conversationId);
    expect(listed).toContain('retire the classic gateway');
    expect(listed).toContain('check DNS');
    // Another channel sees none of it.
    await otherChannel.say('reminders');
    expect(lastCardText(bot.connector, otherChannel.conversationId)).not.toContain('retire the classic gateway');

    await second.say(`cancel reminder ${dnsCode}`);
    expect(lastCardText(bot.connector, second.conversationId)).toContain('Reminder cancelled');
    // Nor can it cancel what it cannot see.
    await otherChannel.say(`cancel reminder ${removeCode}`);
    expect(lastCardText(bot.connector, otherChannel.conversationId)).not.toMatch(/cancelled/i);

    clock.advance(2 * DAY);
    await bot.connector.waitFor(() => reminderCards(bot.connector).length === 1);
    // Delivered where it was asked for, the first thread; the cancelled one never comes.
    expect(reminderCards(bot.connector, first.conversationId)).toHaveLength(1);
    expect(reminderCards(bot.connector, second.conversationId)).toHaveLength(0);
    clock.advance(2 * DAY);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(reminderCards(bot.connector).map((card) => card.text).join('\n')).not.toContain('check DNS');
  });

  it('deletes finished reminders once their retention (REMINDER_RETENTION_DAYS, 30 by default) has passed, and keeps the rest', async () => {
    await client.say('remind me in 10 minutes to check DNS');
    await client.say('remind me in 20 days to remove the old CMG');
    await client.say('remind me in 5 days to renew the certificate');
    await client.say(`cancel reminder ${codeIn(lastCardText(bot.connector, client.conversationId))}`); // the 5-day one: finished now, cancelled
    clock.advance(10 * 60_000);
    await bot.connector.waitFor(() => reminderCards(bot.connector).length === 1);
    await waitUntil(async () => (await storedReminders(bot, client.conversationId)).filter((r) => r.state === 'sent').length === 1);
    expect((await storedReminders(bot, client.conversationId)).map((r) => r.state).sort()).toEqual(['cancelled', 'pending', 'sent']);

    // 29 days on: everything finished is still within its retention; the 20-day one went out meanwhile.
    clock.advance(29 * DAY);
    await bot.connector.waitFor(() => reminderCards(bot.connector).length === 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await storedReminders(bot, client.conversationId)).toHaveLength(3);

    // Past 30 days after the first two finished: those go, the one sent on day 20 stays.
    clock.advance(2 * DAY);
    await waitUntil(async () => (await storedReminders(bot, client.conversationId)).length === 1);
    const [kept] = await storedReminders(bot, client.conversationId);
    expect(kept.note).toContain('remove the old CMG');
    await client.say('reminders');
    expect(lastCardText(bot.connector, client.conversationId)).not.toContain('check DNS');
  });

  it('keeps finished reminders for good with REMINDER_RETENTION_DAYS=0', async () => {
    const keeping = await startTestBot({ ...FAST, REMINDER_RETENTION_DAYS: '0' }, { clock });
    try {
      const there = keeping.client();
      await there.say('remind me in 10 minutes to check DNS');
      clock.advance(10 * 60_000);
      await keeping.connector.waitFor(() => reminderCards(keeping.connector).length === 1);
      clock.advance(400 * DAY);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await storedReminders(keeping, there.conversationId)).map((r) => r.state)).toEqual(['sent']);
    } finally {
      await keeping.stop();
    }
  });

  it('understands Dutch requests and answers in Dutch', async () => {
    const dutch = bot.client({ locale: 'nl-NL', timezone: 'Europe/Amsterdam' });
    await dutch.say('herinner me morgen 09:00 de oude CMG te verwijderen');
    expect(lastCardText(bot.connector, dutch.conversationId)).toContain('Herinnering ingesteld');
    expect(lastCardText(bot.connector, dutch.conversationId)).toContain('di 6 jan 2026, 09:00 (Europe/Amsterdam)');
    await dutch.say('herinneringen');
    expect(lastCardText(bot.connector, dutch.conversationId)).toContain('Herinneringen in dit gesprek');
    clock.set('2026-01-06T08:00:00Z');
    await bot.connector.waitFor(() => reminderCards(bot.connector, dutch.conversationId).length === 1);
    const [card] = reminderCards(bot.connector, dutch.conversationId);
    expect(card.text).toContain('Herinnering');
    expect(card.text).toContain('de oude CMG te verwijderen');
    expect(card.text).not.toContain('Wat je nu doet');
    expect(card.text).toMatch(/Klaar[\s\S]*1 dag uitstellen/);
    expect(card.text).not.toContain('Wachttijd verlengen');
  });

  it('explains a request without a usable time', async () => {
    await client.say('remind me sometime');
    expect(lastCardText(bot.connector, client.conversationId)).toContain('I did not find a time');
    await client.say('remind me in 200 days');
    expect(lastCardText(bot.connector, client.conversationId)).toContain('up to 90 days');
    expect(await storedReminders(bot, client.conversationId)).toHaveLength(0);
  });

  it('sends the waiting-period reminder of a finished cutover in the plan\'s language, also after a restart, with how late it is', async () => {
    const dutch = bot.client({ locale: 'nl-NL' });
    await dutch.say('hulp'); // stores the conversation reference, as any message does
    await bot.app.capabilities.reminders.scheduleWaitingPeriodEnd({
      planId: 'plan-1',
      conversationId: dutch.conversationId,
      dueAt: new Date(clock.now().getTime() + 2 * DAY).toISOString(),
      lang: 'nl',
      timezone: 'Europe/Amsterdam',
      cmgName: 'GraniteFalls',
      oldServiceName: 'GraniteFalls.cloudapp.net',
      newServiceName: 'GraniteFalls.EastUS.CloudApp.Azure.Com',
    });
    await bot.restart();
    // Down for the due time: the bot comes back three hours after it.
    await bot.app.stop();
    clock.advance(2 * DAY + 3 * HOUR);
    await bot.restart();
    await bot.connector.waitFor(() => reminderCards(bot.connector, dutch.conversationId).length === 1);
    const [card] = reminderCards(bot.connector, dutch.conversationId);
    expect(card.text).toContain('De wachttijd voor GraniteFalls is voorbij');
    expect(card.text).toContain('GraniteFalls.EastUS.CloudApp.Azure.Com');
    expect(card.text).toContain('3 uur te laat');
    expect(card.text).toContain('Verwijder het oorspronkelijke CMG-verbindingspunt');
    expect(card.text).not.toContain('connection point');
    expect(card.text).toMatch(/Klaar[\s\S]*1 dag uitstellen[\s\S]*Wachttijd verlengen/);
    await waitUntil(async () => (await storedReminders(bot, dutch.conversationId))[0].state === 'sent');
    const [stored] = await storedReminders(bot, dutch.conversationId);
    expect(stored).toMatchObject({ state: 'sent', lateMs: 3 * HOUR });
  });

  it('cancelling the plan cancels its pending waiting-period reminder', async () => {
    await client.say('help');
    const reminders = bot.app.capabilities.reminders;
    const plan = { planId: 'p2', conversationId: client.conversationId, dueAt: new Date(clock.now().getTime() + DAY).toISOString(), lang: 'en' as const, cmgName: 'Contoso', oldServiceName: 'a', newServiceName: 'b' };
    await reminders.scheduleWaitingPeriodEnd(plan);
    await reminders.scheduleWaitingPeriodEnd(plan); // marking done twice schedules once
    expect(await storedReminders(bot, client.conversationId)).toHaveLength(1);
    await reminders.cancelForPlan('p2');
    clock.advance(2 * DAY);
        await new Promise((resolve) => setTimeout(resolve, 100));
    expect(reminderCards(bot.connector)).toHaveLength(0);
    await client.say('reminders');
    expect(lastCardText(bot.connector, client.conversationId)).toContain('Cancelled');
  });

  it('Done and Snooze 1 day on a delivered request; Extend the wait only on a waiting period', async () => {
    await client.say('remind me in 10 minutes to check the new CMG');
    clock.advance(10 * 60_000);
    await bot.connector.waitFor(() => reminderCards(bot.connector).length === 1);
    const first = reminderCards(bot.connector)[0];

    const snoozed = await client.invoke('reminder.snooze', { reminderId: first.reminderId, round: first.round });
    expect(cardText(invokeCard(snoozed))).toContain('snoozed this until Tue 6 Jan 2026, 10:10 (Europe/Amsterdam)');
    // Pressing the old card's button again does not snooze twice.
    const again = await client.invoke('reminder.snooze', { reminderId: first.reminderId, round: first.round });
    expect(cardText(invokeCard(again))).toContain('Tue 6 Jan 2026, 10:10');

    clock.advance(DAY);
    await bot.connector.waitFor(() => reminderCards(bot.connector).length === 2);
    const second = reminderCards(bot.connector)[1];
    expect(second.round).toBe('2');
    // A forged Extend on a request changes nothing: it has no waiting period.
    const forged = await client.invoke('reminder.extend', { reminderId: second.reminderId, round: second.round, extendDays: '3' });
    expect(cardText(invokeCard(forged))).not.toContain('extended the wait');
    expect((await storedReminders(bot, client.conversationId))[0]).toMatchObject({ state: 'sent', round: 2 });

    const done = await client.invoke('reminder.done', { reminderId: second.reminderId, round: second.round });
    expect(cardText(invokeCard(done))).toContain('marked this done');
    // The shared card is updated for everyone too.
    expect(bot.connector.updates(client.conversationId).length).toBeGreaterThanOrEqual(2);

    // A waiting period offers Extend the wait, and extending re-arms it.
    await bot.app.capabilities.reminders.scheduleWaitingPeriodEnd({ planId: 'p9', conversationId: client.conversationId, dueAt: new Date(clock.now().getTime() + DAY).toISOString(), lang: 'en', cmgName: 'GraniteFalls', oldServiceName: 'GraniteFalls.cloudapp.net', newServiceName: 'GraniteFalls.EastUS.CloudApp.Azure.Com' });
    clock.advance(DAY);
    await bot.connector.waitFor(() => reminderCards(bot.connector).length === 3);
    const waiting = reminderCards(bot.connector)[2];
    expect(waiting.text).toMatch(/Done[\s\S]*Snooze 1 day[\s\S]*Extend the wait/);
    const extended = await client.invoke('reminder.extend', { reminderId: waiting.reminderId, round: waiting.round, extendDays: '3' });
    expect(cardText(invokeCard(extended))).toContain('extended the wait');
    clock.advance(3 * DAY);
    await bot.connector.waitFor(() => reminderCards(bot.connector).length === 4);
    clock.advance(10 * DAY);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(reminderCards(bot.connector)).toHaveLength(4);
  });

  it('refuses card actions from another conversation', async () => {
    await client.say('remind me in 10 minutes to check');
    const [stored] = await storedReminders(bot, client.conversationId);
    const stranger = bot.client();
    const result = await stranger.invoke('reminder.done', { reminderId: stored.id, round: 1 });
    expect(result.body).toMatchObject({ type: 'application/vnd.microsoft.activity.message', value: 'This reminder no longer exists in this conversation.' });
    expect((await storedReminders(bot, client.conversationId))[0].state).toBe('pending');
  });

  it('lists, snoozes and cancels by id with text commands in both languages; a snooze counts from now', async () => {
    await client.say('remind me in 3 hours to check DNS');
    const dns = codeIn(lastCardText(bot.connector, client.conversationId));
    await client.say('remind me tomorrow 08:00 to remove the old CMG');
    const remove = codeIn(lastCardText(bot.connector, client.conversationId));
    expect(dns).not.toBe(remove);
    await client.say('reminders');
    const list = lastCardText(bot.connector, client.conversationId);
    expect(list).toContain('Reminders in this conversation');
    expect(list.indexOf(dns)).toBeLessThan(list.indexOf('check DNS'));
    expect(list.indexOf('check DNS')).toBeLessThan(list.indexOf(remove));
    expect(list).toContain('Mon 5 Jan 2026, 13:00 (Europe/Amsterdam)');
    expect(list).toContain(`snooze reminder ${dns} 2 hours`);

    await client.say(`snooze reminder ${dns} 1 day`);
    expect(lastCardText(bot.connector, client.conversationId)).toContain(`Reminder ${dns} (check DNS) will arrive on Tue 6 Jan 2026, 10:00`);
    // "2 hours" means two hours from now, not two hours after the previous snooze.
    await client.say(`snooze reminder ${dns.toLowerCase()} for 2 hours`);
    expect(lastCardText(bot.connector, client.conversationId)).toContain('will arrive on Mon 5 Jan 2026, 12:00');
    await client.say(`cancel reminder #${remove}`);
    expect(lastCardText(bot.connector, client.conversationId)).toContain(`Reminder ${remove} (remove the old CMG) will not be sent`);
    await client.say('cancel reminder BBBB');
    expect(lastCardText(bot.connector, client.conversationId)).toContain('There is no reminder BBBB');

    // The list's Snooze 1 day pushes a reminder a day later than it would have come, never earlier.
    await bot.app.capabilities.reminders.request(turnOf(client), 'in 30 days to renew the certificate');
    const renew = (await storedReminders(bot, client.conversationId)).find((r) => r.note === 'renew the certificate')!;
    const listed = invokeCard(await client.invoke('reminder.snooze', { reminderId: renew.id, round: renew.round, from: 'list' }));
    expect(cardText(listed)).toContain('Thu 5 Feb 2026, 10:00');

    const dutch = client.as(client.user, { locale: 'nl-NL' });
    await dutch.say(`stel herinnering ${dns} uit 1 dag`);
    expect(lastCardText(bot.connector, client.conversationId)).toContain(`Herinnering ${dns} (check DNS) komt op di 6 jan 2026, 10:00`);
    await dutch.say(`annuleer herinnering ${dns}`);
    expect(lastCardText(bot.connector, client.conversationId)).toContain('Herinnering geannuleerd');
    const states = (await storedReminders(bot, client.conversationId)).map((r) => r.state).sort();
    expect(states).toEqual(['cancelled', 'cancelled', 'pending']);
  });

  it('keeps ids stable while the list order changes; an old number works only when it can mean one reminder', async () => {
    await client.say('remind me in 2 days to remove the old CMG');
    const remove = codeIn(lastCardText(bot.connector, client.conversationId));
    // One reminder waiting: "1" can only mean that one.
    await client.say('snooze reminder 1 3 hours');
    expect(lastCardText(bot.connector, client.conversationId)).toContain(`Reminder ${remove} (remove the old CMG) will arrive on Mon 5 Jan 2026, 13:00`);

    // A new, earlier reminder would have become number 1: numbers are refused, with the ids to use.
    await client.say('remind me in 1 hour to check DNS');
    const dns = codeIn(lastCardText(bot.connector, client.conversationId));
    await client.say('cancel reminder 1');
    const answer = lastCardText(bot.connector, client.conversationId);
    expect(answer).toContain('Reminders have their own id now');
    expect(answer).toContain(`**${dns}**: check DNS`);
    expect(answer).toContain(`**${remove}**: remove the old CMG`);
    expect(answer).toContain(`cancel reminder ${dns}`);
    expect((await storedReminders(bot, client.conversationId)).every((r) => r.state === 'pending')).toBe(true);
    const dutch = client.as(client.user, { locale: 'nl-NL' });
    await dutch.say('annuleer herinnering 2');
    expect(lastCardText(bot.connector, client.conversationId)).toContain('Herinneringen hebben nu een eigen id');

    // The list shows the same ids, in due order, and the reminder card carries them.
    await client.say('reminders');
    const list = lastCardText(bot.connector, client.conversationId);
    expect(list.indexOf(dns)).toBeLessThan(list.indexOf(remove));
    await client.say(`cancel reminder ${remove}`);
    expect(lastCardText(bot.connector, client.conversationId)).toContain(`Reminder ${remove} (remove the old CMG) will not be sent`);
    clock.advance(HOUR);
    await bot.connector.waitFor(() => reminderCards(bot.connector).length === 1);
    expect(reminderCards(bot.connector)[0].text).toContain(`Reminder id\n${dns}`);
  });

  it.each([
    ['en-US', 'remind me next friday to check DNS', 'Reminder set', 'Fri 9 Jan 2026, 09:00 (Europe/Amsterdam)'],
    ['nl-NL', 'herinner me volgende vrijdag de DNS te controleren', 'Herinnering ingesteld', 'vr 9 jan 2026, 09:00 (Europe/Amsterdam)'],
    ['en-US', 'remind me friday at 14:00 to renew the certificate', 'Reminder set', 'Fri 9 Jan 2026, 14:00 (Europe/Amsterdam)'],
    ['nl-NL', 'herinner me vrijdag om 14:00 het certificaat te vernieuwen', 'Herinnering ingesteld', 'vr 9 jan 2026, 14:00 (Europe/Amsterdam)'],
  ])('understands weekdays (%s: %s)', async (locale, text, title, time) => {
    const speaker = bot.client({ locale, timezone: 'Europe/Amsterdam' });
    await speaker.say(text);
    const answer = lastCardText(bot.connector, speaker.conversationId);
    expect(answer).toContain(title);
    expect(answer).toContain(time);
  });

  it.each([
    ['en-US', 'remind me in 1 hour to check DNS', 'Too many reminders', 'already has 3 reminders waiting'],
    ['nl-NL', 'herinner me over 1 uur de DNS te controleren', 'Te veel herinneringen', 'heeft al 3 wachtende herinneringen'],
  ])('refuses a reminder beyond REMINDER_MAX_PENDING with a clear message (%s)', async (locale, text, title, body) => {
    const capped = await startTestBot({ ...FAST, REMINDER_MAX_PENDING: '3' }, { clock });
    try {
      const there = capped.client({ locale, timezone: 'Europe/Amsterdam' });
      for (let i = 0; i < 3; i++) await there.say(text);
      await there.say(text);
      const answer = lastCardText(capped.connector, there.conversationId);
      expect(answer).toContain(title);
      expect(answer).toContain(body);
      expect(await storedReminders(capped, there.conversationId)).toHaveLength(3);
      // Another conversation has its own allowance; a cancelled reminder frees a place.
      await capped.client({ locale }).say(text);
      expect(lastCardText(capped.connector, capped.connector.calls.at(-1)!.conversationId)).not.toContain(title);
      const [first] = await storedReminders(capped, there.conversationId);
      await there.say(`${locale === 'nl-NL' ? 'annuleer herinnering' : 'cancel reminder'} ${first.code}`);
      await there.say(text);
      expect(await storedReminders(capped, there.conversationId)).toHaveLength(4);
    } finally {
      await capped.stop();
    }
  });

  it('pages a long list so every card stays under 28 KB, and every reminder can be reached', async () => {
    await client.say('help');
    const due = new Date(clock.now().getTime() + DAY).getTime();
    const long = 'remove the old CMG and its connection point, then tell the service desk '.repeat(4).slice(0, 300);
    for (let i = 0; i < 300; i++) await bot.app.capabilities.reminders.book.add({ ...dueReminder(`bulk-${i}`, client.conversationId, new Date(due + i * 60_000).toISOString()), note: long });
    await client.say('reminders');
    let card = cardOf(bot.connector.sent(client.conversationId).at(-1))!;
    const seen = new Set<string>();
    for (let page = 1; ; page++) {
      expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(28 * 1024);
      const text = cardText(card);
      expect(text).toContain(`Reminders ${(page - 1) * 10 + 1} to ${Math.min(page * 10, 300)} of 300`);
      for (const button of buttons(card).filter((b) => b.verb === 'reminder.cancel')) seen.add(String(button.data.reminderId));
      const next = buttons(card).find((b) => b.verb === 'reminder.page' && b.title === 'Next');
      if (!next) break;
      card = invokeCard(await client.invoke('reminder.page', next.data))!;
    }
    expect(seen.size).toBe(300);
    // Cancelling from page 3 answers with page 3 again.
    const third = invokeCard(await client.invoke('reminder.page', { page: 3 }))!;
    const cancel = buttons(third).find((b) => b.verb === 'reminder.cancel')!;
    const after = invokeCard(await client.invoke('reminder.cancel', cancel.data))!;
    expect(cardText(after)).toContain('Reminders 21 to 30 of 300');
    expect((await bot.app.capabilities.reminders.book.get(String(cancel.data.reminderId)))?.value.state).toBe('cancelled');
  });

  it('shows display names and reminder text literally on shared cards', async () => {
    const eve = client.as({ ...client.user, name: '[Eve](https://evil.example) **boss**' });
    await eve.say('remind me in 10 minutes to [click](https://evil.example) *now*');
    const confirmation = lastCardText(bot.connector, client.conversationId);
    expect(confirmation).toContain('\\[click\\]\\(https\u2060://evil.example\\) \\*now\\*');
    clock.advance(10 * 60_000);
    await bot.connector.waitFor(() => reminderCards(bot.connector).length === 1);
    const [delivered] = reminderCards(bot.connector);
    const done = await eve.invoke('reminder.done', { reminderId: delivered.reminderId, round: delivered.round });
    const status = cardText(invokeCard(done));
    expect(status).toContain('\\[Eve\\]\\(https\u2060://evil.example\\) \\*\\*boss\\*\\* marked this done');
    await bot.app.idle();
    const update = bot.connector.updates(client.conversationId).at(-1);
    expect(cardText(cardOf(update?.activity))).toContain('\\[Eve\\]\\(https\u2060://evil.example\\)');
  });

  it('marks a reminder failed when the bot was removed (403) and forgets the conversation', async () => {
    await client.say('remind me in 10 minutes to check');
    bot.connector.fault = (call) => (call.method === 'POST' ? { status: 403, body: { error: { code: 'MessageWritesBlocked', message: 'blocked' } } } : undefined);
    clock.advance(10 * 60_000);
    await waitUntil(async () => (await storedReminders(bot, client.conversationId))[0].state === 'failed');
    const [failed] = await storedReminders(bot, client.conversationId);
    expect(failed.failure).toMatchObject({ reason: 'removed', status: 403 });
    await expect(bot.app.outbox.send(client.conversationId, { kind: 'text', text: 'x' })).rejects.toMatchObject({ status: 404 });

    bot.connector.fault = undefined;
    await client.say('reminders'); // the user writes again: the reply path works, the list shows why
    const list = lastCardText(bot.connector, client.conversationId);
    expect(list).toContain('Not delivered');
    expect(list).toContain('removed from this conversation or blocked');
  });

  it('marks a reminder failed when the conversation is gone (404)', async () => {
    await client.say('remind me in 10 minutes to check');
    bot.connector.fault = (call) => (call.method === 'POST' ? { status: 404, body: { error: { code: 'ConversationNotFound', message: 'gone' } } } : undefined);
    clock.advance(10 * 60_000);
    await waitUntil(async () => (await storedReminders(bot, client.conversationId))[0].state === 'failed');
    expect((await storedReminders(bot, client.conversationId))[0].failure).toMatchObject({ reason: 'notFound', status: 404 });
    expect(bot.connector.calls.filter((c) => c.method === 'POST').length).toBe(1);
  });

  it('retries 412, 502 and 504 with backoff, then gives up visibly; snoozing tries again', async () => {
    await client.say('remind me in 10 minutes to check');
    const statuses = [412, 502, 504];
    let refused = 0;
    bot.connector.fault = (call) => (call.method === 'POST' ? { status: statuses[refused++ % 3] } : undefined);
    clock.advance(10 * 60_000);
    for (const attempts of [1, 2]) {
      await waitUntil(async () => (await storedReminders(bot, client.conversationId))[0].attempts === attempts);
      // The retry waits for its backoff on the injected clock: nothing happens until time moves.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(refused).toBe(attempts);
      clock.advance(60_000);
    }
    await waitUntil(async () => (await storedReminders(bot, client.conversationId))[0].state === 'failed');
    const [failed] = await storedReminders(bot, client.conversationId);
    expect(failed).toMatchObject({ attempts: 3, failure: { reason: 'gaveUp', status: 504 } });
    // One request per attempt: botbuilder's own retries are off for reminders.
    expect(refused).toBe(3);

    bot.connector.fault = undefined;
    await client.say('reminders');
    expect(lastCardText(bot.connector, client.conversationId)).toContain('after 3 attempts');
    await client.say('snooze reminder 1 1 hour');
    clock.advance(HOUR);
    await bot.connector.waitFor(() => reminderCards(bot.connector).length === 1);
  });

  it('sends a reminder whose instance died mid-send once its lease expires, with a note, and never twice', async () => {
    await client.say('help');
    const due = new Date(clock.now().getTime() - 60_000).toISOString();
    const leaseUntil = new Date(clock.now().getTime() + 60_000).toISOString();
    // As a crashed instance leaves it: claimed and marked `sending`, never marked sent.
    await bot.app.capabilities.reminders.book.add({ ...dueReminder('crashed', client.conversationId, due), state: 'sending', lease: { owner: 'dead-instance', until: leaseUntil } });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(reminderCards(bot.connector)).toHaveLength(0); // its lease still runs: the owner may be alive
    clock.advance(60_000);
    await bot.connector.waitFor(() => reminderCards(bot.connector).length === 1);
    expect(reminderCards(bot.connector)[0].text).toContain('if you already got it, ignore this copy');
    await waitUntil(async () => (await storedReminders(bot, client.conversationId))[0].state === 'sent');
    clock.advance(10 * 60_000);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(reminderCards(bot.connector)).toHaveLength(1);
  });

  it('restarting in the middle of a run loses nothing and sends nothing twice', async () => {
    for (let i = 1; i <= 24; i++) await bot.app.capabilities.reminders.request(turnOf(client), `in 10 minutes note ${i}`);
    await client.say('help');
    clock.advance(10 * 60_000);
    // 7 per second per conversation: the run takes a few seconds; stop it part-way.
    await bot.connector.waitFor(() => reminderCards(bot.connector).length >= 5);
    await bot.restart();
    await bot.connector.waitFor(() => reminderCards(bot.connector).length >= 24, 15_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const keys = reminderCards(bot.connector).map((c) => `${c.reminderId}#${c.round}`);
    expect(keys).toHaveLength(24);
    expect(new Set(keys).size).toBe(24);
    expect((await storedReminders(bot, client.conversationId)).every((r) => r.state === 'sent')).toBe(true);
  });
});

describe('reminders under throttling (real clock)', () => {
  let bot: TestBot;
  afterEach(async () => {
    await bot.stop();
  });

  it('delivers every reminder through 429 bursts, honouring Retry-After, never faster than the limits', async () => {
    bot = await startTestBot({ ...FAST, REMINDER_MAX_ATTEMPTS: '3' });
    const clients = [bot.client(), bot.client()];
    for (const c of clients) await c.say('help');
    const refusedAt: number[] = [];
    const refusedConversation = new Map<number, string>();
    let posts = 0;
    bot.connector.fault = (call) => {
      // Two bursts of three 429s with Retry-After, early and in the middle of the run.
      if (call.method !== 'POST') return undefined;
      posts++;
      if ((posts >= 5 && posts <= 7) || (posts >= 20 && posts <= 22)) {
        const at = Date.now();
        refusedAt.push(at);
        refusedConversation.set(at, call.conversationId);
        return { status: 429, headers: { 'retry-after': '1' } };
      }
      return undefined;
    };
    const past = new Date(Date.now() - 1000).toISOString();
    let n = 0;
    for (const c of clients) for (let i = 0; i < 20; i++) await bot.app.capabilities.reminders.book.add(dueReminder(`r${++n}`, c.conversationId, past));
    await bot.connector.waitFor(() => reminderCards(bot.connector).length >= 40, 25_000);
    const keys = reminderCards(bot.connector).map((c) => c.reminderId);
    expect(new Set(keys).size).toBe(40);
    expect(keys).toHaveLength(40);
    expect(refusedAt).toHaveLength(6);
    // Retry-After was honoured: nothing reached a refused conversation within a second of its 429.
    for (const at of refusedAt) {
      const tooSoon = bot.connector.calls.filter((call) => call.method === 'POST' && call.at > at && call.at < at + 1000);
      expect(tooSoon.filter((call) => refusedConversation.get(at) === call.conversationId)).toEqual([]);
    }
    for (const c of clients) {
      const times = bot.connector.calls.filter((call) => call.method === 'POST' && call.conversationId === c.conversationId).map((call) => call.at);
      expect(maxInWindow(times, 1000)).toBeLessThanOrEqual(7);
      expect(maxInWindow(times, 2000)).toBeLessThanOrEqual(8);
      expect(maxInWindow(times, 30_000)).toBeLessThanOrEqual(60);
    }
  }, 40_000);

  it('gives up on a send the channel does not answer in time, and sends it again as a possible copy', async () => {
    // A lease of 3 s gives each send a second (a third of it) to be answered.
    bot = await startTestBot({ ...FAST, REMINDER_LEASE_MS: '3000' });
    const client = bot.client();
    await client.say('help');
    let posts = 0;
    bot.connector.latency = (method) => (method === 'POST' && posts++ === 0 ? 2500 : 0);
    await bot.app.capabilities.reminders.book.add(dueReminder('hung', client.conversationId, new Date(Date.now() - 1000).toISOString()));
    // The first request still reaches the channel, late (here even after the second try); the
    // second try says it may be a copy.
    await bot.connector.waitFor(() => reminderCards(bot.connector).length >= 2, 15_000);
    const cards = reminderCards(bot.connector);
    expect(cards.map((card) => card.text.includes('ignore this copy')).sort()).toEqual([false, true]);
    await waitUntil(async () => (await storedReminders(bot, client.conversationId))[0].state === 'sent');
    const [sent] = await storedReminders(bot, client.conversationId);
    expect(sent.attempts).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(reminderCards(bot.connector)).toHaveLength(2);
  }, 30_000);

  it('keeps to the limits as the channel counts them when a send is slow to arrive', async () => {
    bot = await startTestBot({ ...FAST });
    const client = bot.client();
    await client.say('help');
    // The first reminder, and every ninth after it, takes 400 ms to reach the channel. Pacing
    // from when a send left rather than when it arrived would let nine arrive within two seconds.
    let posts = 0;
    bot.connector.latency = (method) => (method === 'POST' && posts++ % 9 === 0 ? 400 : 0);
    const past = new Date(Date.now() - 1000).toISOString();
    for (let i = 1; i <= 19; i++) await bot.app.capabilities.reminders.book.add(dueReminder(`s${i}`, client.conversationId, past));
    await bot.connector.waitFor(() => reminderCards(bot.connector).length >= 19, 25_000);
    expect(posts).toBe(19);
    const times = bot.connector.calls.filter((call) => call.method === 'POST' && call.conversationId === client.conversationId).map((call) => call.at);
    const sends = times.slice(1); // the help card came before the reminders
    expect(sends).toHaveLength(19);
    expect(maxInWindow(sends, 1000)).toBeLessThanOrEqual(7);
    expect(maxInWindow(sends, 2000)).toBeLessThanOrEqual(8);
  }, 40_000);
});

function dueReminder(id: string, conversationId: string, dueAt: string): Reminder {
  return { id, conversationId, kind: 'request', note: `note ${id}`, lang: 'en', createdAt: dueAt, dueAt, state: 'pending', round: 1, attempts: 0, throttles: 0 };
}

