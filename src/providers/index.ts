import type { ArmConnection } from '../arm';
import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { Store } from '../storage/store';
import type { BackgroundWork, Outbox, SharedCards } from '../ports';
import { AzureArmGateway } from './armGateway';
import { ProviderCheck } from './providerCheck';
import type { ProviderCheckSettings } from './settings';

export { ProviderCheck } from './providerCheck';
export { readProviderCheckSettings } from './settings';
export { PROVIDER_CHECK_ACTIONS, PROVIDER_CHECK_VERBS } from './verbs';
export type { ProviderCheckSettings } from './settings';

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

/** Builds the provider check on the bot's shared ARM connection. */
export function createProviderCheck(edges: ProviderCheckEdges, connection: ArmConnection): ProviderCheck {
  const s = connection.settings;
  return new ProviderCheck({
    ...edges,
    arm: new AzureArmGateway(connection),
    azure: { cloud: s.cloud, defaultSubscriptionId: s.defaultSubscriptionId, requestTimeoutMs: s.requestTimeoutMs },
  });
}
