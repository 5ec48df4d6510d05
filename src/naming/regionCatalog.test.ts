import { allRegions, AZURE_PUBLIC_REGIONS, RegionCatalog, regionLabel, resolveRegion } from './index';

const names = (match: ReturnType<typeof resolveRegion>): string[] => {
  if (match.kind === 'found') return [match.region.name];
  return (match.kind === 'ambiguous' ? match.candidates : match.suggestions).map((region) => region.name);
};

describe('the built-in region catalog', () => {
  it('holds the public regions the facts sheet names, without canary or logical locations', () => {
    const all = allRegions().map((region) => region.name);
    for (const name of ['eastus', 'eastus2', 'westus', 'westus2', 'centralus', 'northeurope', 'westeurope', 'uksouth', 'francecentral', 'germanywestcentral', 'swedencentral', 'southeastasia', 'australiaeast', 'canadacentral']) {
      expect(all).toContain(name);
    }
    expect(all).not.toContain('eastus2euap');
    expect(all).not.toContain('europe');
    expect(all.length).toBeGreaterThanOrEqual(60);
    expect(new Set(all).size).toBe(all.length);
  });

  it.each(AZURE_PUBLIC_REGIONS.map((region) => [region.name, region] as const))('%s: its DNS label is its display name without spaces', (_name, region) => {
    expect(regionLabel(region).toLowerCase()).toBe(region.name);
  });
});

describe('resolveRegion', () => {
  it.each(AZURE_PUBLIC_REGIONS.map((region) => [region.name] as const))('finds %s by its programmatic name, in any case', (name) => {
    expect(names(resolveRegion(name))).toEqual([name]);
    expect(names(resolveRegion(name.toUpperCase()))).toEqual([name]);
  });

  it.each(AZURE_PUBLIC_REGIONS.map((region) => [region.displayName, region.name] as const))('finds "%s" by its English display name', (displayName, name) => {
    expect(resolveRegion(displayName)).toEqual({ kind: 'found', region: expect.objectContaining({ name }) });
    expect(names(resolveRegion(displayName.toLowerCase().replace(/ /g, '-')))).toEqual([name]);
  });

  it.each(AZURE_PUBLIC_REGIONS.flatMap((region) => region.dutchNames.map((dutch) => [dutch, region.name] as const)))('finds "%s" by its Dutch name', (dutch, name) => {
    expect(names(resolveRegion(dutch))).toEqual([name]);
  });

  it.each([
    ['VS-Oost', 'eastus'],
    ['VS - oost', 'eastus'],
    ['vs oost', 'eastus'],
    ['VS-Oost 2', 'eastus2'],
    ['VS-West', 'westus'],
    ['VS-West 2', 'westus2'],
    ['West-Europa', 'westeurope'],
    ['Europa-west', 'westeurope'],
    ['Noord-Europa', 'northeurope'],
    ['Zuidoost-Azië', 'southeastasia'],
    ['Zuidoost-Azie', 'southeastasia'],
  ])('finds the facts-sheet Dutch name "%s"', (input, name) => {
    expect(names(resolveRegion(input))).toEqual([name]);
  });

  it.each([
    ['(US) East US', 'eastus'],
    ['(Europe) West Europe', 'westeurope'],
    ['US East', 'eastus'],
    ['East US2', 'eastus2'],
    ['  east   us  ', 'eastus'],
    ['Azure region West Europe', 'westeurope'],
  ])('reads the portal and loose forms "%s"', (input, name) => {
    expect(names(resolveRegion(input))).toEqual([name]);
  });

  it.each([
    ['esatus', 'eastus'],
    ['Esat US', 'eastus'],
    ['westeurpoe', 'westeurope'],
    ['Noord-Euorpa', 'northeurope'],
    ['swedencentrl', 'swedencentral'],
  ])('forgives the typo "%s" and says so', (input, name) => {
    const match = resolveRegion(input);
    expect(match).toEqual({ kind: 'found', region: expect.objectContaining({ name }), correctedFrom: input.trim() });
  });

  it.each([
    ['West Europe', 'westeurope'],
    ['Noord-Europa', 'northeurope'],
    ['VS-Oost', 'eastus'],
  ])('reads "%s" exactly, as running text is read', (input, name) => {
    expect(new RegionCatalog().resolveExactly(input)?.name).toBe(name);
  });

  it.each(['westeurpoe', 'Europe', 'Atlantis Central', ''])('finds no exact region in "%s" (a typo, an ambiguous name, none)', (input) => {
    expect(new RegionCatalog().resolveExactly(input)).toBeUndefined();
  });

  it.each([
    ['US', ['eastus', 'eastus2', 'centralus', 'northcentralus', 'southcentralus', 'westcentralus', 'westus', 'westus2', 'westus3']],
    ['VS', ['eastus', 'eastus2', 'centralus', 'northcentralus', 'southcentralus', 'westcentralus', 'westus', 'westus2', 'westus3']],
    ['Europe', ['northeurope', 'westeurope']],
    ['Europa', ['northeurope', 'westeurope']],
    ['Sweden', ['swedencentral', 'swedensouth']],
    ['eastus3', ['eastus', 'eastus2']],
  ])('returns candidates for the ambiguous "%s" instead of guessing', (input, expected) => {
    const match = resolveRegion(input);
    expect(match.kind).toBe('ambiguous');
    expect(names(match).sort()).toEqual([...expected].sort());
  });

  it.each(['Narnia', 'Mars North', 'xyzzy'])('says "%s" is unknown and suggests the nearest three', (input) => {
    const match = resolveRegion(input);
    expect(match.kind).toBe('unknown');
    expect(names(match)).toHaveLength(3);
  });

  it('suggests the near miss first for an unknown input', () => {
    const match = resolveRegion('westeuropa-noord');
    expect(match.kind).toBe('unknown');
    expect(names(match)).toContain('westeurope');
  });

  it('answers empty input with no suggestions', () => {
    expect(resolveRegion('  ')).toEqual({ kind: 'unknown', suggestions: [] });
  });

  it('never forgives a typo in a very short input', () => {
    expect(resolveRegion('uk').kind).toBe('ambiguous');
    expect(resolveRegion('ux').kind).toBe('unknown');
  });
});

describe('RegionCatalog.withLocations', () => {
  it('adds a region from a subscription location list and keeps the Dutch names of known ones', () => {
    const catalog = new RegionCatalog().withLocations([
      { name: 'atlantiscentral', displayName: 'Atlantis Central' },
      { name: 'eastus', displayName: 'East US' },
      { name: 'bad name!', displayName: 'Ignored' },
    ]);
    expect(names(catalog.resolve('Atlantis Central'))).toEqual(['atlantiscentral']);
    expect(names(catalog.resolve('VS-Oost'))).toEqual(['eastus']);
    expect(catalog.all().some((region) => region.name === 'bad name!')).toBe(false);
    expect(names(resolveRegion('Atlantis Central'))).not.toEqual(['atlantiscentral']);
  });
});

describe('RegionCatalog.all', () => {
  it('is the same list until the catalog adopts new locations, then a new list with them (what caches of region words key on)', () => {
    const catalog = new RegionCatalog();
    const before = catalog.all();
    expect(catalog.all()).toBe(before);
    expect(catalog.adoptLocations([{ name: 'atlantiscentral', displayName: 'Atlantis Central' }])).toEqual(['atlantiscentral']);
    expect(catalog.all()).not.toBe(before);
    expect(catalog.all().some((region) => region.name === 'atlantiscentral')).toBe(true);
    expect(before.some((region) => region.name === 'atlantiscentral')).toBe(false);
  });
});
