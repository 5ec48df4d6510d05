import { classifyArmError, SingleFlight } from '../arm';
import type { Clock } from '../clock';
import type { NameChecksGateway } from './armNameChecks';
import { azureName, failedReads, PreflightRequest, PreflightResult, Read } from './preflightResult';

export interface PreflightOutcome {
  result: PreflightResult;
  fromCache: boolean;
}

/** Distinct prefix, region and subscription triples kept at once; the oldest go first. */
const MAX_CACHED = 500;

/**
 * Runs the four ARM reads of a pre-flight at once (one round trip), each failing on its own so
 * one refused read does not hide the other three answers. A complete answer is kept briefly per
 * prefix, region and subscription, and the same question asked while it runs shares the reads.
 */
export class PreflightChecker {
  private readonly cache = new Map<string, PreflightResult>();
  private readonly inFlight = new SingleFlight<PreflightResult>();

  constructor(
    private readonly arm: NameChecksGateway,
    private readonly clock: Clock,
    private readonly cacheSeconds: number,
  ) {}

  /** Never rejects: a failed read is part of the result. */
  async check(request: PreflightRequest): Promise<PreflightOutcome> {
    const key = [request.subscriptionId, request.region, azureName(request.prefix)].join('\n');
    const cached = this.cache.get(key);
    if (cached && this.clock.now().getTime() - Date.parse(cached.checkedAt) < this.cacheSeconds * 1000) {
      // Same Azure names, perhaps another spelling or certificate name: show what was asked now.
      return { result: { ...cached, request }, fromCache: true };
    }
    const { result } = this.inFlight.run(key, () => this.read(request));
    const fresh = await result;
    if (failedReads(fresh).length === 0 && this.cacheSeconds > 0) this.remember(key, fresh);
    return { result: { ...fresh, request }, fromCache: false };
  }

  private async read(request: PreflightRequest): Promise<PreflightResult> {
    const { subscriptionId, region } = request;
    const name = azureName(request.prefix);
    const [dnsLabel, keyVault, storage, sizes] = await Promise.all([
      settle(this.arm.dnsLabel(subscriptionId, region, name)),
      settle(this.arm.keyVaultName(subscriptionId, name)),
      settle(this.arm.storageAccountName(subscriptionId, name)),
      settle(this.arm.vmSizes(subscriptionId, region)),
    ]);
    return { request, dnsLabel, keyVault, storage, sizes, checkedAt: this.clock.now().toISOString() };
  }

  private remember(key: string, result: PreflightResult): void {
    this.cache.delete(key);
    this.cache.set(key, result);
    if (this.cache.size > MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
  }
}

async function settle<T>(read: Promise<T>): Promise<Read<T>> {
  try {
    return { ok: true, value: await read };
  } catch (error) {
    return { ok: false, problem: classifyArmError(error, 'read') };
  }
}
