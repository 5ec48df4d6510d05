import { findButton } from '../harness/cardWalk';
import { CredentialUnavailableError } from '@azure/identity';
import { ManualClock } from '../../src/clock';
import type { Env } from '../../src/config';
import type { RegistrationRecord } from '../../src/providers/registrationRecords';
import { startTestBot, TestBot } from '../harness/app';
import { ArmFault, armErrorFixture, ArmRequest, FakeArmCredential, LocalArm } from '../harness/armServer';
import { cardOf, cardText, invokeCard, TeamsClient, teamsUser } from '../harness/teams';
import { waitUntil } from './reminderHelpers';

const SUB = '3f6a2b1c-9d8e-4f70-a1b2-c3d4e5f6a7b8';
const admin = teamsUser('Ada Admin', 'a0a0a0a0-1111-4222-8333-444455556666');
const secondAdmin = teamsUser('Bram Beheer', 'b0b0b0b0-1111-4222-8333-444455556666');
const member = teamsUser('Mo Member', 'c0c0c0c0-1111-4222-8333-444455556666');
const USGOV_SCOPE = 'https://management.usgovcloudapi.net/.default';

interface Harness {
  bot: TestBot;
  arm: LocalArm;
  credential: FakeArmCredential;
}

const FAST: Env = {
  ADMIN_IDS: `${admin.aadObjectId},${secondAdmin.aadObjectId}`,
  PROVIDER_REGISTER_POLL_MS: '5',
  PROVIDER_REGISTER_POLL_MAX_MS: '20',
  PROVIDER_REGISTER_POLL_CAP_MS: '5000',
  ARM_MAX_RETRIES: '2',
  ARM_REQUEST_TIMEOUT_MS: '5000',
  ARM_RETRY_AFTER_CAP_SECONDS: '2',
  PROVIDER_CHECK_REPLY_WITHIN_MS: '2000',
};

async function start(env: Env = {}, arm = new LocalArm(), clock?: ManualClock): Promise<Harness> {
  await arm.start();
  arm.addSubscription(SUB, { displayName: 'Contoso CMG' });
  const credential = new FakeArmCredential();
  const bot = await startTestBot({ ...FAST, ...env }, { ...(clock ? { clock } : {}), arm: { credential, endpoint: arm.url, caPem: arm.caPem, retryDelayMs: 5 } });
  return { bot, arm, credential };
}

async function stop(h: Harness | undefined): Promise<void> {
  if (!h) return;
  await h.bot.stop();
  await h.arm.stop();
}

/** The provider-check card as everyone in the conversation sees it now (after background work). */
async function postedCard(h: Harness, client: TeamsClient): Promise<{ activityId: string; card: Record<string, unknown>; text: string }> {
  await h.bot.app.idle();
  const posts = h.bot.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === client.conversationId);
  const post = posts[posts.length - 1];
  const updates = h.bot.connector.updates(client.conversationId).filter((u) => u.activityId === post.assignedId);
  const activity = updates.length ? updates[updates.length - 1].activity : post.activity;
  const card = cardOf(activity)!;
  return { activityId: post.assignedId!, card, text: cardText(card) };
}

async function registrations(h: Harness): Promise<RegistrationRecord[]> {
  const items = await h.bot.app.store.collection<RegistrationRecord>('providerRegistrations', { partitionOf: (r) => r.subscriptionId }).listByPartition(SUB);
  return items.map((item) => item.value);
}

