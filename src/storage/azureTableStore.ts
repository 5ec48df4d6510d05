import { randomUUID } from 'node:crypto';
import { odata, TableClient, TableEntity, TableEntityResult, TransactionAction } from '@azure/data-tables';
import type { TokenCredential } from '@azure/identity';
import { assertCollectionName, Change, changeItem, ChangeOptions, ChangeOutcome, Collection, CollectionIndex, DeleteOutcome, Store, StoredItem, WriteOutcome } from './store';

/**
 * The scale-out store: Azure Table Storage, shared by every instance of the bot.
 *
 * One table holds every collection; the collection name is the PartitionKey. Keeping a
 * collection in one partition is what makes its indexes exact: an item and its index rows are
 * written in one entity-group transaction, which Table Storage only offers within a partition.
 * (A partition serves about 2,000 entities per second, far beyond what a Teams bot writes.)
 *
 * RowKeys, with keys hex-encoded (Table keys may not contain / \ # ?, and hex keeps byte order):
 *   `i <key>`                  the item: its JSON value (split over properties), due time and partition
 *   `d <dueAt> <key>`          the due index, range-scanned in due order by `listDue`
 *   `p <partition> <key>`      the partition index, range-scanned in key order by `listByPartition`;
 *                              it carries the item's due time too, so `listDue` of one partition
 *                              filters that range on the server instead of reading every item
 * The space sorts below every character of an ISO time, so `d <until>!` bounds "due at or before".
 *
 * Versions are the item's ETag plus its indexed due time and partition, so a conditional write
 * knows which index rows to move without reading the item first.
 */

/** Table Storage string properties hold up to 64 KiB (32K UTF-16 characters); stay below that. */
const CHUNK_CHARS = 30_000;
/** Parallel item queries when an index scan returns many rows. */
const READ_CONCURRENCY = 4;
/** Keys looked up per query: 14 RowKey comparisons plus the PartitionKey one make the service's limit of 15. */
const KEYS_PER_QUERY = 14;

interface ItemEntity {
  partitionKey: string;
  rowKey: string;
  k: string;
  /**
   * Which write put this version there. The SDK retries a request whose answer got lost; if the
   * first try was applied, the retry meets a newer ETag, and only this id tells "our own write"
   * from someone else's write of an equal value.
   */
  w?: string;
  due?: string;
  part?: string;
  n: number;
  [chunk: `v${number}`]: string;
}

interface IndexEntity {
  partitionKey: string;
  rowKey: string;
  k: string;
  /** On partition rows: the item's due time, if it has one. */
  due?: string;
}

export interface AzureTableStoreOptions {
  /** A connection string (account key or SAS; Azurite's for local runs)… */
  connectionString?: string;
  /** …or the table endpoint, used with `credential` (managed identity in Azure). */
  accountUrl?: string;
  credential?: TokenCredential;
  /** Table name: the prefix plus `store`. */
  tablePrefix: string;
}

const hex = (text: string): string => Buffer.from(text, 'utf8').toString('hex');
const itemRow = (key: string) => `i ${hex(key)}`;
const dueRow = (due: string, key: string) => `d ${due} ${hex(key)}`;
const partRow = (partition: string, key: string) => `p ${hex(partition)} ${hex(key)}`;

function statusOf(error: unknown): number | undefined {
  return (error as { statusCode?: number }).statusCode;
}

function encodeVersion(etag: string, due: string | undefined, part: string | undefined): string {
  return Buffer.from(JSON.stringify([etag, due ?? null, part ?? null]), 'utf8').toString('base64url');
}

function decodeVersion(version: string): { etag: string; due?: string; part?: string } | undefined {
  try {
    const [etag, due, part] = JSON.parse(Buffer.from(version, 'base64url').toString('utf8')) as [unknown, unknown, unknown];
    if (typeof etag !== 'string') return undefined;
    return { etag, due: typeof due === 'string' ? due : undefined, part: typeof part === 'string' ? part : undefined };
  } catch {
    return undefined;
  }
}

/** Our typed entities as the SDK's loosely typed one. */
const asEntity = (entity: ItemEntity | IndexEntity): TableEntity => entity as unknown as TableEntity;

