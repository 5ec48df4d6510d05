import { computeServiceNames, regionLabel, RegionCatalog } from '../naming';
import type { Region } from '../naming';
import { inMicrosoftDomain, regionInScaleSetName } from './certificateCheck';
import { DnsFailure, DnsLookup, ResolvedAddress } from './dnsLookup';
import { addressAllowed } from './targetSafety';

/** Longer chains than this are a loop or a misconfiguration; real CMG chains have one or two hops. */
const MAX_HOPS = 8;

/** What DNS said, hop by hop, before any judgement. */
export interface CnameChain {
  /** CNAME targets after the service name, in order, as DNS wrote them. */
  hops: string[];
  end:
    | { kind: 'addresses'; addresses: ResolvedAddress[] }
    | { kind: 'noAddresses' }
    /** The last hop's target does not exist. */
    | { kind: 'dangling' }
    | { kind: 'failure'; name: string; failure: DnsFailure };
}

/** Follows CNAME records one hop at a time (never trusting a server to chase them), then reads A/AAAA. */
export async function resolveChain(lookup: DnsLookup, serviceName: string): Promise<CnameChain> {
  const hops: string[] = [];
  const seen = new Set([serviceName.toLowerCase()]);
  let current = serviceName;
  for (;;) {
    let target: string;
    try {
      target = await lookup.cname(current);
    } catch (error) {
      const failure = error instanceof DnsFailure ? error : new DnsFailure('failed', String(error));
      if (failure.code === 'noData') break;
      if (failure.code === 'nxdomain' && hops.length > 0) return { hops, end: { kind: 'dangling' } };
      return { hops, end: { kind: 'failure', name: current, failure } };
    }
    if (seen.has(target.toLowerCase()) || hops.length >= MAX_HOPS) {
      return { hops, end: { kind: 'failure', name: current, failure: new DnsFailure('failed', 'CNAME loop') } };
    }
    seen.add(target.toLowerCase());
    hops.push(target);
    current = target;
  }
  try {
    return { hops, end: { kind: 'addresses', addresses: await lookup.addresses(current) } };
  } catch (error) {
    const failure = error instanceof DnsFailure ? error : new DnsFailure('failed', String(error));
    if (failure.code === 'noData') return { hops, end: { kind: 'noAddresses' } };
    if (failure.code === 'nxdomain' && hops.length > 0) return { hops, end: { kind: 'dangling' } };
    return { hops, end: { kind: 'failure', name: current, failure } };
  }
}

export type CnameVerdict = 'scaleSet' | 'classic' | 'other' | 'noCname' | 'azureName' | 'nxdomain' | 'noAnswer' | 'timeout' | 'failed';

export type CnameNote =
  | { code: 'caseOnly'; returned: string; expected: string }
  | { code: 'wrongRegion'; found: Region; given: Region }
  | { code: 'otherCmg'; target: string; otherPrefix: string; prefix: string }
  | { code: 'dangling'; target: string }
  | { code: 'privateAddresses'; count: number }
  | { code: 'regionMissing' }
  | { code: 'regionFromChain'; region: Region };

