import type { ArmProblem } from '../arm';
import type { NameProblem } from '../naming';

/** The VM sizes a scale-set CMG offers (Lab, Standard, Large), with Standard the default. */
export const CMG_VM_SIZES = [
  { sku: 'Standard_B2s', key: 'lab', isDefault: false },
  { sku: 'Standard_A2_v2', key: 'standard', isDefault: true },
  { sku: 'Standard_A4_v2', key: 'large', isDefault: false },
] as const;

export type CmgVmSize = (typeof CMG_VM_SIZES)[number];
export type CmgVmSizeKey = CmgVmSize['key'];

/** What one name check said. `reason` and `message` are ARM's own (absent for the DNS check, which says only yes or no). */
export interface NameAnswer {
  available: boolean;
  reason?: string;
  message?: string;
}

/** Whether ARM offers a size in the region to this subscription, and if not, ARM's reason. */
export interface SizeOffer {
  key: CmgVmSizeKey;
  offer: 'offered' | 'restricted' | 'someZones' | 'absent';
  reasonCode?: string;
  zones?: string[];
}

/** One read's outcome: its answer, or the problem that kept it from one. */
export type Read<T> = { ok: true; value: T } | { ok: false; problem: ArmProblem };

/** What the pre-flight checks: the prefix as the CMG derives it, where, and in which subscription. */
export interface PreflightRequest {
  /** The first label of the certificate common name, case kept. */
  prefix: string;
  /** The full certificate name when one was given. */
  commonName?: string;
  /** Programmatic region name, e.g. `eastus`. */
  region: string;
  subscriptionId: string;
  /** Where the naming sources disagree about this prefix (shown, not refused). */
  ruleWarnings: NameProblem[];
}

export interface PreflightResult {
  request: PreflightRequest;
  /** `{prefix}.{region}.cloudapp.azure.com`, the scale set's deployment name. */
  dnsLabel: Read<NameAnswer>;
  keyVault: Read<NameAnswer>;
  /** Needed only when the CMG serves content (the default). */
  storage: Read<NameAnswer>;
  sizes: Read<SizeOffer[]>;
  /** ISO-8601 UTC. */
  checkedAt: string;
}

/** Azure compares these names in lower case, and storage account names must be lower case. */
export function azureName(prefix: string): string {
  return prefix.toLowerCase();
}

/**
 * The provider namespace a read was refused for because the subscription has not registered it:
 * ARM answers 409 MissingSubscriptionRegistration to a provider's reads (name checks and SKU list
 * included) until the provider is registered, which new subscriptions often have not done. That
 * is no outage, and asking again will not help; registering will (facts RP-01, ERR-04).
 */
export function unregisteredNamespace(problem: ArmProblem): string | undefined {
  return problem.detail.code === 'MissingSubscriptionRegistration' ? problem.detail.namespace : undefined;
}

/** The reads that failed, in card order. */
export function failedReads(result: PreflightResult): ArmProblem[] {
  return [result.dnsLabel, result.keyVault, result.storage, result.sizes].flatMap((read) => (read.ok ? [] : [read.problem]));
}
