import { CredentialUnavailableError } from '@azure/identity';
import type { Env } from '../../src/config';
import { startTestBot, TestBot } from '../harness/app';
import { armErrorFixture, FakeArmCredential, LocalArm, NameCheckRoute } from '../harness/armServer';
import { action, buttons, errorAfter, inputById, submission } from '../harness/cardWalk';
import { cardOf, cardText, invokeCard, TeamsClient } from '../harness/teams';

const SUB = '3f6a2b1c-9d8e-4f70-a1b2-c3d4e5f6a7b8';
const NAME_ROUTES: NameCheckRoute[] = ['dnsName', 'vaultName', 'storageName', 'skus'];

interface Harness {
  bot: TestBot;
  arm: LocalArm;
  credential: FakeArmCredential;
}

const FAST: Env = { ARM_MAX_RETRIES: '1', ARM_REQUEST_TIMEOUT_MS: '5000', NAME_PREFLIGHT_REPLY_WITHIN_MS: '3000' };

async function start(env: Env = {}): Promise<Harness> {
  const arm = await new LocalArm().start();
  arm.addSubscription(SUB, { displayName: 'Contoso CMG' });
  const credential = new FakeArmCredential();
  const bot = await startTestBot({ ...FAST, ...env }, { arm: { credential, endpoint: arm.url, caPem: arm.caPem, retryDelayMs: 5 } });
  return { bot, arm, credential };
}

/** The newest card the bot posted in the conversation, as everyone sees it now (after background work). */
async function latestCard(h: Harness, client: TeamsClient): Promise<{ card: Record<string, unknown>; text: string; activityId: string }> {
  await h.bot.app.idle();
  const posts = h.bot.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === client.conversationId);
  const post = posts[posts.length - 1];
  const updates = h.bot.connector.updates(client.conversationId).filter((u) => u.activityId === post.assignedId);
  const card = cardOf(updates.length ? updates[updates.length - 1].activity : post.activity)!;
  return { card, text: cardText(card), activityId: post.assignedId! };
}

function nameReads(h: Harness) {
  return h.arm.requests.filter((r) => NAME_ROUTES.includes(r.route as NameCheckRoute));
}

