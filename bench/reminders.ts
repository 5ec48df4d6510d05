/**
 * Reminders benchmark.
 *
 * 1. Finding and claiming: 100,000 pending reminders in the embedded (SQLite) store, 2,000 of
 *    them due. How long the indexed due query plus the conditional claim writes take, against a
 *    baseline that finds the same reminders by reading every conversation's list; and the
 *    process's memory.
 * 2. Delivery: 5,000 due reminders over 500 conversations, sent by the real scheduler through the
 *    real proactive outbox (botbuilder CloudAdapter) to the local connector — once with Teams'
 *    rate limits (what production does) and once without (what the pipeline itself can do),
 *    compared with the rate the Teams limits allow.
 *
 * Run: source /work/env.sh; npx ts-node --transpile-only -e "require('./bench/reminders').run()"
 */
import { ActivityRenderer } from '../src/bot/activityRenderer';
import { CardRenderer } from '../src/bot/cardRenderer';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createAdapter } from '../src/bot/adapter';
import { ConversationReferences } from '../src/bot/conversationReferences';
import { ProactiveOutbox } from '../src/bot/outbox';
import { systemClock } from '../src/clock';
import { createLogger } from '../src/log';
import type { Reminder } from '../src/reminders/reminder';
import { ReminderBook } from '../src/reminders/reminderBook';
import { ReminderScheduler } from '../src/reminders/scheduler';
import { readReminderSettings } from '../src/reminders/settings';
import { SqliteStore } from '../src/storage/sqliteStore';
import { LocalConnector } from '../test/harness/connector';

const MB = 1024 * 1024;
const mem = () => {
  const m = process.memoryUsage();
  return `rss ${(m.rss / MB).toFixed(0)} MB, heap ${(m.heapUsed / MB).toFixed(0)} MB`;
};
const quietLog = createLogger('silent', [], new Writable({ write: (_c, _e, cb) => cb() }));

function reminder(id: string, conversationId: string, dueAt: string): Reminder {
  return { id, conversationId, kind: 'request', note: `note ${id}`, lang: 'en', timezone: 'Europe/Amsterdam', createdAt: dueAt, dueAt, state: 'pending', round: 1, attempts: 0, throttles: 0 };
}

