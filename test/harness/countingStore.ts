import type { Collection, CollectionIndex, Store } from '../../src/storage/store';

/** A real store that counts the calls made to each collection, e.g. `conversationRefs.upsert`. */
export class CountingStore implements Store {
  readonly kind: string;
  readonly calls = new Map<string, number>();
  constructor(private readonly inner: Store) {
    this.kind = inner.kind;
  }
  count(collection: string, method: keyof Collection<unknown>): number {
    return this.calls.get(`${collection}.${method}`) ?? 0;
  }
  /** Storage pings (readiness probes). */
  get pings(): number {
    return this.calls.get('ping') ?? 0;
  }
  collection<T>(name: string, index?: CollectionIndex<T>): Collection<T> {
    const real = this.inner.collection<T>(name, index);
    const counted = {} as Record<string, unknown>;
    for (const method of ['get', 'create', 'replace', 'upsert', 'delete', 'change', 'listByPartition', 'listDue'] as const) {
      counted[method] = (...args: unknown[]) => {
        this.calls.set(`${name}.${method}`, (this.calls.get(`${name}.${method}`) ?? 0) + 1);
        return (real[method] as (...a: unknown[]) => unknown).apply(real, args);
      };
    }
    return counted as unknown as Collection<T>;
  }
  ping() {
    this.calls.set('ping', (this.calls.get('ping') ?? 0) + 1);
    return this.inner.ping();
  }
  close() {
    return this.inner.close();
  }
}
