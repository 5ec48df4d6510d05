import { changeItem, type Collection, type CollectionIndex, type Store } from '../../src/storage/store';

/**
 * A real store whose calls a test can make fail, as a busy or briefly unreachable store does
 * (Azure Table 503 / timeout after the SDK's own retries, a dropped connection).
 * `fault(collection, method, args)` returns an error to throw instead of calling the real store.
 */
export class FaultyStore implements Store {
  readonly kind: string;
  fault: ((collection: string, method: string, args: unknown[]) => Error | undefined) | undefined;
  constructor(private readonly inner: Store) {
    this.kind = inner.kind;
  }
  collection<T>(name: string, index?: CollectionIndex<T>): Collection<T> {
    const real = this.inner.collection<T>(name, index);
    const wrapped = {} as Record<string, unknown>;
    for (const method of ['get', 'create', 'replace', 'upsert', 'delete', 'listByPartition', 'listDue'] as const) {
      wrapped[method] = async (...args: unknown[]) => {
        const error = this.fault?.(name, method, args);
        if (error) throw error;
        return (real[method] as (...a: unknown[]) => unknown).apply(real, args);
      };
    }
    // `change` goes through the wrapped get/replace, as the real implementations do.
    const collection = wrapped as unknown as Collection<T>;
    wrapped.change = (key: string, change: Parameters<Collection<T>['change']>[1], options: Parameters<Collection<T>['change']>[2]) => changeItem(collection, key, change, options);
    return collection;
  }
  ping() {
    return this.inner.ping();
  }
  close() {
    return this.inner.close();
  }
}
