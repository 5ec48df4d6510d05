import { createServer as createHttpServer, IncomingMessage, Server as HttpServer, ServerResponse } from 'node:http';
import { createServer, Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { loopbackCertificate } from './armServer';

/** One Application Insights envelope as the exporter posts it to {IngestionEndpoint}/v2.1/track. */
export interface Envelope {
  name: string;
  iKey: string;
  tags: Record<string, string>;
  data: { baseType: string; baseData: Record<string, unknown> & { properties?: Record<string, string> } };
}

/**
 * A local Application Insights ingestion endpoint: accepts what the exporter sends (it upgrades
 * an http:// endpoint to https://, hence TLS with the loopback certificate) and keeps every
 * envelope. Loopback only.
 */
export class LocalIngestion {
  readonly envelopes: Envelope[] = [];
  /** Every request, including ones that were not telemetry (anything but /v2.1/track). */
  readonly requests: { method: string; path: string }[] = [];
  private server: Server | undefined;
  url = '';
  caPem = '';

  async start(): Promise<this> {
    const { cert, key } = await loopbackCertificate();
    this.caPem = cert;
    this.server = createServer({ cert, key }, (req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.url = `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** A connection string that sends everything here (live metrics too, should it be switched on). */
  connectionString(instrumentationKey: string): string {
    return `InstrumentationKey=${instrumentationKey};IngestionEndpoint=${this.url}/;LiveEndpoint=${this.url}/`;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  /** Envelopes of one kind: RequestData, RemoteDependencyData, MetricData, … */
  ofType(baseType: string): Envelope[] {
    return this.envelopes.filter((envelope) => envelope.data?.baseType === baseType);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const path = new URL(req.url ?? '/', this.url).pathname;
    this.requests.push({ method: req.method ?? 'GET', path });
    if (req.method === 'POST' && /\/v2(\.1)?\/track$/.test(path)) {
      let body = Buffer.concat(chunks);
      if (req.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
      const items = JSON.parse(body.toString('utf8')) as Envelope[];
      this.envelopes.push(...items);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ itemsReceived: items.length, itemsAccepted: items.length, errors: [] }));
      return;
    }
    res.writeHead(404).end();
  }
}

/**
 * An HTTPS proxy that lets nothing through: a process started with HTTPS_PROXY pointing here
 * sends its requests for hosts outside NO_PROXY to this sink, which records the host and
 * refuses. Loopback only.
 */
export class ProxySink {
  readonly attempts: string[] = [];
  private server: HttpServer | undefined;
  url = '';

  async start(): Promise<this> {
    this.server = createHttpServer((req, res) => {
      this.attempts.push(req.headers.host ?? req.url ?? '?');
      res.writeHead(403).end();
    });
    this.server.on('connect', (req: IncomingMessage, socket) => {
      this.attempts.push(req.url ?? '?');
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }
}