export class AzureTableStore implements Store {
  readonly kind = 'azure';
  private readonly table: TableClient;
  private readonly ready: Promise<void>;
  private closed = false;

  constructor(options: AzureTableStoreOptions) {
    const tableName = `${options.tablePrefix}store`;
    if (options.connectionString) {
      // Azurite and other local endpoints speak plain HTTP; Azure itself is always HTTPS.
      const local = /(?:TableEndpoint|BlobEndpoint)=http:|UseDevelopmentStorage=true/i.test(options.connectionString);
      this.table = TableClient.fromConnectionString(options.connectionString, tableName, { allowInsecureConnection: local });
    } else if (options.accountUrl && options.credential) {
      this.table = new TableClient(options.accountUrl, tableName, options.credential);
    } else {
      throw new Error('AzureTableStore needs a connection string, or an account URL and a credential');
    }
    this.ready = this.table.createTable();
    // Surfaces through ping() and the first operation; never as an unhandled rejection.
    this.ready.catch(() => undefined);
  }

  collection<T>(name: string, index: CollectionIndex<T> = {}): Collection<T> {
    assertCollectionName(name);
    return new AzureCollection<T>(this.table, name, index, () => this.open());
  }

  async ping(): Promise<void> {
    await this.open();
    const pages = this.table.listEntities({ queryOptions: { filter: `PartitionKey eq '~ping'`, select: ['RowKey'] } }).byPage({ maxPageSize: 1 });
    await pages.next();
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private async open(): Promise<void> {
    if (this.closed) throw new Error('storage is closed');
    await this.ready;
  }
}

class AzureCollection<T> implements Collection<T> {
  constructor(
    private readonly table: TableClient,
    private readonly name: string,
    private readonly index: CollectionIndex<T>,
    private readonly open: () => Promise<void>,
  ) {}

  async get(key: string): Promise<StoredItem<T> | undefined> {
    return (await this.read(key))?.item;
  }

