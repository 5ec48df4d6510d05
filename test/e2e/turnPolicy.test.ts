import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock } from '../../src/clock';
import { SqliteStore } from '../../src/storage/sqliteStore';
import { startTestBot, TestBot } from '../harness/app';
import { CountingStore } from '../harness/countingStore';
import { SAMPLE_PLAN_INPUTS } from '../harness/cutoverPlans';
import { TeamsClient, TENANT_ID } from '../harness/teams';

const OTHER_TENANT = 'bbbbbbbb-1111-2222-3333-444444444444';
const WRITES = ['create', 'replace', 'upsert', 'delete', 'change'] as const;

/** Every write the bot made to storage, in any collection. */
function writes(store: CountingStore): number {
  return [...store.calls.entries()].filter(([key]) => WRITES.some((method) => key.endsWith(`.${method}`))).reduce((sum, [, n]) => sum + n, 0);
}

/** A Teams activity from `client` that names other tenants than the client's own. */
function fromTenants(client: TeamsClient, type: string, tenants: { conversation?: string; channelData?: string }): Record<string, unknown> {
  const activity = client.base(type);
  const conversation = { ...(activity.conversation as Record<string, unknown>), tenantId: tenants.conversation };
  const channelData = { ...(activity.channelData as Record<string, unknown>), tenant: tenants.channelData ? { id: tenants.channelData } : undefined };
  return { ...activity, conversation, channelData };
}

/** The plain-text replies the connector received for a conversation. */
function texts(bot: TestBot, conversationId: string): string[] {
  return bot.connector.sent(conversationId).map((activity) => String(activity.text ?? ''));
}

describe('the tenant allow-list (ALLOWED_TENANT_IDS)', () => {
  let bot: TestBot;
  let store: CountingStore;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cmg-tenants-'));
    store = new CountingStore(new SqliteStore(join(dir, 'bot.db')));
    bot = await startTestBot({ ALLOWED_TENANT_IDS: TENANT_ID.toUpperCase() }, { store });
  });
  afterAll(async () => {
    await bot.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    bot.connector.clear();
    bot.logs.lines.length = 0;
    store.calls.clear();
  });

  it('serves the allowed tenant as before', async () => {
    const client = bot.client();
    await client.say('remind me in 2 days to remove the old CMG');
    expect(writes(store)).toBeGreaterThan(0);
    expect(bot.connector.sent(client.conversationId)).toHaveLength(1);
  });

  it.each<[string, { conversation?: string; channelData?: string }]>([
    ['another tenant', { conversation: OTHER_TENANT, channelData: OTHER_TENANT }],
    ['the allowed tenant on the conversation but another in channel data', { conversation: TENANT_ID, channelData: OTHER_TENANT }],
    ['another tenant on the conversation but the allowed one in channel data', { conversation: OTHER_TENANT, channelData: TENANT_ID }],
    ['no tenant at all', {}],
  ])('refuses a message from %s in one short line and stores nothing of it', async (_case, tenants) => {
    const client = bot.client();
    const result = await client.post({ ...fromTenants(client, 'message', tenants), text: 'remind me in 2 days to remove the old CMG' });
    expect(result.status).toBe(200);
    expect(texts(bot, client.conversationId)).toEqual(['CMG Assistant is not available to your organization. Nothing you sent was kept.']);
    expect(writes(store)).toBe(0);
    expect(await bot.app.store.collection('conversationRefs').get(client.conversationId)).toBeUndefined();
    expect(bot.logs.entries().filter((line) => line.msg === 'turn refused')).toEqual([expect.objectContaining({ refusal: tenants.conversation === TENANT_ID || tenants.channelData === TENANT_ID ? 'tenantConflict' : 'tenantNotAllowed' })]);
  });

  it('refuses in Dutch for a Dutch user', async () => {
    const client = bot.client({ locale: 'nl-NL' });
    await client.post({ ...fromTenants(client, 'message', { conversation: OTHER_TENANT, channelData: OTHER_TENANT }), text: 'hulp' });
    expect(texts(bot, client.conversationId)).toEqual(['CMG Assistant is niet beschikbaar voor jouw organisatie. Er is niets bewaard van wat je stuurde.']);
  });

  it('answers a card action from another tenant with a 403 error body, and no plan is made or posted', async () => {
    const client = bot.client({ scope: 'channel' });
    const activity = fromTenants(client, 'invoke', { conversation: OTHER_TENANT, channelData: OTHER_TENANT });
    const result = await client.post({ ...activity, name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'cutover.create', data: SAMPLE_PLAN_INPUTS } } });
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ statusCode: 403, type: 'application/vnd.microsoft.error', value: { code: 'tenantNotAllowed' } });
    expect(bot.connector.calls).toHaveLength(0);
    expect(writes(store)).toBe(0);
  });

  it('neither greets nor remembers a conversation of another tenant that installs the bot', async () => {
    const client = bot.client({ scope: 'groupChat' });
    const result = await client.post({ ...fromTenants(client, 'installationUpdate', { conversation: OTHER_TENANT, channelData: OTHER_TENANT }), action: 'add' });
    expect(result.status).toBe(200);
    expect(bot.connector.calls).toHaveLength(0);
    expect(writes(store)).toBe(0);
  });
});

