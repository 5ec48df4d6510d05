import { checkCname, cnameVerdict, CnameChain, resolveChain } from '../../../src/checks/cnameCheck';
import { DnsFailure, nodeDnsLookup } from '../../../src/checks/dnsLookup';
import { RegionCatalog } from '../../../src/naming';
import { LocalDns } from '../../harness/dnsServer';

const regions = new RegionCatalog();
const eastus = regions.byName('eastus')!;
const westeurope = regions.byName('westeurope')!;
/** `null` for "no region given" (undefined would pick the default). */
const judge = (chain: CnameChain, region: typeof eastus | null = eastus, allowPrivateAddresses = false) =>
  cnameVerdict('GraniteFalls.contoso.com', chain, { region: region ?? undefined, regions, allowPrivateAddresses });
const addresses = (...list: string[]) => ({ kind: 'addresses' as const, addresses: list.map((address) => ({ address, family: 4 as const })) });

describe('CNAME verdicts', () => {
  it('a chain to the scale-set name of the given region is the switched state; case alone is explained, not an error', () => {
    const check = judge({ hops: ['granitefalls.eastus.cloudapp.azure.com'], end: addresses('20.50.2.1') });
    expect(check).toMatchObject({ verdict: 'scaleSet', target: 'granitefalls.eastus.cloudapp.azure.com', scaleSetName: 'GraniteFalls.EastUS.CloudApp.Azure.com' });
    expect(check.notes).toContainEqual({ code: 'caseOnly', returned: 'granitefalls.eastus.cloudapp.azure.com', expected: 'GraniteFalls.EastUS.CloudApp.Azure.com' });
  });

  it('finds the region in the chain when none is given', () => {
    const check = judge({ hops: ['GraniteFalls.WestEurope.CloudApp.Azure.com'], end: addresses('20.50.2.1') }, null);
    expect(check.verdict).toBe('scaleSet');
    expect(check.region?.name).toBe('westeurope');
    expect(check.notes).toEqual([{ code: 'regionFromChain', region: westeurope }]);
  });

  it('a chain to the classic name is not switched yet, and says what it should point at', () => {
    const check = judge({ hops: ['GraniteFalls.cloudapp.net'], end: addresses('20.50.2.1') });
    expect(check).toMatchObject({ verdict: 'classic', classicName: 'GraniteFalls.CloudApp.net', scaleSetName: 'GraniteFalls.EastUS.CloudApp.Azure.com' });
  });

  it('the scale-set name of another region, or of another CMG, is "something else" with the reason', () => {
    const wrongRegion = judge({ hops: ['granitefalls.westeurope.cloudapp.azure.com'], end: addresses('20.50.2.1') });
    expect(wrongRegion.verdict).toBe('other');
    expect(wrongRegion.notes).toContainEqual({ code: 'wrongRegion', found: westeurope, given: eastus });
    const otherCmg = judge({ hops: ['northwind.eastus.cloudapp.azure.com'], end: addresses('20.50.2.1') });
    expect(otherCmg.verdict).toBe('other');
    expect(otherCmg.notes).toContainEqual({ code: 'otherCmg', target: 'northwind.eastus.cloudapp.azure.com', otherPrefix: 'northwind', prefix: 'GraniteFalls' });
  });

  it('tells apart no CNAME, no answer, NXDOMAIN, timeout and other failures', () => {
    expect(judge({ hops: [], end: addresses('20.50.2.1') }).verdict).toBe('noCname');
    expect(judge({ hops: [], end: { kind: 'noAddresses' } }).verdict).toBe('noAnswer');
    expect(judge({ hops: [], end: { kind: 'failure', name: 'GraniteFalls.contoso.com', failure: new DnsFailure('nxdomain', 'ENOTFOUND') } }).verdict).toBe('nxdomain');
    expect(judge({ hops: [], end: { kind: 'failure', name: 'GraniteFalls.contoso.com', failure: new DnsFailure('timeout', 'ETIMEOUT') } }).verdict).toBe('timeout');
    expect(judge({ hops: [], end: { kind: 'failure', name: 'GraniteFalls.contoso.com', failure: new DnsFailure('failed', 'ESERVFAIL') } })).toMatchObject({ verdict: 'failed', failure: { detail: 'ESERVFAIL' } });
  });

  it('a target that does not exist is reported on the verdict it still has', () => {
    const check = judge({ hops: ['GraniteFalls.EastUS.CloudApp.Azure.com'], end: { kind: 'dangling' } });
    expect(check.verdict).toBe('scaleSet');
    expect(check.notes).toContainEqual({ code: 'dangling', target: 'GraniteFalls.EastUS.CloudApp.Azure.com' });
  });

  it('withholds private addresses unless allowed', () => {
    const chain = { hops: ['GraniteFalls.EastUS.CloudApp.Azure.com'], end: addresses('10.0.0.4', '20.50.2.1') };
    const hidden = judge(chain);
    expect(hidden.addresses.map((entry) => entry.address)).toEqual(['20.50.2.1']);
    expect(hidden.notes).toContainEqual({ code: 'privateAddresses', count: 1 });
    expect(judge(chain, eastus, true).addresses).toHaveLength(2);
  });

  it('a name in a Microsoft domain cannot carry the CNAME', () => {
    expect(cnameVerdict('GraniteFalls.cloudapp.net', { hops: [], end: addresses('20.50.2.1') }, { regions, allowPrivateAddresses: false }).verdict).toBe('azureName');
  });
});

