import { ArmProblem, classifyArmError, SingleFlight } from '../arm';
import type { Clock } from '../clock';
import type { Collection, Store } from '../storage/store';
import type { ArmGateway } from './armGateway';
import { CMG_PROVIDERS, ProviderCheckResult } from './providerCheckResult';

export type CheckOutcome =
  | {
      ok: true;
      result: ProviderCheckResult;
      fromCache: boolean;
      /** The answer of a check someone else had already started for this subscription. */
      shared?: boolean;
    }
  | { ok: false; problem: ArmProblem };

/**
 * Reads the subscription and the four CMG providers from ARM, all at once, so a check costs
 * one round trip rather than five. Callers asking while a check of the same subscription is
 * running share it (forty people asking at once cost one set of reads), and a result is kept
 * briefly per subscription so repeated asks stay inside ARM's read limits.
 */
export class ProviderChecker {
  private readonly cache: Collection<ProviderCheckResult>;
  private readonly inFlight = new SingleFlight<CheckOutcome>();

  constructor(
    private readonly arm: ArmGateway,
    store: Store,
    private readonly clock: Clock,
    private readonly cacheSeconds: number,
  ) {
    this.cache = store.collection<ProviderCheckResult>('providerCheckResults');
  }

  /** Never rejects: an ARM failure comes back as a problem to show. */
  async check(subscriptionId: string, options: { fresh?: boolean } = {}): Promise<CheckOutcome> {
    if (!options.fresh && this.cacheSeconds > 0) {
      const cached = await this.cache.get(subscriptionId);
      if (cached && this.clock.now().getTime() - Date.parse(cached.value.checkedAt) < this.cacheSeconds * 1000) {
        return { ok: true, result: cached.value, fromCache: true };
      }
    }
    // A fresh ask joins a running check too: that one is reading Azure right now.
    const { result, joined } = this.inFlight.run(subscriptionId, () => this.read(subscriptionId));
    const outcome = await result;
    return outcome.ok && joined ? { ...outcome, shared: true } : outcome;
  }

  /** The last result for a subscription, however old; undefined if it was never checked. */
  async latest(subscriptionId: string): Promise<ProviderCheckResult | undefined> {
    return (await this.cache.get(subscriptionId))?.value;
  }

  /** Keeps a result the registration poller read, so the next ask sees the new states. */
  async remember(result: ProviderCheckResult): Promise<void> {
    await this.cache.upsert(result.subscription.id, result);
  }

  private async read(subscriptionId: string): Promise<CheckOutcome> {
    try {
      const [subscription, ...providers] = await Promise.all([
        this.arm.readSubscription(subscriptionId),
        ...CMG_PROVIDERS.map((namespace) => this.arm.readProvider(subscriptionId, namespace)),
      ]);
      const result: ProviderCheckResult = { subscription, providers, checkedAt: this.clock.now().toISOString() };
      await this.remember(result);
      return { ok: true, result, fromCache: false };
    } catch (error) {
      return { ok: false, problem: classifyArmError(error, 'read') };
    }
  }
}