/** A CNAME check's outcome as plain data: what the card shows and what a cutover can act on. */
export interface CnameCheck {
  serviceName: string;
  verdict: CnameVerdict;
  hops: string[];
  /** Final addresses that may be shown (private ones only when allowed). */
  addresses: ResolvedAddress[];
  /** The name the verdict is about: the matching hop, or the first one. */
  target?: string;
  /** The CMG's names for this service name (facts NAME-05): classic, and scale set when the region is known. */
  prefix: string;
  classicName: string;
  scaleSetName?: string;
  region?: Region;
  /** For `timeout` and `failed`: where and why. */
  failure?: { name: string; detail: string };
  notes: CnameNote[];
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const firstLabel = (name: string) => name.split('.')[0];

/** The classic and scale-set names of the CMG this service name belongs to, as naming computes them. */
function expectedNames(serviceName: string, region: Region | undefined, regions: RegionCatalog): { prefix: string; classicName: string; scaleSetName?: string } {
  const names = computeServiceNames({ nameOrCertificate: serviceName, region: region ?? regions.all()[0] });
  const prefix = names.ok ? names.prefix : firstLabel(serviceName);
  // A prefix naming would refuse for a new CMG can still be what DNS holds; spell its names the same way.
  const classicName = names.ok ? names.classicName : `${prefix}.CloudApp.net`;
  const scaleSetName = region ? (names.ok ? names.scaleSetName : `${prefix}.${regionLabel(region)}.CloudApp.Azure.com`) : undefined;
  return { prefix, classicName, scaleSetName };
}

/**
 * Judges a chain: does the service name point at the classic name or at the scale-set name of
 * its CMG (for `region`, or the region found in the chain), at something else, or nowhere?
 */
export function cnameVerdict(
  serviceName: string,
  chain: CnameChain,
  options: { region?: Region; regions: RegionCatalog; allowPrivateAddresses: boolean },
): CnameCheck {
  const { hops, end } = chain;
  const notes: CnameNote[] = [];
  const resolved = end.kind === 'addresses' ? end.addresses : [];
  const addresses = resolved.filter((entry) => addressAllowed(entry.address, options.allowPrivateAddresses));
  if (addresses.length < resolved.length) notes.push({ code: 'privateAddresses', count: resolved.length - addresses.length });

  let region = options.region;
  const prefix = firstLabel(serviceName);
  if (!region) {
    const found = hops.map((hop) => ({ hop, region: regionInScaleSetName(hop, options.regions) })).find((entry) => entry.region && same(firstLabel(entry.hop), prefix));
    if (found?.region) {
      region = found.region;
      notes.push({ code: 'regionFromChain', region });
    }
  }
  const names = expectedNames(serviceName, region, options.regions);
  const base = { serviceName, hops, addresses, ...names, region };

  if (end.kind === 'failure') {
    const { failure } = end;
    if (failure.code === 'nxdomain') return { ...base, verdict: 'nxdomain', notes };
    return { ...base, verdict: failure.code === 'timeout' ? 'timeout' : 'failed', failure: { name: end.name, detail: failure.detail }, notes };
  }
  if (end.kind === 'dangling') notes.push({ code: 'dangling', target: hops[hops.length - 1] });
  if (inMicrosoftDomain(serviceName)) return { ...base, verdict: 'azureName', notes };
  if (hops.length === 0) return { ...base, verdict: end.kind === 'addresses' ? 'noCname' : 'noAnswer', notes };

  const caseNote = (returned: string, expected: string) => {
    if (returned !== expected) notes.unshift({ code: 'caseOnly', returned, expected });
  };
  const scaleSetHop = names.scaleSetName ? hops.find((hop) => same(hop, names.scaleSetName!)) : undefined;
  if (scaleSetHop && names.scaleSetName) {
    caseNote(scaleSetHop, names.scaleSetName);
    return { ...base, verdict: 'scaleSet', target: scaleSetHop, notes };
  }
  if (!region) notes.push({ code: 'regionMissing' });
  const classicHop = hops.find((hop) => same(hop, names.classicName));
  if (classicHop) {
    caseNote(classicHop, names.classicName);
    return { ...base, verdict: 'classic', target: classicHop, notes };
  }
  for (const hop of hops) {
    const hopRegion = regionInScaleSetName(hop, options.regions);
    if (hopRegion && region && same(firstLabel(hop), prefix) && hopRegion.name !== region.name) notes.push({ code: 'wrongRegion', found: hopRegion, given: region });
    else if ((hopRegion || /\.cloudapp\.net$/i.test(hop)) && !same(firstLabel(hop), prefix)) notes.push({ code: 'otherCmg', target: hop, otherPrefix: firstLabel(hop), prefix });
  }
  return { ...base, verdict: 'other', target: hops[0], notes };
}

/** The whole CNAME check: resolve, then judge. */
export async function checkCname(
  lookup: DnsLookup,
  serviceName: string,
  options: { region?: Region; regions: RegionCatalog; allowPrivateAddresses: boolean },
): Promise<CnameCheck> {
  return cnameVerdict(serviceName, await resolveChain(lookup, serviceName), options);
}
