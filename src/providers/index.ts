import type { TokenCredential } from '@azure/identity';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { Store } from '../storage/store';
import type { BackgroundWork, Outbox, SharedCards } from '../ports';
import { AzureArmGateway } from './armGateway';
import { buildArmCredential, TimedTokenCredential } from './credential';
import { ProviderCheck } from './providerCheck';
import type { ProviderCheckSettings } from './settings';

export { ProviderCheck } from './providerCheck';
export { readProviderCheckSettings } from './settings';
export { PROVIDER_CHECK_ACTIONS, PROVIDER_CHECK_VERBS } from './verbs';
export type { ProviderCheckSettings } from './settings';

/** Edges a test or benchmark may replace: the identity and where ARM is. */
export interface ArmOverrides {
  /** Used instead of the configured identity (tests: a fake that never leaves the machine). */
  credential?: TokenCredential;
  /** Used instead of the configured ARM endpoint, e.g. https://127.0.0.1:PORT. */
  endpoint?: string;
  /** PEM of a CA to trust for ARM calls (a throwaway test certificate). */
  caPem?: string;
  /** First retry back-off step in ms; tests make it tiny. */
  retryDelayMs?: number;
}

export interface ProviderCheckEdges {
  settings: ProviderCheckSettings;
  adminIds: readonly string[];
  store: Store;
  clock: Clock;
  outbox: Outbox;
  sharedCards: SharedCards;
  background: BackgroundWork;
  log: Logger;
}

/** Builds the provider check with its ARM client and identity from configuration. */
export function createProviderCheck(edges: ProviderCheckEdges, overrides: ArmOverrides = {}): ProviderCheck {
  const { settings } = edges;
  const credential = new TimedTokenCredential(
    () => overrides.credential ?? buildArmCredential(settings.identity, settings.authorityHost),
    settings.tokenTimeoutMs,
  );
  const arm = new AzureArmGateway({
    credential,
    endpoint: overrides.endpoint ?? settings.armEndpoint,
    tokenScope: settings.tokenScope,
    requestTimeoutMs: settings.requestTimeoutMs,
    maxRetries: settings.maxRetries,
    retryAfterCapSeconds: settings.retryAfterCapSeconds,
    caPem: overrides.caPem,
    retryDelayMs: overrides.retryDelayMs,
  });
  return new ProviderCheck({ ...edges, arm });
}
