import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for App Service's managed-identity endpoint (the one App Service announces
 * in IDENTITY_ENDPOINT and IDENTITY_HEADER): answers token requests with a token naming the
 * resource it was asked for, in the form LocalArm checks. Loopback only.
 */
export class LocalManagedIdentity {
  readonly requests: { resource?: string; clientId?: string; header?: string }[] = [];
  readonly header = 'loopback-identity-header';
  private server: Server | undefined;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/msi/token`;
    return this;
  }

  /** The variables App Service sets for a site with a managed identity. */
  env(): Record<string, string> {
    return { IDENTITY_ENDPOINT: this.url, IDENTITY_HEADER: this.header };
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', this.url);
    const resource = url.searchParams.get('resource') ?? undefined;
    const header = req.headers['x-identity-header'] as string | undefined;
    this.requests.push({ resource, clientId: url.searchParams.get('client_id') ?? undefined, header });
    if (header !== this.header || !resource) {
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'invalid_request' }));
      return;
    }
    const expiresOn = Math.floor(Date.now() / 1000) + 3600;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ access_token: `fake-arm-token ${resource.replace(/\/+$/, '')}/.default`, expires_on: String(expiresOn), resource, token_type: 'Bearer', client_id: url.searchParams.get('client_id') ?? '' }));
  }
}
