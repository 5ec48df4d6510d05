import { findButton } from '../harness/cardWalk';
import { ManualClock } from '../../src/clock';
import type { Env } from '../../src/config';
import type { RegistrationRecord } from '../../src/providers/registrationRecords';
import { startTestBot, TestBot } from '../harness/app';
import { ArmRequest, FakeArmCredential, LocalArm } from '../harness/armServer';
import { cardOf, cardText, invokeCard, teamsUser } from '../harness/teams';

/** A provider registration that Azure throttles, or answers slowly, while the bot follows it. */
const SUB = '3f6a2b1c-9d8e-4f70-a1b2-c3d4e5f6a7b8';
const admin = teamsUser('Ada Admin', 'a0a0a0a0-1111-4222-8333-444455556666');
const secondAdmin = teamsUser('Bram Beheer', 'b0b0b0b0-1111-4222-8333-444455556666');

interface Harness {
  bot: TestBot;
  arm: LocalArm;
}

const BASE: Env = {
  ADMIN_IDS: `${admin.aadObjectId},${secondAdmin.aadObjectId}`,
  ARM_MAX_RETRIES: '2',
  ARM_RETRY_AFTER_CAP_SECONDS: '2',
  PROVIDER_CHECK_REPLY_WITHIN_MS: '2000',
};

async function start(env: Env, clock?: ManualClock): Promise<Harness> {
  const arm = await new LocalArm().start();
  arm.addSubscription(SUB, { displayName: 'Contoso CMG' });
  const bot = await startTestBot({ ...BASE, ...env }, { ...(clock ? { clock } : {}), arm: { credential: new FakeArmCredential(), endpoint: arm.url, caPem: arm.caPem, retryDelayMs: 5 } });
  return { bot, arm };
}

async function registrations(h: Harness): Promise<RegistrationRecord[]> {
  const items = await h.bot.app.store.collection<RegistrationRecord>('providerRegistrations', { partitionOf: (r) => r.subscriptionId }).listByPartition(SUB);
  return items.map((item) => item.value);
}

async function until(predicate: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('provider registration under throttling and slow answers', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    if (!h) return;
    h.arm.release();
    await h.bot.stop();
    await h.arm.stop();
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
    await until(() => h!.bot.connector.updates(ada.conversationId).length > 0);

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
    h = await start({ PROVIDER_REGISTER_POLL_MS: '50', PROVIDER_REGISTER_POLL_MAX_MS: '50', PROVIDER_REGISTER_POLL_CAP_MS: '5000', ARM_REQUEST_TIMEOUT_MS: '5000' }, clock);
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
    await until(() => h!.arm.count('subscription') >= before + 20);
    const polling = h.arm.count('subscription');
    await until(() => h!.arm.count('subscription') > polling);

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
