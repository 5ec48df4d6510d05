import { format, Lang } from '../i18n/language';
import { cnameRecordLine, regionTitle } from '../naming';
import { formatTime } from '../i18n/time';
import { plainText } from '../text/markdown';
import { card, CardReply, messageCard } from '../turn';
import { CertificateCheck, CertificateFacts, Finding, keyText, Severity } from './certificateCheck';
import type { CnameCheck, CnameNote, CnameVerdict } from './cnameCheck';
import type { EndpointCheck } from './endpointCheck';
import { CheckStrings, checkStrings } from './strings';
import type { HostProblem } from './targetSafety';
import { CHECK_VERBS } from './verbs';

/**
 * Card data for the check results (cards/checkResult.json). Everything that came from outside
 * (typed names, DNS answers, certificate fields) goes through plainText before it reaches a
 * TextBlock, because Teams renders their text as Markdown.
 */

interface Fact {
  title: string;
  value: string;
}
interface Section {
  title: string;
  facts: Fact[];
}
interface Action {
  title: string;
  verb: string;
  data: Record<string, string>;
}

type BannerStyle = 'good' | 'warning' | 'attention' | 'emphasis';

const BANNER_OF: Record<Severity, BannerStyle> = { ok: 'good', info: 'emphasis', warning: 'warning', error: 'attention' };
const COLOR_OF: Record<Severity, string> = { ok: 'Good', info: 'Default', warning: 'Warning', error: 'Attention' };
const MARK_OF: Record<Severity, string> = { ok: '✔', info: 'ℹ', warning: '⚠', error: '✖' };

/** Long DNS names and SAN lists stay readable and inside the card budget. */
const NAME_MAX = 260;

function resultCard(
  parts: { title: string; banner: { style: BannerStyle; title: string; text: string }; lines?: { title: string; texts: string[] }; sections?: Section[]; findings?: { title: string; items: { severity: Severity; text: string }[] }; actions?: Action[] },
): CardReply {
  const findings = parts.findings?.items ?? [];
  return card(
    'checkResult',
    {
      title: parts.title,
      bannerStyle: parts.banner.style,
      bannerTitle: parts.banner.title,
      bannerText: parts.banner.text,
      hasLines: Boolean(parts.lines?.texts.length),
      linesTitle: parts.lines?.title ?? '',
      lines: (parts.lines?.texts ?? []).map((text) => ({ text })),
      sections: (parts.sections ?? []).filter((section) => section.facts.length > 0),
      hasFindings: findings.length > 0,
      findingsTitle: parts.findings?.title ?? '',
      findings: findings.map((item) => ({ text: `${MARK_OF[item.severity]} ${item.text}`, color: COLOR_OF[item.severity] })),
      actionRows: inRowsOfTwo(parts.actions ?? []).map((actions) => ({ actions })),
    },
    `${parts.title}: ${parts.banner.title}`,
  );
}

const name = (text: string) => plainText(text, NAME_MAX);

/** A short notice on the plain message card (refusals, usage, busy). */
export const noticeCard = messageCard;

export function hostProblemCard(lang: Lang, problem: HostProblem, input: string, example: string): CardReply {
  const s = checkStrings[lang];
  return noticeCard(s.nameProblemTitle, format(s.hostProblems[problem], { input: plainText(input, 120), example }), 'warning');
}

export function busyCard(lang: Lang): CardReply {
  const s = checkStrings[lang];
  return noticeCard(s.busyTitle, s.busy, 'warning');
}

// ---------------------------------------------------------------------------
// CNAME
// ---------------------------------------------------------------------------

const CNAME_BANNER: Record<CnameVerdict, BannerStyle> = {
  scaleSet: 'good',
  classic: 'warning',
  other: 'attention',
  noCname: 'attention',
  azureName: 'warning',
  nxdomain: 'attention',
  noAnswer: 'attention',
  timeout: 'warning',
  failed: 'warning',
};

function cnameNoteText(lang: Lang, note: CnameNote, check: CnameCheck): string {
  const s = checkStrings[lang].cnameNotes;
  switch (note.code) {
    case 'caseOnly':
      return format(s.caseOnly, { returned: name(note.returned), expected: name(note.expected) });
    case 'wrongRegion':
      return format(s.wrongRegion, { found: regionTitle(note.found, lang), given: regionTitle(note.given, lang) });
    case 'otherCmg':
      return format(s.otherCmg, { target: name(note.target), otherPrefix: name(note.otherPrefix), prefix: name(note.prefix) });
    case 'dangling':
      return format(s.dangling, { target: name(note.target) });
    case 'privateAddresses':
      return format(s.privateAddresses, { count: note.count });
    case 'regionMissing':
      return format(s.regionMissing, { name: name(check.serviceName) });
    case 'regionFromChain':
      return format(s.regionFromChain, { region: regionTitle(note.region, lang) });
  }
}

