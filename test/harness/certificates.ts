import { createServer as createTcpServer, Server as TcpServer, Socket } from 'node:net';
import { createServer, Server, TLSSocket } from 'node:tls';
import { generate } from 'selfsigned';

/** A throw-away certificate made for one test run, with its private key. */
export interface TestCertificate {
  cert: string;
  key: string;
}

export interface CertificateRequest {
  cn?: string;
  dnsNames?: string[];
  keyType?: 'rsa' | 'ec';
  keySize?: number;
  /** Enhanced key usages; `undefined` leaves the extension out. */
  eku?: { serverAuth?: boolean; clientAuth?: boolean };
  notBefore?: Date;
  notAfter?: Date;
  /** Issued by this CA; self-signed otherwise. */
  issuer?: TestCertificate;
  isCa?: boolean;
}

/** Makes a certificate with exactly the properties a test needs (selfsigned, on node:crypto keys). */
export async function makeCertificate(request: CertificateRequest): Promise<TestCertificate> {
  const extensions: NonNullable<Parameters<typeof generate>[1]>['extensions'] = [{ name: 'basicConstraints', cA: Boolean(request.isCa) }];
  if (request.isCa) extensions.push({ name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true });
  else extensions.push({ name: 'keyUsage', digitalSignature: true, keyEncipherment: true });
  if (request.eku) extensions.push({ name: 'extKeyUsage', ...request.eku });
  if (request.dnsNames?.length) extensions.push({ name: 'subjectAltName', altNames: request.dnsNames.map((value) => ({ type: 2 as const, value })) });
  const attributes = request.cn ? [{ name: 'commonName', value: request.cn }, { name: 'organizationName', value: 'Contoso Test' }] : [{ name: 'organizationName', value: 'Contoso Test' }];
  const result = await generate(attributes, {
    keyType: request.keyType ?? 'rsa',
    keySize: request.keySize ?? 2048,
    algorithm: 'sha256',
    notBeforeDate: request.notBefore,
    notAfterDate: request.notAfter,
    extensions,
    ca: request.issuer ? { key: request.issuer.key, cert: request.issuer.cert } : undefined,
  });
  return { cert: result.cert, key: result.private };
}

/** A test root CA and a server certificate it issued for `names` (the first is the CN). */
export async function makeServerChain(names: string[], options: Partial<CertificateRequest> = {}): Promise<{ ca: TestCertificate; server: TestCertificate }> {
  const ca = await makeCertificate({ cn: 'Contoso Test Root CA', isCa: true });
  const server = await makeCertificate({ cn: names[0], dnsNames: names, eku: { serverAuth: true }, issuer: ca, ...options });
  return { ca, server };
}

/**
 * A TLS server on a free loopback port presenting `certificate`. It counts application bytes
 * received, so a test can show that a check sends no HTTP request.
 */
export class LocalTlsServer {
  private server?: Server;
  private readonly sockets = new Set<TLSSocket>();
  bytesReceived = 0;
  handshakes = 0;
  connections = 0;
  port = 0;

  constructor(private certificate: TestCertificate) {}

  async start(): Promise<this> {
    // Security level 0, so a test can present the weak keys a real CMG should not have.
    const server = createServer({ key: this.certificate.key, cert: this.certificate.cert, ciphers: 'DEFAULT:@SECLEVEL=0' }, (socket) => {
      this.handshakes++;
      this.sockets.add(socket);
      socket.on('data', (chunk: Buffer) => (this.bytesReceived += chunk.length));
      socket.on('error', () => undefined);
      socket.on('close', () => this.sockets.delete(socket));
    });
    server.on('connection', () => this.connections++);
    server.on('tlsClientError', () => undefined);
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.port = (server.address() as { port: number }).port;
    return this;
  }

  /** Resolves once the server has seen `count` handshakes in all (its side finishes after the client's). */
  async handshakesReach(count: number): Promise<void> {
    for (let waited = 0; this.handshakes < count; waited += 10) {
      if (waited > 5000) throw new Error(`only ${this.handshakes} of ${count} handshakes`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Presents another certificate from the next handshake on. */
  present(certificate: TestCertificate): void {
    this.certificate = certificate;
    this.server?.setSecureContext({ key: certificate.key, cert: certificate.cert });
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** A TCP server that accepts connections and never answers: a handshake that hangs. */
export class SilentServer {
  private server?: TcpServer;
  private readonly sockets = new Set<Socket>();
  port = 0;

  async start(): Promise<this> {
    const server = createTcpServer((socket) => {
      this.sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => this.sockets.delete(socket));
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.port = (server.address() as { port: number }).port;
    return this;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
