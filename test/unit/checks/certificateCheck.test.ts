import { X509Certificate } from 'node:crypto';
import { checkCertificate, expiryReminderDates, nameCovers } from '../../../src/checks/certificateCheck';
import { containsPrivateKey, pastedCertificates, textBeforePem } from '../../../src/checks/pastedPem';
import { RegionCatalog } from '../../../src/naming';
import { makeCertificate, makeServerChain, TestCertificate } from '../../harness/certificates';

const regions = new RegionCatalog();
const NOW = new Date();
const DAY = 86_400_000;
/** Judged a minute after NOW: certificates made in the tests start "now", a little after NOW. */
const CHECKED_AT = new Date(NOW.getTime() + 60_000);
const codes = (check: ReturnType<typeof checkCertificate>) => check.findings.map((finding) => `${finding.severity}:${finding.code === 'naming' ? `naming.${finding.naming!.code}` : finding.code}`);
const check = (pem: string, region?: string) => checkCertificate(new X509Certificate(pem), { now: CHECKED_AT, region: region ? regions.byName(region) : undefined, regions });

describe('certificate check', () => {
  let ownDomain: { ca: TestCertificate; server: TestCertificate };
  beforeAll(async () => {
    ownDomain = await makeServerChain(['GraniteFalls.contoso.com']);
  });

  it('reports CN, SANs, issuer, validity, key and EKU, and the CMG names for a region', () => {
    const result = check(ownDomain.server.cert, 'eastus');
    expect(result.facts).toMatchObject({
      commonName: 'GraniteFalls.contoso.com',
      dnsNames: ['GraniteFalls.contoso.com'],
      issuerCommonName: 'Contoso Test Root CA',
      key: { type: 'rsa', bits: 2048 },
      serverAuth: 'present',
      isCa: false,
      selfIssued: false,
    });
    expect(result.facts.daysLeft).toBeGreaterThan(300);
    expect(result.naming).toMatchObject({ kind: 'named', prefix: 'GraniteFalls', scaleSetName: 'GraniteFalls.EastUS.CloudApp.Azure.com', cname: { host: 'GraniteFalls.contoso.com', target: 'GraniteFalls.EastUS.CloudApp.Azure.com' } });
    expect(result.severity).toBe('ok');
    expect(codes(result)).toEqual(['ok:keyOk', 'ok:serverAuthPresent', 'ok:validFor', 'info:naming.caseOnRenewal']);
  });

  it('flags a 1024-bit key and a cloudapp.net CN (no CNAME possible)', async () => {
    const weak = await makeCertificate({ cn: 'GraniteFalls.cloudapp.net', keySize: 1024, eku: { serverAuth: true } });
    const result = check(weak.cert, 'westeurope');
    expect(result.severity).toBe('error');
    expect(codes(result)).toEqual(expect.arrayContaining(['error:keySizeUnsupported', 'warning:naming.cloudappNetCertificate', 'info:microsoftDomainNeedsPki']));
    expect(result.naming).toMatchObject({ kind: 'named', microsoftDomain: true, scaleSetName: 'GraniteFalls.WestEurope.CloudApp.Azure.com' });
    expect(result.naming.kind === 'named' && result.naming.cname).toBeFalsy();
  });

  it('takes the region from a deployment-name CN and flags an EC key and a missing server-auth EKU', async () => {
    const cert = await makeCertificate({ cn: 'GraniteFalls.EastUS.CloudApp.Azure.com', keyType: 'ec', eku: { clientAuth: true } });
    const result = check(cert.cert);
    expect(result.naming).toMatchObject({ kind: 'named', region: { name: 'eastus' }, scaleSetName: 'GraniteFalls.EastUS.CloudApp.Azure.com' });
    expect(codes(result)).toEqual(expect.arrayContaining(['error:keyTypeUnsupported', 'error:serverAuthMissing', 'info:naming.deploymentNameCertificate', 'info:microsoftDomainNeedsPki']));
  });

  it('explains a wildcard CN instead of computing a name from "*"', async () => {
    const cert = await makeCertificate({ cn: '*.contoso.com', dnsNames: ['*.contoso.com'], keySize: 4096, eku: { serverAuth: true } });
    const result = check(cert.cert, 'eastus');
    expect(result.naming).toEqual({ kind: 'wildcard', domain: 'contoso.com' });
    expect(codes(result)).toEqual(expect.arrayContaining(['ok:keyOk', 'info:naming.wildcard']));
  });

  it('flags expired, not yet valid and soon-expiring certificates, a CA certificate and a CN missing from the SANs', async () => {
    const expired = await makeCertificate({ cn: 'old.contoso.com', notBefore: new Date(NOW.getTime() - 400 * DAY), notAfter: new Date(NOW.getTime() - DAY) });
    expect(codes(check(expired.cert))).toContain('error:expired');
    const future = await makeCertificate({ cn: 'new.contoso.com', notBefore: new Date(NOW.getTime() + 2 * DAY), notAfter: new Date(NOW.getTime() + 400 * DAY) });
    expect(codes(check(future.cert))).toContain('error:notYetValid');
    const soon = await makeCertificate({ cn: 'soon.contoso.com', eku: { serverAuth: true }, notBefore: new Date(NOW.getTime() - 300 * DAY), notAfter: new Date(NOW.getTime() + 10.5 * DAY) });
    const soonCheck = check(soon.cert);
    expect(soonCheck.findings).toContainEqual(expect.objectContaining({ code: 'expiresSoon', severity: 'warning', values: expect.objectContaining({ days: 10 }) }));
    expect(codes(check(ownDomain.ca.cert))).toContain('error:isCa');
    const mismatch = await makeCertificate({ cn: 'cmg.contoso.com', dnsNames: ['www.contoso.com'] });
    expect(codes(check(mismatch.cert))).toContain('warning:commonNameNotInAltNames');
  });

  it('gives the phase-2 reminder dates 30 and 7 days before expiry, only those still ahead', () => {
    const validTo = new Date('2027-03-31T12:00:00Z');
    expect(expiryReminderDates(validTo, new Date('2027-01-01T00:00:00Z'))).toEqual([
      { daysBefore: 30, at: new Date('2027-03-01T12:00:00Z') },
      { daysBefore: 7, at: new Date('2027-03-24T12:00:00Z') },
    ]);
    expect(expiryReminderDates(validTo, new Date('2027-03-10T00:00:00Z'))).toEqual([{ daysBefore: 7, at: new Date('2027-03-24T12:00:00Z') }]);
    expect(expiryReminderDates(validTo, new Date('2027-04-01T00:00:00Z'))).toEqual([]);
  });

  it('matches wildcards over one label only, without case', () => {
    expect(nameCovers('*.contoso.com', 'GraniteFalls.Contoso.com')).toBe(true);
    expect(nameCovers('*.contoso.com', 'a.b.contoso.com')).toBe(false);
    expect(nameCovers('*.contoso.com', 'contoso.com')).toBe(false);
    expect(nameCovers('CMG.contoso.com', 'cmg.CONTOSO.com')).toBe(true);
  });
});

