import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RunningApp, startApp } from '../../src/app';
import { ManualClock } from '../../src/clock';
import { SqliteStore } from '../../src/storage/sqliteStore';
import { startTestBot, TestBot } from '../harness/app';
import { CountingStore } from '../harness/countingStore';
import { TeamsClient, teamsUser } from '../harness/teams';

/**
 * Every message carries the conversation reference, but it rarely changes: the bot writes it
 * when it is new or different (and on install events), and otherwise touches no storage for it.
 */
describe('conversation references', () => {
  let bot: TestBot;
  let store: CountingStore;
  let dir: string;
  const writes = () => store.count('conversationRefs', 'upsert');
  const reads = () => store.count('conversationRefs', 'get');

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cmg-refs-'));
    store = new CountingStore(new SqliteStore(join(dir, 'bot.db')));
    bot = await startTestBot({}, { store });
  });
  afterEach(async () => {
    await bot.stop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes a new conversation once, then not again while nothing changes', async () => {
    const client = bot.client({ scope: 'groupChat' });
    await client.say('help');
    expect(writes()).toBe(1);
    const readsAfterFirst = reads();
    for (let i = 0; i < 5; i++) await client.say('help');
    // Another member speaking is not a change: a proactive send needs the conversation, not the last speaker.
    await client.as(teamsUser('Kim Member')).say('help');
    expect(writes()).toBe(1);
    expect(reads()).toBe(readsAfterFirst);
  });

  it('writes again when the locale changes, so proactive cards follow the language', async () => {
    const client = bot.client({ scope: 'personal' });
    await client.say('help');
    client.locale = 'nl-NL';
    await client.say('hulp');
    expect(writes()).toBe(2);
    expect((await store.collection<{ locale?: string }>('conversationRefs').get(client.conversationId))?.value.locale).toBe('nl-NL');
  });

  it('writes again when the service URL changes, so proactive cards go where Teams now listens', async () => {
    const client = bot.client({ scope: 'groupChat' });
    await client.say('help');
    // The same connector written without its trailing slash: another service URL as far as the bot can tell.
    const moved = bot.connector.url.replace(/\/$/, '');
    expect(moved).not.toBe(bot.connector.url);
    await client.as(client.user, { serviceUrl: moved }).say('help');
    expect(writes()).toBe(2);
    const stored = await store.collection<{ reference: { serviceUrl?: string } }>('conversationRefs').get(client.conversationId);
    expect(stored?.value.reference.serviceUrl).toBe(moved);
    await client.as(client.user, { serviceUrl: moved }).say('help');
    expect(writes()).toBe(2);
  });

  it('writes on every install event, even when nothing changed', async () => {
    const client = bot.client({ scope: 'groupChat' });
    await client.say('help');
    await client.installationUpdate('add');
    expect(writes()).toBe(2);
  });

  it('on another instance (or after a restart) reads the stored reference once instead of writing it again', async () => {
    const client = bot.client({ scope: 'groupChat' });
    await client.say('help');
    const other = await startApp({ ...bot.config, server: { ...bot.config.server, port: 0 } }, { store, logDestination: bot.logs, strictCards: true });
    try {
      const before = { writes: writes(), reads: reads() };
      const there = new TeamsClient({ botUrl: other.url, serviceUrl: bot.connector.url, scope: 'groupChat', conversationId: client.conversationId, user: client.user });
      await there.say('help');
      await there.say('help');
      expect(writes()).toBe(before.writes);
      expect(reads()).toBe(before.reads + 1);
    } finally {
      await other.stop().catch(() => undefined);
    }
  });
});

/**
 * Two instances sharing storage. Instance B's proactive send meets a 403 (the person blocked the
 * bot) and forgets the conversation, as designed. When the person unblocks the bot and writes
 * again, the message may land on instance A, which remembers having saved that reference: A
 * must find out it is gone and write it back, or every later proactive card there fails.
 */
describe('a conversation another instance forgot', () => {
  let bot: TestBot;
  let other: RunningApp;
  let store: SqliteStore;
  let dir: string;
  const clock = new ManualClock('2026-01-05T09:00:00Z');
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cmg-refs-two-'));
    store = new SqliteStore(join(dir, 'bot.db'));
    bot = await startTestBot({}, { store, clock });
    other = await startApp({ ...bot.config, server: { ...bot.config.server, port: 0 } }, { store, clock, logDestination: bot.logs, strictCards: true });
  });
  afterEach(async () => {
    await other.stop().catch(() => undefined);
    await bot.stop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is written back by the instance that remembered it, on the first message after a minute', async () => {
    const client = bot.client({ scope: 'personal' });
    await client.say('help'); // instance A saves (and remembers) the reference
    bot.connector.fault = (call) => (call.method === 'POST' ? { status: 403, body: { error: { code: 'ConversationBlockedByUser', message: 'blocked' } } } : undefined);
    await expect(other.outbox.send(client.conversationId, { kind: 'text', text: 'reminder' })).rejects.toMatchObject({ status: 403 });
    expect(await store.collection('conversationRefs').get(client.conversationId)).toBeUndefined();
    bot.connector.fault = undefined;

    // The person unblocks the bot a few minutes later and writes again, to instance A.
    clock.advance(5 * 60_000);
    await client.say('help');
    expect(await store.collection('conversationRefs').get(client.conversationId)).toBeDefined();
    await expect(other.outbox.send(client.conversationId, { kind: 'text', text: 'reminder' })).resolves.toEqual(expect.any(String));
  });
});