  /** The item and the id of the write that stored it. */
  private async read(key: string): Promise<{ item: StoredItem<T>; writeId?: string } | undefined> {
    await this.open();
    try {
      const entity = await this.table.getEntity<ItemEntity>(this.name, itemRow(key));
      return { item: this.toItem(entity), writeId: entity.w };
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async create(key: string, value: T): Promise<WriteOutcome<T>> {
    await this.open();
    const entity = this.entityOf(key, value);
    const actions: TransactionAction[] = [['create', asEntity(entity)], ...this.indexUpserts(key, entity.due, entity.part)];
    try {
      const etag = await this.submit(actions, entity.rowKey);
      return { status: 'ok', item: { key, value, version: encodeVersion(etag ?? (await this.etagOf(key)), entity.due, entity.part) } };
    } catch (error) {
      if (statusOf(error) !== 409) throw error;
      const current = await this.read(key);
      // The SDK retries a request whose answer got lost; if the first try was applied, the retry
      // meets our own item.
      if (current && current.writeId === entity.w) return { status: 'ok', item: current.item };
      return { status: 'conflict', current: current?.item };
    }
  }

  async replace(key: string, value: T, expectedVersion: string): Promise<WriteOutcome<T>> {
    await this.open();
    const expected = decodeVersion(expectedVersion);
    if (!expected) return this.conflictOrMissing(key);
    const entity = this.entityOf(key, value);
    const update: TransactionAction = ['update', asEntity(entity), 'Replace', { etag: expected.etag }];
    const moves: TransactionAction[] = [];
    if (expected.due !== undefined && expected.due !== entity.due) moves.push(['delete', { partitionKey: this.name, rowKey: dueRow(expected.due, key) }]);
    if (expected.part !== undefined && expected.part !== entity.part) moves.push(['delete', { partitionKey: this.name, rowKey: partRow(expected.part, key) }]);
    const upserts = this.indexUpserts(key, entity.due, entity.part);
    try {
      const etag = await this.submit([update, ...moves, ...upserts], entity.rowKey);
      return { status: 'ok', item: { key, value, version: encodeVersion(etag ?? (await this.etagOf(key)), entity.due, entity.part) } };
    } catch (error) {
      if (![404, 409, 412].includes(statusOf(error) ?? 0)) throw error;
    }
    const found = await this.read(key);
    if (!found) return { status: 'notFound' };
    const current = found.item;
    // As in create: a retried request that finds our own write already applied.
    if (current.version !== expectedVersion && found.writeId === entity.w) return { status: 'ok', item: current };
    if (current.version !== expectedVersion) return { status: 'conflict', current };
    // The item was as expected, so an old index row was already gone (an interrupted delete):
    // write without removing it. Readers check every index row against its item.
    const etag = await this.submit([update, ...upserts], entity.rowKey).catch((error: unknown) => {
      if (statusOf(error) === 412 || statusOf(error) === 404) return undefined;
      throw error;
    });
    if (etag === undefined) return this.conflictOrMissing(key);
    return { status: 'ok', item: { key, value, version: encodeVersion(etag || (await this.etagOf(key)), entity.due, entity.part) } };
  }

  async upsert(key: string, value: T): Promise<StoredItem<T>> {
    // A replace needs the ETag, so "unconditional" is a change that always writes, or a create.
    for (;;) {
      const changed = await this.change(key, () => value, { attempts: Number.MAX_SAFE_INTEGER });
      if (changed.status === 'ok' || changed.status === 'unchanged') return changed.item;
      const created = await this.create(key, value);
      if (created.status === 'ok') return created.item;
    }
  }

  change(key: string, change: Change<T>, options?: ChangeOptions<T>): Promise<ChangeOutcome<T>> {
    return changeItem(this, key, change, options);
  }

  async delete(key: string, expectedVersion?: string): Promise<DeleteOutcome> {
    await this.open();
    for (;;) {
      const current = await this.get(key);
      if (!current) return 'notFound';
      if (expectedVersion !== undefined && current.version !== expectedVersion) return 'conflict';
      const { etag, due, part } = decodeVersion(current.version)!;
      try {
        // A transaction cannot delete conditionally, so the item goes first, on its ETag; its
        // index rows follow. Should that be interrupted, readers skip rows whose item is gone.
        await this.table.deleteEntity(this.name, itemRow(key), { etag });
      } catch (error) {
        if (statusOf(error) === 404) return expectedVersion === undefined ? 'notFound' : 'conflict';
        if (statusOf(error) === 412) {
          if (expectedVersion !== undefined) return 'conflict';
          continue;
        }
        throw error;
      }
      const rows = [...(due !== undefined ? [dueRow(due, key)] : []), ...(part !== undefined ? [partRow(part, key)] : [])];
      await Promise.all(rows.map((rowKey) => this.table.deleteEntity(this.name, rowKey).catch(() => undefined)));
      return 'ok';
    }
  }

  async listByPartition(partition: string): Promise<StoredItem<T>[]> {
    await this.open();
    const prefix = `p ${hex(partition)} `;
    const keys = await this.scan(prefix, `p ${hex(partition)}!`, Number.MAX_SAFE_INTEGER);
    const items = await this.readAll(keys);
    // Checked against the item itself, in case an index row outlived an interrupted delete.
    return items.filter((item): item is StoredItem<T> => item !== undefined && decodeVersion(item.version)?.part === partition);
  }

  async listDue(until: string, limit: number, partition?: string): Promise<StoredItem<T>[]> {
    await this.open();
    const keys =
      partition === undefined
        ? await this.scan('d ', `d ${until}!`, limit)
        : // A partition's rows are in key order, not due order: take every due one, sort after reading.
          await this.scan(`p ${hex(partition)} `, `p ${hex(partition)}!`, Number.MAX_SAFE_INTEGER, odata` and due le ${until}`);
    const items = (await this.readAll(keys)).filter((item): item is StoredItem<T> => {
      const version = item ? decodeVersion(item.version) : undefined;
      // Checked against the item itself, in case an index row outlived an interrupted write.
      return version?.due !== undefined && version.due <= until && (partition === undefined || version.part === partition);
    });
    if (partition === undefined) return items;
    const dueOf = (item: StoredItem<T>) => decodeVersion(item.version)!.due!;
    return items.sort((a, b) => dueOf(a).localeCompare(dueOf(b)) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).slice(0, limit);
  }

  // ---- helpers ----

  private entityOf(key: string, value: T): ItemEntity {
    const json = JSON.stringify(value);
    const entity: ItemEntity = { partitionKey: this.name, rowKey: itemRow(key), k: key, w: randomUUID(), n: Math.max(1, Math.ceil(json.length / CHUNK_CHARS)) };
    for (let i = 0; i < entity.n; i++) entity[`v${i}`] = json.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS);
    const due = this.index.dueOf?.(value);
    const part = this.index.partitionOf?.(value);
    if (due !== undefined) entity.due = due;
    if (part !== undefined) entity.part = part;
    return entity;
  }

  private indexUpserts(key: string, due: string | undefined, part: string | undefined): TransactionAction[] {
    const rows: IndexEntity[] = [];
    if (due !== undefined) rows.push({ partitionKey: this.name, rowKey: dueRow(due, key), k: key });
    if (part !== undefined) rows.push({ partitionKey: this.name, rowKey: partRow(part, key), k: key, ...(due !== undefined ? { due } : {}) });
    return rows.map((row): TransactionAction => ['upsert', asEntity(row), 'Replace']);
  }

  private toItem(entity: TableEntityResult<ItemEntity>): StoredItem<T> {
    let json = '';
    for (let i = 0; i < entity.n; i++) json += entity[`v${i}`] ?? '';
    return { key: entity.k, value: JSON.parse(json) as T, version: encodeVersion(entity.etag, entity.due, entity.part) };
  }

  /** Submits one entity-group transaction; resolves to the new ETag of the item row if reported. */
  private async submit(actions: TransactionAction[], itemRowKey: string): Promise<string | undefined> {
    const response = await this.table.submitTransaction(actions);
    const failed = response.subResponses.find((sub) => sub.status >= 300);
    if (failed) throw Object.assign(new Error(`transaction refused with ${failed.status}`), { statusCode: failed.status });
    return response.getResponseForEntity(itemRowKey)?.etag;
  }

  private async etagOf(key: string): Promise<string> {
    const entity = await this.table.getEntity(this.name, itemRow(key), { queryOptions: { select: ['RowKey'] } });
    return entity.etag;
  }

  private async conflictOrMissing(key: string): Promise<WriteOutcome<T>> {
    const current = await this.get(key);
    return current ? { status: 'conflict', current } : { status: 'notFound' };
  }

  /** Keys from index rows with from <= RowKey < to (and `also`, an OData condition), in RowKey order, at most `limit`. */
  private async scan(from: string, to: string, limit: number, also = ''): Promise<string[]> {
    const filter = odata`PartitionKey eq ${this.name} and RowKey ge ${from} and RowKey lt ${to}` + also;
    const keys: string[] = [];
    const pages = this.table.listEntities<IndexEntity>({ queryOptions: { filter, select: ['k'] } }).byPage({ maxPageSize: Math.min(1000, limit) });
    for await (const page of pages) {
      for (const row of page) {
        keys.push(row.k);
        if (keys.length >= limit) return keys;
      }
    }
    return keys;
  }

  /**
   * Reads items by key, a few per query ("RowKey eq … or …") rather than one request each:
   * Table Storage accepts at most 15 comparisons in a filter, the PartitionKey one included.
   */
  private async readAll(keys: string[]): Promise<(StoredItem<T> | undefined)[]> {
    const chunks: string[][] = [];
    for (let i = 0; i < keys.length; i += KEYS_PER_QUERY) chunks.push(keys.slice(i, i + KEYS_PER_QUERY));
    const found = new Map<string, StoredItem<T>>();
    let next = 0;
    const worker = async () => {
      while (next < chunks.length) {
        const chunk = chunks[next++];
        const rows = chunk.map((key) => odata`RowKey eq ${itemRow(key)}`).join(' or ');
        for await (const entity of this.table.listEntities<ItemEntity>({ queryOptions: { filter: odata`PartitionKey eq ${this.name}` + ` and (${rows})` } })) {
          const item = this.toItem(entity);
          found.set(item.key, item);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, chunks.length) }, worker));
    return keys.map((key) => found.get(key));
  }

}