describe('provider check through the bot', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await stop(h);
    h = undefined;
  });

  it('shows a subscription with mixed states in English, reading all four providers and the subscription', async () => {
    h = await start();
    const client = h.bot.client({ user: member, locale: 'en-US' });
    await client.say(`check providers ${SUB}`);
    const { text, card } = await postedCard(h, client);
    expect(text).toContain('Contoso CMG');
    expect(text).toContain(SUB);
    expect(text).toMatch(/Microsoft\.KeyVault[\s\S]*Unregistered/);
    expect(text).toMatch(/Microsoft\.Storage[\s\S]*Not registered/);
    expect(text).toMatch(/Microsoft\.Network[\s\S]*✅[\s\S]*Microsoft\.Compute/);
    expect(text).toContain('2 of 4 registered. Register Microsoft.KeyVault and Microsoft.Storage before you create or convert a scale-set CMG.');
    expect(text).toMatch(/Checked: \d{1,2} \w{3} \d{4}, \d{2}:\d{2} \(Europe\/Amsterdam\)/);
    expect(text).not.toContain('US Government');
    // A member sees Refresh but not Register.
    expect(findButton(card, 'providerCheck.refresh')).toBeDefined();
    expect(findButton(card, 'providerCheck.registerAsk')).toBeUndefined();
    expect(h.arm.requests.map((r) => r.route).sort()).toEqual(['provider', 'provider', 'provider', 'provider', 'subscription']);
  });

  it('answers controleer providers in Dutch', async () => {
    h = await start();
    const client = h.bot.client({ user: member, locale: 'nl-NL' });
    await client.say(`controleer providers ${SUB}`);
    const { text } = await postedCard(h, client);
    expect(text).toContain('Controle van resourceproviders');
    expect(text).toContain('Niet geregistreerd');
    expect(text).toContain('Afgemeld');
    expect(text).toContain('2 van 4 geregistreerd. Registreer Microsoft.KeyVault en Microsoft.Storage');
    expect(text).toContain('Gecontroleerd');
  });

  it('says a subscription is ready and marks a CSP subscription', async () => {
    const arm = new LocalArm();
    h = await start({}, arm);
    arm.addSubscription(SUB, {
      displayName: 'Fabrikam CSP',
      quotaId: 'CSP_2015-05-01',
      providers: { 'Microsoft.KeyVault': 'Registered', 'Microsoft.Storage': 'Registered' },
    });
    const client = h.bot.client({ user: admin });
    await client.say(`check providers /subscriptions/${SUB.toUpperCase()}`);
    const { text, card } = await postedCard(h, client);
    expect(text).toContain('Ready for a scale-set CMG');
    expect(text).toContain('CSP (Cloud Solution Provider)');
    expect(findButton(card, 'providerCheck.registerAsk')).toBeUndefined();
  });

  it('refuses a malformed id before any call, showing the expected format', async () => {
    h = await start();
    const client = h.bot.client();
    await client.say('check providers 1234-not-a-guid');
    const text = cardText(cardOf(h.bot.connector.sent(client.conversationId)[0]));
    expect(text).toContain('"1234-not-a-guid" is not a subscription id');
    expect(text).toContain('00000000-0000-0000-0000-000000000000');
    expect(h.arm.requests).toHaveLength(0);
    expect(h.credential.calls).toHaveLength(0);
  });

  it('asks for the subscription when none is given and none is configured', async () => {
    h = await start();
    const client = h.bot.client();
    await client.say('check providers');
    const card = cardOf(h.bot.connector.sent(client.conversationId)[0]);
    expect(cardText(card)).toContain('Which subscription should I check?');
    expect(findButton(card, 'providerCheck.run')).toBeDefined();
    // The form's button runs the check.
    const result = await client.invoke('providerCheck.run', { subscriptionId: ` ${SUB} ` });
    expect(result.body).toMatchObject({ type: 'application/vnd.microsoft.activity.message' });
    expect((await postedCard(h, client)).text).toContain('2 of 4 registered');
  });

  it('checks the configured default subscription without an id, also from the checklist button', async () => {
    h = await start({ PROVIDER_DEFAULT_SUBSCRIPTION_ID: SUB });
    const client = h.bot.client();
    await client.say('check providers');
    expect((await postedCard(h, client)).text).toContain('Contoso CMG');
    const result = await client.invoke('providerCheck.start', {});
    expect(result.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(h.bot.connector.sent(client.conversationId)).toHaveLength(2);
    expect((await postedCard(h, client)).text).toContain('Contoso CMG');
  });

  it('posts the form from the checklist button when no default subscription is configured', async () => {
    h = await start();
    const client = h.bot.client();
    await client.say('help');
    const result = await client.invoke('providerCheck.start', {});
    expect(result.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect(cardText(cardOf(h.bot.connector.sent(client.conversationId)[1]))).toContain('Which subscription should I check?');
  });

  it('answers at once with a checking card while Azure is slow, and replaces it with the result', async () => {
    h = await start({ PROVIDER_CHECK_REPLY_WITHIN_MS: '50' });
    const client = h.bot.client();
    h.arm.hold();
    const turn = await client.say(`check providers ${SUB}`);
    // The turn is over although ARM has not answered a single request.
    expect(turn.status).toBe(200);
    const [checking] = h.bot.connector.sent(client.conversationId);
    expect(cardText(cardOf(checking))).toContain(`Checking subscription ${SUB}`);
    expect(h.bot.connector.updates(client.conversationId)).toHaveLength(0);
    h.arm.release();
    const { text, activityId } = await postedCard(h, client);
    expect(text).toContain('2 of 4 registered');
    expect(h.bot.connector.updates(client.conversationId).map((u) => u.activityId)).toEqual([activityId]);
  });

  it('does not let a slow identity hold the turn: the token time limit ends in a clear message', async () => {
    h = await start({ PROVIDER_CHECK_REPLY_WITHIN_MS: '50', ARM_TOKEN_TIMEOUT_MS: '300' });
    h.credential.delayMs = 60_000;
    const client = h.bot.client();
    const turn = await client.say(`check providers ${SUB}`);
    expect(turn.status).toBe(200);
    expect(cardText(cardOf(h.bot.connector.sent(client.conversationId)[0]))).toContain('Checking subscription');
    const { text } = await postedCard(h, client);
    expect(text).toContain('Azure sign-in took too long');
    expect(text).toContain('ARM_CREDENTIAL');
    expect(h.arm.requests).toHaveLength(0);
  });

  const errorCases: [string, (h: Harness) => void, string[]][] = [
    ['401 invalid token', (x) => x.arm.fail({}, armErrorFixture('401-InvalidAuthenticationToken')), ['Azure refused the token', 'AZURE_CLOUD']],
    ['401 expired token', (x) => x.arm.fail({}, armErrorFixture('401-ExpiredAuthenticationToken')), ['Azure refused the token', 'expired']],
    ['403 on read', (x) => x.arm.fail({ route: 'provider' }, armErrorFixture('403-AuthorizationFailed-providers-read')), ['No permission to read the subscription', 'Reader role on the subscription: it includes Microsoft.Resources/subscriptions/providers/read']],
    ['404 subscription', (x) => x.arm.fail({}, armErrorFixture('404-SubscriptionNotFound')), ['Subscription not found']],
    ['400 subscription', (x) => x.arm.fail({}, armErrorFixture('400-InvalidSubscriptionId')), ['Invalid subscription id']],
    ['429 with a long Retry-After', (x) => x.arm.fail({ route: 'provider' }, armErrorFixture('429-SubscriptionRequestsThrottled')), ['Azure is busy', '(in 17 seconds)']],
    ['429 with an hour of Retry-After', (x) => x.arm.fail({}, { ...armErrorFixture('429-SubscriptionRequestsThrottled'), headers: { 'Retry-After': '3600' } }), ['Azure is busy', '(in 3600 seconds)']],
    ['500 after retries', (x) => x.arm.fail({ route: 'subscription' }, armErrorFixture('500-InternalServerError')), ['Azure did not answer', 'azure.status.microsoft']],
    ['a dropped connection after retries', (x) => x.arm.fail({ route: 'provider', namespace: 'Microsoft.Compute' }, { drop: true }), ['Azure did not answer']],
  ];

  it.each(errorCases)('explains %s with its fix, without raw details', async (_name, inject, expected) => {
    h = await start();
    inject(h);
    const client = h.bot.client();
    await client.say(`check providers ${SUB}`);
    const { text } = await postedCard(h, client);
    for (const part of expected) expect(text).toContain(part);
    expect(text).not.toMatch(/"error"|statusCode|at .*\.js|RestError|AuthorizationFailed/);
    expect(findButton((await postedCard(h, client)).card, 'providerCheck.refresh')).toBeDefined();
  });

  it('retries 5xx a bounded number of times, then gives up', async () => {
    h = await start();
    h.arm.fail({ route: 'subscription' }, armErrorFixture('500-InternalServerError'));
    const client = h.bot.client();
    await client.say(`check providers ${SUB}`);
    await postedCard(h, client);
    expect(h.arm.count('subscription')).toBe(3); // 1 + ARM_MAX_RETRIES
  });

  it('sits out a short Retry-After and shows the result', async () => {
    h = await start();
    const fault: ArmFault = { ...armErrorFixture('503-ServiceUnavailable') };
    h.arm.fail({ route: 'subscription' }, fault, 1);
    const client = h.bot.client();
    await client.say(`check providers ${SUB}`);
    expect((await postedCard(h, client)).text).toContain('2 of 4 registered');
    expect(h.arm.count('subscription')).toBe(2);
  });

  it('asks for the US Government token scope and shows the preview limitation', async () => {
    h = await start({ AZURE_CLOUD: 'AzureUSGovernment' }, new LocalArm(USGOV_SCOPE));
    const client = h.bot.client();
    await client.say(`check providers ${SUB}`);
    const { text } = await postedCard(h, client);
    expect(text).toContain('2 of 4 registered');
    expect(text).toContain('Azure US Government: a scale-set CMG is supported there from Configuration Manager version 2111');
    expect(new Set(h.credential.calls.flatMap((c) => c.scopes))).toEqual(new Set([USGOV_SCOPE]));
  });

  it('is refused by US Government ARM when the bot is configured for the public cloud', async () => {
    h = await start({}, new LocalArm(USGOV_SCOPE));
    const client = h.bot.client();
    await client.say(`check providers ${SUB}`);
    expect((await postedCard(h, client)).text).toContain('Azure refused the token');
  });

  it('offers the latest check of a conversation to other capabilities (a cutover plan shows it)', async () => {
    h = await start();
    const client = h.bot.client({ locale: 'nl-NL' });
    expect(await h.bot.app.capabilities.providerCheck.latestFor(client.conversationId)).toBeUndefined();
    await client.say(`controleer providers ${SUB}`);
    await postedCard(h, client);
    expect(await h.bot.app.capabilities.providerCheck.latestFor(client.conversationId)).toMatchObject({
      subscriptionId: SUB,
      allRegistered: false,
      summary: expect.stringContaining('2 van 4 geregistreerd'),
    });
  });

  it('reuses a recent result, and Refresh asks Azure again and updates the card for everyone', async () => {
    h = await start();
    const client = h.bot.client();
    await client.say(`check providers ${SUB}`);
    const first = await postedCard(h, client);
    await client.say(`check providers ${SUB}`);
    const second = await postedCard(h, client);
    expect(second.text).toContain('recent result');
    expect(h.arm.count('subscription')).toBe(1);

    h.arm.addSubscription(SUB, { displayName: 'Contoso CMG', providers: { 'Microsoft.KeyVault': 'Registered', 'Microsoft.Storage': 'Registered' } });
    const refresh = findButton(first.card, 'providerCheck.refresh')!;
    const result = await client.invoke(refresh.verb, refresh.data);
    expect(cardText(invokeCard(result))).toContain('Ready for a scale-set CMG');
    const updated = h.bot.connector.updates(client.conversationId).filter((u) => u.activityId === first.activityId);
    expect(cardText(cardOf(updated[updated.length - 1].activity))).toContain('Ready for a scale-set CMG');
    expect(h.arm.count('subscription')).toBe(2);
  });
});

