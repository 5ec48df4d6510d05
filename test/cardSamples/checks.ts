import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { busyCard, certificateCard, cnameCard, endpointCard, hostProblemCard, noticeCard } from '../../src/checks/cards';
import { checkCertificate } from '../../src/checks/certificateCheck';
import { cnameVerdict } from '../../src/checks/cnameCheck';
import { DnsFailure } from '../../src/checks/dnsLookup';
import { endpointFindings } from '../../src/checks/endpointCheck';
import { describeCertificate, overallSeverity } from '../../src/checks/certificateCheck';
import { checkStrings } from '../../src/checks/strings';
import { LANGUAGES } from '../../src/i18n/language';
import { RegionCatalog } from '../../src/naming';
import type { CardSample } from './types';

const regions = new RegionCatalog();
const fixture = (file: string) => new X509Certificate(readFileSync(join(__dirname, '..', 'fixtures', 'certificates', file), 'utf8'));
/** A moment inside the certificate's validity, so the samples never expire. */
const during = (certificate: X509Certificate) => new Date(certificate.validFromDate.getTime() + 100 * 86_400_000);

const own = fixture('own-domain-2048.pem');
const weak = fixture('cloudapp-net-1024.pem');
const wildcard = fixture('wildcard-ec.pem');
const eastus = regions.byName('eastus');
const addresses = { kind: 'addresses' as const, addresses: [{ address: '20.50.2.1', family: 4 as const }] };
const cname = (hops: string[], end: Parameters<typeof cnameVerdict>[1]['end'] = addresses, region = eastus) =>
  cnameVerdict('GraniteFalls.contoso.com', { hops, end }, { region, regions, allowPrivateAddresses: false });

const presented = (certificate: X509Certificate, options: { chainTrusted: boolean; chainError?: string; nameMatches: boolean; protocol?: string }) => {
  const facts = describeCertificate(certificate, during(certificate));
  const result = { serviceName: 'GraniteFalls.contoso.com', protocol: options.protocol ?? 'TLSv1.3', chainTrusted: options.chainTrusted, chainError: options.chainError, nameMatches: options.nameMatches, certificate: facts };
  const findings = endpointFindings(result);
  return { kind: 'presented' as const, ...result, address: '20.50.2.1', port: 443, findings, severity: overallSeverity(findings) };
};

export const cardSamples: CardSample[] = LANGUAGES.flatMap((lang) => [
  { name: `cname check, scale set (${lang})`, reply: cnameCard(lang, cname(['granitefalls.eastus.cloudapp.azure.com'])) },
  { name: `cname check, classic without region (${lang})`, reply: cnameCard(lang, cname(['GraniteFalls.cloudapp.net'], addresses, undefined)) },
  { name: `cname check, another CMG and private addresses (${lang})`, reply: cnameCard(lang, cname(['northwind.westeurope.cloudapp.azure.com'], { kind: 'addresses', addresses: [{ address: '10.0.0.4', family: 4 }] })) },
  { name: `cname check, NXDOMAIN (${lang})`, reply: cnameCard(lang, cname([], { kind: 'failure', name: 'GraniteFalls.contoso.com', failure: new DnsFailure('nxdomain', 'ENOTFOUND') })) },
  { name: `cname check, timeout (${lang})`, reply: cnameCard(lang, cname([], { kind: 'failure', name: 'GraniteFalls.contoso.com', failure: new DnsFailure('timeout', 'ETIMEOUT') })) },
  { name: `cname check, dangling target (${lang})`, reply: cnameCard(lang, cname(['GraniteFalls.EastUS.CloudApp.Azure.com'], { kind: 'dangling' })) },
  { name: `certificate check, own domain in a region, with expiry reminders (${lang})`, reply: certificateCard(lang, 'Europe/Amsterdam', checkCertificate(own, { now: during(own), region: eastus, regions }), undefined, true) },
  { name: `certificate check, 1024-bit cloudapp.net (${lang})`, reply: certificateCard(lang, undefined, checkCertificate(weak, { now: during(weak), regions, ignored: 2 }), 'Narnia is not a region') },
  { name: `certificate check, wildcard EC client certificate (${lang})`, reply: certificateCard(lang, 'Europe/Amsterdam', checkCertificate(wildcard, { now: during(wildcard), regions })) },
  { name: `endpoint check, trusted, with expiry reminders (${lang})`, reply: endpointCard(lang, 'Europe/Amsterdam', presented(own, { chainTrusted: true, nameMatches: true }), true) },
  { name: `endpoint check, self-signed and wrong name (${lang})`, reply: endpointCard(lang, undefined, presented(weak, { chainTrusted: false, chainError: 'DEPTH_ZERO_SELF_SIGNED_CERT', nameMatches: false, protocol: 'TLSv1' })) },
  { name: `endpoint check, refused internal address (${lang})`, reply: endpointCard(lang, undefined, { kind: 'refused', serviceName: 'GraniteFalls.contoso.com', addressKind: 'metadata' }) },
  { name: `endpoint check, connection timeout (${lang})`, reply: endpointCard(lang, undefined, { kind: 'connectFailed', serviceName: 'GraniteFalls.contoso.com', address: '20.50.2.1', port: 443, failure: 'timeout', detail: '5000 ms' }) },
  { name: `endpoint check, NXDOMAIN (${lang})`, reply: endpointCard(lang, undefined, { kind: 'dnsFailed', serviceName: 'GraniteFalls.contoso.com', failure: 'nxdomain', detail: 'ENOTFOUND' }) },
  { name: `check, IP address refused (${lang})`, reply: hostProblemCard(lang, 'ipLiteral', '169.254.169.254', checkStrings[lang].endpointUsage) },
  { name: `check, busy (${lang})`, reply: busyCard(lang) },
  { name: `certificate check, private key refused (${lang})`, reply: noticeCard(checkStrings[lang].privateKeyTitle, checkStrings[lang].privateKey, 'error') },
]);