function chainLines(s: CheckStrings, check: CnameCheck): string[] {
  const lines = [name(check.serviceName), ...check.hops.map((hop) => `→ CNAME ${name(hop)}`)];
  if (check.verdict === 'nxdomain') lines.push(`→ ${s.chainNotFound}`);
  else if (check.verdict === 'timeout' || check.verdict === 'failed') lines.push(`→ ${s.chainStopped}`);
  else if (check.notes.some((note) => note.code === 'dangling')) lines.push(`→ ${s.chainNotFound}`);
  else if (check.addresses.length > 0) lines.push(...check.addresses.map((entry) => `→ ${entry.family === 4 ? 'A' : 'AAAA'} ${entry.address}`));
  else if (!check.notes.some((note) => note.code === 'privateAddresses')) lines.push(`→ ${s.chainNoAddresses}`);
  return lines;
}

export function cnameCard(lang: Lang, check: CnameCheck): CardReply {
  const s = checkStrings[lang];
  const verdict = s.cnameVerdicts[check.verdict];
  const region = check.region ? regionTitle(check.region, lang) : '';
  let text = format(verdict.text, { name: name(check.serviceName), target: name(check.target ?? ''), region, detail: plainText(check.failure?.detail ?? '', 80) });
  if (check.verdict === 'classic') text += ' ' + (check.scaleSetName ? format(s.cnameClassicNext, { scaleSet: name(check.scaleSetName) }) : s.cnameClassicNoRegion);

  const expected: Fact[] = [{ title: s.classicName, value: name(check.classicName) }];
  if (check.scaleSetName && check.region) expected.push({ title: format(s.scaleSetName, { region }), value: name(check.scaleSetName) });
  const resolved = !['nxdomain', 'timeout', 'failed'].includes(check.verdict);
  const actions: Action[] = [{ title: s.checkAgain, verb: CHECK_VERBS.cname, data: { serviceName: check.serviceName, ...(check.region ? { region: check.region.name } : {}) } }];
  if (resolved) actions.push({ title: s.checkEndpoint, verb: CHECK_VERBS.endpoint, data: { serviceName: check.serviceName } });

  return resultCard({
    title: format(s.cnameTitle, { name: name(check.serviceName) }),
    banner: { style: CNAME_BANNER[check.verdict], title: verdict.title, text },
    lines: { title: s.chainTitle, texts: chainLines(s, check) },
    sections: check.verdict === 'azureName' ? [] : [{ title: s.expectedTitle, facts: expected }],
    findings: { title: s.notesTitle, items: check.notes.map((note) => ({ severity: note.code === 'caseOnly' || note.code === 'regionFromChain' ? 'info' : 'warning', text: cnameNoteText(lang, note, check) })) },
    actions,
  });
}

// ---------------------------------------------------------------------------
// Certificates (pasted, or presented by an endpoint)
// ---------------------------------------------------------------------------

function findingText(lang: Lang, timezone: string | undefined, finding: Finding): string {
  if (finding.naming) return plainText(finding.naming[lang], 600);
  const s = checkStrings[lang];
  if (finding.code === 'naming') return '';
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(finding.values ?? {})) {
    // The ServiceMetadata URL is built from a validated host name and our own path; as code it is
    // shown literally (no escapes, no emphasis from its underscores).
    if (key === 'url') values[key] = `\`${String(value)}\``;
    else values[key] = key === 'date' ? formatTime(String(value), lang, timezone, { weekday: true }) : typeof value === 'number' ? value : name(value);
  }
  return format(s.findings[finding.code], values);
}

function findingItems(lang: Lang, timezone: string | undefined, findings: readonly Finding[]): { severity: Severity; text: string }[] {
  return findings.map((finding) => ({ severity: finding.severity, text: findingText(lang, timezone, finding) }));
}

function certificateFacts(lang: Lang, timezone: string | undefined, facts: CertificateFacts): Section {
  const s = checkStrings[lang];
  const altNames = [...facts.dnsNames, ...facts.ipAddresses];
  return {
    title: s.certificateFactsTitle,
    facts: [
      { title: s.commonName, value: facts.commonName ? name(facts.commonName) : s.none },
      { title: s.subject, value: name(facts.subject) },
      { title: s.altNames, value: altNames.length ? name(altNames.join(', ')) : s.none },
      { title: s.issuer, value: name(facts.issuer) },
      { title: s.validFrom, value: formatTime(facts.validFrom, lang, timezone, { weekday: true }) },
      { title: s.validTo, value: formatTime(facts.validTo, lang, timezone, { weekday: true }) },
      { title: s.daysLeft, value: String(facts.daysLeft) },
      { title: s.key, value: keyText(facts.key) },
      { title: s.serverAuth, value: s.serverAuthValues[facts.serverAuth] },
      // Spaces instead of colons, so the 64 hex digits can wrap in a narrow fact column.
      { title: s.fingerprint, value: facts.fingerprint256.replace(/:/g, ' ') },
    ],
  };
}

