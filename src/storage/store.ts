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
  /** Every item in a partition, ordered by key. */
  listByPartition(partition: string): Promise<StoredItem<T>[]>;
  /** Items whose due time is at or before `until` (ISO-8601 UTC), earliest first. */
  listDue(until: string, limit: number): Promise<StoredItem<T>[]>;
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