describe('bounded work per message and per person', () => {
  let bot: TestBot;
  let clock: ManualClock;
  beforeEach(async () => {
    clock = new ManualClock('2026-01-05T09:00:00Z');
    bot = await startTestBot({ USER_TURNS_PER_MINUTE: '5', MAX_MESSAGE_CHARS: '2000', MAX_CARD_DATA_CHARS: '4000' }, { clock });
  });
  afterEach(async () => {
    await bot.stop();
  });

  it('refuses a message longer than MAX_MESSAGE_CHARS with its length and the limit, and does nothing with it', async () => {
    const client = bot.client({ locale: 'nl-NL' });
    await client.say(`herinner me over 2 dagen ${'x'.repeat(2100)}`);
    expect(texts(bot, client.conversationId)).toEqual(['Dat bericht is te lang voor mij: 2.125 tekens, en ik lees er hoogstens 2.000. Stuur een korter bericht, of plak één certificaat per keer. Er is niets gewijzigd.']);
    expect(await bot.app.store.collection('reminders').listByPartition(client.conversationId)).toEqual([]);
  });

  it('refuses card data larger than MAX_CARD_DATA_CHARS with a 413 error body', async () => {
    const client = bot.client();
    const result = await client.invoke('cutover.create', { ...SAMPLE_PLAN_INPUTS, notes: 'n'.repeat(5000) });
    expect(result.body).toMatchObject({ statusCode: 413, type: 'application/vnd.microsoft.error', value: { code: 'cardDataTooLarge' } });
    expect((result.body as { value: { message: string } }).value.message).toContain('at most 4,000');
  });

  it('answers one person at most USER_TURNS_PER_MINUTE times a minute, says so once, and serves others meanwhile', async () => {
    const alex = bot.client();
    for (let i = 0; i < 5; i++) expect((await alex.say('help')).status).toBe(200);
    await alex.say('help');
    await alex.say('help');
    const sent = bot.connector.sent(alex.conversationId);
    expect(sent).toHaveLength(6);
    expect(sent[5].text).toBe('You sent more than 5 messages or button presses in a minute, so I skipped the last ones. Wait a minute, then send what you need again.');
    // A button press over the limit gets an error body Teams shows on the card.
    expect((await alex.invoke('cutover.new', {})).body).toMatchObject({ statusCode: 429, value: { code: 'tooManyTurns' } });

    const kim = bot.client();
    await kim.say('help');
    expect(bot.connector.sent(kim.conversationId)).toHaveLength(1);

    clock.advance(60_000);
    await alex.say('help');
    expect(bot.connector.sent(alex.conversationId)).toHaveLength(7);
    expect(bot.logs.entries().filter((line) => line.msg === 'turn refused' && line.refusal === 'tooManyTurns')).toHaveLength(1);
  });

  it('counts a person by their Entra id, whichever conversation they write in', async () => {
    const user = bot.client().user;
    for (let i = 0; i < 5; i++) await bot.client({ user, conversationId: `a:${randomUUID()}` }).say('help');
    const sixth = bot.client({ user });
    await sixth.say('help');
    expect(texts(bot, sixth.conversationId)[0]).toContain('more than 5 messages');
  });
});