describe('registering missing providers', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await stop(h);
    h = undefined;
  });

  async function askAsAdmin(client: TeamsClient) {
    await client.say(`check providers ${SUB}`);
    const posted = await postedCard(h!, client);
    const ask = findButton(posted.card, 'providerCheck.registerAsk');
    expect(ask).toBeDefined();
    const confirm = invokeCard(await client.invoke(ask!.verb, ask!.data));
    return { posted, confirm };
  }

  it('registers what is missing after confirmation and follows it on one card until all four are registered', async () => {
    h = await start();
    const client = h.bot.client({ user: admin });
    const { posted, confirm } = await askAsAdmin(client);
    const confirmText = cardText(confirm);
    expect(confirmText).toContain('Microsoft.KeyVault');
    expect(confirmText).toContain('Microsoft.Storage');
    expect(confirmText).not.toContain('Microsoft.Network');
    expect(confirmText).not.toContain('Microsoft.Compute');
    expect(h.arm.count('register')).toBe(0);

    const go = findButton(confirm, 'providerCheck.register')!;
    expect(go.title).toBe('Register 2');
    const started = await client.invoke(go.verb, go.data);
    expect(cardText(invokeCard(started))).toMatch(/Registering|Registration finished/);

    const final = await postedCard(h, client);
    expect(final.text).toContain('Registration finished: all 4 resource providers are registered.');
    expect(final.text).toContain('Ready for a scale-set CMG');
    expect(h.arm.count('register', 'Microsoft.KeyVault')).toBe(1);
    expect(h.arm.count('register', 'Microsoft.Storage')).toBe(1);
    expect(h.arm.count('register')).toBe(2);
    expect(h.arm.providerState(SUB, 'Microsoft.KeyVault')).toBe('Registered');
    // One card: no new message, every update went to the card that was posted.
    expect(h.bot.connector.sent(client.conversationId)).toHaveLength(1);
    expect(new Set(h.bot.connector.updates(client.conversationId).map((u) => u.activityId))).toEqual(new Set([posted.activityId]));

    const [record] = await registrations(h);
    expect(record).toMatchObject({
      subscriptionId: SUB,
      namespaces: ['Microsoft.KeyVault', 'Microsoft.Storage'],
      requestedBy: { aadObjectId: admin.aadObjectId, name: admin.name },
      outcome: 'registered',
    });
    expect(record.finishedAt).toBeDefined();
  });

  it('never registers for a non-administrator, even with a hand-crafted invoke', async () => {
    h = await start();
    const adminClient = h.bot.client({ user: admin });
    await adminClient.say(`check providers ${SUB}`);
    const posted = await postedCard(h, adminClient);
    const cardId = findButton(posted.card, 'providerCheck.refresh')!.data.cardId;

    const intruder = adminClient.as(member);
    const asked = await intruder.invoke('providerCheck.registerAsk', { cardId });
    expect(JSON.stringify(asked.body)).toContain('Only the administrators');
    const forged = await intruder.invoke('providerCheck.register', { cardId, namespaces: 'Microsoft.KeyVault,Microsoft.Storage', aadObjectId: admin.aadObjectId, isAdmin: true });
    expect(JSON.stringify(forged.body)).toContain('Only the administrators');
    // Someone without an Entra id at all is no administrator either.
    const anonymous = await adminClient.as({ id: '29:anonymous', aadObjectId: '', name: 'Anon' }).invoke('providerCheck.register', { cardId, namespaces: 'Microsoft.KeyVault' });
    expect(JSON.stringify(anonymous.body)).toContain('Only the administrators');

    await h.bot.app.idle();
    expect(h.arm.count('register')).toBe(0);
    expect(await registrations(h)).toHaveLength(0);
  });

  it('shows Register only in administrators\' own views in a channel', async () => {
    h = await start();
    const adminClient = h.bot.client({ user: admin, scope: 'channel' });
    await adminClient.say(`check providers ${SUB}`);
    const posted = await postedCard(h, adminClient);
    // The card everyone gets carries no Register button, but asks each client for its own view.
    expect(findButton(posted.card, 'providerCheck.registerAsk')).toBeUndefined();
    const refresh = (posted.card.refresh as { action: { verb: string; data: Record<string, unknown> } }).action;
    expect(refresh.verb).toBe('providerCheck.view');

    const memberView = invokeCard(await adminClient.as(member).invoke(refresh.verb, refresh.data, { trigger: 'automatic' }));
    expect(findButton(memberView, 'providerCheck.registerAsk')).toBeUndefined();
    const adminView = invokeCard(await adminClient.invoke(refresh.verb, refresh.data, { trigger: 'automatic' }));
    expect(findButton(adminView, 'providerCheck.registerAsk')).toBeDefined();
  });

  it('starts one registration and one poller for double clicks, Teams retries and two administrators at once', async () => {
    h = await start();
    h.arm.readsUntilRegistered = 6;
    const client = h.bot.client({ user: admin, scope: 'groupChat' });
    await client.say(`check providers ${SUB}`);
    const posted = await postedCard(h, client);
    const cardId = findButton(posted.card, 'providerCheck.refresh')!.data.cardId;
    const data = { cardId, namespaces: 'Microsoft.KeyVault,Microsoft.Storage' };
    const other = client.as(secondAdmin);
    const answers = await Promise.all([
      client.invoke('providerCheck.register', data),
      client.invoke('providerCheck.register', data),
      other.invoke('providerCheck.register', data),
    ]);
    for (const answer of answers) expect(cardText(invokeCard(answer))).toMatch(/Registering|Registration finished/);
    const final = await postedCard(h, client);
    expect(final.text).toContain('Registration finished');
    // A late repeat after the registration finished changes nothing.
    const again = await other.invoke('providerCheck.register', data);
    expect(JSON.stringify(again.body)).toContain('Nothing to register');

    await h.bot.app.idle();
    expect(h.arm.count('register', 'Microsoft.KeyVault')).toBe(1);
    expect(h.arm.count('register', 'Microsoft.Storage')).toBe(1);
    expect(await registrations(h)).toHaveLength(1);
    expect(new Set(h.bot.connector.updates(client.conversationId).map((u) => u.activityId))).toEqual(new Set([posted.activityId]));
  });

  it('explains a missing register permission and records the failure', async () => {
    h = await start();
    h.arm.fail({ route: 'register' }, armErrorFixture('403-AuthorizationFailed-register-action'));
    const client = h.bot.client({ user: admin });
    const { confirm } = await askAsAdmin(client);
    const go = findButton(confirm, 'providerCheck.register')!;
    await client.invoke(go.verb, go.data);
    const final = await postedCard(h, client);
    expect(final.text).toContain('No permission to register');
    expect(final.text).toContain('Contributor');
    expect(final.text).toContain("a custom role with each provider's register action (for example Microsoft.KeyVault/register/action)");
    expect((await registrations(h))[0]).toMatchObject({ outcome: 'failed', problem: 'forbiddenRegister' });
    // The lock is released: the button works again.
    expect(findButton(final.card, 'providerCheck.registerAsk')).toBeDefined();
  });

  it('resumes following a registration after a restart, on the same card, without registering again', async () => {
    h = await start();
    h.arm.readsUntilRegistered = 1_000_000;
    const client = h.bot.client({ user: admin });
    const { posted, confirm } = await askAsAdmin(client);
    const go = findButton(confirm, 'providerCheck.register')!;
    expect(cardText(invokeCard(await client.invoke(go.verb, go.data)))).toContain('Registering');

    // The bot stops while Azure is still registering; Azure finishes while it is down.
    await h.bot.restart();
    h.arm.readsUntilRegistered = 0;
    const final = await postedCard(h, client);
    expect(final.activityId).toBe(posted.activityId);
    expect(final.text).toContain('Registration finished: all 4 resource providers are registered.');
    const resumed = h.bot.logs.entries().filter((entry) => entry.msg === 'provider registration resumed');
    expect(resumed).toEqual([expect.objectContaining({ subscriptionId: SUB, handedOver: true })]);
    // Only the polling resumed: each provider was registered once, one record, one card.
    expect(h.arm.count('register')).toBe(2);
    const records = await registrations(h);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ outcome: 'registered', requestedBy: { aadObjectId: admin.aadObjectId } });
    expect(h.bot.connector.sent(client.conversationId)).toHaveLength(1);
    expect(new Set(h.bot.connector.updates(client.conversationId).map((u) => u.activityId))).toEqual(new Set([posted.activityId]));
    // The lock is released: the button works again (and finds nothing to register).
    const again = await client.invoke('providerCheck.register', go.data);
    expect(JSON.stringify(again.body)).toContain('Nothing to register');
  });

  it('after a restart past the polling window, says Azure is still registering and how to check later', async () => {
    const clock = new ManualClock(new Date());
    const arm = new LocalArm();
    await arm.start();
    arm.addSubscription(SUB, { displayName: 'Contoso CMG' });
    const bot = await startTestBot(FAST, { clock, arm: { credential: new FakeArmCredential(), endpoint: arm.url, caPem: arm.caPem, retryDelayMs: 5 } });
    h = { bot, arm, credential: new FakeArmCredential() };
    h.arm.readsUntilRegistered = 1_000_000;
    const client = h.bot.client({ user: admin });
    const { confirm } = await askAsAdmin(client);
    const go = findButton(confirm, 'providerCheck.register')!;
    await client.invoke(go.verb, go.data);

    // Down for longer than the polling window (PROVIDER_REGISTER_POLL_CAP_MS).
    clock.advance(60 * 60_000);
    await h.bot.restart();
    const final = await postedCard(h, client);
    expect(final.text).toContain('Azure is still registering Microsoft.KeyVault and Microsoft.Storage');
    expect(final.text).toContain(`check providers ${SUB}`);
    expect(h.arm.count('register')).toBe(2);
    expect((await registrations(h))[0]).toMatchObject({ outcome: 'timedOut' });
  });

  it('stops polling at the cap, says so and how to check later', async () => {
    h = await start({ PROVIDER_REGISTER_POLL_CAP_MS: '60' });
    h.arm.readsUntilRegistered = 1_000_000;
    const client = h.bot.client({ user: admin });
    const { confirm } = await askAsAdmin(client);
    const go = findButton(confirm, 'providerCheck.register')!;
    await client.invoke(go.verb, go.data);
    const final = await postedCard(h, client);
    expect(final.text).toContain('Azure is still registering Microsoft.KeyVault and Microsoft.Storage');
    expect(final.text).toContain(`check providers ${SUB}`);
    expect(final.text).toContain('Registering…');
    expect((await registrations(h))[0]).toMatchObject({ outcome: 'timedOut' });
  });
});

