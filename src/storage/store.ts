/**
 * The storage contract every capability writes through. It is a small document store with
 * optimistic concurrency: each item carries an opaque version (a counter in SQLite, an ETag in
 * Azure Table Storage), and writes say what they expect. Normal races come back as outcomes,
 * not exceptions, so callers can decide ("first decision wins", "someone else claimed it").
 */

export interface StoredItem<T> {
  key: string;
  value: T;
  /** Opaque; pass it back unchanged to `replace` or `delete`. */
  version: string;
}

export type WriteOutcome<T> =
  | { status: 'ok'; item: StoredItem<T> }
  /** The item exists (create) or has another version (replace); `current` is what is stored now. */
  | { status: 'conflict'; current?: StoredItem<T> }
  | { status: 'notFound' };

export type DeleteOutcome = 'ok' | 'conflict' | 'notFound';

/** What `change` did: wrote (`ok`), found nothing to do (`unchanged`), or could not. */
export type ChangeOutcome<T> =
  | { status: 'ok'; item: StoredItem<T> }
  | { status: 'unchanged'; item: StoredItem<T> }
  | { status: 'notFound' }
  /** Someone else wrote between every read and write, `attempts` times in a row; `current` is the last read. */
  | { status: 'tooManyConflicts'; current: StoredItem<T> };

/** A change to apply: the next value, or undefined to leave the item as it is. */
export type Change<T> = (current: T, item: StoredItem<T>) => T | undefined;

export interface ChangeOptions<T> {
  /**
   * Reads before giving up. A burst of simultaneous clicks on one card is a handful of writers;
   * every retry re-reads, so the change is applied to the newest value each time.
   */
  attempts?: number;
  /** An item the caller has just read (e.g. from a list): the first attempt starts from it instead of reading again. */
  from?: StoredItem<T>;
}

/** Enough for a burst of concurrent writers on one item; more means something is looping. */
const CHANGE_ATTEMPTS = 10;

/**
 * How a collection's items are indexed. Both are derived from the value on every write, so the
 * index can never disagree with the item it points to.
 */
export interface CollectionIndex<T> {
  /** Groups items for `listByPartition`, e.g. a conversation id. */
  partitionOf?: (value: T) => string;
  /** An ISO-8601 UTC instant for `listDue`, or undefined to keep the item out of that index. */
  dueOf?: (value: T) => string | undefined;
}

export interface Collection<T> {
  get(key: string): Promise<StoredItem<T> | undefined>;
  /** Writes only if no item has this key. */
  create(key: string, value: T): Promise<WriteOutcome<T>>;
  /** Writes only if the stored version equals `expectedVersion`. */
  replace(key: string, value: T, expectedVersion: string): Promise<WriteOutcome<T>>;
  /** Writes unconditionally (last writer wins); for data with a single writer. */
  upsert(key: string, value: T): Promise<StoredItem<T>>;
  /** Deletes; with `expectedVersion` only if it still matches. */
  delete(key: string, expectedVersion?: string): Promise<DeleteOutcome>;
  /**
   * Read, modify, conditional write, retry: applies `change` to the stored value and writes the
   * result only if nobody wrote in between; on a conflict it re-reads and applies `change` again
   * to the newer value. Normal races come back as outcomes, never as exceptions.
   */
  change(key: string, change: Change<T>, options?: ChangeOptions<T>): Promise<ChangeOutcome<T>>;
  /** Every item in a partition, ordered by key. */
  listByPartition(partition: string): Promise<StoredItem<T>[]>;
  /**
   * Items whose due time is at or before `until` (ISO-8601 UTC), earliest first (ties in key
   * order); with `partition`, only that partition's.
   */
  listDue(until: string, limit: number, partition?: string): Promise<StoredItem<T>[]>;
}

export interface Store {
  /** Which implementation this is, for logs and /readyz. */
  readonly kind: string;
  collection<T>(name: string, index?: CollectionIndex<T>): Collection<T>;
  /** Resolves when the backing store answers; rejects otherwise (used by /readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Collection names are shared by every implementation; Azure Table names must be alphanumeric. */
export function assertCollectionName(name: string): void {
  if (!/^[a-z][a-zA-Z0-9]{2,40}$/.test(name)) {
    throw new Error(`Invalid collection name "${name}": use 3-41 letters and digits, starting with a lower-case letter`);
  }
}

/**
 * `Collection.change` on top of `get` and `replace`, for every implementation: the one
 * read-modify-write loop of the code base.
 */
export async function changeItem<T>(
  collection: Pick<Collection<T>, 'get' | 'replace'>,
  key: string,
  change: Change<T>,
  options: ChangeOptions<T> = {},
): Promise<ChangeOutcome<T>> {
  let current = options.from ?? (await collection.get(key));
  for (let attempt = 1; ; attempt++) {
    if (!current) return { status: 'notFound' };
    const next = change(current.value, current);
    if (next === undefined) return { status: 'unchanged', item: current };
    const written = await collection.replace(key, next, current.version);
    if (written.status === 'ok') return written;
    if (written.status === 'notFound') return { status: 'notFound' };
    if (attempt >= (options.attempts ?? CHANGE_ATTEMPTS)) return { status: 'tooManyConflicts', current: written.current ?? current };
    current = written.current ?? (await collection.get(key));
  }
}
