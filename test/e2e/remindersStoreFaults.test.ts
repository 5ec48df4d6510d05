import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../src/clock';
import type { Reminder } from '../../src/reminders/reminder';
import { SqliteStore } from '../../src/storage/sqliteStore';
import { startTestBot, TestBot } from '../harness/app';
import { FaultyStore } from '../harness/faultyStore';
import { cardOf, cardText } from '../harness/teams';
import { reminderCards, waitUntil } from './reminderHelpers';

const FAST = { REMINDER_POLL_INTERVAL_MS: '20', REMINDER_RETRY_BASE_MS: '1000', REMINDER_MAX_ATTEMPTS: '3' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** What Azure Table Storage throws when it is busy and the SDK's own retries are used up. */
const serverBusy = () => Object.assign(new Error('The server is busy.'), { statusCode: 503, code: 'ServerBusy' });

/** A fault that makes the first `times` writes recording a reminder as sent meet a busy store; `refused()` counts them. */
function failSentWrites(times: number): { fault: FaultyStore['fault']; refused: () => number } {
  let refused = 0;
  return {
    fault: (collection, method, args) => (collection === 'reminders' && method === 'replace' && (args[1] as Reminder).state === 'sent' && refused++ < times ? serverBusy() : undefined),
    refused: () => Math.min(refused, times),
  };
}

async function storedReminders(store: { collection<T>(name: string): { listByPartition(p: string): Promise<{ value: T }[]> } }, conversationId: string): Promise<Reminder[]> {
  return (await store.collection<Reminder>('reminders').listByPartition(conversationId)).map((i) => i.value);
}

describe('reminders when the store hiccups', () => {
  let bot: TestBot | undefined;
  let dir: string;
  let path: string;
  let store: FaultyStore;
  let clock: ManualClock;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cmg-store-faults-'));
    path = join(dir, 'bot.db');
    store = new FaultyStore(new SqliteStore(path));
    clock = new ManualClock('2026-01-05T09:00:00Z');
  });
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('a failed "sent" write after the card arrived does not send the reminder a second time', async () => {
    bot = await startTestBot({ ...FAST, SQLITE_PATH: path }, { clock, store });
    const client = bot.client();
    await client.say('remind me in 10 minutes to check the CMG');
    // The channel accepts the card; the one write that records it as sent meets a busy store.
    const sentWrites = failSentWrites(1);
    store.fault = sentWrites.fault;
    clock.advance(10 * 60_000);
    await bot.connector.waitFor(() => reminderCards(bot!.connector).length === 1);
    // A minute passes: any retry backoff here is shorter; the claim's lease (2 minutes) is not over.
    for (let i = 0; i < 6; i++) {
      await sleep(150);
      clock.advance(10_000);
    }
    await sleep(300);
    const cards = reminderCards(bot.connector);
    expect(sentWrites.refused()).toBe(1);
    // The person got the card once: the store error is not taken for a failed delivery (which
    // would re-arm the reminder and send the same card again, without the "ignore this copy" note).
    expect(cards.map((c) => c.text.includes('ignore this copy'))).toEqual([false]);
    expect((await storedReminders(bot.app.store, client.conversationId))[0].state).not.toBe('pending');
  });

  it('a reminder whose card arrived is never listed as "Not delivered" because the "sent" write failed', async () => {
    bot = await startTestBot({ ...FAST, REMINDER_MAX_ATTEMPTS: '1', SQLITE_PATH: path }, { clock, store });
    const client = bot.client();
    await client.say('remind me in 10 minutes to check the CMG');
    const sentWrites = failSentWrites(1);
    store.fault = sentWrites.fault;
    clock.advance(10 * 60_000);
    await bot.connector.waitFor(() => reminderCards(bot!.connector).length === 1);
    await sleep(300);
    store.fault = undefined;
    await client.say('reminders');
    const sent = bot.connector.sent(client.conversationId);
    const list = cardText(cardOf(sent[sent.length - 1]));
    expect(reminderCards(bot.connector)).toHaveLength(1); // it did arrive
    expect((await storedReminders(bot.app.store, client.conversationId))[0].state).not.toBe('failed');
    expect(list).not.toContain('Not delivered');
  });

  it('a reminder whose "sent" write keeps failing stays claimed, and is sent again as a possible copy when its lease ends', async () => {
    bot = await startTestBot({ ...FAST, SQLITE_PATH: path }, { clock, store });
    const client = bot.client();
    await client.say('remind me in 10 minutes to check the CMG');
    // Every try of the first delivery's "sent" write fails; the store is back for the second delivery.
    const sentWrites = failSentWrites(3);
    store.fault = sentWrites.fault;
    clock.advance(10 * 60_000);
    await bot.connector.waitFor(() => reminderCards(bot!.connector).length === 1);
    await waitUntil(async () => sentWrites.refused() === 3);
    await sleep(150);
    const [claimed] = await storedReminders(bot.app.store, client.conversationId);
    expect(claimed.state).toBe('sending');
    expect(reminderCards(bot.connector)).toHaveLength(1);
    // Past the claim's lease (2 minutes): sent once more, with the note, and then recorded.
    clock.advance(3 * 60_000);
    await bot.connector.waitFor(() => reminderCards(bot!.connector).length === 2);
    expect(reminderCards(bot.connector).map((c) => c.text.includes('ignore this copy'))).toEqual([false, true]);
    await waitUntil(async () => (await storedReminders(bot!.app.store, client.conversationId))[0].state === 'sent');
  });

  it('a store error in one conversation does not cut short the poll: a restart waits for a send in flight elsewhere, which then arrives once', async () => {
    bot = await startTestBot({ ...FAST, SQLITE_PATH: path }, { clock, store });
    const slow = bot.client();
    const other = bot.client();
    await slow.say('help');
    await other.say('help');
    await bot.app.capabilities.reminders.book.add(due('slow-1', slow.conversationId, clock.now()));
    await bot.app.capabilities.reminders.book.add(due('other-1', other.conversationId, clock.now()));
    // The card to `slow` takes 1.5 s to reach the channel; taking `other`'s sending turn meets a busy store once.
    let inFlight = false;
    bot.connector.latency = (method, conversationId) => {
      if (method !== 'POST' || conversationId !== slow.conversationId) return 0;
      inFlight = true;
      return 1500;
    };
    let refused = 0;
    store.fault = (collection, method, args) => (collection === 'reminderSenders' && method === 'get' && args[0] === other.conversationId && refused++ === 0 ? serverBusy() : undefined);
    clock.advance(1000);
    await waitUntil(async () => inFlight && refused > 0);
    // A deploy restarts the instance now. "A stop lets sends in flight finish and be marked."
    await bot.restart();
    await sleep(2000); // the slow card has arrived meanwhile
    expect(reminderCards(bot.connector, slow.conversationId)).toHaveLength(1);
    // Past the claim's lease (2 minutes): a reminder left `sending` is sent again, in doubt.
    clock.advance(5 * 60_000);
    await sleep(2500);
    const cards = reminderCards(bot.connector, slow.conversationId);
    expect(cards.map((c) => c.text.includes('ignore this copy'))).toEqual([false]);
    expect((await storedReminders(bot.app.store, slow.conversationId))[0].state).toBe('sent');
  }, 20_000);
});

function due(id: string, conversationId: string, at: Date): Reminder {
  const dueAt = new Date(at.getTime() - 60_000).toISOString();
  return { id, conversationId, kind: 'request', note: `note ${id}`, lang: 'en', createdAt: dueAt, dueAt, state: 'pending', round: 1, attempts: 0, throttles: 0 };
}
