import { ManualClock } from '../../src/clock';
import type { Reminder } from '../../src/reminders/reminder';
import { startTestBot, TestBot } from '../harness/app';
import { findButton } from '../harness/cardWalk';
import { cardOf, cardText, HttpResult, TeamsClient } from '../harness/teams';
import { checkTargets } from './checkTargetsHelpers';
import { reminderCards, waitUntil } from './reminderHelpers';

/**
 * The expiry radar end to end: a certificate check or endpoint check card offers "Remind us before
 * it expires"; pressing it stores two durable reminders in the conversation, 30 and 7 days before
 * the certificate's notAfter, which the scheduler delivers once each, across restarts. The clock
 * is a manual one; DNS and TLS are real servers on loopback.
 */
const DAY = 24 * 60 * 60_000;
const START = new Date('2026-01-05T09:00:00Z');
const NOT_AFTER = new Date(START.getTime() + 60 * DAY);

describe('expiry radar: reminders before a checked certificate expires', () => {
  const targets = checkTargets(['GraniteFalls.contoso.com'], { notBefore: new Date(START.getTime() - 300 * DAY), notAfter: NOT_AFTER });
  let clock: ManualClock;
  let bot: TestBot;

  beforeAll(() => {
    targets.dns.set('GraniteFalls.contoso.com', { a: ['127.0.0.1'] });
  });
  beforeEach(async () => {
    clock = new ManualClock(START.toISOString());
    bot = await startTestBot(
      {
        REMINDER_POLL_INTERVAL_MS: '20',
        ...targets.settings(),
      },
      { clock },
    );
  });
  afterEach(async () => {
    await bot.stop();
  });

  async function checkCard(client: TeamsClient, text: string): Promise<Record<string, unknown>> {
    await client.say(text);
    return cardOf(bot.connector.sent(client.conversationId).at(-1))!;
  }

  function messageOf(result: HttpResult): string {
    const body = result.body as { type?: string; value?: unknown };
    expect(body.type).toBe('application/vnd.microsoft.activity.message');
    return String(body.value);
  }

  async function stored(conversationId: string): Promise<Reminder[]> {
    return (await bot.app.store.collection<Reminder>('reminders').listByPartition(conversationId)).map((item) => item.value);
  }

  it('schedules 30 and 7 days before notAfter once, lists them, and delivers each once, also after restarts', async () => {
    const client = bot.client({ locale: 'en-US', timezone: 'Europe/Amsterdam', scope: 'channel' });
    const pasted = await checkCard(client, `check certificate ${targets.chain.server.cert}`);
    const remind = findButton(pasted, 'checks.remindExpiry');
    expect(remind?.title).toBe('Remind us before it expires');

    const first = messageOf(await client.invoke('checks.remindExpiry', remind!.data));
    expect(first).toContain('I will remind this conversation before GraniteFalls.contoso.com expires on Fri 6 Mar 2026, 10:00 (Europe/Amsterdam)');
    expect(first).toContain('30 days before, on Wed 4 Feb 2026, 10:00 (Europe/Amsterdam), id ');
    expect(first).toContain('7 days before, on Fri 27 Feb 2026, 10:00 (Europe/Amsterdam), id ');

    // Pressing again, or on the endpoint check's card for the same certificate, schedules nothing more.
    const again = messageOf(await client.invoke('checks.remindExpiry', remind!.data));
    expect(again).toContain('were already set');
    const endpoint = await checkCard(client, 'check endpoint GraniteFalls.contoso.com');
    expect(cardText(endpoint)).toContain('GraniteFalls.contoso.com');
    const fromEndpoint = findButton(endpoint, 'checks.remindExpiry');
    expect(fromEndpoint?.data).toEqual(remind!.data);
    expect(messageOf(await client.invoke('checks.remindExpiry', fromEndpoint!.data))).toContain('were already set');
    const reminders = await stored(client.conversationId);
    expect(reminders.map((r) => [r.kind, r.dueAt]).sort()).toEqual([
      ['expiry', '2026-02-04T09:00:00.000Z'],
      ['expiry', '2026-02-27T09:00:00.000Z'],
    ]);
    const codes = reminders.map((r) => r.code!);
    for (const code of codes) expect(first).toContain(`id ${code}`);

    await client.say('reminders');
    const list = cardText(cardOf(bot.connector.sent(client.conversationId).at(-1)));
    expect(list).toContain('Certificate GraniteFalls.contoso.com, 30 days before it expires');
    expect(list).toContain('Certificate GraniteFalls.contoso.com, 7 days before it expires');

    await bot.restart();
    clock.set('2026-02-04T08:59:00Z');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(reminderCards(bot.connector)).toHaveLength(0);
    clock.set('2026-02-04T09:00:00Z');
    await bot.connector.waitFor(() => reminderCards(bot.connector).length === 1);
    const [thirty] = reminderCards(bot.connector, client.conversationId);
    expect(thirty.text).toContain('The certificate GraniteFalls.contoso.com expires in 30 days');
    expect(thirty.text).toContain('Fri 6 Mar 2026, 10:00 (Europe/Amsterdam)');
    expect(thirty.text).toContain('check endpoint GraniteFalls.contoso.com');
    // No waiting period here: Done and Snooze, no Extend.
    expect(thirty.text).toMatch(/Done[\s\S]*Snooze 1 day/);
    expect(thirty.text).not.toContain('Extend the wait');

    // Down across the second due time: it arrives once when the bot is back, saying how late.
    await waitUntil(async () => (await stored(client.conversationId)).some((r) => r.state === 'sent'));
    await bot.app.stop();
    clock.set('2026-02-27T12:00:00Z');
    await bot.restart();
    await bot.connector.waitFor(() => reminderCards(bot.connector).length === 2);
    expect(reminderCards(bot.connector)[1].text).toContain('expires in 7 days');
    expect(reminderCards(bot.connector)[1].text).toContain('3 hours late');
    await waitUntil(async () => (await stored(client.conversationId)).every((r) => r.state === 'sent'));
    await bot.restart();
    clock.set('2026-03-01T09:00:00Z');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(reminderCards(bot.connector)).toHaveLength(2);
    // Pressing the old card once more does not bring them back.
    expect(messageOf(await client.invoke('checks.remindExpiry', remind!.data))).toContain('renew it now');
    expect(await stored(client.conversationId)).toHaveLength(2);
  });

  it('answers in Dutch, and a check with less than a week left offers no reminder', async () => {
    const client = bot.client({ locale: 'nl-NL', timezone: 'Europe/Amsterdam' });
    const card = await checkCard(client, `controleer certificaat ${targets.chain.server.cert}`);
    const remind = findButton(card, 'checks.remindExpiry');
    expect(remind?.title).toBe('Herinner ons voordat het verloopt');
    const answer = messageOf(await client.invoke('checks.remindExpiry', remind!.data));
    expect(answer).toContain('Ik herinner dit gesprek voordat GraniteFalls.contoso.com op vr 6 mrt 2026, 10:00 (Europe/Amsterdam) verloopt');
    expect(answer).toContain('30 dagen ervoor, op wo 4 feb 2026, 10:00 (Europe/Amsterdam), id ');
    expect(await stored(client.conversationId)).toHaveLength(2);
    // Another conversation gets its own reminders for the same certificate.
    const elsewhere = bot.client({ locale: 'nl-NL' });
    expect(messageOf(await elsewhere.invoke('checks.remindExpiry', remind!.data))).toContain('Ik herinner dit gesprek');
    expect(await stored(elsewhere.conversationId)).toHaveLength(2);

    clock.set(new Date(NOT_AFTER.getTime() - 6 * DAY).toISOString());
    const late = await checkCard(client, `controleer certificaat ${targets.chain.server.cert}`);
    expect(findButton(late, 'checks.remindExpiry')).toBeUndefined();
    // A forged press gets a message, not a reminder.
    expect(messageOf(await client.invoke('checks.remindExpiry', remind!.data))).toContain('vernieuw het nu');
    const forged = await client.invoke('checks.remindExpiry', { ...remind!.data, validTo: 'soon' });
    expect(forged.body).toMatchObject({ type: 'application/vnd.microsoft.error', value: { code: 'BadCardData' } });
    expect(await stored(client.conversationId)).toHaveLength(2);
  });
});
