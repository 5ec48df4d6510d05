/**
 * One piece of work per key at a time: a caller asking while the work for its key is running
 * gets that same promise instead of starting another. Per process; the key is released when the
 * work settles, so the next ask starts fresh.
 */
export class SingleFlight<T> {
  private readonly running = new Map<string, Promise<T>>();

  run(key: string, work: () => Promise<T>): { result: Promise<T>; joined: boolean } {
    const current = this.running.get(key);
    if (current) return { result: current, joined: true };
    const result = work().finally(() => this.running.delete(key));
    this.running.set(key, result);
    return { result, joined: false };
  }
}