describe('a provider check without Azure credentials', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await stop(h);
    h = undefined;
  });

  it.each([
    ['en-US', 'check providers', ['No Azure credentials', 'Give the bot a managed identity', 'az login', 'Check the four providers by hand meanwhile', 'open Subscriptions, choose subscription', 'then Resource providers', `type "check providers ${SUB}" again`]],
    ['nl-NL', 'controleer providers', ['Geen Azure-referenties', 'Geef de bot een beheerde identiteit', 'az login', 'Controleer de vier providers intussen zelf', 'Open in de Azure-portal Abonnementen, kies abonnement', 'Resourceproviders', `Typ "controleer providers ${SUB}" opnieuw`]],
  ])('in %s: shows the four providers to check by hand and how to give the bot an identity, without a Refresh that can only fail again', async (locale, command, expected) => {
    h = await start();
    h.credential.failWith = new CredentialUnavailableError('DefaultAzureCredential found nothing');
    const client = h.bot.client({ locale });
    await client.say(`${command} ${SUB}`);
    const { text, card } = await postedCard(h, client);
    for (const part of expected) expect(text).toContain(part);
    for (const namespace of ['Microsoft.KeyVault', 'Microsoft.Storage', 'Microsoft.Network', 'Microsoft.Compute']) {
      expect(text).toContain(`az provider show -n ${namespace} --subscription ${SUB} --query registrationState`);
    }
    expect(text).not.toMatch(/<[a-z][^>]*>/i);
    expect(findButton(card, 'providerCheck.refresh')).toBeUndefined();
    // A reader's own view (Teams refreshing the card) says the same, without Refresh either.
    const refresh = (card.refresh as { action: { verb: string; data: Record<string, unknown> } }).action;
    const view = invokeCard(await client.invoke(refresh.verb, refresh.data, { trigger: 'automatic' }))!;
    expect(cardText(view)).toContain(`az provider show -n Microsoft.Compute --subscription ${SUB} --query registrationState`);
    expect(findButton(view, 'providerCheck.refresh')).toBeUndefined();
    expect(h.arm.requests).toHaveLength(0);
  });

  it('keeps Refresh where asking again can help (a missing role can be granted meanwhile)', async () => {
    h = await start();
    h.arm.fail({ route: 'provider' }, armErrorFixture('403-AuthorizationFailed-providers-read'));
    const client = h.bot.client();
    await client.say(`check providers ${SUB}`);
    const { card, text } = await postedCard(h, client);
    expect(text).not.toContain('by hand');
    expect(findButton(card, 'providerCheck.refresh')).toBeDefined();
  });
});

