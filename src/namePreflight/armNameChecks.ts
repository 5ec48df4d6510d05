import { createRestError, type Client, type PathUncheckedResponse } from '@azure-rest/core-client';
import type { ArmConnection } from '../arm';
import { CMG_VM_SIZES, NameAnswer, SizeOffer } from './preflightResult';

/** The four reads of the name pre-flight; every failure is an ArmProblem. None of them creates or reserves anything. */
export interface NameChecksGateway {
  dnsLabel(subscriptionId: string, region: string, label: string): Promise<NameAnswer>;
  keyVaultName(subscriptionId: string, name: string): Promise<NameAnswer>;
  storageAccountName(subscriptionId: string, name: string): Promise<NameAnswer>;
  vmSizes(subscriptionId: string, region: string): Promise<SizeOffer[]>;
}

/**
 * Each read's api-version (current stable ones) and the RBAC action it needs, so a 403 names
 * exactly what the bot's role lacks. Reader includes all four.
 */
const READS = {
  dnsLabel: { apiVersion: '2024-05-01', namespace: 'Microsoft.Network', permission: 'Microsoft.Network/locations/CheckDnsNameAvailability/read' },
  keyVault: { apiVersion: '2024-11-01', namespace: 'Microsoft.KeyVault', permission: 'Microsoft.KeyVault/checkNameAvailability/read' },
  storage: { apiVersion: '2025-01-01', namespace: 'Microsoft.Storage', permission: 'Microsoft.Storage/checkNameAvailability/read' },
  skus: { apiVersion: '2021-07-01', namespace: 'Microsoft.Compute', permission: 'Microsoft.Compute/skus/read' },
} as const;

type ReadKind = (typeof READS)[keyof typeof READS];

/** The label rule ARM's CheckDnsNameAvailability documents for `domainNameLabel`; others are refused without asking. */
const DNS_LABEL = /^[a-z][a-z0-9-]{1,61}[a-z0-9]$/;

/** A region's SKU list is large but arrives in a few pages; more than this means something is wrong. */
const MAX_SKU_PAGES = 10;

interface NameAvailabilityBody {
  nameAvailable?: boolean;
  reason?: string;
  message?: string;
}

interface Sku {
  resourceType?: string;
  name?: string;
  restrictions?: { type?: string; values?: string[]; reasonCode?: string; restrictionInfo?: { locations?: string[]; zones?: string[] } }[];
}

interface SkuListBody {
  value?: Sku[];
  nextLink?: string | null;
}

/**
 * The pre-flight's reads through the bot's shared ARM connection: the same identity, pipeline
 * (retries, Retry-After cap, TLS trust), deadline and concurrency cap as the provider check,
 * on a path-based REST client because the official SDK clients for these four providers would
 * add about 107 MB for four calls.
 */
export class ArmNameChecks implements NameChecksGateway {
  constructor(private readonly connection: ArmConnection) {}

  async dnsLabel(subscriptionId: string, region: string, label: string): Promise<NameAnswer> {
    // Not a label ARM accepts: nothing Azure could say would make it usable.
    if (!DNS_LABEL.test(label)) return { available: false, reason: 'AccountNameInvalid' };
    const body = await this.read(READS.dnsLabel, async (client, abortSignal) =>
      bodyOf<{ available?: boolean }>(
        await client
          .pathUnchecked('/subscriptions/{subscriptionId}/providers/Microsoft.Network/locations/{location}/CheckDnsNameAvailability', subscriptionId, region)
          .get({ queryParameters: { domainNameLabel: label, 'api-version': READS.dnsLabel.apiVersion }, abortSignal }),
      ),
    );
    return { available: body.available === true };
  }

  keyVaultName(subscriptionId: string, name: string): Promise<NameAnswer> {
    return this.nameAvailability(subscriptionId, { name, type: 'Microsoft.KeyVault/vaults' }, READS.keyVault);
  }

  storageAccountName(subscriptionId: string, name: string): Promise<NameAnswer> {
    return this.nameAvailability(subscriptionId, { name, type: 'Microsoft.Storage/storageAccounts' }, READS.storage);
  }

  async vmSizes(subscriptionId: string, region: string): Promise<SizeOffer[]> {
    const skus = await this.read(READS.skus, async (client, abortSignal) => {
      const all: Sku[] = [];
      let body = bodyOf<SkuListBody>(
        await client
          .pathUnchecked('/subscriptions/{subscriptionId}/providers/Microsoft.Compute/skus', subscriptionId)
          .get({ queryParameters: { $filter: `location eq '${region}'`, 'api-version': READS.skus.apiVersion }, abortSignal }),
      );
      for (let page = 1; ; page++) {
        all.push(...(body.value ?? []));
        const next = body.nextLink;
        // The bearer token only ever goes back to the ARM endpoint it was issued for.
        if (!next || page >= MAX_SKU_PAGES || new URL(next).origin !== new URL(this.connection.endpoint).origin) return all;
        body = bodyOf<SkuListBody>(await client.pathUnchecked(next).get({ abortSignal }));
      }
    });
    return CMG_VM_SIZES.map((size) => sizeOffer(size, region, skus));
  }

  private async nameAvailability(subscriptionId: string, body: { name: string; type: string }, read: ReadKind): Promise<NameAnswer> {
    const answer = await this.read(read, async (client, abortSignal) =>
      bodyOf<NameAvailabilityBody>(
        await client
          .pathUnchecked(`/subscriptions/{subscriptionId}/providers/${read.namespace}/checkNameAvailability`, subscriptionId)
          .post({ queryParameters: { 'api-version': read.apiVersion }, body, contentType: 'application/json', abortSignal }),
      ),
    );
    return { available: answer.nameAvailable === true, reason: answer.reason, message: answer.message };
  }

  /**
   * One read under the shared connection (cap, deadline, classification into an ArmProblem). The
   * problem names the read's provider namespace, so a subscription that has not registered it can
   * be told so (see `unregisteredNamespace`).
   */
  private read<T>(read: ReadKind, send: (client: Client, abortSignal: AbortSignal) => Promise<T>): Promise<T> {
    const client = this.connection.rest();
    return this.connection.call('read', (abortSignal) => send(client, abortSignal), { permission: read.permission, namespace: read.namespace });
  }
}

/** The body of a 2xx answer; anything else becomes the SDK's RestError (status, ARM's code, headers). */
function bodyOf<T>(response: PathUncheckedResponse): T {
  if (!/^2\d\d$/.test(response.status)) throw createRestError(response);
  return response.body as T;
}

/** A size is usable when ARM lists it for the region without a Location restriction naming the region. */
function sizeOffer(size: (typeof CMG_VM_SIZES)[number], region: string, skus: Sku[]): SizeOffer {
  const sku = skus.find((s) => s.resourceType === 'virtualMachines' && s.name?.toLowerCase() === size.sku.toLowerCase());
  if (!sku) return { key: size.key, offer: 'absent' };
  const here = (values: string[] | undefined) => (values ?? []).some((value) => value.toLowerCase() === region.toLowerCase());
  const restrictions = sku.restrictions ?? [];
  const location = restrictions.find((r) => r.type === 'Location' && (here(r.values) || here(r.restrictionInfo?.locations)));
  if (location) return { key: size.key, offer: 'restricted', reasonCode: location.reasonCode };
  const zone = restrictions.find((r) => r.type === 'Zone' && (here(r.values) || here(r.restrictionInfo?.locations)));
  if (zone) return { key: size.key, offer: 'someZones', reasonCode: zone.reasonCode, zones: zone.restrictionInfo?.zones ?? [] };
  return { key: size.key, offer: 'offered' };
}
