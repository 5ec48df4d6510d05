import { readFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import type { Clock } from '../clock';
import { ConfigError } from '../env';
import { format } from '../i18n/language';
import type { Logger } from '../log';
import { regionErrorText, RegionCatalog } from '../naming';
import type { Region, RegionMatch } from '../naming';
import { plainText } from '../text/markdown';
import type { CardActionResult, CardReply, TurnInfo } from '../turn';
import { busyCard, certificateCard, cnameCard, endpointCard, hostProblemCard, noticeCard } from './cards';
import { checkCertificate, CertificateFacts, expiryReminderDates } from './certificateCheck';
import type { ExpiryReminders } from './expiryRadar';
import { checkCname, CnameCheck } from './cnameCheck';
import { ConversationGate } from './conversationGate';
import { DnsLookup, nodeDnsLookup, OpenDnsLookup } from './dnsLookup';
import { checkEndpoint, EndpointCheck } from './endpointCheck';
import { containsPrivateKey, pastedCertificates, textBeforePem } from './pastedPem';
import type { ChecksSettings } from './settings';
import { checkStrings } from './strings';
import { serviceHost, ServiceHost } from './targetSafety';
import { nodeTlsProbe, TlsProbe } from './tlsProbe';

/** The network edges; tests and benchmarks may hand in their own, production uses node:dns and node:tls. */
export interface CheckEdges {
  openDns?: OpenDnsLookup;
  probe?: TlsProbe;
}

export interface ChecksDeps {
  settings: ChecksSettings;
  regions: RegionCatalog;
  clock: Clock;
  log: Logger;
  /** The expiry radar's reminders (the reminders capability); without it the cards offer no reminder. */
  expiryReminders?: ExpiryReminders;
}

/** Why a phase-2 caller's name or region could not be checked. */
export type CheckInputProblem = { kind: 'name'; host: Extract<ServiceHost, { ok: false }> } | { kind: 'region'; text: string };

/** Extra roots for the endpoint check, read once at start-up so a bad file stops the bot with one line. */
function trustedRoots(file: string | undefined): string[] | undefined {
  if (!file) return undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new ConfigError('CHECKS_TRUSTED_CA_FILE', 'a readable PEM file of root CA certificates', file);
  }
  const roots = text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
  try {
    roots.forEach((pem) => new X509Certificate(pem));
  } catch {
    roots.length = 0;
  }
  if (roots.length === 0) throw new ConfigError('CHECKS_TRUSTED_CA_FILE', 'a PEM file with at least one valid certificate', file);
  return roots;
}

/**
 * Live checks of a CMG from the outside: where its service name points in DNS, whether a
 * certificate fits the CMG rules, and what its endpoint presents. Every check is bounded in time
 * and in how many run at once per conversation, and only ever reaches public addresses unless
 * the operator allows otherwise.
 */
export class Checks {
  private readonly gate: ConversationGate;
  private readonly openDns: OpenDnsLookup;
  private readonly probe: TlsProbe;

  constructor(
    private readonly deps: ChecksDeps,
    edges: CheckEdges = {},
  ) {
    const { settings } = deps;
    this.gate = new ConversationGate(settings.perConversation, settings.total);
    this.openDns = edges.openDns ?? nodeDnsLookup(settings.dnsServers, settings.dnsTimeoutMs);
    this.probe = edges.probe ?? nodeTlsProbe({ extraCa: trustedRoots(settings.trustedCaFile) });
  }

  // -------------------------------------------------------------------------
  // Plain results, for other capabilities (the cutover, phase 2)
  // -------------------------------------------------------------------------

  /** The CNAME check of `serviceName`, for a region as typed or a programmatic name; no card, no gate. */
  async checkCname(serviceName: string, regionText?: string): Promise<{ ok: true; check: CnameCheck } | { ok: false; problem: CheckInputProblem }> {
    const host = serviceHost(serviceName);
    if (!host.ok) return { ok: false, problem: { kind: 'name', host } };
    let region: Region | undefined;
    if (regionText?.trim()) {
      const match = this.deps.regions.resolve(regionText);
      if (match.kind !== 'found') return { ok: false, problem: { kind: 'region', text: regionText } };
      region = match.region;
    }
    return { ok: true, check: await this.cname(host.host, region) };
  }

