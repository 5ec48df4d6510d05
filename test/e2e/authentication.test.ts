import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';
import { startTestBot, TestBot } from '../harness/app';
import { LocalOpenIdServer, newSigningKey } from '../harness/openIdServer';

const APP_ID = '5c1f6a0e-2a7b-4c55-9a3e-0f1d2e3c4b5a';
const PASSWORD = 'not-a-real-secret-7Hq~vX2_pL9';

describe('Bot Framework authentication when an app id is configured', () => {
  let openId: LocalOpenIdServer;
  let bot: TestBot;

  beforeAll(async () => {
    openId = await new LocalOpenIdServer().start();
    bot = await startTestBot({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: PASSWORD,
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: randomUUID(),
      BotOpenIdMetadata: openId.metadataUrl,
      ToBotFromEmulatorOpenIdMetadataUrl: openId.metadataUrl,
    });
  });
  afterAll(async () => {
    await bot.stop();
    await openId.stop();
  });

  // An uninstall produces no reply, so an accepted request needs no outbound token.
  const uninstall = (token?: string) => bot.client().as(bot.client().user, { token }).installationUpdate('remove');

  /** The one line each refused request writes. */
  const failures = () => bot.logs.entries().filter((line) => line.msg === 'authentication failed');
  beforeEach(() => {
    bot.logs.lines.length = 0;
  });

  it('accepts a correctly signed channel token', async () => {
    const token = openId.token({ appId: APP_ID, serviceUrl: bot.connector.url });
    expect((await uninstall(token)).status).toBe(200);
    expect(openId.hits).toBeGreaterThan(0);
    expect(failures()).toEqual([]);
  });

  const unsigned = () => jwt.sign({ serviceurl: bot.connector.url }, '', { algorithm: 'none', issuer: 'https://api.botframework.com', audience: APP_ID, expiresIn: 600 });
  const forged: [string, () => string | undefined, string][] = [
    ['no token', () => undefined, 'noToken'],
    ['an unsigned token', unsigned, 'unknownSigningKey'],
    ['an expired token', () => openId.token({ appId: APP_ID, serviceUrl: bot.connector.url, expiresInSeconds: -600 }), 'expired'],
    ['a token for another bot', () => openId.token({ appId: APP_ID, serviceUrl: bot.connector.url, audience: randomUUID() }), 'wrongAudience'],
    ['a token signed with a key the channel did not publish', () => openId.token({ appId: APP_ID, serviceUrl: bot.connector.url, key: newSigningKey() }), 'unknownSigningKey'],
    // Named after the published key, signed with another: the JWT library throws its own error, which used to answer 500.
    ['a token naming the published key id but signed with another key', () => openId.token({ appId: APP_ID, serviceUrl: bot.connector.url, key: newSigningKey(), keyId: openId.key.kid }), 'badSignature'],
    ['a valid token issued for another service URL', () => openId.token({ appId: APP_ID, serviceUrl: 'https://smba.trafficmanager.net/emea/' }), 'wrongServiceUrl'],
    ['a token from an issuer the bot does not trust', () => openId.token({ appId: APP_ID, serviceUrl: bot.connector.url, issuer: 'https://evil.example' }), 'untrustedIssuer'],
    ['a header that is not a JWT', () => 'not-a-jwt', 'malformed'],
  ];

  it.each(forged)('rejects %s with 401 and one structured log line, without the token or any key', async (_case, token, reason) => {
    const value = token();
    const result = await uninstall(value);
    expect(result.status).toBe(401);
    expect(result.body).toEqual({ error: 'Unauthorized.' });
    expect(failures()).toEqual([expect.objectContaining({ level: 40, reason, activityType: 'installationUpdate' })]);
    if (value) expect(bot.logs.text).not.toContain(value.split('.')[0]);
    expect(bot.logs.text).not.toMatch(/BEGIN|PUBLIC KEY|eyJ/);
  });

  it('rejects a valid token sent in another scheme than Bearer', async () => {
    const token = openId.token({ appId: APP_ID, serviceUrl: bot.connector.url });
    const response = await fetch(`${bot.app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Basic ${token}` }, body: JSON.stringify(bot.client().base('installationUpdate')) });
    expect(response.status).toBe(401);
    expect(failures()).toEqual([expect.objectContaining({ reason: 'malformed' })]);
  });

  it('never writes the app password to its log', () => {
    expect(bot.logs.text).not.toContain(PASSWORD);
  });
});

describe('when the channel\'s signing keys cannot be loaded', () => {
  it.each([
    ['the key service answers 500', 'fails'],
    ['the key service cannot be reached', 'closed'],
  ])('answers 503 (the channel retries), logs why, and runs no turn: %s', async (_case, mode) => {
    const keys = createServer((_req, res) => {
      res.statusCode = 500;
      res.end();
    });
    await new Promise<void>((resolve) => keys.listen(0, '127.0.0.1', () => resolve()));
    const metadataUrl = `http://127.0.0.1:${(keys.address() as AddressInfo).port}/v1/.well-known/openidconfiguration`;
    if (mode === 'closed') await new Promise<void>((resolve) => keys.close(() => resolve()));
    const signer = new LocalOpenIdServer();
    const bot = await startTestBot({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: PASSWORD, MicrosoftAppTenantId: randomUUID(), BotOpenIdMetadata: metadataUrl });
    try {
      const token = signer.token({ appId: APP_ID, serviceUrl: bot.connector.url });
      const result = await bot.client().as(bot.client().user, { token }).say('help');
      expect(result.status).toBe(503);
      expect(bot.connector.calls).toHaveLength(0);
      expect(bot.logs.entries().filter((line) => line.msg === 'authentication failed')).toEqual([expect.objectContaining({ reason: 'signingKeysUnavailable' })]);
    } finally {
      await bot.stop();
      if (mode === 'fails') {
        keys.closeAllConnections();
        await new Promise<void>((resolve) => keys.close(() => resolve()));
      }
    }
  });
});