async function findAndClaim(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cmg-bench-reminders-'));
  const store = new SqliteStore(join(dir, 'bench.db'));
  const book = new ReminderBook(store, 30);
  const now = new Date('2026-01-05T09:00:00Z');
  const total = 100_000;
  const dueCount = 2_000;
  const conversations = 1_000;
  const seedStart = performance.now();
  for (let i = 0; i < total; i++) {
    // The first 2,000 are due within the last hour; the rest spread over the next 90 days.
    const offset = i < dueCount ? -((i + 1) * 1_000) : 60_000 + ((i * 7_919) % (90 * 24 * 60)) * 60_000;
    await book.collection.create(`r${i}`, reminder(`r${i}`, `conv-${i % conversations}`, new Date(now.getTime() + offset).toISOString()));
  }
  console.log(`  seeded ${total.toLocaleString('en')} pending reminders in ${((performance.now() - seedStart) / 1000).toFixed(1)} s; ${mem()}`);

  // Baseline: find the due ones by reading every conversation's reminders.
  let t = performance.now();
  let baselineFound = 0;
  for (let c = 0; c < conversations; c++) {
    baselineFound += (await book.collection.listByPartition(`conv-${c}`)).filter((item) => item.value.dueAt <= now.toISOString()).length;
  }
  const baselineMs = performance.now() - t;

  // Indexed, finding only: the due query alone, for the same 2,000.
  t = performance.now();
  const indexedFound = (await book.collection.listDue(now.toISOString(), dueCount)).length;
  const findOnlyMs = performance.now() - t;

  // Indexed: the scheduler's query, in its batch size, plus the claim write for each.
  const settings = readReminderSettings({});
  t = performance.now();
  let found = 0;
  let claimed = 0;
  for (;;) {
    const due = await book.collection.listDue(now.toISOString(), settings.batchSize);
    if (due.length === 0) break;
    found += due.length;
    for (const item of due) {
      const outcome = await book.collection.replace(item.key, { ...item.value, state: 'sending', lease: { owner: 'bench', until: new Date(now.getTime() + settings.leaseMs).toISOString() } }, item.version);
      if (outcome.status === 'ok') claimed++;
    }
  }
  const indexedMs = performance.now() - t;
  t = performance.now();
  const firstBatch = await book.collection.listDue(now.toISOString(), settings.batchSize);
  const emptyQueryMs = performance.now() - t;
  console.log(`  baseline (read every conversation, filter): found ${baselineFound} due in ${baselineMs.toFixed(0)} ms`);
  console.log(`  indexed due query alone: found ${indexedFound} due in ${findOnlyMs.toFixed(0)} ms (${(baselineMs / findOnlyMs).toFixed(1)}x faster than the baseline)`);
  console.log(`  indexed due query + claim write, batches of ${settings.batchSize}: found ${found}, claimed ${claimed} in ${indexedMs.toFixed(0)} ms (${(indexedMs / claimed).toFixed(3)} ms per reminder)`);
  console.log(`  a poll with nothing due among 100,000 pending: ${emptyQueryMs.toFixed(2)} ms (${firstBatch.length} returned)`);
  console.log(`  memory after: ${mem()}`);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

async function deliver(label: string, limited: boolean, count: number, conversations: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cmg-bench-reminders-'));
  const store = new SqliteStore(join(dir, 'bench.db'));
  const connector = await new LocalConnector().start();
  const references = new ConversationReferences(store);
  for (let c = 0; c < conversations; c++) {
    await references.save(`conv-${c}`, {
      reference: { channelId: 'msteams', serviceUrl: connector.url, conversation: { id: `conv-${c}`, name: '', isGroup: true, conversationType: 'groupChat' }, bot: { id: '28:bench', name: 'CMG Assistant' } },
      updatedAt: new Date().toISOString(),
    });
  }
  const adapter = createAdapter({ appType: 'SingleTenant' });
  const outbox = new ProactiveOutbox({ adapter, references, appId: '' }, new ActivityRenderer(new CardRenderer()), { callerRetries: true });
  const book = new ReminderBook(store, 30);
  const past = new Date(Date.now() - 60_000).toISOString();
  for (let i = 0; i < count; i++) await book.add(reminder(`r${i}`, `conv-${i % conversations}`, past));
  const settings = { ...readReminderSettings({}), pollIntervalMs: 20, concurrentConversations: limited ? 32 : 64 };
  const unlimited = [{ limit: Number.MAX_SAFE_INTEGER, ms: 1 }];
  const scheduler = new ReminderScheduler({
    store,
    outbox,
    clock: systemClock,
    log: quietLog,
    settings,
    ...(limited ? {} : { conversationLimits: unlimited, globalLimits: unlimited }),
  });
  const started = performance.now();
  scheduler.start();
  await connector.waitFor(() => connector.calls.length >= count, 600_000);
  const seconds = (performance.now() - started) / 1000;
  await scheduler.stop();
  const rate = count / seconds;
  // Teams: 50 sends per second per app per tenant; per conversation 8 per 2 s, 60 per 30 s.
  const perConversation = count / conversations;
  const allowedSeconds = Math.max(count / 50, perConversation <= 8 ? 0 : 2 * Math.ceil(perConversation / 8 - 1));
  console.log(
    `  ${label}: ${count.toLocaleString('en')} reminders over ${conversations} conversations in ${seconds.toFixed(1)} s = ${rate.toFixed(0)}/s ` +
      `(Teams allows at most 50/s for one app in one tenant: ${(rate / 50).toFixed(2)}x of that; fastest allowed run ${allowedSeconds.toFixed(0)} s); ${mem()}`,
  );
  await connector.stop();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

export async function run(): Promise<void> {
  console.log('reminders: find and claim (embedded SQLite store)');
  await findAndClaim();
  console.log('reminders: delivery to the local connector');
  await deliver('without rate limits (pipeline capacity)', false, 5_000, 500);
  await deliver('with Teams rate limits (production pacing)', true, 5_000, 500);
}
