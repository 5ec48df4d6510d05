/**
 * What the guidance flow knows about the admin's situation. Every answer is optional: the flow
 * asks only for what the checklist of their case still needs.
 */
export type YesNo = 'yes' | 'no';

/**
 * Configuration Manager versions grouped by what changed for a scale-set CMG (facts sheet,
 * version timeline): before 2010 there is no scale set; 2010/2103 pre-release, no mixing;
 * 2107 general availability and Convert; 2111 US Government; 2203 no new classic CMG; 2403 the
 * prerequisite check flags a classic CMG.
 */
export type VersionBand = '2006' | '2010' | '2107' | '2111' | '2203' | '2403';
export const VERSION_BANDS: readonly VersionBand[] = ['2006', '2010', '2107', '2111', '2203', '2403'];

export type Cloud = 'public' | 'usgov';
export const CLOUDS: readonly Cloud[] = ['public', 'usgov'];

/** Where the server authentication certificate's common name lives. */
export type CertificateDomainAnswer = 'own' | 'cloudappNet';
export const CERTIFICATE_DOMAINS: readonly CertificateDomainAnswer[] = ['own', 'cloudappNet'];

export interface GuidanceAnswers {
  classicToday?: YesNo;
  csp?: YesNo;
  /** Only asked when a classic CMG exists and no CSP subscription forces the move. */
  moveNow?: YesNo;
  version?: VersionBand;
  cloud?: Cloud;
  /** The certificate's common name, or just the CMG name (prefix). */
  commonName?: string;
  /** Programmatic region name. */
  region?: string;
  /** Only asked when `commonName` has no domain to tell it from. */
  certificateDomain?: CertificateDomainAnswer;
}

const YES_NO: readonly YesNo[] = ['yes', 'no'];

function pick<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

function text(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed ? trimmed.slice(0, max) : undefined;
}

/**
 * Reads answers from card data. Card data comes back from the client, so every field is checked
 * against what the flow could have produced; anything else is dropped and simply asked again.
 */
export function parseAnswers(data: unknown): GuidanceAnswers {
  const raw = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  const answers: GuidanceAnswers = {
    classicToday: pick(raw.classicToday, YES_NO),
    csp: pick(raw.csp, YES_NO),
    moveNow: pick(raw.moveNow, YES_NO),
    version: pick(raw.version, VERSION_BANDS),
    cloud: pick(raw.cloud, CLOUDS),
    commonName: text(raw.commonName, 253),
    region: text(raw.region, 60),
    certificateDomain: pick(raw.certificateDomain, CERTIFICATE_DOMAINS),
  };
  for (const key of Object.keys(answers) as (keyof GuidanceAnswers)[]) if (answers[key] === undefined) delete answers[key];
  return answers;
}

/** True when the admin keeps a classic CMG and has no reason to move now. */
export function keepsClassic(answers: GuidanceAnswers): boolean {
  return answers.classicToday === 'yes' && answers.csp === 'no' && answers.moveNow === 'no';
}

export function versionAtLeast(answers: GuidanceAnswers, band: VersionBand): boolean {
  return answers.version !== undefined && VERSION_BANDS.indexOf(answers.version) >= VERSION_BANDS.indexOf(band);
}
