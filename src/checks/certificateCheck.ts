import type { X509Certificate } from 'node:crypto';
import { computeServiceNames, RegionCatalog } from '../naming';
import type { NameProblem, Region } from '../naming';

/** What a certificate says, read with node:crypto only; plain data for cards and later checks. */
export interface CertificateFacts {
  commonName?: string;
  /** The subject as one line, e.g. `CN=GraniteFalls.contoso.com, O=Contoso`. */
  subject: string;
  issuer: string;
  issuerCommonName?: string;
  selfIssued: boolean;
  dnsNames: string[];
  ipAddresses: string[];
  /** ISO 8601. */
  validFrom: string;
  validTo: string;
  /** Whole days until `validTo` (negative once expired). */
  daysLeft: number;
  notYetValid: boolean;
  key: { type: string; bits?: number; curve?: string };
  /** Server authentication among the enhanced key usages; `unrestricted` when the extension is absent. */
  serverAuth: 'present' | 'missing' | 'unrestricted';
  isCa: boolean;
  fingerprint256: string;
}

export type Severity = 'ok' | 'info' | 'warning' | 'error';

export type FindingCode =
  | 'isCa'
  | 'noCommonName'
  | 'keyOk'
  | 'keySizeUnsupported'
  | 'keyTypeUnsupported'
  | 'serverAuthPresent'
  | 'serverAuthMissing'
  | 'serverAuthUnrestricted'
  | 'expired'
  | 'notYetValid'
  | 'expiresSoon'
  | 'validFor'
  | 'commonNameNotInAltNames'
  | 'microsoftDomainNeedsPki'
  | 'moreCertificates'
  | 'naming'
  | 'chainTrusted'
  | 'chainSelfSigned'
  | 'chainUntrusted'
  | 'nameMatches'
  | 'nameMismatch'
  | 'oldTls'
  | 'serviceMetadata';

/** One verdict; `naming` findings carry the naming capability's own wording in both languages. */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  values?: Record<string, string | number>;
  naming?: NameProblem;
}

/** How the CMG will name itself after this certificate (facts NAME-04, NAME-05, NAME-08). */
export type CmgNaming =
  | { kind: 'named'; commonName: string; prefix: string; classicName: string; scaleSetName?: string; region?: Region; cname?: { host: string; target: string }; microsoftDomain: boolean }
  | { kind: 'wildcard'; domain: string }
  | { kind: 'none' };

const SERVER_AUTH_OID = '1.3.6.1.5.5.7.3.1';
/** Facts CERT-05: the key lengths the CMG supports. */
const SUPPORTED_RSA_BITS = [2048, 4096];
/** A renewal needs lead time: a new certificate, the same CN, and the console upload. */
export const EXPIRY_WARNING_DAYS = 30;
/** Phase 2 reminds this many days before `validTo`. */
export const EXPIRY_REMINDER_DAYS = [30, 7] as const;
const DAY_MS = 86_400_000;

function nameLines(name: string): [string, string][] {
  return name
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const at = line.indexOf('=');
      const value = line.slice(at + 1);
      return [line.slice(0, at), value.startsWith('"') ? unquote(value) : value];
    });
}

function unquote(value: string): string {
  try {
    return String(JSON.parse(value));
  } catch {
    return value;
  }
}

/** Node writes alternative names as `DNS:a, DNS:"b\u002cc", IP Address:1.2.3.4`. */
function altNames(text: string | undefined): { dns: string[]; ip: string[] } {
  const dns: string[] = [];
  const ip: string[] = [];
  for (const match of (text ?? '').matchAll(/([A-Za-z ]+):("(?:[^"\\]|\\.)*"|[^,]*)(?:,\s*|$)/g)) {
    const value = match[2].startsWith('"') ? unquote(match[2]) : match[2];
    if (match[1].trim() === 'DNS') dns.push(value);
    if (match[1].trim() === 'IP Address') ip.push(value);
  }
  return { dns, ip };
}

function keyOf(certificate: X509Certificate): CertificateFacts['key'] {
  const key = certificate.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  return { type: key.asymmetricKeyType ?? 'unknown', bits: details.modulusLength, curve: details.namedCurve };
}

