import { ConfigError } from '../env';
import { deployableRegions, readNamingSettings, RegionCatalog } from './index';

describe('deployableRegions', () => {
  it('keeps physical regions and drops logical groupings, edge zones and early-access regions', () => {
    const regions = deployableRegions([
      { name: 'westeurope', displayName: 'West Europe', type: 'Region', regionType: 'Physical' },
      { name: 'europe', displayName: 'Europe', type: 'Region', regionType: 'Logical' },
      { name: 'losangeles', displayName: 'Los Angeles', type: 'EdgeZone' },
      { name: 'eastus2euap', displayName: 'East US 2 EUAP', type: 'Region', regionType: 'Physical' },
      { name: 'eastusstg', displayName: 'East US STG', type: 'Region', regionType: 'Physical' },
      { name: 'contosonorth', displayName: 'Contoso North' },
    ]);
    expect(regions).toEqual([
      { name: 'westeurope', displayName: 'West Europe' },
      { name: 'contosonorth', displayName: 'Contoso North' },
    ]);
  });
});

describe('RegionCatalog.adoptLocations', () => {
  it('adds new regions in place, keeps Dutch names and reports what was new', () => {
    const catalog = new RegionCatalog();
    const before = catalog.all().length;
    expect(catalog.resolve('Contoso North').kind).toBe('unknown');
    const added = catalog.adoptLocations([
      { name: 'westeurope', displayName: 'West Europe' },
      { name: 'ContosoNorth', displayName: 'Contoso North' },
    ]);
    expect(added).toEqual(['contosonorth']);
    expect(catalog.all()).toHaveLength(before + 1);
    expect(catalog.resolve('Contoso North')).toMatchObject({ kind: 'found', region: { name: 'contosonorth' } });
    expect(catalog.resolve('West-Europa')).toMatchObject({ kind: 'found', region: { name: 'westeurope' } });
  });

  it('leaves other catalogs alone', () => {
    const catalog = new RegionCatalog();
    catalog.adoptLocations([{ name: 'contosonorth', displayName: 'Contoso North' }]);
    expect(new RegionCatalog().resolve('Contoso North').kind).toBe('unknown');
  });
});

describe('readNamingSettings', () => {
  it('is off by default', () => {
    expect(readNamingSettings({})).toEqual({ regionRefresh: false });
  });

  it('turns on with a default subscription to read', () => {
    expect(readNamingSettings({ REGION_REFRESH: 'true', PROVIDER_DEFAULT_SUBSCRIPTION_ID: '5d1e7c2a-4b3f-4e6d-8a9b-0c1d2e3f4a5b' })).toEqual({ regionRefresh: true });
  });

  it('names the variable when the refresh has no subscription or the value is not a yes/no', () => {
    expect(() => readNamingSettings({ REGION_REFRESH: 'true' })).toThrow(ConfigError);
    expect(() => readNamingSettings({ REGION_REFRESH: 'true' })).toThrow(/REGION_REFRESH.*PROVIDER_DEFAULT_SUBSCRIPTION_ID/);
    expect(() => readNamingSettings({ REGION_REFRESH: 'sometimes' })).toThrow(/REGION_REFRESH/);
  });
});
