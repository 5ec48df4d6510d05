import { AZURE_PUBLIC_REGIONS } from './azureRegions';
import { editDistance } from '../text/editDistance';
import { foldText } from '../text/fold';
import type { Region } from './region';

export type RegionMatch =
  /** `correctedFrom` is set when a small typo was forgiven, so the reply can say what it read. */
  | { kind: 'found'; region: Region; correctedFrom?: string }
  | { kind: 'ambiguous'; candidates: Region[] }
  | { kind: 'unknown'; suggestions: Region[] };

/** Words admins add around a region name that never distinguish one region from another. */
const FILLER = new Set(['azure', 'region', 'regio', 'location', 'locatie']);

/** Lower-case words without accents, digits split off ("US2" → "us", "2"), fillers dropped. */
export function regionTokens(text: string): string[] {
  return foldText(text)
    .replace(/([a-z])(\d)/g, '$1 $2')
    .replace(/(\d)([a-z])/g, '$1 $2')
    .split(/[^a-z0-9]+/)
    .filter((token) => token && !FILLER.has(token));
}

interface Entry {
  region: Region;
  /** Every name form squeezed to letters and digits: `eastus`, `vsoost`. */
  keys: string[];
  /** Each name form's distinct tokens, sorted and joined, for order-insensitive equality ("US East"). */
  forms: string[];
  /** Every token of every form, for partial input ("Europe", "VS"). */
  tokens: Set<string>;
}

/** How far a typo may be from a name before it stops counting as that name. */
function typoAllowance(key: string): number {
  if (key.length <= 3) return 0;
  if (key.length <= 8) return 1;
  return 2;
}

const SUGGESTIONS = 3;

interface Snapshot {
  regions: readonly Region[];
  entries: Entry[];
  /**
   * The entries by each of their keys, forms and tokens, each list in catalog order, for the
   * lookups of `byWords`: reading a region out of running text would otherwise go through
   * every entry for each run of words tried.
   */
  byKey: Map<string, Entry[]>;
  byForm: Map<string, Entry[]>;
  byToken: Map<string, Entry[]>;
}

/** Files each entry under each of its names (an entry once per name, however often it holds it). */
function indexBy(entries: readonly Entry[], namesOf: (entry: Entry) => Iterable<string>): Map<string, Entry[]> {
  const index = new Map<string, Entry[]>();
  for (const entry of entries) {
    for (const name of new Set(namesOf(entry))) {
      const list = index.get(name);
      if (list) list.push(entry);
      else index.set(name, [entry]);
    }
  }
  return index;
}

function snapshotOf(regions: readonly Region[]): Snapshot {
  const entries = regions.map((region) => {
    const names = [region.name, region.displayName, ...region.dutchNames];
    const forms = names.map((name) => regionTokens(name));
    return {
      region,
      keys: [...new Set(forms.map((form) => form.join('')))],
      forms: forms.map((form) => [...new Set(form)].sort().join(' ')),
      tokens: new Set(forms.flat()),
    };
  });
  // Frozen: `all()` hands this list out as it is.
  return {
    regions: Object.freeze([...regions]),
    entries,
    byKey: indexBy(entries, (entry) => entry.keys),
    byForm: indexBy(entries, (entry) => entry.forms),
    byToken: indexBy(entries, (entry) => entry.tokens),
  };
}

/** A location as ARM lists it for a subscription: programmatic name and English display name. */
export interface NamedLocation {
  name: string;
  displayName: string;
}

/** Known regions keep their Dutch names (ARM has none); new ones are added without any. */
function mergeLocations(regions: readonly Region[], locations: readonly NamedLocation[]): Region[] {
  const merged = new Map(regions.map((region) => [region.name, region]));
  for (const location of locations) {
    const name = location.name.toLowerCase();
    if (!/^[a-z0-9]+$/.test(name) || !location.displayName) continue;
    const known = merged.get(name);
    merged.set(name, { name, displayName: location.displayName, dutchNames: known?.dutchNames ?? [] });
  }
  return [...merged.values()];
}

/**
 * The regions an admin may name, and the tolerant lookup of a region from what they typed.
 * The built-in public-cloud list is the default; a subscription's location list can be merged
 * in when that is available (`withLocations` for a new catalog, `adoptLocations` in place).
 */
