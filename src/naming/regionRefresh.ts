import type { Logger } from '../log';
import type { NamedLocation, RegionCatalog } from './regionCatalog';

/** One entry of a subscription's location list, as much of it as the catalog cares about. */
export interface SubscriptionLocation extends NamedLocation {
  /** `Region` or `EdgeZone` (extended locations). */
  type?: string;
  /** `Physical` for a datacenter region, `Logical` for groupings such as "Europe" or "Global". */
  regionType?: string;
}

/** Reads the location list; the reader owns identity, endpoint and time limits. */
export type LocationReader = (signal: AbortSignal) => Promise<SubscriptionLocation[]>;

/**
 * Microsoft's early-access and staging regions are listed for some subscriptions but are no
 * place for a CMG, and their names ("East US 2 EUAP") would crowd the real ones.
 */
const NOT_FOR_CUSTOMERS = /(euap|stg|stage)$/;

/**
 * The locations a CMG can be deployed to. Logical entries ("Europe", "United States") are
 * dropped: adding them would make "Europe" resolve to a non-region instead of listing the
 * European regions to choose from.
 */
export function deployableRegions(locations: readonly SubscriptionLocation[]): NamedLocation[] {
  return locations
    .filter((location) => (location.type ?? 'Region') === 'Region')
    .filter((location) => (location.regionType ?? 'Physical') === 'Physical')
    .filter((location) => location.name && location.displayName && !NOT_FOR_CUSTOMERS.test(location.name.toLowerCase()))
    .map(({ name, displayName }) => ({ name, displayName }));
}

/**
 * Merges a subscription's regions into the catalog once. Never rejects: a failure leaves the
 * built-in list in place and is only logged, because names still work without the refresh.
 */
export async function refreshRegionCatalog(catalog: RegionCatalog, read: LocationReader, signal: AbortSignal, log: Logger): Promise<void> {
  try {
    const locations = await read(signal);
    const regions = deployableRegions(locations);
    if (regions.length === 0) {
      log.warn({ listed: locations.length }, 'region refresh: the subscription listed no usable regions; keeping the built-in list');
      return;
    }
    const added = catalog.adoptLocations(regions);
    log.info({ regions: catalog.all().length, added }, 'region catalog refreshed from the subscription');
  } catch (error) {
    if (signal.aborted) return;
    const problem = error as { kind?: string; message?: string };
    log.warn({ problem: problem.kind, reason: problem.message }, 'region refresh failed; keeping the built-in region list');
  }
}