/** Reads a certificate into plain facts; `now` fixes the days left. */
export function describeCertificate(certificate: X509Certificate, now: Date): CertificateFacts {
  const subject = nameLines(certificate.subject);
  const issuer = nameLines(certificate.issuer);
  const { dns, ip } = altNames(certificate.subjectAltName);
  const validTo = certificate.validToDate;
  const usages = certificate.keyUsage;
  return {
    commonName: subject.find(([key]) => key === 'CN')?.[1],
    subject: subject.map(([key, value]) => `${key}=${value}`).join(', '),
    issuer: issuer.map(([key, value]) => `${key}=${value}`).join(', '),
    issuerCommonName: issuer.find(([key]) => key === 'CN')?.[1],
    selfIssued: certificate.subject === certificate.issuer,
    dnsNames: dns,
    ipAddresses: ip,
    validFrom: certificate.validFromDate.toISOString(),
    validTo: validTo.toISOString(),
    daysLeft: Math.floor((validTo.getTime() - now.getTime()) / DAY_MS),
    notYetValid: certificate.validFromDate > now,
    key: keyOf(certificate),
    serverAuth: usages === undefined ? 'unrestricted' : usages.includes(SERVER_AUTH_OID) ? 'present' : 'missing',
    isCa: certificate.ca,
    fingerprint256: certificate.fingerprint256,
  };
}

/** Does `pattern` (a DNS name, maybe `*.domain`) cover `host`? A wildcard covers one label. */
export function nameCovers(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase();
  const h = host.toLowerCase();
  if (p === h) return true;
  if (!p.startsWith('*.')) return false;
  const dot = h.indexOf('.');
  return dot > 0 && h.slice(dot + 1) === p.slice(2);
}

/** Is `host` one of Microsoft's CMG domains, where no public CA issues and no CNAME can live? */
export function inMicrosoftDomain(host: string): boolean {
  return /(^|\.)(cloudapp\.net|usgovcloudapp\.net|cloudapp\.azure\.com)$/i.test(host);
}

/** The region in a scale-set name (`X.EastUS.CloudApp.Azure.com`), if the catalog knows it. */
export function regionInScaleSetName(host: string, regions: RegionCatalog): Region | undefined {
  const label = /^[^.]+\.([a-z0-9]+)\.cloudapp\.azure\.com$/i.exec(host)?.[1];
  return label ? regions.byName(label) : undefined;
}

/** Naming warnings as certificate findings, each with how much it matters. */
const NAMING_SEVERITY: Partial<Record<NameProblem['code'], Severity>> = {
  cloudappNetCertificate: 'warning',
  certificateRegionDiffers: 'warning',
  hyphenDisputed: 'warning',
  startsWithDigit: 'warning',
  length: 'error',
  characters: 'error',
  hyphenPlacement: 'error',
  invalidDomain: 'error',
};

/**
 * The names the CMG takes from this certificate's CN, for `region` when one is given or the CN
 * names one. Naming's own warnings come back as findings.
 */
export function cmgNamingOf(facts: CertificateFacts, region: Region | undefined, regions: RegionCatalog): { naming: CmgNaming; findings: Finding[] } {
  const commonName = facts.commonName;
  if (!commonName) return { naming: { kind: 'none' }, findings: [] };
  if (commonName.startsWith('*.')) {
    const wildcard = computeServiceNames({ nameOrCertificate: commonName, region: region ?? regions.all()[0] });
    const findings = wildcard.ok ? [] : wildcard.problems.map((problem): Finding => ({ code: 'naming', severity: 'info', naming: problem }));
    return { naming: { kind: 'wildcard', domain: commonName.slice(2) }, findings };
  }
  const chosen = region ?? regionInScaleSetName(commonName, regions);
  const names = computeServiceNames({ nameOrCertificate: commonName, region: chosen ?? regions.all()[0] });
  if (!names.ok) {
    return { naming: { kind: 'none' }, findings: names.problems.map((problem) => ({ code: 'naming', severity: NAMING_SEVERITY[problem.code] ?? 'error', naming: problem })) };
  }
  const warnings = names.warnings.filter((warning) => chosen || warning.code !== 'certificateRegionDiffers');
  const findings: Finding[] = warnings.map((problem) => ({ code: 'naming', severity: NAMING_SEVERITY[problem.code] ?? 'info', naming: problem }));
  const microsoftDomain = inMicrosoftDomain(commonName);
  // Facts CERT-03, CERT-04: only an enterprise PKI can put a Microsoft-owned name in the CN.
  if (microsoftDomain) findings.push({ code: 'microsoftDomainNeedsPki', severity: 'info' });
  return {
    naming: {
      kind: 'named',
      commonName,
      prefix: names.prefix,
      classicName: names.classicName,
      scaleSetName: chosen ? names.scaleSetName : undefined,
      region: chosen,
      cname: chosen ? names.cname : undefined,
      microsoftDomain,
    },
    findings,
  };
}