describe('CNAME chains from a real DNS server (node:dns against a local server)', () => {
  let dns: LocalDns;
  beforeAll(async () => {
    dns = await new LocalDns().start();
    dns
      .set('GraniteFalls.contoso.com', { cname: 'granitefalls.eastus.cloudapp.azure.com' })
      .set('granitefalls.eastus.cloudapp.azure.com', { a: ['20.50.2.1'] })
      .set('two-hops.contoso.com', { cname: 'alias.contoso.net' })
      .set('alias.contoso.net', { cname: 'GraniteFalls.cloudapp.net' })
      .set('GraniteFalls.cloudapp.net', { a: ['20.50.2.2'], aaaa: ['2603:1030:20e:3::23c'] })
      .set('loop-a.contoso.com', { cname: 'loop-b.contoso.com' })
      .set('loop-b.contoso.com', { cname: 'loop-a.contoso.com' })
      .set('dangling.contoso.com', { cname: 'gone.westeurope.cloudapp.azure.com' })
      .set('empty.contoso.com', {})
      .set('slow.contoso.com', { cname: 'granitefalls.eastus.cloudapp.azure.com', delayMs: 3000 })
      .set('broken.contoso.com', { servfail: true });
  });
  afterAll(() => dns.stop());
  const lookup = () => nodeDnsLookup([dns.server], 200)();

  it('follows hops one by one and reads A and AAAA at the end', async () => {
    expect(await resolveChain(lookup(), 'two-hops.contoso.com')).toEqual({
      hops: ['alias.contoso.net', 'GraniteFalls.cloudapp.net'],
      end: { kind: 'addresses', addresses: [{ address: '20.50.2.2', family: 4 }, { address: '2603:1030:20e:3::23c', family: 6 }] },
    });
  });

  it('gives the scale-set verdict for the seed example', async () => {
    const check = await checkCname(lookup(), 'GraniteFalls.contoso.com', { region: eastus, regions, allowPrivateAddresses: false });
    expect(check).toMatchObject({ verdict: 'scaleSet', hops: ['granitefalls.eastus.cloudapp.azure.com'], addresses: [{ address: '20.50.2.1', family: 4 }] });
  });

  it('ends each failure in its own way: NXDOMAIN, no answer, dangling, loop, SERVFAIL, timeout', async () => {
    const end = async (name: string) => (await resolveChain(lookup(), name)).end;
    expect(await end('missing.contoso.com')).toMatchObject({ kind: 'failure', failure: { code: 'nxdomain' } });
    expect(await end('empty.contoso.com')).toEqual({ kind: 'noAddresses' });
    expect(await end('dangling.contoso.com')).toEqual({ kind: 'dangling' });
    expect(await end('loop-a.contoso.com')).toMatchObject({ kind: 'failure', failure: { code: 'failed', detail: 'CNAME loop' } });
    expect(await end('broken.contoso.com')).toMatchObject({ kind: 'failure', failure: { code: 'failed', detail: 'ESERVFAIL' } });
    expect(await end('slow.contoso.com')).toMatchObject({ kind: 'failure', failure: { code: 'timeout' } });
  });

  it('a cancelled lookup ends its waiting query as a timeout', async () => {
    const slow = nodeDnsLookup([dns.server], 5000)();
    const pending = resolveChain(slow, 'slow.contoso.com');
    setTimeout(() => slow.cancel(), 50);
    expect((await pending).end).toMatchObject({ kind: 'failure', failure: { code: 'timeout', detail: 'ECANCELLED' } });
  });
});
