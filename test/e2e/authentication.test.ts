import { randomUUID } from 'node:crypto';
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

  it('accepts a correctly signed channel token', async () => {
    const token = openId.token({ appId: APP_ID, serviceUrl: bot.connector.url });
    expect((await uninstall(token)).status).toBe(200);
    expect(openId.hits).toBeGreaterThan(0);
  });

  it('rejects a request without a token', async () => {
    expect((await uninstall()).status).toBe(401);
  });

  it('rejects an unsigned token', async () => {
    const unsigned = jwt.sign({ serviceurl: bot.connector.url }, '', { algorithm: 'none', issuer: 'https://api.botframework.com', audience: APP_ID, expiresIn: 600 });
    expect((await uninstall(unsigned)).status).toBe(401);
  });

  it('rejects an expired token', async () => {
    const expired = openId.token({ appId: APP_ID, serviceUrl: bot.connector.url, expiresInSeconds: -600 });
    expect((await uninstall(expired)).status).toBe(401);
  });

  it('rejects a token for another bot', async () => {
    const wrongAudience = openId.token({ appId: APP_ID, serviceUrl: bot.connector.url, audience: randomUUID() });
    expect((await uninstall(wrongAudience)).status).toBe(401);
  });

  it('rejects a token signed with a key the channel did not publish', async () => {
    const forged = openId.token({ appId: APP_ID, serviceUrl: bot.connector.url, key: newSigningKey() });
    expect((await uninstall(forged)).status).toBe(401);
  });

  it('rejects a valid token issued for another service URL', async () => {
    const otherService = openId.token({ appId: APP_ID, serviceUrl: 'https://smba.trafficmanager.net/emea/' });
    expect((await uninstall(otherService)).status).toBe(401);
  });

  it('never writes the app password to its log', () => {
    expect(bot.logs.lines.length).toBeGreaterThan(0);
    expect(bot.logs.text).not.toContain(PASSWORD);
  });
});
