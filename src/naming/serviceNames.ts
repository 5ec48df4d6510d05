import { nameProblem, NameProblem } from './nameProblems';
import { Region, regionLabel } from './region';
import { resolveRegion } from './regionCatalog';

export type CertificateDomain = 'own' | 'cloudapp.net' | 'none';

export type ServiceNamesResult =
  | {
      ok: true;
      /** The first label of the certificate's common name: what Azure names the deployment after. */
      prefix: string;
      /** Classic cloud service name, e.g. `GraniteFalls.CloudApp.net`. */
      classicName: string;
      /** Scale-set deployment name, e.g. `GraniteFalls.EastUS.CloudApp.Azure.com`. */
      scaleSetName: string;
      /** The same host as DNS and the Azure portal print it (DNS ignores case). */
      scaleSetNameLowerCase: string;
      /** The public DNS record that points the service name at the scale set (own-domain certificates). */
      cname?: { host: string; target: string };
      certificateDomain: CertificateDomain;
      /** The certificate common name as typed, when one was given (not just a prefix). */
      commonName?: string;
      region: Region;
      warnings: NameProblem[];
    }
  | { ok: false; problems: NameProblem[] };

const MIN_LENGTH = 3;
const MAX_LENGTH = 24;
const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i;

/** Strips what people paste around a host name: a scheme, a path, a port, a trailing dot. */
function hostOf(input: string): string {
  return input
    .trim()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/[/?#].*$/, '')
    .replace(/:\d+$/, '')
    .replace(/\.$/, '');
}

function classify(domain: string): CertificateDomain | 'azure' | 'usgov' {
  const lower = domain.toLowerCase();
  if (!lower) return 'none';
  if (lower === 'cloudapp.net') return 'cloudapp.net';
  if (lower === 'usgovcloudapp.net') return 'usgov';
  if (lower.endsWith('cloudapp.azure.com')) return 'azure';
  return 'own';
}

/** Rules for the prefix (facts NAME-07 and ambiguity note A3): errors where every source agrees, warnings where they disagree. */
export function prefixProblems(prefix: string): { errors: NameProblem[]; warnings: NameProblem[] } {
  const errors: NameProblem[] = [];
  const warnings: NameProblem[] = [];
  if (prefix.length < MIN_LENGTH || prefix.length > MAX_LENGTH) errors.push(nameProblem('length', { prefix, length: prefix.length }));
  const bad = [...new Set(prefix.replace(/[A-Za-z0-9-]/g, ''))];
  if (bad.length) errors.push(nameProblem('characters', { prefix, characters: bad.map((ch) => `"${ch}"`).join(' ') }));
  if (prefix.includes('-')) {
    if (/^-|-$|--/.test(prefix)) errors.push(nameProblem('hyphenPlacement', { prefix }));
    else warnings.push(nameProblem('hyphenDisputed', { prefix }));
  }
  if (/^\d/.test(prefix)) warnings.push(nameProblem('startsWithDigit', { prefix }));
  return { errors, warnings };
}

/**
 * The names an admin needs for a CMG on a virtual machine scale set, from the CMG name or the
 * server certificate's common name (`GraniteFalls`, `GraniteFalls.contoso.com`,
 * `GraniteFalls.cloudapp.net`) and a region. Configuration Manager uses only the first label of
 * the common name (facts NAME-05); its case is kept, because DNS ignores case but the
 * certificate check on renewal does not.
 */
export function computeServiceNames(input: { nameOrCertificate: string; region: Region }): ServiceNamesResult {
  const host = hostOf(input.nameOrCertificate);
  if (!host) return { ok: false, problems: [nameProblem('missingName')] };
  if (host.startsWith('*.')) return { ok: false, problems: [nameProblem('wildcard', { input: host, domain: host.slice(2) })] };

  const [prefix, ...rest] = host.split('.');
  const domain = rest.join('.');
  const kind = classify(domain);
  const { errors, warnings } = prefixProblems(prefix);
  if (kind === 'own' && !rest.every((label) => DNS_LABEL.test(label))) errors.push(nameProblem('invalidDomain', { domain }));
  if (errors.length) return { ok: false, problems: errors };

  const region = input.region;
  const scaleSetName = `${prefix}.${regionLabel(region)}.CloudApp.Azure.com`;
  const commonName = domain ? host : undefined;
  const result: Extract<ServiceNamesResult, { ok: true }> = {
    ok: true,
    prefix,
    classicName: `${prefix}.CloudApp.net`,
    scaleSetName,
    scaleSetNameLowerCase: scaleSetName.toLowerCase(),
    certificateDomain: kind === 'own' ? 'own' : kind === 'none' || kind === 'azure' ? 'none' : 'cloudapp.net',
    commonName,
    region,
    warnings,
  };
  if (kind === 'own') result.cname = { host, target: scaleSetName };
  if (kind === 'cloudapp.net') warnings.push(nameProblem('cloudappNetCertificate'));
  if (kind === 'usgov') warnings.push(nameProblem('usGovernmentDomain'), nameProblem('cloudappNetCertificate'));
  if (kind === 'azure') {
    warnings.push(nameProblem('deploymentNameCertificate'));
    const certificateRegion = rest[0] ?? '';
    const named = resolveRegion(certificateRegion);
    if (named.kind !== 'found' || named.region.name !== region.name) {
      warnings.push(nameProblem('certificateRegionDiffers', { certificateRegion, region: region.displayName }, 'region'));
    }
  }
  if (kind === 'none') warnings.push(nameProblem('noDomainGiven', { prefix }));
  warnings.push(nameProblem('caseOnRenewal', { name: commonName ?? `${prefix}.…` }));
  return result;
}
