import type { Env } from '../../src/config';
import { startTestBot, TestBot } from '../harness/app';
import { armErrorFixture, FakeArmCredential, LocalArm } from '../harness/armServer';
import { cardOf, cardText, TeamsClient } from '../harness/teams';
import { errorAfter, inputById } from '../harness/cardWalk';

const SUB = '5d1e7c2a-4b3f-4e6d-8a9b-0c1d2e3f4a5b';
/** Made up, so it can never be in the built-in list. */
const NEW_REGION = { name: 'contosonorth', displayName: 'Contoso North' };

// Default request and token time limits: a loaded test machine must not turn a slow answer into a failed refresh.
const REFRESH: Env = { REGION_REFRESH: 'true', PROVIDER_DEFAULT_SUBSCRIPTION_ID: SUB, ARM_MAX_RETRIES: '1' };

interface Harness {
  bot: TestBot;
  arm: LocalArm;
}

async function start(env: Env, prepare: (arm: LocalArm) => void = () => {}): Promise<Harness> {
  const arm = await new LocalArm().start();
  arm.addSubscription(SUB);
  arm.addLocation(NEW_REGION.name, NEW_REGION.displayName);
  prepare(arm);
  const bot = await startTestBot(env, { arm: { credential: new FakeArmCredential(), endpoint: arm.url, caPem: arm.caPem, retryDelayMs: 5 } });
  return { bot, arm };
}

/** Sends a message and returns the text of the bot's one reply card (and the card). */
async function ask(h: Harness, client: TeamsClient, text: string): Promise<{ card: Record<string, unknown>; text: string }> {
  const before = h.bot.connector.sent(client.conversationId).length;
  expect((await client.say(text)).status).toBe(200);
  const sent = h.bot.connector.sent(client.conversationId);
  expect(sent).toHaveLength(before + 1);
  const card = cardOf(sent[before])!;
  return { card, text: cardText(card) };
}

describe('region catalog refresh from the subscription', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.bot.stop();
    await h?.arm.stop();
    h = undefined;
  });

  it('makes a region that only the subscription lists resolvable, and keeps the Dutch names', async () => {
    h = await start(REFRESH);
    await h.bot.app.idle();
    expect(h.arm.count('locations')).toBe(1);

    const en = await ask(h, h.bot.client(), 'service name GraniteFalls Contoso North');
    expect(en.text.toLowerCase()).toContain('granitefalls.contosonorth.cloudapp.azure.com');
    const nl = await ask(h, h.bot.client({ locale: 'nl-NL' }), 'servicenaam GraniteFalls contosonorth');
    expect(nl.text.toLowerCase()).toContain('granitefalls.contosonorth.cloudapp.azure.com');
    // Built-in Dutch names survive the merge.
    const dutch = await ask(h, h.bot.client({ locale: 'nl-NL' }), 'servicenaam GraniteFalls VS-Oost');
    expect(dutch.text).toContain('GraniteFalls.EastUS.CloudApp.Azure.com');
  });

  it('adds no logical or early-access entries from the list', async () => {
    h = await start(REFRESH);
    await h.bot.app.idle();
    const client = h.bot.client();
    // "Europe" is a logical entry in the list: still a choice between regions, not a region.
    const europe = await ask(h, client, 'service name GraniteFalls Europe');
    expect(errorAfter(europe.card, 'region')).toContain('matches several regions');
    const canary = await ask(h, client, 'service name GraniteFalls eastus2euap');
    expect(inputById(canary.card, 'cmgName')?.value).toBe('GraniteFalls');
    expect(canary.text.toLowerCase()).not.toContain('granitefalls.eastus2euap.cloudapp.azure.com');
  });

  it('neither start-up nor a turn waits for Azure: the built-in list answers until the list arrives', async () => {
    h = await start(REFRESH, (arm) => arm.hold());
    // startTestBot returned while ARM holds the request; a turn answers from the built-in list.
    const client = h.bot.client();
    const before = await ask(h, client, 'service name GraniteFalls Contoso North');
    expect(errorAfter(before.card, 'region')).toContain('I do not know the region "Contoso North"');
    h.arm.release();
    await h.bot.app.idle();
    const after = await ask(h, client, 'service name GraniteFalls Contoso North');
    expect(after.text.toLowerCase()).toContain('granitefalls.contosonorth.cloudapp.azure.com');
  });

  it('keeps the built-in list when ARM fails, and logs why', async () => {
    h = await start(REFRESH, (arm) => arm.fail({ route: 'locations' }, armErrorFixture('500-InternalServerError')));
    await h.bot.app.idle();
    expect(h.arm.count('locations')).toBeGreaterThanOrEqual(1);
    const client = h.bot.client();
    const unknown = await ask(h, client, 'service name GraniteFalls Contoso North');
    expect(errorAfter(unknown.card, 'region')).toContain('I do not know the region "Contoso North"');
    const known = await ask(h, client, 'service name GraniteFalls East US');
    expect(known.text).toContain('GraniteFalls.EastUS.CloudApp.Azure.com');
    const failure = h.bot.logs.entries().find((entry) => entry.msg === 'region refresh failed; keeping the built-in region list');
    expect(failure).toMatchObject({ level: 40, problem: 'unavailable' });
  });

  it('keeps the built-in list when the identity may not read the subscription', async () => {
    h = await start(REFRESH, (arm) => arm.fail({ route: 'locations' }, armErrorFixture('403-AuthorizationFailed-providers-read')));
    await h.bot.app.idle();
    const unknown = await ask(h, h.bot.client(), 'service name GraniteFalls Contoso North');
    expect(errorAfter(unknown.card, 'region')).toContain('I do not know the region "Contoso North"');
    expect(h.bot.logs.entries().find((entry) => entry.msg === 'region refresh failed; keeping the built-in region list')).toMatchObject({ problem: 'forbiddenRead' });
  });

  it('does not read the list unless REGION_REFRESH is on', async () => {
    h = await start({ PROVIDER_DEFAULT_SUBSCRIPTION_ID: SUB });
    await h.bot.app.idle();
    const unknown = await ask(h, h.bot.client(), 'service name GraniteFalls Contoso North');
    expect(errorAfter(unknown.card, 'region')).toContain('I do not know the region "Contoso North"');
    expect(h.arm.count('locations')).toBe(0);
  });
});
