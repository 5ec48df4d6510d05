import { ArmBusyError } from './armProblem';

/**
 * At most `max` calls run at once; the rest queue in arrival order. A queued call gives up when
 * its signal aborts (its deadline), and the queue itself is bounded, so a flood of checks costs
 * a fixed amount of waiting and memory rather than piling up behind Azure.
 */
export class CallLimit {
  private active = 0;
  /** Each queued call's start, called when a slot passes to it. */
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly max: number,
    private readonly maxWaiting: number,
  ) {}

  /** Calls running now (for logs and tests). */
  get running(): number {
    return this.active;
  }

  async run<T>(work: () => Promise<T>, signal: AbortSignal): Promise<T> {
    await this.acquire(signal);
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  private acquire(signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.reject(new ArmBusyError());
    if (this.active < this.max) {
      this.active += 1;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.maxWaiting) return Promise.reject(new ArmBusyError());
    return new Promise<void>((resolve, reject) => {
      const start = () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = () => {
        const index = this.waiting.indexOf(start);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(new ArmBusyError());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(start);
    });
  }

  private release(): void {
    const next = this.waiting.shift();
    // The slot passes straight to the next waiter, so `active` stays at the cap while work queues.
    if (next) next();
    else this.active -= 1;
  }
}