describe('bounded Azure work', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await stop(h);
    h = undefined;
  });

  it('40 people checking one subscription at once cost one set of ARM reads, and each card says it shares the check', async () => {
    h = await start({ PROVIDER_CHECK_REPLY_WITHIN_MS: '20' });
    h.arm.hold();
    const clients = Array.from({ length: 40 }, () => h!.bot.client());
    const turns = await Promise.all(clients.map((client) => client.say(`check providers ${SUB}`)));
    expect(turns.every((turn) => turn.status === 200)).toBe(true);
    // Every turn has answered ("checking…"); Azure has seen one check's reads, not forty.
    expect(h.arm.requests).toHaveLength(5);
    h.arm.release();
    const cards = await Promise.all(clients.map((client) => postedCard(h!, client)));
    for (const { text } of cards) expect(text).toContain('2 of 4 registered');
    expect(cards.filter(({ text }) => text.includes('this card shows the result of that check'))).toHaveLength(39);
    expect(h.arm.count('subscription')).toBe(1);
    expect(h.arm.count('provider')).toBe(4);
  });

  it('30 Refresh presses ask Azure at most once per cooldown, per person, and the card says when Refresh works again', async () => {
    const clock = new ManualClock(new Date('2026-03-02T09:30:00Z'));
    const arm = await new LocalArm().start();
    arm.addSubscription(SUB, { displayName: 'Contoso CMG' });
    const credential = new FakeArmCredential();
    // 61 presses in half a minute from one person: past the bot's per-person turn limit, which is not under test here.
    const bot = await startTestBot({ ...FAST, PROVIDER_REFRESH_COOLDOWN_SECONDS: '10', USER_TURNS_PER_MINUTE: '0' }, { clock, arm: { credential, endpoint: arm.url, caPem: arm.caPem, retryDelayMs: 5 } });
    h = { bot, arm, credential };
    const client = h.bot.client({ user: member });
    await client.say(`check providers ${SUB}`);
    const refresh = findButton((await postedCard(h, client)).card, 'providerCheck.refresh')!;
    expect(h.arm.count('subscription')).toBe(1);

    // A burst of 30 at once: one refresh reads Azure, 29 are told to wait.
    const burst = await Promise.all(Array.from({ length: 30 }, () => client.invoke(refresh.verb, refresh.data)));
    await h.bot.app.idle();
    expect(h.arm.count('subscription')).toBe(2);
    const waiting = burst.map((result) => cardText(invokeCard(result))).filter((text) => text.includes('You refreshed this check'));
    expect(waiting).toHaveLength(29);
    expect(waiting[0]).toMatch(/You can refresh again after \d{1,2} \w{3} \d{4}, \d{2}:\d{2}/);
    expect(waiting[0]).toContain('2 of 4 registered');

    // Thirty presses a second apart: one read per 10-second window.
    for (let press = 0; press < 30; press++) {
      clock.advance(1000);
      await client.invoke(refresh.verb, refresh.data);
    }
    await h.bot.app.idle();
    expect(h.arm.count('subscription')).toBe(2 + 3);

    // The cooldown is one person's: someone else's press still asks Azure.
    await client.as(admin).invoke(refresh.verb, refresh.data);
    await h.bot.app.idle();
    expect(h.arm.count('subscription')).toBe(6);
  });

  it('holds the global cap on ARM calls in flight across many subscriptions, shared with the name pre-flight', async () => {
    h = await start({ ARM_MAX_CONCURRENT_CALLS: '3', PROVIDER_CHECK_REPLY_WITHIN_MS: '20', NAME_PREFLIGHT_REPLY_WITHIN_MS: '20' });
    h.arm.latencyMs = 15;
    // 8 checks and 4 pre-flights: 56 calls, within the queue the cap allows (20 waiting per slot).
    const subscriptions = Array.from({ length: 8 }, (_, i) => `${String(i).padStart(8, '0')}-9d8e-4f70-a1b2-c3d4e5f6a7b8`);
    for (const id of subscriptions) h.arm.addSubscription(id);
    const clients = subscriptions.map(() => h!.bot.client());
    await Promise.all([
      ...subscriptions.map((id, i) => clients[i].say(`check providers ${id}`)),
      ...subscriptions.slice(0, 4).map((id, i) => h!.bot.client().say(`check names GraniteFalls${i} East US ${id}`)),
    ]);
    await h.bot.app.idle();
    for (const client of clients) expect((await postedCard(h, client)).text).toContain('2 of 4 registered');
    const byRoute = (route: string) => h!.arm.requests.filter((r) => r.route === route).length;
    expect(['subscription', 'provider', 'dnsName', 'vaultName', 'storageName', 'skus'].map(byRoute)).toEqual([8, 32, 4, 4, 4, 4]);
    // Never more than the cap at the ARM, and the cap was reached (the work did run in parallel).
    expect(h.arm.maxInFlight).toBe(3);
  });
});

