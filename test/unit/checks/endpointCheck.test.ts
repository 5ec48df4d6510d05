import { DnsFailure, DnsLookup, nodeDnsLookup } from '../../../src/checks/dnsLookup';
import { checkEndpoint, EndpointCheck } from '../../../src/checks/endpointCheck';
import { nodeTlsProbe } from '../../../src/checks/tlsProbe';
import { ConversationGate } from '../../../src/checks/conversationGate';
import { makeCertificate, makeServerChain, LocalTlsServer, SilentServer, TestCertificate } from '../../harness/certificates';
import { LocalDns } from '../../harness/dnsServer';

const codes = (check: EndpointCheck) => (check.kind === 'presented' ? check.findings.map((finding) => `${finding.severity}:${finding.code}`) : []);

describe('endpoint check over a real TLS handshake on loopback', () => {
  let dns: LocalDns;
  let chain: { ca: TestCertificate; server: TestCertificate };
  let tls: LocalTlsServer;
  let silent: SilentServer;

  beforeAll(async () => {
    chain = await makeServerChain(['cmg.contoso.com']);
    tls = await new LocalTlsServer(chain.server).start();
    silent = await new SilentServer().start();
    dns = await new LocalDns().start();
    dns
      .set('cmg.contoso.com', { cname: 'cmg.eastus.cloudapp.azure.com' })
      .set('cmg.eastus.cloudapp.azure.com', { a: ['127.0.0.1'] })
      .set('other.contoso.com', { a: ['127.0.0.1'] })
      .set('mixed.contoso.com', { a: ['20.50.2.1', '10.0.0.4'] })
      .set('metadata.contoso.com', { a: ['169.254.169.254'] })
      .set('v6.contoso.com', { aaaa: ['fd00:ec2::254'] });
  });
  afterAll(async () => {
    await tls.stop();
    await silent.stop();
    await dns.stop();
  });

  const lookup = (): DnsLookup => nodeDnsLookup([dns.server], 500)();
  const run = (name: string, options: { port?: number; allow?: boolean; ca?: string[]; timeoutMs?: number } = {}) =>
    checkEndpoint(name, { lookup: lookup(), probe: nodeTlsProbe({ extraCa: options.ca }) }, { port: options.port ?? tls.port, timeoutMs: options.timeoutMs ?? 2000, allowPrivateAddresses: options.allow ?? true, now: () => new Date() });

  it('reports the presented certificate, TLS version, trusted chain and name match, and sends no request', async () => {
    const before = tls.handshakes;
    const check = await run('cmg.contoso.com', { ca: [chain.ca.cert] });
    expect(check).toMatchObject({ kind: 'presented', address: '127.0.0.1', chainTrusted: true, nameMatches: true, certificate: { commonName: 'cmg.contoso.com', key: { bits: 2048 } } });
    expect(check.kind === 'presented' && ['TLSv1.2', 'TLSv1.3']).toContain(check.kind === 'presented' ? check.protocol : '');
    expect(codes(check)).toEqual(expect.arrayContaining(['ok:chainTrusted', 'ok:nameMatches', 'ok:keyOk', 'info:serviceMetadata']));
    await tls.handshakesReach(before + 1);
    expect(tls.bytesReceived).toBe(0);
  });

  it('without the test root the chain is not trusted; another name does not match', async () => {
    const untrusted = await run('cmg.contoso.com');
    expect(untrusted).toMatchObject({ kind: 'presented', chainTrusted: false, chainError: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' });
    expect(codes(untrusted)).toContain('warning:chainUntrusted');
    const mismatch = await run('other.contoso.com', { ca: [chain.ca.cert] });
    expect(mismatch).toMatchObject({ kind: 'presented', chainTrusted: true, nameMatches: false });
    expect(codes(mismatch)).toContain('error:nameMismatch');
  });

  it('a self-signed certificate with a weak key is flagged', async () => {
    const weak = await makeCertificate({ cn: 'cmg.contoso.com', dnsNames: ['cmg.contoso.com'], keySize: 1024 });
    const server = await new LocalTlsServer(weak).start();
    try {
      const check = await run('cmg.contoso.com', { port: server.port });
      expect(codes(check)).toEqual(expect.arrayContaining(['error:chainSelfSigned', 'error:keySizeUnsupported']));
      expect(check.kind === 'presented' && check.severity).toBe('error');
    } finally {
      await server.stop();
    }
  });

  it('refuses private and metadata addresses unless allowed, without connecting', async () => {
    const before = tls.connections;
    expect(await run('cmg.contoso.com', { allow: false })).toEqual({ kind: 'refused', serviceName: 'cmg.contoso.com', addressKind: 'loopback' });
    expect(await run('mixed.contoso.com', { allow: false })).toMatchObject({ kind: 'refused', addressKind: 'private' });
    expect(await run('metadata.contoso.com', { allow: false })).toMatchObject({ kind: 'refused', addressKind: 'metadata' });
    expect(await run('v6.contoso.com', { allow: false })).toMatchObject({ kind: 'refused', addressKind: 'metadata' });
    expect(tls.connections).toBe(before);
  });

  it('connects to the address it validated, never resolving the name again', async () => {
    const answers = ['127.0.0.1', '169.254.169.254'];
    const rebinding: DnsLookup = { cname: () => Promise.reject(new DnsFailure('noData', 'ENODATA')), addresses: async () => [{ address: answers.shift()!, family: 4 }], cancel: () => undefined };
    const targets: string[] = [];
    const probe = nodeTlsProbe({});
    const check = await checkEndpoint('cmg.contoso.com', { lookup: rebinding, probe: (target) => (targets.push(target.address), probe(target)) }, { port: tls.port, timeoutMs: 2000, allowPrivateAddresses: true, now: () => new Date() });
    expect(check.kind).toBe('presented');
    expect(targets).toEqual(['127.0.0.1']);
  });

  it('names DNS and connection failures: NXDOMAIN, refused port, a handshake that never comes', async () => {
    expect(await run('missing.contoso.com')).toMatchObject({ kind: 'dnsFailed', failure: 'nxdomain' });
    const closed = await new SilentServer().start();
    const closedPort = closed.port;
    await closed.stop();
    expect(await run('cmg.contoso.com', { port: closedPort })).toMatchObject({ kind: 'connectFailed', failure: 'refused', address: '127.0.0.1' });
    expect(await run('cmg.contoso.com', { port: silent.port, timeoutMs: 300 })).toMatchObject({ kind: 'connectFailed', failure: 'timeout' });
  });
});

describe('conversation gate', () => {
  it('lets a bounded number of checks run per conversation and in all', async () => {
    const gate = new ConversationGate(1, 2);
    let release: () => void = () => undefined;
    const held = gate.run('a', () => new Promise<string>((resolve) => (release = () => resolve('first'))));
    expect(await gate.run('a', async () => 'second')).toEqual({ kind: 'busy' });
    expect(await gate.run('b', async () => 'other conversation')).toEqual({ kind: 'done', value: 'other conversation' });
    release();
    expect(await held).toEqual({ kind: 'done', value: 'first' });
    expect(await gate.run('a', async () => 'after')).toEqual({ kind: 'done', value: 'after' });
  });
});