export class RegionCatalog {
  /** Replaced whole, never edited, so a lookup running during a refresh sees one consistent list. */
  private current: Snapshot;

  constructor(regions: readonly Region[] = AZURE_PUBLIC_REGIONS) {
    this.current = snapshotOf(regions);
  }

  /** The regions as they stand, not copied: the same list until the catalog's regions change. */
  all(): readonly Region[] {
    return this.current.regions;
  }

  byName(name: string): Region | undefined {
    return this.current.regions.find((region) => region.name === name.toLowerCase());
  }

  /**
   * A catalog updated from a subscription's location list (`name` + `displayName`, as ARM
   * returns them): known regions keep their Dutch names, new ones are added with none.
   */
  withLocations(locations: readonly NamedLocation[]): RegionCatalog {
    return new RegionCatalog(mergeLocations(this.current.regions, locations));
  }

  /**
   * Merges a subscription's location list into this catalog, for everyone holding it (the
   * start-up refresh). Returns the names of regions that were not known before.
   */
  adoptLocations(locations: readonly NamedLocation[]): string[] {
    const before = new Set(this.current.regions.map((region) => region.name));
    const merged = mergeLocations(this.current.regions, locations);
    this.current = snapshotOf(merged);
    return merged.filter((region) => !before.has(region.name)).map((region) => region.name);
  }

  /**
   * Finds the region meant by `input`: programmatic name, English display name or a Dutch name,
   * in any case, with or without spaces and hyphens, forgiving a small typo. Never guesses
   * between several regions: "US" or "Europe" come back as candidates.
   */
  resolve(input: string): RegionMatch {
    const tokens = regionTokens(input);
    const key = tokens.join('');
    if (!key) return { kind: 'unknown', suggestions: [] };
    const named = this.byWords(tokens, key);
    if (named) return named;

    const { entries } = this.current;
    const scored = entries
      .map((entry) => ({ entry, distance: Math.min(...entry.keys.map((candidate) => editDistance(key, candidate))) }))
      .sort((a, b) => a.distance - b.distance);
    const best = scored[0].distance;
    if (best <= typoAllowance(key)) {
      const closest = scored.filter((score) => score.distance === best);
      if (closest.length === 1) return { kind: 'found', region: closest[0].entry.region, correctedFrom: input.trim() };
      return { kind: 'ambiguous', candidates: closest.map((score) => score.entry.region) };
    }
    return { kind: 'unknown', suggestions: scored.slice(0, SUGGESTIONS).map((score) => score.entry.region) };
  }

  /**
   * The region `input` names without a typo forgiven: what `resolve` finds without `correctedFrom`.
   * For reading regions out of running text, where most runs of words tried name none and the
   * typo search over every region would be spent on them for nothing.
   */
  resolveExactly(input: string): Region | undefined {
    const tokens = regionTokens(input);
    const key = tokens.join('');
    if (!key) return undefined;
    const named = this.byWords(tokens, key);
    return named?.kind === 'found' ? named.region : undefined;
  }

  /** The region or regions the input's words name as they are (no typo forgiven), if any. */
  private byWords(tokens: string[], key: string): RegionMatch | undefined {
    // The entries that hold the key, the form or the first token, in catalog order: what filtering every entry would keep.
    const { byKey, byForm, byToken } = this.current;
    const exact = byKey.get(key) ?? [];
    if (exact.length === 1) return { kind: 'found', region: exact[0].region };

    // Deduplicated, so the portal's "(US) East US" reads as "East US".
    const sorted = [...new Set(tokens)].sort().join(' ');
    const sameWords = byForm.get(sorted) ?? [];
    if (sameWords.length === 1) return { kind: 'found', region: sameWords[0].region };

    const containing = (byToken.get(tokens[0]) ?? []).filter((entry) => tokens.every((token) => entry.tokens.has(token)));
    if (containing.length === 1) return { kind: 'found', region: containing[0].region };
    if (containing.length > 1) return { kind: 'ambiguous', candidates: containing.map((entry) => entry.region) };
    return undefined;
  }
}

/** The built-in catalog; what tests and the bot use unless a subscription's list was merged in. */
export const defaultRegionCatalog = new RegionCatalog();

export function resolveRegion(input: string): RegionMatch {
  return defaultRegionCatalog.resolve(input);
}

export function allRegions(): readonly Region[] {
  return defaultRegionCatalog.all();
}