describe('more Azure work than the cap can queue', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await stop(h);
    h = undefined;
  });

  it('says the bot is busy instead of piling requests up, and the other checks finish', async () => {
    // One call at a time with room for 20 waiting: five checks (25 calls) leave four without a place.
    h = await start({ ARM_MAX_CONCURRENT_CALLS: '1', PROVIDER_CHECK_REPLY_WITHIN_MS: '20' });
    const subscriptions = Array.from({ length: 5 }, (_, i) => `${String(i).padStart(8, '0')}-9d8e-4f70-a1b2-c3d4e5f6a7b8`);
    for (const id of subscriptions) h.arm.addSubscription(id);
    h.arm.hold();
    const clients = subscriptions.map(() => h!.bot.client());
    await Promise.all(subscriptions.map((id, i) => clients[i].say(`check providers ${id}`)));
    h.arm.release();
    const texts = await Promise.all(clients.map(async (client) => (await postedCard(h!, client)).text));
    const busy = texts.filter((text) => text.includes('The bot is busy with other Azure checks'));
    expect(busy.length).toBeGreaterThanOrEqual(1);
    expect(busy[0]).toContain('ARM_MAX_CONCURRENT_CALLS');
    expect(texts.filter((text) => text.includes('2 of 4 registered')).length).toBeGreaterThanOrEqual(1);
    expect(h.arm.maxInFlight).toBe(1);
    expect(h.arm.requests.length).toBeLessThanOrEqual(21);
  });
});

