import { startTestBot, TestBot } from '../harness/app';
import { cardOf, cardText, invokeCard, TeamsClient } from '../harness/teams';
import { action, errorAfter, inputById, submission } from '../harness/cardWalk';

describe('service names over HTTP', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(async () => {
    await bot.stop();
  });

  /** Sends a message and returns the card of the bot's one reply. */
  async function ask(client: TeamsClient, text: string): Promise<Record<string, unknown>> {
    const before = bot.connector.sent(client.conversationId).length;
    expect((await client.say(text)).status).toBe(200);
    const sent = bot.connector.sent(client.conversationId);
    expect(sent).toHaveLength(before + 1);
    const card = cardOf(sent[before]);
    expect(card).toBeDefined();
    return card!;
  }

  async function press(client: TeamsClient, card: unknown, verb: string, inputs: Record<string, string>): Promise<Record<string, unknown>> {
    const result = await client.invoke(verb, submission(card, verb, inputs));
    expect(result.status).toBe(200);
    const next = invokeCard(result);
    expect(next).toBeDefined();
    return next!;
  }

  it('computes the seed example in English: scale-set name, CNAME record and classic name', async () => {
    const card = await ask(bot.client({ locale: 'en-US' }), 'service name GraniteFalls.contoso.com East US');
    const text = cardText(card);
    expect(text).toContain('GraniteFalls.EastUS.CloudApp.Azure.com');
    expect(text).toContain('GraniteFalls.contoso.com. CNAME GraniteFalls.EastUS.CloudApp.Azure.com.');
    expect(text).toContain('GraniteFalls.CloudApp.net');
    expect(text).toContain('granitefalls.eastus.cloudapp.azure.com');
    expect(text).toMatch(/including upper and lower case/);
    expect(action(card, 'cutover.new').data).toEqual({ cmgName: 'GraniteFalls.contoso.com', region: 'eastus', certificatePath: 'ownDomain' });
    expect(action(card, 'providerCheck.start').data).toEqual({});
    expect(action(card, 'namePreflight.start')).toMatchObject({ title: 'Check that the names are free', data: { name: 'GraniteFalls.contoso.com', region: 'eastus' } });
  });

  it('hands its offers to the provider check and the cutover plan, which answer with their own cards', async () => {
    const client = bot.client();
    const card = await ask(client, 'service name GraniteFalls.contoso.com East US');
    for (const verb of ['providerCheck.start', 'cutover.new']) {
      const result = await client.invoke(verb, action(card, verb).data);
      expect(result.status).toBe(200);
      // Either capability may answer with its own card or post one and say so; never "unknown action".
      expect(result.body).toMatchObject({ statusCode: 200 });
      expect(JSON.stringify(result.body)).not.toContain('out of date');
    }
    const plan = await client.invoke('cutover.new', action(card, 'cutover.new').data);
    expect(cardText(invokeCard(plan))).toContain('GraniteFalls');
  });

  it('gives the same names for the Dutch region name "VS-Oost", in Dutch', async () => {
    const client = bot.client({ locale: 'nl-NL' });
    const bare = cardText(await ask(client, 'servicenaam GraniteFalls VS-Oost'));
    expect(bare).toContain('Servicenamen voor GraniteFalls');
    expect(bare).toContain('GraniteFalls.EastUS.CloudApp.Azure.com');
    expect(bare).toContain('GraniteFalls.CloudApp.net');
    const full = cardText(await ask(client, 'servicenaam GraniteFalls.contoso.com VS-Oost'));
    expect(full).toContain('GraniteFalls.contoso.com. CNAME GraniteFalls.EastUS.CloudApp.Azure.com.');
    expect(full).toContain('inclusief hoofdletters');
  });

  it('accepts the form with a cloudapp.net certificate and says no CNAME is possible', async () => {
    const client = bot.client();
    const form = await ask(client, 'service name');
    expect(inputById(form, 'cmgName')).toBeDefined();
    expect(inputById(form, 'region')).toBeDefined();
    expect(inputById(form, 'certificateType')).toBeDefined();
    const card = await press(client, form, 'naming.serviceNames', { cmgName: 'GraniteFalls.cloudapp.net', region: 'westeurope' });
    const text = cardText(card);
    expect(text).toContain('GraniteFalls.WestEurope.CloudApp.Azure.com');
    expect(text).toContain('No CNAME record is possible');
    expect(text).not.toContain(' CNAME GraniteFalls');
    expect(action(card, 'cutover.new').data).toEqual({ cmgName: 'GraniteFalls.cloudapp.net', region: 'westeurope', certificatePath: 'cloudappNet' });
  });

  it('works on a client without Action.Execute: the form\'s fallback Action.Submit gets the names card as a message', async () => {
    const client = bot.client();
    const form = await ask(client, 'service name');
    const fallback = (form.actions as { verb?: string; fallback?: { type: string; data: Record<string, unknown> } }[]).find((a) => a.verb === 'naming.serviceNames')?.fallback;
    expect(fallback?.type).toBe('Action.Submit');
    // What such a client sends: the fallback's data merged with the inputs, as a message without text.
    const before = bot.connector.sent(client.conversationId).length;
    await client.submit({ ...fallback!.data, cmgName: 'GraniteFalls', region: 'westeurope', certificateType: 'auto' });
    const reply = cardOf(bot.connector.sent(client.conversationId)[before]);
    expect(cardText(reply)).toContain('GraniteFalls.WestEurope.CloudApp.Azure.com');
  });

  it('redraws the form with the name error next to the name and keeps what was typed', async () => {
    const client = bot.client();
    const form = await ask(client, 'service name');
    const redrawn = await press(client, form, 'naming.serviceNames', { cmgName: 'Granite_Falls', region: 'eastus' });
    expect(inputById(redrawn, 'cmgName')?.value).toBe('Granite_Falls');
    expect(inputById(redrawn, 'region')?.value).toBe('eastus');
    expect(errorAfter(redrawn, 'cmgName')).toMatch(/contains "\\_"/);
    expect(errorAfter(redrawn, 'region')).toBeUndefined();

    const fixed = await press(client, redrawn, 'naming.serviceNames', { cmgName: 'GraniteFalls' });
    expect(cardText(fixed)).toContain('GraniteFalls.EastUS.CloudApp.Azure.com');
  });

  it('rejects a name that is too short in Dutch, next to the field', async () => {
    const client = bot.client({ locale: 'nl-NL' });
    const form = await ask(client, 'servicenaam');
    const redrawn = await press(client, form, 'naming.serviceNames', { cmgName: 'GF', region: 'westeurope' });
    expect(inputById(redrawn, 'cmgName')?.value).toBe('GF');
    expect(errorAfter(redrawn, 'cmgName')).toContain('3 tot 24');
  });

  it('says when the sources disagree instead of rejecting a hyphen', async () => {
    const text = cardText(await ask(bot.client(), 'service name granite-falls West Europe'));
    expect(text).toContain('granite-falls.WestEurope.CloudApp.Azure.com');
    expect(text).toContain("Microsoft's documentation disagrees about hyphens");
  });

  it('answers an unknown region with suggestions and keeps the typed name', async () => {
    const client = bot.client();
    const form = await ask(client, 'service name GraniteFalls Narnia');
    expect(inputById(form, 'cmgName')?.value).toBe('GraniteFalls');
    expect(errorAfter(form, 'region')).toMatch(/I do not know the region "Narnia"\. Did you mean .+\?/);
  });

  it('answers an unknown region in Dutch', async () => {
    const form = await ask(bot.client({ locale: 'nl-NL' }), 'servicenaam GraniteFalls Atlantis-Zuid');
    expect(inputById(form, 'cmgName')?.value).toBe('GraniteFalls');
    expect(errorAfter(form, 'region')).toContain('Ik ken de regio "Atlantis-Zuid" niet');
  });

  it('lists the candidates of an ambiguous region and offers only those in the form', async () => {
    const client = bot.client();
    const form = await ask(client, 'service name GraniteFalls Europe');
    expect(errorAfter(form, 'region')).toContain('"Europe" matches several regions: North Europe, West Europe');
    const choices = (inputById(form, 'region')?.choices as { value: string }[]).map((c) => c.value).sort();
    expect(choices).toEqual(['northeurope', 'westeurope']);
    const card = await press(client, form, 'naming.serviceNames', { region: 'northeurope' });
    expect(cardText(card)).toContain('GraniteFalls.NorthEurope.CloudApp.Azure.com');
  });

  it('forgives a small typo in the region and says how it read it', async () => {
    const text = cardText(await ask(bot.client(), 'service name GraniteFalls Esat US'));
    expect(text).toContain('GraniteFalls.EastUS.CloudApp.Azure.com');
    expect(text).toContain('I read "Esat US" as East US.');
  });

  it('asks for the full common name when "own domain" is chosen for a bare name', async () => {
    const client = bot.client();
    const form = await ask(client, 'service name');
    const redrawn = await press(client, form, 'naming.serviceNames', { cmgName: 'GraniteFalls', region: 'eastus', certificateType: 'own' });
    expect(errorAfter(redrawn, 'cmgName')).toContain('GraniteFalls.contoso.com');
    expect(inputById(redrawn, 'certificateType')?.value).toBe('own');
  });

  it('shows template syntax in a typed name literally', async () => {
    const client = bot.client();
    const form = await ask(client, 'service name');
    const redrawn = await press(client, form, 'naming.serviceNames', { cmgName: '${$root.title}', region: 'eastus' });
    expect(inputById(redrawn, 'cmgName')?.value).toBe('${$root.title}');
  });

  it('leaves a question about service names to the rest of the bot', async () => {
    const client = bot.client();
    await client.say('service name vs deployment name?');
    const turn = bot.logs.entries().filter((entry) => entry.msg === 'turn' && entry.activityType === 'message').pop();
    expect(turn?.command).not.toBe('naming.serviceNames');
  });
});