/** Waits (by condition, not by time) until the local ARM has received `count` pre-flight reads. */
async function readsArrived(h: Harness, count: number): Promise<void> {
  for (let tries = 0; nameReads(h).length < count; tries++) {
    if (tries > 500) throw new Error(`only ${nameReads(h).length} of ${count} reads arrived`);
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('name pre-flight over HTTP', () => {
  let h: Harness;
  afterEach(async () => {
    await h.bot.stop();
    await h.arm.stop();
  });

  it('says every name is free and every size offered, asking Azure once per check and creating nothing', async () => {
    h = await start();
    const client = h.bot.client({ locale: 'en-US' });
    await client.say(`check names GraniteFalls.contoso.com East US ${SUB}`);
    const { text, card } = await latestCard(h, client);
    expect(text).toContain('Name check for GraniteFalls in East US');
    expect(text).toMatch(/Deployment name granitefalls\.eastus\.cloudapp\.azure\.com[\s\S]*Free/);
    expect(text).toMatch(/Key Vault name granitefalls[\s\S]*Free/);
    expect(text).toMatch(/Storage account name granitefalls[\s\S]*Free[\s\S]*Needed when the CMG serves content/);
    expect(text).toMatch(/Lab \(B2s\)[\s\S]*Offered[\s\S]*Standard \(A2_v2\), the default[\s\S]*Offered[\s\S]*Large \(A4_v2\)[\s\S]*Offered/);
    expect(text).toContain('Ready to order the certificate for GraniteFalls.contoso.com in East US');
    expect(text).toContain('creates and reserves nothing');
    expect(buttons(card)).toEqual([]);

    // One read of each kind, shaped as ARM expects; only reads, nothing registered or created.
    const reads = nameReads(h);
    expect(reads.map((r) => r.route).sort()).toEqual(['dnsName', 'skus', 'storageName', 'vaultName']);
    expect(reads.find((r) => r.route === 'dnsName')).toMatchObject({ method: 'GET', query: { domainNameLabel: 'granitefalls' }, path: expect.stringMatching(/\/locations\/eastus\//) });
    expect(reads.find((r) => r.route === 'vaultName')).toMatchObject({ method: 'POST', body: { name: 'granitefalls', type: 'Microsoft.KeyVault/vaults' } });
    expect(reads.find((r) => r.route === 'storageName')).toMatchObject({ method: 'POST', body: { name: 'granitefalls', type: 'Microsoft.Storage/storageAccounts' } });
    expect(reads.find((r) => r.route === 'skus')).toMatchObject({ method: 'GET', query: { $filter: "location eq 'eastus'" } });
    expect(h.arm.requests).toHaveLength(4);
    expect(h.arm.count('register')).toBe(0);

    // Asked again at once: the recent answer, no second set of reads.
    await client.say(`check names GraniteFalls.contoso.com East US ${SUB}`);
    expect((await latestCard(h, client)).text).toContain('(recent result)');
    expect(nameReads(h)).toHaveLength(4);
  });

  it('sends the four reads at once: all are in flight together before Azure answers any', async () => {
    h = await start({ NAME_PREFLIGHT_REPLY_WITHIN_MS: '20' });
    const client = h.bot.client();
    h.arm.hold();
    const turn = await client.say(`check names GraniteFalls East US ${SUB}`);
    expect(turn.status).toBe(200);
    expect(cardText(cardOf(h.bot.connector.sent(client.conversationId)[0]))).toContain('Asking Azure whether the names for GraniteFalls in East US are free');
    await readsArrived(h, 4);
    expect(h.arm.inFlight).toBe(4);
    h.arm.release();
    const { text, activityId } = await latestCard(h, client);
    expect(text).toContain('Ready to order the certificate for GraniteFalls in East US');
    // The "checking…" card was replaced, not followed by a second message.
    expect(h.bot.connector.sent(client.conversationId)).toHaveLength(1);
    expect(h.bot.connector.updates(client.conversationId).map((u) => u.activityId)).toEqual([activityId]);
  });

  it('names each place the prefix is taken, with Azure’s reason, and only in the region asked', async () => {
    h = await start();
    h.arm.takeName('dns', 'granitefalls', 'eastus');
    h.arm.takeName('dns', 'fabrikam', 'westeurope');
    h.arm.takeName('keyVault', 'granitefalls');
    h.arm.takeName('storage', 'granitefalls');
    const client = h.bot.client();
    await client.say(`check names GraniteFalls.contoso.com East US ${SUB}`);
    const { text } = await latestCard(h, client);
    expect(text).toMatch(/Deployment name granitefalls\.eastus\.cloudapp\.azure\.com[\s\S]*Taken[\s\S]*Another deployment in East US already has this name/);
    expect(text).toMatch(/Key Vault name granitefalls[\s\S]*Taken[\s\S]*Azure says: AlreadyExists: The vault name 'granitefalls' is already in use\./);
    expect(text).toMatch(/Storage account name granitefalls[\s\S]*Taken[\s\S]*Azure says: AlreadyExists: The storage account named granitefalls is already taken\./);
    expect(text).toContain('3 problems: solve them before you order the certificate.');
    expect(text).not.toContain('Ready to order');

    // The DNS label is per region: the same name is free in West Europe.
    await client.say(`check names Fabrikam West Europe ${SUB}`);
    expect((await latestCard(h, client)).text).toMatch(/fabrikam\.westeurope\.cloudapp\.azure\.com[\s\S]*Taken/);
    await client.say(`check names Fabrikam East US ${SUB}`);
    expect((await latestCard(h, client)).text).toContain('Ready to order the certificate for Fabrikam in East US');
  });

  it('flags A2_v2 restricted in the region with ARM’s reason as a problem, and a restricted B2s only as a caution', async () => {
    h = await start();
    h.arm.restrictSize('eastus', 'Standard_A2_v2');
    h.arm.restrictSize('eastus', 'Standard_B2s', { reasonCode: 'QuotaId' });
    h.arm.restrictSize('westus', 'Standard_A4_v2');
    const client = h.bot.client();
    await client.say(`check names GraniteFalls East US ${SUB}`);
    const { text } = await latestCard(h, client);
    expect(text).toMatch(/Standard \(A2_v2\), the default[\s\S]*Not offered to this subscription[\s\S]*Azure restricts this size in East US \(NotAvailableForSubscription\)/);
    expect(text).toMatch(/Lab \(B2s\)[\s\S]*\(QuotaId\)\. Choose another size or region\. This only matters if you choose this size\./);
    expect(text).toMatch(/Large \(A4_v2\)[\s\S]*Offered/);
    expect(text).toContain('1 problem: solve it before you order the certificate.');
  });

  it('shows the other answers when one read is refused, naming the role and the permission it lacked', async () => {
    h = await start();
    h.arm.fail({ route: 'storageName' }, armErrorFixture('403-AuthorizationFailed-storage-checkNameAvailability'));
    const client = h.bot.client();
    await client.say(`check names GraniteFalls East US ${SUB}`);
    const { text } = await latestCard(h, client);
    expect(text).toMatch(/Key Vault name granitefalls[\s\S]*Free/);
    expect(text).toMatch(/Storage account name granitefalls[\s\S]*Not checked[\s\S]*No permission to read the subscription\. Give the bot's identity the Reader role on the subscription: it includes Microsoft\.Storage\/checkNameAvailability\/read\./);
    expect(text).toMatch(/Standard \(A2_v2\), the default[\s\S]*Offered/);
    expect(text).toContain('No problem found so far. 1 check could not run.');
    expect(text).not.toMatch(/AuthorizationFailed|statusCode|RestError/);
    // A refused read is not kept: asking again asks Azure again.
    h.arm.clearFaults();
    await client.say(`check names GraniteFalls East US ${SUB}`);
    expect((await latestCard(h, client)).text).toContain('Ready to order');
    expect(nameReads(h)).toHaveLength(8);
  });

  it('says which resource provider the subscription has not registered instead of "Azure did not answer", in both languages', async () => {
    // A new subscription: ARM refuses the Key Vault and storage name checks until those providers are registered.
    h = await start();
    h.arm.nameChecksNeedRegistration = true;
    const client = h.bot.client();
    await client.say(`check names GraniteFalls East US ${SUB}`);
    const { text } = await latestCard(h, client);
    expect(text).toMatch(/Deployment name granitefalls\.eastus\.cloudapp\.azure\.com[\s\S]*Free/);
    expect(text).toMatch(/Key Vault name granitefalls[\s\S]*Not checked[\s\S]*The subscription has not registered the resource provider Microsoft\.KeyVault/);
    expect(text).toMatch(/Storage account name granitefalls[\s\S]*Not checked[\s\S]*The subscription has not registered the resource provider Microsoft\.Storage/);
    expect(text).toContain(`check providers ${SUB}`);
    expect(text).not.toContain('Azure did not answer');
    expect(text).not.toContain('Try again in a few minutes');
    expect(text).toContain('No problem found so far. 2 checks could not run.');

    const nl = h.bot.client({ locale: 'nl-NL' });
    await nl.say(`controleer namen GraniteFalls VS-Oost ${SUB}`);
    const dutch = (await latestCard(h, nl)).text;
    expect(dutch).toMatch(/Naam van de Key Vault granitefalls[\s\S]*Niet gecontroleerd[\s\S]*Het abonnement heeft de resourceprovider Microsoft\.KeyVault niet geregistreerd/);
    expect(dutch).toContain(`controleer providers ${SUB}`);

    // None of the four registered: still no outage, and not "the bot could not ask Azure".
    const fresh = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    h.arm.addSubscription(fresh, { providers: { 'Microsoft.Compute': 'NotRegistered', 'Microsoft.Network': 'NotRegistered' } });
    await client.say(`check names GraniteFalls East US ${fresh}`);
    const none = (await latestCard(h, client)).text;
    expect(none).toMatch(/Deployment name granitefalls\.eastus\.cloudapp\.azure\.com[\s\S]*Not checked[\s\S]*resource provider Microsoft\.Network/);
    expect(none).toMatch(/Standard \(A2_v2\), the default[\s\S]*Not checked[\s\S]*resource provider Microsoft\.Compute/);
    expect(none).not.toContain('The bot could not ask Azure');
    expect(none).not.toContain('Azure did not answer');
  });

  it('answers controleer namen in Dutch', async () => {
    h = await start();
    h.arm.takeName('keyVault', 'granitefalls');
    const client = h.bot.client({ locale: 'nl-NL' });
    await client.say(`controleer namen GraniteFalls.contoso.com VS-Oost ${SUB}`);
    const { text } = await latestCard(h, client);
    expect(text).toContain('Naamcontrole voor GraniteFalls in VS - oost (East US)');
    expect(text).toMatch(/Implementatienaam granitefalls\.eastus\.cloudapp\.azure\.com[\s\S]*Vrij/);
    expect(text).toMatch(/Naam van de Key Vault granitefalls[\s\S]*Bezet[\s\S]*Azure zegt: AlreadyExists/);
    expect(text).toMatch(/Naam van het opslagaccount granitefalls[\s\S]*Vrij[\s\S]*Nodig als de CMG inhoud levert/);
    expect(text).toMatch(/Standaard \(A2_v2\), de standaardkeuze[\s\S]*Beschikbaar/);
    expect(text).toContain('1 probleem: los het op voordat je het certificaat bestelt.');
    expect(text).toContain('Gecontroleerd');
  });

  describe.each([
    ['en-US', 'check names', ['No Azure credentials', 'Check the names by hand meanwhile', 'Start creating a virtual machine scale set named granitefalls in East US', 'Start creating a key vault named granitefalls.', 'Start creating a storage account named granitefalls', 'check names GraniteFalls.contoso.com East US']],
    ['nl-NL', 'controleer namen', ['Geen Azure-referenties', 'Controleer de namen intussen zelf', 'schaalset voor virtuele machines met de naam granitefalls in VS - oost (East US)', 'key vault met de naam granitefalls', 'opslagaccount met de naam granitefalls', 'controleer namen GraniteFalls.contoso.com East US']],
  ])('without Azure credentials (%s)', (locale, command, expected) => {
    it('shows how to check each name by hand and how to give the bot an identity, with nothing to retry', async () => {
      h = await start();
      h.credential.failWith = new CredentialUnavailableError('DefaultAzureCredential found nothing');
      const client = h.bot.client({ locale });
      await client.say(`${command} GraniteFalls.contoso.com East US ${SUB}`);
      const { text, card } = await latestCard(h, client);
      for (const part of expected) expect(text).toContain(part);
      expect(text).toContain('ARM_CREDENTIAL');
      expect(text).toContain('az vm list-skus --location eastus --size Standard_A2_v2 --all --output table');
      // Said once above the rows, not four times; no placeholder Teams would drop; no button.
      expect(text.match(/ARM_CREDENTIAL/g)).toHaveLength(1);
      expect(text).not.toMatch(/<[a-z][^>]*>/i);
      expect(buttons(card)).toEqual([]);
      expect(h.arm.requests).toHaveLength(0);
    });
  });

  it('asks for the subscription with a form when none is known, keeping what was typed', async () => {
    h = await start();
    const client = h.bot.client();
    await client.say('check names GraniteFalls.contoso.com East US');
    const form = cardOf(h.bot.connector.sent(client.conversationId)[0])!;
    expect(cardText(form)).toContain('Check that the names are free');
    expect(inputById(form, 'name')?.value).toBe('GraniteFalls.contoso.com');
    expect(inputById(form, 'region')?.value).toBe('East US');
    expect(errorAfter(form, 'subscriptionId')).toContain('Type the id of the subscription the CMG will run in.');
    expect(h.arm.requests).toHaveLength(0);

    // A bad id and a bad region come back next to their fields; nothing reaches Azure.
    const refused = invokeCard(await client.invoke('namePreflight.run', submission(form, 'namePreflight.run', { region: 'Narnia', subscriptionId: '1234' })))!;
    expect(errorAfter(refused, 'region')).toContain('Narnia');
    expect(errorAfter(refused, 'subscriptionId')).toContain('"1234" is not a subscription id');
    expect(inputById(refused, 'name')?.value).toBe('GraniteFalls.contoso.com');
    expect(h.arm.requests).toHaveLength(0);

    const done = await client.invoke('namePreflight.run', submission(refused, 'namePreflight.run', { region: 'East US', subscriptionId: SUB }));
    expect(JSON.stringify(done.body)).toContain('I posted the name check in this conversation.');
    expect((await latestCard(h, client)).text).toContain('Ready to order the certificate for GraniteFalls.contoso.com in East US');
  });

  it('refuses a name that breaks the naming rules before any call, and shows a disputed one with the sources’ disagreement', async () => {
    h = await start({ PROVIDER_DEFAULT_SUBSCRIPTION_ID: SUB });
    const client = h.bot.client();
    await client.say('check names Granite_Falls East US');
    const form = cardOf(h.bot.connector.sent(client.conversationId)[0])!;
    expect(errorAfter(form, 'name')).toContain('Granite\\_Falls');
    expect(h.arm.requests).toHaveLength(0);

    await client.say('check names Granite-Falls East US');
    const { text } = await latestCard(h, client);
    expect(text).toMatch(/Naming rules[\s\S]*Sources disagree[\s\S]*Microsoft's documentation disagrees about hyphens/);
    expect(text).toContain('Azure compares these names in lower case, so they were checked as granite-falls.');
    expect(text).toMatch(/Storage account name granite-falls[\s\S]*Not allowed[\s\S]*AccountNameInvalid/);
  });

  it('runs from the service-names card button with the default subscription, and posts the form without one', async () => {
    h = await start({ PROVIDER_DEFAULT_SUBSCRIPTION_ID: SUB });
    const client = h.bot.client();
    await client.say('service name GraniteFalls.contoso.com East US');
    const names = cardOf(h.bot.connector.sent(client.conversationId)[0])!;
    const button = action(names, 'namePreflight.start');
    const result = await client.invoke(button.verb, button.data);
    expect(result.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
    expect((await latestCard(h, client)).text).toContain('Ready to order the certificate for GraniteFalls.contoso.com in East US');
    // The service-names card stays as it was.
    expect(h.bot.connector.updates(client.conversationId).filter((u) => u.activityId === h.bot.connector.calls.find((c) => c.method === 'POST')?.assignedId)).toHaveLength(0);
    await h.bot.stop();
    await h.arm.stop();

    h = await start();
    const other = h.bot.client();
    await other.say('service name GraniteFalls.contoso.com East US');
    const card = cardOf(h.bot.connector.sent(other.conversationId)[0])!;
    await other.invoke('namePreflight.start', action(card, 'namePreflight.start').data);
    const form = (await latestCard(h, other)).card;
    expect(inputById(form, 'name')?.value).toBe('GraniteFalls.contoso.com');
    expect(inputById(form, 'region')?.value).toBe('eastus');
    expect(h.arm.requests).toHaveLength(0);
  });
});
