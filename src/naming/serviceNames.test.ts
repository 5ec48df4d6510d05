import { computeServiceNames, resolveRegion } from './index';
import type { Region, ServiceNamesResult } from './index';

const region = (text: string): Region => {
  const match = resolveRegion(text);
  if (match.kind !== 'found') throw new Error(`${text} did not resolve`);
  return match.region;
};
const ok = (result: ServiceNamesResult) => {
  if (!result.ok) throw new Error('expected names, got problems: ' + result.problems.map((p) => p.en).join('; '));
  return result;
};
const codes = (result: ServiceNamesResult) => (result.ok ? result.warnings : result.problems).map((problem) => problem.code);

describe('computeServiceNames', () => {
  it('computes the seed example exactly', () => {
    const names = ok(computeServiceNames({ nameOrCertificate: 'GraniteFalls.contoso.com', region: region('East US') }));
    expect(names).toMatchObject({
      prefix: 'GraniteFalls',
      classicName: 'GraniteFalls.CloudApp.net',
      scaleSetName: 'GraniteFalls.EastUS.CloudApp.Azure.com',
      scaleSetNameLowerCase: 'granitefalls.eastus.cloudapp.azure.com',
      cname: { host: 'GraniteFalls.contoso.com', target: 'GraniteFalls.EastUS.CloudApp.Azure.com' },
      certificateDomain: 'own',
    });
  });

  it('gives the same names for the Dutch "VS-Oost"', () => {
    const dutch = ok(computeServiceNames({ nameOrCertificate: 'GraniteFalls.contoso.com', region: region('VS-Oost') }));
    expect(dutch.scaleSetName).toBe('GraniteFalls.EastUS.CloudApp.Azure.com');
    expect(dutch.cname?.target).toBe('GraniteFalls.EastUS.CloudApp.Azure.com');
  });

  it.each([
    ['Northwind', 'Sweden Central', 'Northwind.SwedenCentral.CloudApp.Azure.com'],
    ['cmg.litware.com', 'Canada Central', 'cmg.CanadaCentral.CloudApp.Azure.com'],
    ['GraniteFalls', 'West US', 'GraniteFalls.WestUS.CloudApp.Azure.com'],
    ['GraniteFalls', 'westeurope', 'GraniteFalls.WestEurope.CloudApp.Azure.com'],
    ['GraniteFalls', 'eastus2', 'GraniteFalls.EastUS2.CloudApp.Azure.com'],
  ])('%s in %s → %s', (name, regionText, expected) => {
    expect(ok(computeServiceNames({ nameOrCertificate: name, region: region(regionText) })).scaleSetName).toBe(expected);
  });

  it('treats a cloudapp.net certificate as unable to use a CNAME', () => {
    const names = ok(computeServiceNames({ nameOrCertificate: 'GraniteFalls.CloudApp.Net', region: region('eastus') }));
    expect(names.certificateDomain).toBe('cloudapp.net');
    expect(names.cname).toBeUndefined();
    expect(codes(names)).toContain('cloudappNetCertificate');
  });

  it('has no CNAME and no domain for a bare name, and says how to get one', () => {
    const names = ok(computeServiceNames({ nameOrCertificate: 'GraniteFalls', region: region('eastus') }));
    expect(names.certificateDomain).toBe('none');
    expect(names.cname).toBeUndefined();
    expect(codes(names)).toContain('noDomainGiven');
  });

  it('always warns that the common name must match exactly, including case, on renewal', () => {
    const names = ok(computeServiceNames({ nameOrCertificate: 'GraniteFalls.contoso.com', region: region('eastus') }));
    const warning = names.warnings.find((w) => w.code === 'caseOnRenewal');
    expect(warning?.en).toContain('GraniteFalls.contoso.com exactly, including upper and lower case');
    expect(warning?.nl).toContain('inclusief hoofdletters');
  });

  it('accepts pasted URLs and trailing dots', () => {
    const names = ok(computeServiceNames({ nameOrCertificate: ' https://GraniteFalls.contoso.com:443/path ', region: region('eastus') }));
    expect(names.cname?.host).toBe('GraniteFalls.contoso.com');
    expect(ok(computeServiceNames({ nameOrCertificate: 'GraniteFalls.contoso.com.', region: region('eastus') })).cname?.host).toBe('GraniteFalls.contoso.com');
  });

  it('notices a certificate that already names a scale set in another region', () => {
    const names = ok(computeServiceNames({ nameOrCertificate: 'GraniteFalls.EastUS.CloudApp.Azure.com', region: region('westeurope') }));
    expect(names.cname).toBeUndefined();
    expect(codes(names)).toEqual(expect.arrayContaining(['deploymentNameCertificate', 'certificateRegionDiffers']));
    const same = ok(computeServiceNames({ nameOrCertificate: 'GraniteFalls.EastUS.CloudApp.Azure.com', region: region('eastus') }));
    expect(codes(same)).not.toContain('certificateRegionDiffers');
  });

  it.each([
    ['', 'missingName'],
    ['*.contoso.com', 'wildcard'],
    ['GF', 'length'],
    ['a'.repeat(25), 'length'],
    ['Granite_Falls', 'characters'],
    ['Granite Falls', 'characters'],
    ['-granite', 'hyphenPlacement'],
    ['granite-', 'hyphenPlacement'],
    ['granite--falls', 'hyphenPlacement'],
    ['GraniteFalls.contoso_corp.com', 'invalidDomain'],
  ])('rejects "%s" with %s', (input, code) => {
    const result = computeServiceNames({ nameOrCertificate: input, region: region('eastus') });
    expect(result.ok).toBe(false);
    expect(codes(result)).toContain(code);
  });

  it('accepts the length limits 3 and 24', () => {
    expect(computeServiceNames({ nameOrCertificate: 'abc', region: region('eastus') }).ok).toBe(true);
    expect(computeServiceNames({ nameOrCertificate: 'a'.repeat(24), region: region('eastus') }).ok).toBe(true);
  });

  it.each([
    ['granite-falls', 'hyphenDisputed'],
    ['1granite', 'startsWithDigit'],
  ])('accepts "%s" but warns that the sources disagree (%s)', (input, code) => {
    const names = ok(computeServiceNames({ nameOrCertificate: input, region: region('eastus') }));
    const warning = names.warnings.find((w) => w.code === code);
    expect(warning?.en).toContain('disagrees');
    expect(warning?.nl).toContain('oneens');
  });

  it('gives every problem in both languages', () => {
    const result = computeServiceNames({ nameOrCertificate: 'G_', region: region('eastus') });
    expect(result.ok).toBe(false);
    if (!result.ok) for (const problem of result.problems) expect(problem.nl).not.toBe(problem.en);
  });
});
