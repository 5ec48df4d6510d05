import { certificateFindings, CertificateFacts, describeCertificate, Finding, overallSeverity, Severity } from './certificateCheck';
import { DnsFailure, DnsFailureCode, DnsLookup } from './dnsLookup';
import { AddressKind, addressAllowed, addressKind } from './targetSafety';
import { TlsFailure, TlsFailureCode, TlsProbe } from './tlsProbe';

/** What a CMG endpoint presented, or why nothing was asked of it. */
export type EndpointCheck =
  | { kind: 'refused'; serviceName: string; addressKind: AddressKind }
  | { kind: 'dnsFailed'; serviceName: string; failure: DnsFailureCode; detail: string }
  | { kind: 'connectFailed'; serviceName: string; address: string; port: number; failure: TlsFailureCode; detail: string }
  | {
      kind: 'presented';
      serviceName: string;
      address: string;
      port: number;
      protocol: string;
      chainTrusted: boolean;
      chainError?: string;
      nameMatches: boolean;
      certificate: CertificateFacts;
      findings: Finding[];
      severity: Severity;
    };

/** OpenSSL's reasons for a self-signed chain; anything else is an issuer the bot cannot place. */
const SELF_SIGNED = new Set(['DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN']);
/** Reasons the certificate findings already explain (validity). */
const DATE_ERRORS = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);

/** The endpoint's own verdicts: trust, name and protocol; then the certificate's, then where to look. */
export function endpointFindings(result: { serviceName: string; protocol: string; chainTrusted: boolean; chainError?: string; nameMatches: boolean; certificate: CertificateFacts }): Finding[] {
  const findings: Finding[] = [];
  const { chainError } = result;
  if (result.chainTrusted) findings.push({ code: 'chainTrusted', severity: 'ok' });
  else if (chainError && SELF_SIGNED.has(chainError)) findings.push({ code: 'chainSelfSigned', severity: 'error' });
  else if (!chainError || !DATE_ERRORS.has(chainError)) findings.push({ code: 'chainUntrusted', severity: 'warning', values: { reason: chainError ?? 'unknown' } });
  const names = [...result.certificate.dnsNames];
  if (!names.length && result.certificate.commonName) names.push(result.certificate.commonName);
  if (result.nameMatches) findings.push({ code: 'nameMatches', severity: 'ok', values: { name: result.serviceName } });
  else findings.push({ code: 'nameMismatch', severity: 'error', values: { name: result.serviceName, names: names.join(', ') || '—' } });
  // Facts TLS-01 / LIFE-06: the CMG enforces TLS 1.2 by default, and 2603 keeps only TLS 1.3 and TLS 1.2 ECDHE suites.
  if (!['TLSv1.2', 'TLSv1.3'].includes(result.protocol)) findings.push({ code: 'oldTls', severity: 'warning', values: { protocol: result.protocol } });
  findings.push(...certificateFindings(result.certificate));
  // Facts LIFE-11: where a client's view of the CMG certificate can be seen.
  findings.push({ code: 'serviceMetadata', severity: 'info', values: { url: `https://${result.serviceName}/CCM_Proxy_MutualAuth/ServiceMetadata` } });
  return findings;
}

/**
 * Resolves the service name, refuses private and metadata addresses (unless allowed), and shakes
 * hands with the first address it validated: the connection goes to that address, never to the
 * name again, so DNS cannot send the probe somewhere else between check and connect.
 */
export async function checkEndpoint(
  serviceName: string,
  edges: { lookup: DnsLookup; probe: TlsProbe },
  options: { port: number; timeoutMs: number; allowPrivateAddresses: boolean; now: () => Date },
): Promise<EndpointCheck> {
  let addresses;
  try {
    addresses = await edges.lookup.addresses(serviceName);
  } catch (error) {
    const failure = error instanceof DnsFailure ? error : new DnsFailure('failed', String(error));
    return { kind: 'dnsFailed', serviceName, failure: failure.code, detail: failure.detail };
  }
  const refused = addresses.find((entry) => !addressAllowed(entry.address, options.allowPrivateAddresses));
  if (refused) return { kind: 'refused', serviceName, addressKind: addressKind(refused.address) };

  const { address } = addresses[0];
  try {
    const handshake = await edges.probe({ address, port: options.port, servername: serviceName, timeoutMs: options.timeoutMs });
    const certificate = describeCertificate(handshake.certificate, options.now());
    const nameMatches = handshake.certificate.checkHost(serviceName) !== undefined;
    const presented = { serviceName, protocol: handshake.protocol, chainTrusted: handshake.chainTrusted, chainError: handshake.chainError, nameMatches, certificate };
    const findings = endpointFindings(presented);
    return { kind: 'presented', ...presented, address, port: options.port, findings, severity: overallSeverity(findings) };
  } catch (error) {
    const failure = error instanceof TlsFailure ? error : new TlsFailure('handshake', String(error));
    return { kind: 'connectFailed', serviceName, address, port: options.port, failure: failure.code, detail: failure.detail };
  }
}
