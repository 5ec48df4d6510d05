import type { Collection, CollectionIndex, Store } from '../../../src/storage/store';

/** Holds every plan read until `parties` reads are waiting, so concurrent clicks really read the same version. */
export class BarrierStore implements Store {
  readonly kind = 'barrier';
  parties = 0;
  private waiting: (() => void)[] = [];
  constructor(private readonly inner: Store) {}
  collection<T>(name: string, index?: CollectionIndex<T>): Collection<T> {
    const real = this.inner.collection<T>(name, index);
    if (name !== 'cutoverPlans') return real;
    return {
      ...real,
      get: async (key) => {
        if (this.parties > 0) {
          await new Promise<void>((resolve) => {
            this.waiting.push(resolve);
            if (this.waiting.length >= this.parties) {
              this.parties = 0;
              this.waiting.splice(0).forEach((release) => release());
            }
          });
        }
        return real.get(key);
      },
    };
  }
  ping() {
    return this.inner.ping();
  }
  close() {
    return this.inner.close();
  }
}
