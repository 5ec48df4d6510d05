import type { Logger } from '../log';
import type { BackgroundWork, Outbox, SharedCardUpdate, SharedCards } from '../ports';

/** Card replacements per queued update when the state keeps changing under it (see `SharedCards.update`). */
const MAX_ROUNDS = 3;

/**
 * The one place for work that outlives its turn: shared-card updates, kept in order per card,
 * and any other background task a capability starts. Everything is tracked, so shutdown awaits
 * it once (`idle`), and every failure is logged instead of becoming an unhandled rejection.
 */
export class BackgroundService implements SharedCards, BackgroundWork {
  private readonly tracked = new Set<Promise<void>>();
  /** Per shared card, the last queued update: the next one starts after it. */
  private readonly queues = new Map<string, Promise<void>>();

  constructor(
    private readonly outbox: Outbox,
    private readonly log: Logger,
  ) {}

  run(label: string, work: () => Promise<unknown>, log: Logger = this.log): Promise<void> {
    return this.track(
      (async () => {
        try {
          await work();
        } catch (error) {
          log.error({ err: error, work: label }, `${label} failed`);
        }
      })(),
    );
  }

  update(key: string, latest: () => Promise<SharedCardUpdate | undefined>, log: Logger = this.log): Promise<void> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const next = previous.then(async () => {
      try {
        let update = await latest();
        // A versioned state is read again after each replacement, a bounded number of times.
        for (let round = 1; update; round++) {
          await this.outbox.update(update.card.conversationId, update.card.activityId, update.reply);
          if (update.version === undefined || round === MAX_ROUNDS) break;
          const shown = update.version;
          update = await latest();
          if (update?.version === shown) break;
        }
      } catch (error) {
        log.warn({ err: error, card: key }, 'could not update a shared card');
      }
    });
    this.queues.set(key, next);
    void next.finally(() => {
      if (this.queues.get(key) === next) this.queues.delete(key);
    });
    return this.track(next);
  }

  /** Resolves when nothing is running or queued any more (shutdown, tests, benchmarks). */
  async idle(): Promise<void> {
    while (this.tracked.size > 0) await Promise.all([...this.tracked]);
  }

  private track(work: Promise<void>): Promise<void> {
    this.tracked.add(work);
    void work.finally(() => this.tracked.delete(work));
    return work;
  }
}