  /** The endpoint check of `serviceName`; no card, no gate. */
  async checkEndpoint(serviceName: string): Promise<{ ok: true; check: EndpointCheck } | { ok: false; problem: CheckInputProblem }> {
    const host = serviceHost(serviceName);
    if (!host.ok) return { ok: false, problem: { kind: 'name', host } };
    return { ok: true, check: await this.endpoint(host.host) };
  }

  // -------------------------------------------------------------------------
  // Commands and card buttons
  // -------------------------------------------------------------------------

  /** `check cname GraniteFalls.contoso.com West Europe`. */
  async cnameCommand(turn: TurnInfo, nameText: string | undefined, regionText: string | undefined): Promise<CardReply> {
    const s = checkStrings[turn.lang];
    const host = serviceHost(nameText);
    if (!host.ok) return hostProblemCard(turn.lang, host.problem, host.input, s.cnameUsage);
    let region: Region | undefined;
    if (regionText?.trim()) {
      const match = this.deps.regions.resolve(regionText);
      if (match.kind !== 'found') return noticeCard(format(s.cnameTitle, { name: plainText(host.host) }), regionErrorText(turn.lang, plainText(regionText, 60), match), 'warning');
      region = match.region;
    }
    const outcome = await this.gated(turn, 'cname', host.host, () => this.cname(host.host, region), (check) => check.verdict);
    return outcome === 'busy' ? busyCard(turn.lang) : cnameCard(turn.lang, outcome);
  }

  /** `check endpoint GraniteFalls.contoso.com`. */
  async endpointCommand(turn: TurnInfo, nameText: string | undefined): Promise<CardReply> {
    const s = checkStrings[turn.lang];
    const host = serviceHost(nameText);
    if (!host.ok) return hostProblemCard(turn.lang, host.problem, host.input, s.endpointUsage);
    const outcome = await this.gated(turn, 'endpoint', host.host, () => this.endpoint(host.host), (check) => (check.kind === 'presented' ? check.severity : check.kind));
    if (outcome === 'busy') return busyCard(turn.lang);
    return endpointCard(turn.lang, turn.timezone, outcome, outcome.kind === 'presented' && this.canRemind(outcome.certificate));
  }

  /**
   * `check certificate [region]` followed by a pasted PEM. Runs on this process alone (no
   * network), so it needs no gate; a pasted private key is refused before anything is parsed.
   */
  async certificateCommand(turn: TurnInfo, text: string | undefined): Promise<CardReply> {
    const s = checkStrings[turn.lang];
    const pasted = text ?? '';
    if (containsPrivateKey(pasted)) return this.privateKeyRefusal(turn);
    const found = pastedCertificates(pasted);
    if (found.kind === 'none') return noticeCard(s.pasteTitle, s.paste);
    if (found.kind === 'unreadable') return noticeCard(s.unreadableTitle, s.unreadable, 'warning');

    const regionText = textBeforePem(pasted);
    const match = regionText ? regionBeforePem(this.deps.regions, regionText) : undefined;
    const region = match?.kind === 'found' ? match.region : undefined;
    const check = checkCertificate(found.certificates[0], { now: this.deps.clock.now(), region, regions: this.deps.regions, ignored: found.certificates.length - 1 + found.ignored });
    // Words before the PEM that are no region ("here it is:") do not stop the check; the card says what was not understood.
    const regionNote = match && match.kind !== 'found' ? regionErrorText(turn.lang, plainText(regionText, 60), match) : undefined;
    const reply = certificateCard(turn.lang, turn.timezone, check, regionNote, this.canRemind(check.facts));
    // The fingerprint identifies the certificate in the log without any of its content.
    this.deps.log.info({ correlationId: turn.correlationId, check: 'certificate', fingerprint: check.facts.fingerprint256, result: check.severity }, 'live check');
    return reply;
  }

  /** A private key anywhere in a message: never parsed, echoed or logged. */
  privateKeyRefusal(turn: TurnInfo): CardReply {
    const s = checkStrings[turn.lang];
    this.deps.log.warn({ correlationId: turn.correlationId, check: 'certificate', refused: 'private key' }, 'live check refused a pasted private key');
    return noticeCard(s.privateKeyTitle, s.privateKey, 'error');
  }

  /** "Check again" and "Check the CNAME": the card's data is checked like typed text. */
  async cnameAction(turn: TurnInfo, data: Record<string, unknown>): Promise<CardActionResult> {
    const reply = await this.cnameCommand(turn, stringOf(data.serviceName), stringOf(data.region));
    return { kind: 'card', reply };
  }

