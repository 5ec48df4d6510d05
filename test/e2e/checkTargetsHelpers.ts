import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CertificateRequest, LocalTlsServer, makeServerChain, TestCertificate } from '../harness/certificates';
import { LocalDns } from '../harness/dnsServer';

export interface CheckTargets {
  readonly dns: LocalDns;
  readonly tls: LocalTlsServer;
  readonly chain: { ca: TestCertificate; server: TestCertificate };
  /** The bot's settings that point its live checks at these servers and trust the test root. */
  settings(): Record<string, string>;
}

/**
 * What the live checks talk to, on loopback: a DNS server, a TLS server presenting a certificate
 * for `hosts` from a test root, and that root in a file the bot trusts. Call it inside a
 * `describe`: everything starts before its tests and stops after them.
 */
export function checkTargets(hosts: string[], certificate: Partial<CertificateRequest> = {}): CheckTargets {
  let state: { dns: LocalDns; tls: LocalTlsServer; chain: CheckTargets['chain']; dir: string } | undefined;
  const started = () => {
    if (!state) throw new Error('checkTargets: the servers start in beforeAll');
    return state;
  };
  beforeAll(async () => {
    const chain = await makeServerChain(hosts, certificate);
    const tls = await new LocalTlsServer(chain.server).start();
    const dns = await new LocalDns().start();
    const dir = mkdtempSync(join(tmpdir(), 'cmg-check-targets-'));
    writeFileSync(join(dir, 'root.pem'), chain.ca.cert);
    state = { dns, tls, chain, dir };
  });
  afterAll(async () => {
    await state?.tls.stop();
    await state?.dns.stop();
    if (state) rmSync(state.dir, { recursive: true, force: true });
  });
  return {
    get dns() {
      return started().dns;
    },
    get tls() {
      return started().tls;
    },
    get chain() {
      return started().chain;
    },
    settings: () => ({
      DNS_SERVERS: started().dns.server,
      CMG_PROBE_PORT: String(started().tls.port),
      CHECKS_TRUSTED_CA_FILE: join(started().dir, 'root.pem'),
      // The local servers live on 127.0.0.1; production keeps this off.
      CHECKS_ALLOW_PRIVATE_ADDRESSES: 'true',
    }),
  };
}