/** The certificate's own verdicts against the CMG rules: role, key, usage, validity and names. */
export function certificateFindings(facts: CertificateFacts): Finding[] {
  const findings: Finding[] = [];
  if (facts.isCa) findings.push({ code: 'isCa', severity: 'error' });
  if (!facts.commonName) findings.push({ code: 'noCommonName', severity: 'error' });

  const { type, bits } = facts.key;
  if (type === 'rsa' && bits && SUPPORTED_RSA_BITS.includes(bits)) findings.push({ code: 'keyOk', severity: 'ok', values: { bits } });
  else if (type === 'rsa') findings.push({ code: 'keySizeUnsupported', severity: 'error', values: { bits: bits ?? 0 } });
  else findings.push({ code: 'keyTypeUnsupported', severity: 'error', values: { type: keyText(facts.key) } });

  if (facts.serverAuth === 'present') findings.push({ code: 'serverAuthPresent', severity: 'ok' });
  else if (facts.serverAuth === 'missing') findings.push({ code: 'serverAuthMissing', severity: 'error', values: { oid: SERVER_AUTH_OID } });
  else findings.push({ code: 'serverAuthUnrestricted', severity: 'info' });

  if (facts.daysLeft < 0) findings.push({ code: 'expired', severity: 'error', values: { date: facts.validTo } });
  else if (facts.notYetValid) findings.push({ code: 'notYetValid', severity: 'error', values: { date: facts.validFrom } });
  else if (facts.daysLeft < EXPIRY_WARNING_DAYS) findings.push({ code: 'expiresSoon', severity: 'warning', values: { days: facts.daysLeft, date: facts.validTo } });
  else findings.push({ code: 'validFor', severity: 'ok', values: { days: facts.daysLeft, date: facts.validTo } });

  const cn = facts.commonName;
  if (cn && facts.dnsNames.length > 0 && !facts.dnsNames.some((name) => nameCovers(name, cn))) {
    findings.push({ code: 'commonNameNotInAltNames', severity: 'warning', values: { cn } });
  }
  return findings;
}

/** RSA 2048, ECDSA P-256 …, as people name keys. */
export function keyText(key: CertificateFacts['key']): string {
  if (key.type === 'rsa' || key.type === 'rsa-pss') return `${key.type === 'rsa' ? 'RSA' : 'RSA-PSS'} ${key.bits ?? '?'}`;
  if (key.type === 'ec') return `ECDSA ${key.curve ?? ''}`.trim();
  return key.type.toUpperCase();
}

/** The worst severity among findings: what the card's banner shows. */
export function overallSeverity(findings: readonly Finding[]): Severity {
  for (const severity of ['error', 'warning'] as const) if (findings.some((finding) => finding.severity === severity)) return severity;
  return 'ok';
}

/**
 * When to remind a conversation before this certificate expires (phase 2, through the durable
 * reminders): 30 and 7 days before `validTo`, leaving out moments already past.
 */
export function expiryReminderDates(validTo: Date, now: Date): { daysBefore: number; at: Date }[] {
  return EXPIRY_REMINDER_DAYS.map((daysBefore) => ({ daysBefore, at: new Date(validTo.getTime() - daysBefore * DAY_MS) })).filter(({ at }) => at > now);
}

export interface CertificateCheck {
  facts: CertificateFacts;
  naming: CmgNaming;
  findings: Finding[];
  severity: Severity;
}

/** The whole pasted-certificate check for one certificate: facts, CMG names and every verdict. */
export function checkCertificate(certificate: X509Certificate, options: { now: Date; region?: Region; regions: RegionCatalog; ignored?: number }): CertificateCheck {
  const facts = describeCertificate(certificate, options.now);
  const { naming, findings: namingFindings } = cmgNamingOf(facts, options.region, options.regions);
  const findings = [...certificateFindings(facts), ...namingFindings];
  if (options.ignored) findings.push({ code: 'moreCertificates', severity: 'info', values: { count: options.ignored } });
  return { facts, naming, findings, severity: overallSeverity(findings) };
}
