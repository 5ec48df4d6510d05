import { generateKeyPairSync, KeyObject, randomUUID } from 'node:crypto';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function newSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid: randomUUID(), privateKey, publicKey };
}

/**
 * Publishes an OpenID configuration and a JWKS on loopback, the way the Bot Framework's
 * login service does, so the bot validates real signatures without leaving the machine.
 */
export class LocalOpenIdServer {
  readonly key = newSigningKey();
  private server: Server | undefined;
  url = '';
  /** How often the metadata was fetched (proves the bot used this server). */
  hits = 0;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.hits++;
      if (req.url === '/v1/.well-known/openidconfiguration') {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${this.url}/v1/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
      } else if (req.url === '/v1/keys') {
        const jwk = this.key.publicKey.export({ format: 'jwk' });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ keys: [{ ...jwk, kid: this.key.kid, use: 'sig', alg: 'RS256', endorsements: ['msteams'] }] }));
      } else {
        res.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  get metadataUrl(): string {
    return `${this.url}/v1/.well-known/openidconfiguration`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** A channel token as the Bot Framework would issue it; `overrides` forge the variants. */
  token(options: { appId: string; serviceUrl: string; key?: SigningKey; keyId?: string; expiresInSeconds?: number; audience?: string; issuer?: string }): string {
    const key = options.key ?? this.key;
    return jwt.sign({ serviceurl: options.serviceUrl }, key.privateKey, {
      algorithm: 'RS256',
      // `keyId` forges a token that names the published key but is signed with another one.
      keyid: options.keyId ?? key.kid,
      issuer: options.issuer ?? 'https://api.botframework.com',
      audience: options.audience ?? options.appId,
      expiresIn: options.expiresInSeconds ?? 600,
    });
  }
}
