import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AzureTableStore } from '../../src/storage/azureTableStore';
import { SqliteStore } from '../../src/storage/sqliteStore';
import type { Collection, Store } from '../../src/storage/store';
import { RunningAzurite, startAzurite } from '../harness/azurite';

/**
 * One contract, every implementation: whatever a capability can observe through the Store
 * interface must be the same on the embedded SQLite store and on Azure Table Storage (Azurite).
 */
interface Doc {
  owner: string;
  due?: string;
  n: number;
  text?: string;
}

interface Backend {
  name: string;
  open(): Promise<Store>;
  teardown(): Promise<void>;
}

let azurite: RunningAzurite | undefined;
const dirs: string[] = [];

const backends: Backend[] = [
  {
    name: 'SqliteStore',
    open: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'cmg-contract-'));
      dirs.push(dir);
      return new SqliteStore(join(dir, 'store.db'));
    },
    teardown: async () => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })),
  },
  {
    name: 'AzureTableStore (Azurite)',
    open: async () => {
      azurite ??= await startAzurite();
      return new AzureTableStore({ connectionString: azurite.connectionString, tablePrefix: 'contract' });
    },
    teardown: async () => {
      await azurite?.stop();
      azurite = undefined;
    },
  },
];

let counter = 0;

describe.each(backends)('Store contract: $name', (backend) => {
  let store: Store;
  let docs: Collection<Doc>;

  beforeAll(async () => {
    store = await backend.open();
  }, 30_000);
  afterAll(async () => {
    await store.close();
    await backend.teardown();
  });
  beforeEach(() => {
    // A fresh collection per test: the Azure store keeps every collection in one table.
    docs = store.collection<Doc>(`docs${++counter}`, { partitionOf: (d) => d.owner, dueOf: (d) => d.due });
  });

  it('answers ping', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });

  it('creates once; a second create reports the stored item', async () => {
    const first = await docs.create('a', { owner: 'x', n: 1 });
    expect(first).toMatchObject({ status: 'ok', item: { key: 'a', value: { owner: 'x', n: 1 } } });
    const second = await docs.create('a', { owner: 'y', n: 2 });
    expect(second).toMatchObject({ status: 'conflict', current: { key: 'a', value: { owner: 'x', n: 1 } } });
    expect((await docs.get('a'))?.value).toEqual({ owner: 'x', n: 1 });
    expect(await docs.get('missing')).toBeUndefined();
  });

  it('returns versions that match what get returns', async () => {
    const created = await docs.create('a', { owner: 'x', n: 1 });
    if (created.status !== 'ok') throw new Error('create failed');
    expect((await docs.get('a'))?.version).toBe(created.item.version);
  });

  it('replaces only on the expected version', async () => {
    const created = await docs.create('a', { owner: 'x', n: 1 });
    if (created.status !== 'ok') throw new Error('create failed');
    const replaced = await docs.replace('a', { owner: 'x', n: 2 }, created.item.version);
    expect(replaced.status).toBe('ok');
    const stale = await docs.replace('a', { owner: 'x', n: 3 }, created.item.version);
    expect(stale).toMatchObject({ status: 'conflict', current: { value: { n: 2 } } });
    expect(await docs.replace('missing', { owner: 'x', n: 1 }, created.item.version)).toEqual({ status: 'notFound' });
    expect(await docs.replace('a', { owner: 'x', n: 9 }, 'not-a-version')).toMatchObject({ status: 'conflict' });
  });

  it('lets exactly one of many concurrent replaces win', async () => {
    const created = await docs.create('a', { owner: 'x', n: 0 });
    if (created.status !== 'ok') throw new Error('create failed');
    const outcomes = await Promise.all(Array.from({ length: 8 }, (_, i) => docs.replace('a', { owner: 'x', n: i + 1 }, created.item.version)));
    expect(outcomes.filter((o) => o.status === 'ok')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'conflict')).toHaveLength(7);
  });

  it('upserts unconditionally and bumps the version', async () => {
    const first = await docs.upsert('a', { owner: 'x', n: 1 });
    const second = await docs.upsert('a', { owner: 'y', n: 2 });
    expect(second.version).not.toBe(first.version);
    expect((await docs.get('a'))?.value).toEqual({ owner: 'y', n: 2 });
    expect(await docs.listByPartition('x')).toEqual([]);
    expect((await docs.listByPartition('y')).map((i) => i.key)).toEqual(['a']);
  });

  it('deletes, conditionally or not', async () => {
    const created = await docs.create('a', { owner: 'x', n: 1, due: '2026-01-01T00:00:00.000Z' });
    if (created.status !== 'ok') throw new Error('create failed');
    await docs.replace('a', { owner: 'x', n: 2, due: '2026-01-01T00:00:00.000Z' }, created.item.version);
    expect(await docs.delete('a', created.item.version)).toBe('conflict');
    expect(await docs.delete('a')).toBe('ok');
    expect(await docs.delete('a')).toBe('notFound');
    expect(await docs.get('a')).toBeUndefined();
    expect(await docs.listByPartition('x')).toEqual([]);
    expect(await docs.listDue('2030-01-01T00:00:00.000Z', 10)).toEqual([]);
    const again = await docs.create('a', { owner: 'x', n: 3 });
    if (again.status !== 'ok') throw new Error('create failed');
    expect(await docs.delete('a', again.item.version)).toBe('ok');
  });

  it('lists a partition in key order and follows items that move', async () => {
    for (const key of ['b', 'a', 'c/1', 'c#2', "o'neil", 'é?']) await docs.create(key, { owner: 'x', n: 1 });
    await docs.create('other', { owner: 'y', n: 1 });
    await docs.create('xy', { owner: 'xy', n: 1 });
    expect((await docs.listByPartition('x')).map((i) => i.key)).toEqual(['a', 'b', 'c#2', 'c/1', "o'neil", 'é?']);
    const b = await docs.get('b');
    await docs.replace('b', { owner: 'y', n: 2 }, b!.version);
    expect((await docs.listByPartition('y')).map((i) => i.key)).toEqual(['b', 'other']);
    expect((await docs.listByPartition('x')).map((i) => i.key)).not.toContain('b');
  });

  it('lists due items earliest first, up to a limit, with ties in key order', async () => {
    await docs.create('late', { owner: 'x', n: 1, due: '2026-01-03T00:00:00.000Z' });
    await docs.create('b', { owner: 'x', n: 1, due: '2026-01-01T00:00:00.000Z' });
    await docs.create('a', { owner: 'x', n: 1, due: '2026-01-01T00:00:00.000Z' });
    await docs.create('early', { owner: 'x', n: 1, due: '2025-12-31T23:59:59.000Z' });
    await docs.create('never', { owner: 'x', n: 1 });
    expect((await docs.listDue('2026-01-02T00:00:00.000Z', 10)).map((i) => i.key)).toEqual(['early', 'a', 'b']);
    expect((await docs.listDue('2026-01-02T00:00:00.000Z', 2)).map((i) => i.key)).toEqual(['early', 'a']);
    // "At or before": an item due exactly at `until` is included.
    expect((await docs.listDue('2026-01-03T00:00:00.000Z', 10)).map((i) => i.key)).toEqual(['early', 'a', 'b', 'late']);
    expect(await docs.listDue('2025-01-01T00:00:00.000Z', 10)).toEqual([]);
  });

  it('moves an item in the due index when its due time changes, and drops it when it has none', async () => {
    const created = await docs.create('a', { owner: 'x', n: 1, due: '2026-01-01T00:00:00.000Z' });
    if (created.status !== 'ok') throw new Error('create failed');
    const later = await docs.replace('a', { owner: 'x', n: 2, due: '2026-02-01T00:00:00.000Z' }, created.item.version);
    expect(await docs.listDue('2026-01-15T00:00:00.000Z', 10)).toEqual([]);
    const [due] = await docs.listDue('2026-02-01T00:00:00.000Z', 10);
    expect(due).toMatchObject({ key: 'a', value: { n: 2 } });
    if (later.status !== 'ok') throw new Error('replace failed');
    expect(due.version).toBe(later.item.version);
    await docs.replace('a', { owner: 'x', n: 3 }, later.item.version);
    expect(await docs.listDue('2030-01-01T00:00:00.000Z', 10)).toEqual([]);
  });

  it('lists one partition\'s due items earliest first, and follows items that move in or out', async () => {
    await docs.create('late', { owner: 'x', n: 1, due: '2026-01-03T00:00:00.000Z' });
    await docs.create('b', { owner: 'x', n: 1, due: '2026-01-01T00:00:00.000Z' });
    await docs.create('a', { owner: 'x', n: 1, due: '2026-01-01T00:00:00.000Z' });
    await docs.create('z-early', { owner: 'x', n: 1, due: '2025-12-31T00:00:00.000Z' });
    await docs.create('elsewhere', { owner: 'y', n: 1, due: '2025-12-01T00:00:00.000Z' });
    await docs.create('never', { owner: 'x', n: 1 });
    expect((await docs.listDue('2026-01-02T00:00:00.000Z', 10, 'x')).map((i) => i.key)).toEqual(['z-early', 'a', 'b']);
    expect((await docs.listDue('2026-01-02T00:00:00.000Z', 2, 'x')).map((i) => i.key)).toEqual(['z-early', 'a']);
    expect((await docs.listDue('2026-01-03T00:00:00.000Z', 10, 'x')).map((i) => i.key)).toEqual(['z-early', 'a', 'b', 'late']);
    expect((await docs.listDue('2026-01-02T00:00:00.000Z', 10, 'y')).map((i) => i.key)).toEqual(['elsewhere']);
    expect(await docs.listDue('2026-01-02T00:00:00.000Z', 10, 'nobody')).toEqual([]);
    // Moving out of the partition, and losing the due time, both leave the partition's due list.
    await docs.change('a', (d) => ({ ...d, owner: 'y' }));
    await docs.change('b', (d) => ({ owner: d.owner, n: 2 }));
    expect((await docs.listDue('2026-01-02T00:00:00.000Z', 10, 'x')).map((i) => i.key)).toEqual(['z-early']);
    expect((await docs.listDue('2026-01-02T00:00:00.000Z', 10, 'y')).map((i) => i.key)).toEqual(['elsewhere', 'a']);
  });

  it('changes an item: ok with the new version, unchanged when the change says so, notFound when absent', async () => {
    await docs.create('a', { owner: 'x', n: 1 });
    const changed = await docs.change('a', (d) => ({ ...d, n: d.n + 1 }));
    expect(changed).toMatchObject({ status: 'ok', item: { key: 'a', value: { n: 2 } } });
    if (changed.status !== 'ok') throw new Error('change failed');
    expect((await docs.get('a'))?.version).toBe(changed.item.version);
    const unchanged = await docs.change('a', () => undefined);
    expect(unchanged).toMatchObject({ status: 'unchanged', item: { value: { n: 2 }, version: changed.item.version } });
    expect(await docs.change('missing', (d) => d)).toEqual({ status: 'notFound' });
  });

  it('applies every concurrent change once, each to the value the one before it left', async () => {
    await docs.create('counter', { owner: 'x', n: 0 });
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => docs.change('counter', (d) => ({ ...d, n: d.n + 1 }), { attempts: 20 })));
    expect(outcomes.map((o) => o.status)).toEqual(Array(6).fill('ok'));
    expect((await docs.get('counter'))?.value.n).toBe(6);
  });

  it('gives up with tooManyConflicts when every attempt meets a newer version', async () => {
    const created = await docs.create('busy', { owner: 'x', n: 0 });
    if (created.status !== 'ok') throw new Error('create failed');
    await docs.replace('busy', { owner: 'x', n: 7 }, created.item.version);
    // One attempt, starting from a version someone has already replaced.
    const outcome = await docs.change('busy', (d) => ({ ...d, n: -1 }), { attempts: 1, from: created.item });
    expect(outcome).toMatchObject({ status: 'tooManyConflicts', current: { value: { n: 7 } } });
    expect((await docs.get('busy'))?.value.n).toBe(7);
  });

  it('starts from an item the caller already read, and re-reads only on a conflict', async () => {
    const created = await docs.create('a', { owner: 'x', n: 1 });
    if (created.status !== 'ok') throw new Error('create failed');
    await docs.replace('a', { owner: 'x', n: 5 }, created.item.version);
    const seen: number[] = [];
    const outcome = await docs.change('a', (d) => (seen.push(d.n), { ...d, n: d.n * 10 }), { from: created.item });
    expect(seen).toEqual([1, 5]);
    expect(outcome).toMatchObject({ status: 'ok', item: { value: { n: 50 } } });
  });

  it('keeps collections apart', async () => {
    const others = store.collection<Doc>(`other${++counter}`, { partitionOf: (d) => d.owner, dueOf: (d) => d.due });
    await docs.create('a', { owner: 'x', n: 1, due: '2026-01-01T00:00:00.000Z' });
    expect(await others.get('a')).toBeUndefined();
    expect(await others.listByPartition('x')).toEqual([]);
    expect(await others.listDue('2030-01-01T00:00:00.000Z', 10)).toEqual([]);
  });

  it('round-trips large values and text with any characters', async () => {
    const text = 'ü€😀 "quotes" \\ / # ? \u0001 '.repeat(3000) + 'x'.repeat(70_000);
    await docs.create('big', { owner: 'x', n: 1, text });
    expect((await docs.get('big'))?.value.text).toBe(text);
  });

  it('refuses collection names Azure Table Storage cannot hold', () => {
    expect(() => store.collection('bad-name')).toThrow(/Invalid collection name/);
  });
});