/** A registration that Azure throttles, or answers slowly, while the bot follows it. */
describe('provider registration under throttling and slow answers', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    h?.arm.release();
    await stop(h);
    h = undefined;
  });

  it('a registration poller told by ARM to wait an hour (429 Retry-After 3600) stops asking and says Azure is busy', async () => {
    h = await start({ PROVIDER_REGISTER_POLL_MS: '50', PROVIDER_REGISTER_POLL_MAX_MS: '50', PROVIDER_REGISTER_POLL_CAP_MS: '1500', ARM_REQUEST_TIMEOUT_MS: '5000' });
    const arm = h.arm;
    arm.readsUntilRegistered = 1_000_000;
    const ada = h.bot.client({ user: admin });
    await ada.say(`check providers ${SUB}`);
    await h.bot.app.idle();
    const posted = cardOf(h.bot.connector.sent(ada.conversationId)[0])!;
    const cardId = String(findButton(posted, 'providerCheck.refresh')!.data.cardId);
    await ada.invoke('providerCheck.register', { cardId, namespaces: 'Microsoft.KeyVault,Microsoft.Storage' });
    await waitUntil(async () => h!.bot.connector.updates(ada.conversationId).length > 0, 10_000);

    // ARM throttles the subscription's reads for an hour.
    arm.fail({ route: 'provider' }, { status: 429, headers: { 'Retry-After': '3600' }, body: { error: { code: 'SubscriptionRequestsThrottled', message: 'Number of read requests exceeded the limit. Please try again after 3600 seconds.' } } });
    const before = arm.count('provider');
    await h.bot.app.idle();
    // One poll (four provider reads) learns about the wait; the poller does not ask again within it.
    expect(arm.count('provider') - before).toBeLessThanOrEqual(4);
    const updates = h.bot.connector.updates(ada.conversationId);
    expect(cardText(cardOf(updates[updates.length - 1].activity))).toContain('Azure is busy');
  });

  it('a poller that is still following its registration keeps its lock: slow ARM answers do not let a second admin start a second registration', async () => {
    // ARM answers every read of the poller just inside the per-call deadline (5 s): a brownout,
    // not an outage. The poller's window (PROVIDER_REGISTER_POLL_CAP_MS) counts only its sleeps,
    // the lock's lease counts wall-clock time: cap + 4 × 5 s + 60 s = 85 s.
    const clock = new ManualClock(new Date());
    h = await start({ PROVIDER_REGISTER_POLL_MS: '50', PROVIDER_REGISTER_POLL_MAX_MS: '50', PROVIDER_REGISTER_POLL_CAP_MS: '5000', ARM_REQUEST_TIMEOUT_MS: '5000' }, new LocalArm(), clock);
    h.arm.readsUntilRegistered = 1_000_000;
    let slow = false;
    const push = h.arm.requests.push.bind(h.arm.requests);
    h.arm.requests.push = (...items: ArmRequest[]) => {
      // One poll reads the subscription and the four providers at once: 4.9 s per poll.
      if (slow && items.some((r) => r.route === 'subscription')) clock.advance(4_900);
      return push(...items);
    };

    const ada = h.bot.client({ user: admin, scope: 'groupChat' });
    await ada.say(`check providers ${SUB}`);
    await h.bot.app.idle();
    const posted = cardOf(h.bot.connector.sent(ada.conversationId)[0])!;
    const cardId = String(findButton(posted, 'providerCheck.refresh')!.data.cardId);
    slow = true;
    const started = await ada.invoke('providerCheck.register', { cardId, namespaces: 'Microsoft.KeyVault,Microsoft.Storage' });
    expect(cardText(invokeCard(started))).toContain('Registering');

    // 20 polls (≈ 98 s of wall-clock time, 1 s of the poller's 5 s window): the poller is alive and polling.
    const before = h.arm.count('subscription');
    await waitUntil(async () => h!.arm.count('subscription') >= before + 20, 10_000);
    const polling = h.arm.count('subscription');
    await waitUntil(async () => h!.arm.count('subscription') > polling, 10_000);

    // Bram, the second administrator, looks at the card and presses Register.
    const bram = ada.as(secondAdmin);
    const asked = invokeCard(await bram.invoke('providerCheck.registerAsk', { cardId }));
    const go = findButton(asked, 'providerCheck.register');
    if (go) await bram.invoke(go.verb, go.data);
    else await bram.invoke('providerCheck.register', { cardId, namespaces: 'Microsoft.KeyVault,Microsoft.Storage' });
    await new Promise((resolve) => setTimeout(resolve, 300));

    // One registration is running and followed: no second register call, no second record.
    expect(h.arm.count('register')).toBe(2);
    const records = await registrations(h);
    expect(records.map((r) => r.outcome)).toEqual(['running']);
  }, 30_000);
});

/**
 * Two people in one chat: the card everyone gets is replaced as a registration ends, and each
 * reader's Teams client asks for its own view (the card's refresh action). Both must say the same.
 */