describe('pasted certificates', () => {
  let pem: string;
  let key: string;
  beforeAll(async () => {
    const made = await makeCertificate({ cn: 'GraniteFalls.contoso.com' });
    pem = made.cert;
    key = made.key;
  });

  it('reads a PEM that Teams delivered as HTML with <br> and <p>, entities included', () => {
    const lines = pem.trim().split(/\r?\n/);
    const html = `<p>West Europe</p><p>${lines.join('<br>')}</p>`.replace(/\+/g, '&#43;').replace(/\//g, '&#x2F;');
    const found = pastedCertificates(html);
    expect(found.kind).toBe('certificates');
    expect(found.kind === 'certificates' && found.certificates[0].subject).toBe('CN=GraniteFalls.contoso.com\nO=Contoso Test');
    expect(textBeforePem(html)).toBe('West Europe');
  });

  it('reads a PEM whose line breaks became spaces, and counts the rest of a chain', () => {
    const squeezed = `${pem} ${pem}`.replace(/\s+/g, ' ');
    expect(pastedCertificates(squeezed)).toMatchObject({ kind: 'certificates', ignored: 0 });
    const found = pastedCertificates(squeezed);
    expect(found.kind === 'certificates' && found.certificates).toHaveLength(2);
  });

  it('tells no certificate from a damaged one', () => {
    expect(pastedCertificates('here is my cert')).toEqual({ kind: 'none' });
    const damaged = pem.replace(/(-----BEGIN CERTIFICATE-----\s*)(.{20})/, '$1!!!!$2');
    expect(pastedCertificates(damaged)).toEqual({ kind: 'unreadable' });
    expect(pastedCertificates('-----BEGIN CERTIFICATE----- SGVsbG8gd29ybGQ= -----END CERTIFICATE-----')).toEqual({ kind: 'unreadable' });
  });

  it.each([
    ['PKCS#8', () => key],
    ['PKCS#1', () => key.replace(/BEGIN PRIVATE KEY/, 'BEGIN RSA PRIVATE KEY')],
    ['encrypted', () => '-----BEGIN ENCRYPTED PRIVATE KEY----- MIIB -----END ENCRYPTED PRIVATE KEY-----'],
    ['OpenSSH', () => '-----BEGIN OPENSSH PRIVATE KEY-----\nb3Blbn\n-----END OPENSSH PRIVATE KEY-----'],
    ['in HTML', () => `<p>${key.split('\n').join('<br>')}</p>`],
  ])('spots a %s private key', (_kind, text) => {
    expect(containsPrivateKey(`${pem}\n${text()}`)).toBe(true);
  });

  it('does not mistake a certificate for a key', () => {
    expect(containsPrivateKey(pem)).toBe(false);
  });
});
