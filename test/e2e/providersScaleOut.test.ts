import type { RegistrationRecord } from '../../src/providers/registrationRecords';
import { LogCapture } from '../harness/app';
import { FakeArmCredential, LocalArm } from '../harness/armServer';
import { findButton } from '../harness/cardWalk';
import { cardOf, cardText, TeamsClient, teamsUser } from '../harness/teams';
import { scaleOut } from './scaleOutHelpers';

const SUB = '3f6a2b1c-9d8e-4f70-a1b2-c3d4e5f6a7b8';
const admin = teamsUser('Ada Admin', 'a0a0a0a0-1111-4222-8333-444455556666');

/**
 * Two instances of the bot behind a (pretend) load balancer on one Azure Table store (Azurite),
 * as during a rolling update: the new instance is up before the old one stops.
 */
describe('provider registrations across two instances sharing Azure Table Storage', () => {
  const cluster = scaleOut();
  const logs = new LogCapture();
  const arm = new LocalArm();
  beforeAll(async () => {
    await arm.start();
  });
  afterAll(async () => {
    await arm.stop();
  });

  it('a registration that a stopping instance hands over is followed by the instance still running, on the same card, until Registered', async () => {
    const { connector } = cluster;
    arm.addSubscription(SUB, { displayName: 'Contoso CMG' });
    arm.readsUntilRegistered = 1_000_000;
    const settings = {
      ADMIN_IDS: admin.aadObjectId,
      PROVIDER_REGISTER_POLL_MS: '20',
      PROVIDER_REGISTER_POLL_MAX_MS: '50',
      PROVIDER_REGISTER_POLL_CAP_MS: '600000',
      // Short, so the test is quick; the assertion waits for the card, not for a time.
      PROVIDER_REGISTRATION_SWEEP_SECONDS: '1',
      LOG_LEVEL: 'info',
    };
    const [a, b] = await cluster.start(2, settings, { logDestination: logs, arm: { credential: new FakeArmCredential(), endpoint: arm.url, caPem: arm.caPem, retryDelayMs: 5 } });

    // Ada checks and registers through instance A; A follows the registration (Azure keeps it Registering).
    const ada = new TeamsClient({ botUrl: a.url, serviceUrl: connector.url, user: admin, scope: 'groupChat' });
    await ada.say(`check providers ${SUB}`);
    await a.idle();
    const [posted] = connector.sent(ada.conversationId);
    const cardId = String(findButton(cardOf(posted)!, 'providerCheck.refresh')!.data.cardId);
    await ada.invoke('providerCheck.register', { cardId, namespaces: 'Microsoft.KeyVault,Microsoft.Storage' });
    const lastCard = () => {
      const updates = connector.updates(ada.conversationId);
      return updates.length ? cardText(cardOf(updates[updates.length - 1].activity)) : '';
    };
    await connector.waitFor(() => lastCard().includes('Registering Microsoft.KeyVault and Microsoft.Storage'), 10_000);

    // A stops (B has been up all along, so its start-up found nothing to resume); then Azure finishes.
    await a.stop();
    const updatesWhenAStopped = connector.updates(ada.conversationId).length;
    arm.readsUntilRegistered = 0;

    await connector
      .waitFor(() => lastCard().includes('Registration finished: all 4 resource providers are registered.'), 15_000)
      .catch((error: Error) => {
        throw new Error(`${error.message}\nthe card says:\n${lastCard()}`);
      });
    await b.idle();
    // B followed it: the card was updated after A had stopped, A's hand-over was picked up once, and nothing registered again.
    expect(connector.updates(ada.conversationId).length).toBeGreaterThan(updatesWhenAStopped);
    const resumed = logs.entries().filter((entry) => entry.msg === 'provider registration resumed');
    expect(resumed).toEqual([expect.objectContaining({ subscriptionId: SUB, handedOver: true })]);
    expect(arm.count('register')).toBe(2);
    const records = await b.store.collection<RegistrationRecord>('providerRegistrations', { partitionOf: (r) => r.subscriptionId }).listByPartition(SUB);
    expect(records.map((r) => r.value.outcome)).toEqual(['registered']);
    expect(connector.sent(ada.conversationId)).toHaveLength(1);
  }, 60_000);
});