  async endpointAction(turn: TurnInfo, data: Record<string, unknown>): Promise<CardActionResult> {
    return { kind: 'card', reply: await this.endpointCommand(turn, stringOf(data.serviceName)) };
  }

  /** "Remind us before it expires": the reminders capability schedules them in this conversation. */
  async remindExpiryAction(turn: TurnInfo, data: { name: string; fingerprint256: string; validTo: string }): Promise<CardActionResult> {
    const reminders = this.deps.expiryReminders;
    if (!reminders) return { kind: 'message', text: checkStrings[turn.lang].remindUnavailable };
    const text = await reminders.remindBeforeExpiry(turn, { name: data.name, fingerprint256: data.fingerprint256, validTo: new Date(data.validTo) });
    this.deps.log.info({ correlationId: turn.correlationId, check: 'expiry reminder', fingerprint: data.fingerprint256 }, 'expiry reminders requested');
    return { kind: 'message', text };
  }

  // -------------------------------------------------------------------------

  /** Whether a card may offer expiry reminders: reminders exist and at least one moment is still ahead. */
  private canRemind(facts: CertificateFacts): boolean {
    return Boolean(this.deps.expiryReminders) && expiryReminderDates(new Date(facts.validTo), this.deps.clock.now()).length > 0;
  }

  private async cname(host: string, region: Region | undefined): Promise<CnameCheck> {
    return this.withDeadline((lookup) => checkCname(lookup, host, { region, regions: this.deps.regions, allowPrivateAddresses: this.deps.settings.allowPrivateAddresses }));
  }

  private async endpoint(host: string): Promise<EndpointCheck> {
    const { settings, clock } = this.deps;
    const started = Date.now();
    return this.withDeadline((lookup) =>
      checkEndpoint(
        host,
        {
          lookup,
          // The handshake gets what is left of the deadline after DNS, at most its own timeout.
          probe: (target) => this.probe({ ...target, timeoutMs: Math.max(1, Math.min(settings.probeTimeoutMs, settings.deadlineMs - (Date.now() - started))) }),
        },
        { port: settings.probePort, timeoutMs: settings.probeTimeoutMs, allowPrivateAddresses: settings.allowPrivateAddresses, now: () => clock.now() },
      ),
    );
  }

  /** One DNS lookup per check, cancelled at the deadline so its waiting queries end as timeouts. */
  private async withDeadline<T>(work: (lookup: DnsLookup) => Promise<T>): Promise<T> {
    const lookup = this.openDns();
    const timer = setTimeout(() => lookup.cancel(), this.deps.settings.deadlineMs);
    try {
      return await work(lookup);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Runs a network check inside the conversation's bounds and logs its target and result, never content. */
  private async gated<T>(turn: TurnInfo, check: string, target: string, work: () => Promise<T>, result: (value: T) => string): Promise<T | 'busy'> {
    const started = performance.now();
    const outcome = await this.gate.run(turn.conversation.scopeId, work);
    const durationMs = Math.round(performance.now() - started);
    if (outcome.kind === 'busy') {
      this.deps.log.info({ correlationId: turn.correlationId, check, target, result: 'busy' }, 'live check');
      return 'busy';
    }
    this.deps.log.info({ correlationId: turn.correlationId, check, target, result: result(outcome.value), durationMs }, 'live check');
    return outcome.value;
  }
}

/** "Germany West Central", "(US) East US 2": more words than this before a paste are no region. */
const MAX_REGION_WORDS = 5;

/**
 * The region typed before a pasted certificate: all the words, or else the first few of them
 * that name a region exactly, because export tools write lines of their own above the PEM
 * (`openssl pkcs12` puts "Bag Attributes", "subject=…" and "issuer=…" there). Nothing found:
 * what the whole text matched, so the card can say what was not understood.
 */
function regionBeforePem(regions: RegionCatalog, text: string): RegionMatch {
  const whole = regions.resolve(text);
  if (whole.kind === 'found') return whole;
  const words = text.split(' ');
  for (let count = Math.min(words.length - 1, MAX_REGION_WORDS); count >= 1; count--) {
    const region = regions.resolveExactly(words.slice(0, count).join(' '));
    if (region) return { kind: 'found', region };
  }
  return whole;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