/**
 * "Remind us before it expires" for a certificate that still has a reminder moment ahead (the
 * caller decides, with its clock and whether reminders exist); the button carries what the
 * reminder needs.
 */
function expiryAction(lang: Lang, facts: CertificateFacts, fallbackName: string): Action {
  const name = facts.commonName || fallbackName;
  return { title: checkStrings[lang].remindExpiry, verb: CHECK_VERBS.remindExpiry, data: { name, fingerprint256: facts.fingerprint256, validTo: facts.validTo } };
}

export function certificateCard(lang: Lang, timezone: string | undefined, check: CertificateCheck, regionNote?: string, offerExpiryReminder = false): CardReply {
  const s = checkStrings[lang];
  const banner = s.certificateBanner[check.severity === 'info' ? 'ok' : check.severity];
  const findings = findingItems(lang, timezone, check.findings);
  const cmg: Fact[] = [];
  const { naming } = check;
  if (naming.kind === 'named') {
    cmg.push({ title: s.cmgServiceName, value: name(naming.commonName) });
    if (naming.scaleSetName && naming.region) cmg.push({ title: format(s.cmgDeploymentName, { region: regionTitle(naming.region, lang) }), value: name(naming.scaleSetName) });
    cmg.push({ title: s.cmgClassicName, value: name(naming.classicName) });
    if (naming.cname) cmg.push({ title: s.cmgCname, value: name(cnameRecordLine(naming.cname)) });
    else if (naming.microsoftDomain) cmg.push({ title: s.cmgCname, value: s.cmgNoCnameMicrosoft });
    if (!naming.region) findings.push({ severity: 'info', text: s.cmgNoRegion });
  }
  if (regionNote) findings.push({ severity: 'info', text: regionNote });
  const title = check.facts.commonName ? format(s.certificateTitle, { name: name(check.facts.commonName) }) : s.certificateTitleNoName;
  return resultCard({
    title,
    banner: { style: BANNER_OF[check.severity], ...banner },
    sections: [certificateFacts(lang, timezone, check.facts), { title: s.cmgTitle, facts: cmg }],
    findings: { title: s.findingsTitle, items: findings },
    actions: offerExpiryReminder ? [expiryAction(lang, check.facts, check.facts.subject)] : [],
  });
}

// ---------------------------------------------------------------------------
// Endpoint
// ---------------------------------------------------------------------------

export function endpointCard(lang: Lang, timezone: string | undefined, check: EndpointCheck, offerExpiryReminder = false): CardReply {
  const s = checkStrings[lang];
  const title = format(s.endpointTitle, { name: name(check.serviceName) });
  const actions: Action[] = [
    { title: s.checkAgain, verb: CHECK_VERBS.endpoint, data: { serviceName: check.serviceName } },
    { title: s.checkCname, verb: CHECK_VERBS.cname, data: { serviceName: check.serviceName } },
  ];
  const values = { name: name(check.serviceName) };
  switch (check.kind) {
    case 'refused':
      return resultCard({ title, banner: { style: 'attention', title: s.endpointRefusedTitle, text: format(s.endpointRefused, { ...values, kind: s.addressKinds[check.addressKind] }) }, actions });
    case 'dnsFailed': {
      const headline = s.endpointDns[check.failure];
      return resultCard({ title, banner: { style: check.failure === 'timeout' ? 'warning' : 'attention', title: headline.title, text: format(headline.text, { ...values, detail: plainText(check.detail, 80) }) }, actions });
    }
    case 'connectFailed': {
      const headline = s.endpointConnect[check.failure];
      const text = format(headline.text, { ...values, address: check.address, port: check.port, detail: plainText(check.detail, 80) });
      return resultCard({ title, banner: { style: 'attention', title: headline.title, text }, actions });
    }
    case 'presented': {
      const banner = s.endpointBanner[check.severity === 'info' ? 'ok' : check.severity];
      const connection: Section = {
        title: s.connectionTitle,
        facts: [
          { title: s.address, value: check.address },
          { title: s.port, value: String(check.port) },
          { title: s.tlsVersion, value: plainText(check.protocol, 20) },
          { title: s.chain, value: check.chainTrusted ? s.chainValues.trusted : `${s.chainValues.untrusted} (${plainText(check.chainError ?? '', 60)})` },
          { title: s.nameMatch, value: check.nameMatches ? s.yes : s.no },
        ],
      };
      return resultCard({
        title,
        banner: { style: BANNER_OF[check.severity], ...banner },
        sections: [connection, certificateFacts(lang, timezone, check.certificate)],
        findings: { title: s.findingsTitle, items: findingItems(lang, timezone, check.findings) },
        actions: offerExpiryReminder ? [expiryAction(lang, check.certificate, check.serviceName), ...actions] : actions,
      });
    }
  }
}

function inRowsOfTwo<T>(items: T[]): T[][] {
  return Array.from({ length: Math.ceil(items.length / 2) }, (_, i) => items.slice(2 * i, 2 * i + 2));
}
