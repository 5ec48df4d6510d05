/** The resource providers a scale-set CMG needs registered in its subscription. */
export const CMG_PROVIDERS = ['Microsoft.KeyVault', 'Microsoft.Storage', 'Microsoft.Network', 'Microsoft.Compute'] as const;

export type CmgProvider = (typeof CMG_PROVIDERS)[number];

/**
 * ARM's registrationState is a free string; these are the values seen in practice. Anything
 * else is kept as text and, like every state but Registered, counts as not ready.
 */
export type RegistrationState = 'Registered' | 'NotRegistered' | 'Registering' | 'Unregistering' | 'Unregistered' | (string & {});

export interface ProviderState {
  namespace: CmgProvider;
  state: RegistrationState;
}

export interface SubscriptionFacts {
  id: string;
  displayName?: string;
  /** Enabled, Warned, PastDue, Disabled, Deleted. */
  state?: string;
  quotaId?: string;
}

/** One completed provider check of one subscription. */
export interface ProviderCheckResult {
  subscription: SubscriptionFacts;
  providers: ProviderState[];
  /** ISO-8601 UTC. */
  checkedAt: string;
}

/** Finds a CMG provider by namespace; ARM treats namespaces case-insensitively, and so do we. */
export function cmgProviderNamed(namespace: string): CmgProvider | undefined {
  return CMG_PROVIDERS.find((name) => name.toLowerCase() === namespace.toLowerCase());
}

export function isRegistered(state: RegistrationState): boolean {
  return state.toLowerCase() === 'registered';
}

/** The providers still to register, in the order CMG_PROVIDERS lists them. */
export function missingProviders(result: Pick<ProviderCheckResult, 'providers'>): CmgProvider[] {
  return result.providers.filter((p) => !isRegistered(p.state)).map((p) => p.namespace);
}

export function registeredCount(result: Pick<ProviderCheckResult, 'providers'>): number {
  return result.providers.filter((p) => isRegistered(p.state)).length;
}

/**
 * CSP (Cloud Solution Provider) subscriptions carry a quota id starting with `CSP_`
 * (e.g. `CSP_2015-05-01`, `CSP_MG_2017-12-01`). It matters because only a scale-set CMG can run
 * in one: CSP does not offer the classic cloud service.
 */
export function isCspSubscription(quotaId: string | undefined): boolean {
  return /^csp_/i.test(quotaId ?? '');
}