describe("a reader's own view of a registration's outcome", () => {
  let h: Harness | undefined;
  afterEach(async () => {
    h?.arm.release();
    await stop(h);
    h = undefined;
  });

  /** The posted card's refresh action, invoked by `reader` as their Teams client does when it shows the card. */
  async function viewAs(client: TeamsClient, reader: typeof member, card: Record<string, unknown>): Promise<string> {
    const refresh = (card.refresh as { action: { verb: string; data: Record<string, unknown> } }).action;
    expect(refresh.verb).toBe('providerCheck.view');
    return cardText(invokeCard(await client.as(reader).invoke(refresh.verb, refresh.data, { trigger: 'automatic' })));
  }

  /** Ada (an administrator) checks in a group chat and registers both missing providers; resolves when the registration has ended. */
  async function registerAndWait(client: TeamsClient): Promise<void> {
    await client.say(`check providers ${SUB}`);
    const cardId = String(findButton((await postedCard(h!, client)).card, 'providerCheck.refresh')!.data.cardId);
    await client.invoke('providerCheck.register', { cardId, namespaces: 'Microsoft.KeyVault,Microsoft.Storage' });
    await waitUntil(async () => (await registrations(h!)).some((r) => r.outcome !== 'running'), 10_000);
  }

  it('stopped by an hour of throttling: a member\'s view says Azure is busy and until when, like the card everyone got, also minutes later', async () => {
    const clock = new ManualClock(new Date('2026-03-02T09:30:00Z'));
    h = await start({ PROVIDER_REGISTER_POLL_MS: '50', PROVIDER_REGISTER_POLL_MAX_MS: '50', PROVIDER_REGISTER_POLL_CAP_MS: '1500' }, new LocalArm(), clock);
    h.arm.readsUntilRegistered = 1_000_000;
    const ada = h.bot.client({ user: admin, scope: 'groupChat' });
    await ada.say(`check providers ${SUB}`);
    const cardId = String(findButton((await postedCard(h, ada)).card, 'providerCheck.refresh')!.data.cardId);
    await ada.invoke('providerCheck.register', { cardId, namespaces: 'Microsoft.KeyVault,Microsoft.Storage' });
    await waitUntil(async () => h!.bot.connector.updates(ada.conversationId).length > 0, 10_000);
    h.arm.fail({ route: 'provider' }, { status: 429, headers: { 'Retry-After': '3600' }, body: { error: { code: 'SubscriptionRequestsThrottled', message: 'Try again after 3600 seconds.' } } });
    await waitUntil(async () => (await registrations(h!)).some((r) => r.outcome !== 'running'), 10_000);

    const shared = await postedCard(h, ada);
    expect(shared.text).toContain('Azure is still registering Microsoft.KeyVault and Microsoft.Storage');
    expect(shared.text).toContain('Azure is busy');
    expect(shared.text).toContain('Try again after 2 Mar 2026, 11:30 (Europe/Amsterdam) (in 3600 seconds).');
    expect(await viewAs(ada, member, shared.card)).toBe(shared.text);

    // Ten minutes later Teams shows the card again: still the same time to try again, ten minutes nearer.
    clock.advance(10 * 60_000);
    const later = await viewAs(ada, member, shared.card);
    expect(later).toContain('Azure is still registering Microsoft.KeyVault and Microsoft.Storage');
    expect(later).toContain('Try again after 2 Mar 2026, 11:30 (Europe/Amsterdam) (in 3000 seconds).');
  });

  it('failed for a missing permission: a member\'s view says so like the card everyone got, until a Refresh replaces both', async () => {
    const clock = new ManualClock(new Date('2026-03-02T09:30:00Z'));
    h = await start({}, new LocalArm(), clock);
    h.arm.fail({ route: 'register' }, armErrorFixture('403-AuthorizationFailed-register-action'));
    const ada = h.bot.client({ user: admin, scope: 'groupChat' });
    await registerAndWait(ada);

    const shared = await postedCard(h, ada);
    expect(shared.text).toContain('Registration stopped.');
    expect(shared.text).toContain('No permission to register');
    expect(await viewAs(ada, member, shared.card)).toBe(shared.text);

    // Someone refreshes: the card everyone gets shows the new check, and so does every reader's view.
    h.arm.clearFaults();
    const refresh = findButton(shared.card, 'providerCheck.refresh')!;
    await ada.as(member).invoke(refresh.verb, refresh.data);
    const refreshed = await postedCard(h, ada);
    expect(refreshed.text).not.toContain('Registration stopped.');
    expect(await viewAs(ada, member, refreshed.card)).toBe(refreshed.text);
  });

  it.each([
    ['finished', {}, 'Registration finished: all 4 resource providers are registered.'],
    ['timed out at the polling cap', { PROVIDER_REGISTER_POLL_CAP_MS: '60' }, 'Azure is still registering Microsoft.KeyVault and Microsoft.Storage'],
  ])('%s: a member\'s view says what the card everyone got says', async (_name, env, expected) => {
    const clock = new ManualClock(new Date('2026-03-02T09:30:00Z'));
    h = await start(env, new LocalArm(), clock);
    if (expected.startsWith('Azure is still')) h.arm.readsUntilRegistered = 1_000_000;
    const ada = h.bot.client({ user: admin, scope: 'groupChat' });
    await registerAndWait(ada);
    const shared = await postedCard(h, ada);
    expect(shared.text).toContain(expected);
    expect(await viewAs(ada, member, shared.card)).toBe(shared.text);
  });

  it('a throttled Refresh before the registration does not stay in a member\'s view once the registration has replaced it', async () => {
    const clock = new ManualClock(new Date('2026-03-02T09:30:00Z'));
    h = await start({}, new LocalArm(), clock);
    const ada = h.bot.client({ user: admin, scope: 'groupChat' });
    await ada.say(`check providers ${SUB}`);
    const posted = await postedCard(h, ada);
    const cardId = String(findButton(posted.card, 'providerCheck.refresh')!.data.cardId);
    // Ada opens the confirmation; meanwhile Mo's Refresh meets a throttled Azure, and everyone's card says so.
    const confirm = invokeCard(await ada.invoke('providerCheck.registerAsk', { cardId }));
    h.arm.fail({ route: 'provider' }, armErrorFixture('429-SubscriptionRequestsThrottled'));
    await ada.as(member).invoke('providerCheck.refresh', { cardId });
    expect((await postedCard(h, ada)).text).toContain('Azure is busy');
    // Azure recovers; Ada confirms, and the registration finishes on the same card.
    h.arm.clearFaults();
    const go = findButton(confirm, 'providerCheck.register')!;
    await ada.invoke(go.verb, go.data);
    await waitUntil(async () => (await registrations(h!)).some((r) => r.outcome !== 'running'), 10_000);
    const shared = await postedCard(h, ada);
    expect(shared.text).toContain('Registration finished: all 4 resource providers are registered.');
    expect(await viewAs(ada, member, shared.card)).toBe(shared.text);
  });
});
