import { startTestBot, TestBot } from '../harness/app';
import { cardOf, cardText, invokeCard, TeamsClient } from '../harness/teams';
import { action, errorAfter, executeActions, inputById, submission } from '../harness/cardWalk';

/** The numbered checklist steps of a card, in order. */
function checklistSteps(card: unknown): string[] {
  const steps: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (record.type === 'ColumnSet') {
        const columns = record.columns as { items: { text?: string }[] }[];
        const number = columns[0]?.items[0]?.text ?? '';
        if (/^\d+\.$/.test(number)) steps.push(String(columns[1]?.items[0]?.text));
      }
      Object.values(record).forEach(walk);
    }
  };
  walk(card);
  return steps;
}

/** Index of the first step containing `text`; fails the test when none does. */
function stepIndex(steps: string[], text: string): number {
  const index = steps.findIndex((step) => step.includes(text));
  if (index < 0) throw new Error(`no step contains "${text}":\n${steps.join('\n')}`);
  return index;
}

describe('certificate and cutover guidance over HTTP', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(async () => {
    await bot.stop();
  });

  async function start(client: TeamsClient, text: string): Promise<Record<string, unknown>> {
    const before = bot.connector.sent(client.conversationId).length;
    await client.say(text);
    const card = cardOf(bot.connector.sent(client.conversationId)[before]);
    expect(card).toBeDefined();
    return card!;
  }

  async function next(client: TeamsClient, card: unknown, inputs: Record<string, string>): Promise<Record<string, unknown>> {
    const result = await client.invoke('guidance.answer', submission(card, 'guidance.answer', inputs));
    const reply = invokeCard(result);
    expect(reply).toBeDefined();
    return reply!;
  }

  /** Answers every question the flow asks, from `answers`, and returns the final card and the questions asked. */
  async function walk(client: TeamsClient, first: Record<string, unknown>, answers: Record<string, string>): Promise<{ card: Record<string, unknown>; asked: string[] }> {
    let card = first;
    const asked: string[] = [];
    for (let guard = 0; guard < 8 && executeActions(card).some((a) => a.verb === 'guidance.answer'); guard++) {
      const ids = Object.keys(answers).filter((id) => inputById(card, id));
      expect(ids.length).toBeGreaterThan(0);
      asked.push(...ids);
      card = await next(client, card, Object.fromEntries(ids.map((id) => [id, answers[id]])));
    }
    return { card, asked };
  }

  const moving = { classicToday: 'yes', csp: 'no', moveNow: 'yes', version: '2111', cloud: 'public' };

  describe.each([
    ['en-US', 'certificate guidance'],
    ['nl-NL', 'certificaat advies'],
  ])('in %s', (locale, command) => {
    const dutch = locale.startsWith('nl');

    it('gives the own-domain steps in order with the computed names', async () => {
      const client = bot.client({ locale });
      const { card, asked } = await walk(client, await start(client, command), { ...moving, commonName: 'GraniteFalls.contoso.com', region: dutch ? 'VS-Oost' : 'East US' });
      expect(asked).not.toContain('certificateDomain');
      const text = cardText(card);
      expect(text).toContain('GraniteFalls.contoso.com. CNAME GraniteFalls.EastUS.CloudApp.Azure.com.');
      const steps = checklistSteps(card);
      const deploy = stepIndex(steps, dutch ? 'met hetzelfde certificaat' : 'with the same certificate');
      const convert = stepIndex(steps, '**Convert**');
      const test = stepIndex(steps, 'Connection analyzer');
      const cname = stepIndex(steps, dutch ? '**GraniteFalls.contoso.com** naar **GraniteFalls.EastUS.CloudApp.Azure.com**' : '**GraniteFalls.contoso.com** points to **GraniteFalls.EastUS.CloudApp.Azure.com**');
      const keepOld = stepIndex(steps, dutch ? 'Houd de oude klassieke CMG' : 'Keep the old classic CMG');
      const register = stepIndex(steps, dutch ? 'Registreer de vier resourceproviders' : 'Register the four resource providers');
      const positions = [register, deploy, convert, test, cname, keepOld];
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(new Set(positions).size).toBe(positions.length);
      expect(steps[steps.length - 1]).toContain('10140-10155');
      for (const provider of ['Microsoft.KeyVault', 'Microsoft.Storage', 'Microsoft.Network', 'Microsoft.Compute']) expect(text).toContain(provider);
      expect(action(card, 'providerCheck.start').data).toEqual({});
      expect(action(card, 'cutover.new').data).toEqual({ cmgName: 'GraniteFalls.contoso.com', region: 'eastus', certificatePath: 'ownDomain' });
      // Last, the name pre-flight for the names just computed.
      const verbs = executeActions(card).map((a) => a.verb);
      expect(verbs[verbs.length - 1]).toBe('namePreflight.start');
      expect(action(card, 'namePreflight.start')).toMatchObject({ title: dutch ? 'Controleer of de namen vrij zijn' : 'Check that the names are free', data: { name: 'GraniteFalls.contoso.com', region: 'eastus' } });
    });

    it('gives the cloudapp.net steps: new certificate, new CMG, second connection point, wait a day, remove the old', async () => {
      const client = bot.client({ locale });
      const { card, asked } = await walk(client, await start(client, command), { ...moving, commonName: 'GraniteFalls', region: 'westeurope', certificateDomain: 'cloudappNet' });
      expect(asked).toContain('certificateDomain');
      const steps = checklistSteps(card);
      const order = dutch
        ? ['Vraag een nieuw servercertificaat', 'Maak een nieuwe CMG', 'tweede CMG-verbindingspunt', 'minstens één dag', 'Verwijder daarna de oude CMG (**GraniteFalls.CloudApp.net**)']
        : ['Get a new server authentication certificate', 'Create a new CMG', 'second CMG connection point', 'at least one day', 'delete the old CMG (**GraniteFalls.CloudApp.net**)'];
      const positions = order.map((text) => stepIndex(steps, text));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(cardText(card)).toContain('GraniteFalls.WestEurope.CloudApp.Azure.com');
      expect(steps.join('\n')).not.toContain(dutch ? 'met hetzelfde certificaat' : 'with the same certificate');
      expect(action(card, 'cutover.new').data).toEqual({ cmgName: 'GraniteFalls.cloudapp.net', region: 'westeurope', certificatePath: 'cloudappNet' });
    });

    it('states the cloudapp.net issuer caveat in the admin\'s terms', async () => {
      const client = bot.client({ locale });
      const { card } = await walk(client, await start(client, command), { ...moving, commonName: 'GraniteFalls', region: 'westeurope', certificateDomain: 'cloudappNet' });
      const text = cardText(card);
      expect(text).toContain(dutch ? 'komt vrijwel zeker van je eigen PKI' : 'most likely came from your enterprise PKI');
      expect(text).not.toMatch(/article|artikel/i);
    });

    it('shows the unknown domain of a bare name in own-domain steps as a placeholder Teams keeps', async () => {
      const client = bot.client({ locale });
      const { card } = await walk(client, await start(client, command), { ...moving, commonName: 'GraniteFalls', region: 'westeurope', certificateDomain: 'own' });
      const text = cardText(card);
      expect(text).toContain(dutch ? 'GraniteFalls.{je domein}' : 'GraniteFalls.{your domain}');
      expect(text).not.toMatch(/<[a-z][\w ]*>/i);
    });

    it.each([
      ['moving with a bare name', { ...moving, commonName: 'GraniteFalls', region: 'westeurope', certificateDomain: 'cloudappNet' }],
      ['moving with a full name', { ...moving, commonName: 'GraniteFalls.contoso.com', region: 'westeurope' }],
      ['keeping the classic CMG', { classicToday: 'yes', csp: 'no', moveNow: 'no', version: '2403', cloud: 'public' }],
      ['a new CMG', { classicToday: 'no', csp: 'no', version: '2403', cloud: 'public', commonName: 'GraniteFalls.contoso.com', region: 'westeurope' }],
      ['a CSP subscription', { classicToday: 'yes', csp: 'yes', version: '2111', cloud: 'public', commonName: 'GraniteFalls', region: 'westeurope', certificateDomain: 'own' }],
    ])('shows progress that never goes backwards: %s', async (_case, answers) => {
      const client = bot.client({ locale });
      let card = await start(client, command);
      const seen: { step: number; total: number; line: string }[] = [];
      const pattern = dutch ? /^Stap (\d+) van (?:maximaal )?(\d+)$/ : /^Step (\d+) of (?:at most )?(\d+)$/;
      while (executeActions(card).some((a) => a.verb === 'guidance.answer')) {
        const line = cardText(card).split('\n').find((text) => pattern.test(text));
        const [, step, total] = pattern.exec(line ?? '') ?? [];
        seen.push({ step: Number(step), total: Number(total), line: line ?? '' });
        const ids = Object.keys(answers).filter((id) => inputById(card, id));
        card = await next(client, card, Object.fromEntries(ids.map((id) => [id, (answers as Record<string, string>)[id]])));
      }
      expect(seen.map((p) => p.step)).toEqual(seen.map((_, i) => i + 1));
      for (let i = 1; i < seen.length; i++) expect(seen[i].total).toBeLessThanOrEqual(seen[i - 1].total);
      for (const p of seen) expect(p.step).toBeLessThanOrEqual(p.total);
      // "of 3" without "at most" is a promise: the flow then asks exactly that many steps.
      const lines = seen.map((p) => p.line);
      const promised = lines.findIndex((line) => !/at most|maximaal/.test(line));
      if (promised >= 0) expect(seen.length).toBe(seen[promised].total);
    });

    it('redraws the names step with errors next to the fields and the typed input kept', async () => {
      const client = bot.client({ locale });
      let card = await start(client, command);
      for (const inputs of [{ classicToday: 'yes', csp: 'no' }, { moveNow: 'yes' }, { version: '2107', cloud: 'public' }] as Record<string, string>[]) card = await next(client, card, inputs);
      const redrawn = await next(client, card, { commonName: 'Granite_Falls', region: 'Narnia' });
      expect(inputById(redrawn, 'commonName')?.value).toBe('Granite_Falls');
      expect(inputById(redrawn, 'region')?.value).toBe('Narnia');
      expect(errorAfter(redrawn, 'commonName')).toContain('Granite\\_Falls');
      expect(errorAfter(redrawn, 'region')).toContain(dutch ? 'Ik ken de regio "Narnia" niet' : 'I do not know the region "Narnia"');
      const fixed = await next(client, redrawn, { commonName: 'GraniteFalls.contoso.com', region: 'Noord-Europa' });
      expect(cardText(fixed)).toContain('GraniteFalls.NorthEurope.CloudApp.Azure.com');
    });
  });

  it('keeps a classic CMG without a reason to move: no names asked, what changes later, no cutover offer', async () => {
    const client = bot.client();
    const { card, asked } = await walk(client, await start(client, 'certificate guidance'), { classicToday: 'yes', csp: 'no', moveNow: 'no', version: '2203', cloud: 'public' });
    expect(asked).not.toContain('commonName');
    const text = cardText(card);
    expect(text).toContain('No redeploy is needed');
    expect(text).toContain('From version 2403 the upgrade prerequisite check flags');
    expect(text).toContain('Microsoft.KeyVault');
    expect(executeActions(card).map((a) => a.verb)).toEqual(['providerCheck.start']);
  });

  it('sends a CSP subscription to the scale set without asking whether to move', async () => {
    const client = bot.client();
    const { card, asked } = await walk(client, await start(client, 'certificate guidance'), {
      classicToday: 'no',
      csp: 'yes',
      version: '2107',
      cloud: 'public',
      commonName: 'Northwind.litware.com',
      region: 'Sweden Central',
    });
    expect(asked).not.toContain('moveNow');
    const text = cardText(card);
    expect(text).toContain('A CSP subscription cannot host the classic cloud service');
    expect(text).toContain('Northwind.litware.com. CNAME Northwind.SwedenCentral.CloudApp.Azure.com.');
  });

  it('warns about the preview limitations and the US Government cloud on 2010', async () => {
    const client = bot.client();
    const { card } = await walk(client, await start(client, 'certificate guidance'), { ...moving, version: '2010', cloud: 'usgov', commonName: 'GraniteFalls.contoso.com', region: 'eastus' });
    const text = cardText(card);
    expect(text).toContain('Enforce TLS 1.2');
    expect(text).toContain('Upgrade to 2111 or later first');
    expect(text).toContain('cannot have a classic CMG and a scale-set CMG at the same time');
  });

  it('does not warn about TLS 1.2 or US Government when they do not apply', async () => {
    const client = bot.client();
    const { card } = await walk(client, await start(client, 'certificate guidance'), { ...moving, version: '2203', commonName: 'GraniteFalls.contoso.com', region: 'eastus' });
    const text = cardText(card);
    expect(text).not.toContain('Enforce TLS 1.2');
    expect(text).not.toContain('US Government');
  });

  it('starts from the service names card with the names already answered', async () => {
    const client = bot.client();
    const namesCard = await start(client, 'service name GraniteFalls.contoso.com East US');
    const result = await client.invoke('guidance.start', action(namesCard, 'guidance.start').data);
    const { card, asked } = await walk(client, invokeCard(result)!, moving);
    expect(asked).not.toContain('commonName');
    expect(cardText(card)).toContain('GraniteFalls.contoso.com. CNAME GraniteFalls.EastUS.CloudApp.Azure.com.');
  });

  it('takes the certificate name and region typed after the command', async () => {
    const client = bot.client({ locale: 'nl-NL' });
    const { card, asked } = await walk(client, await start(client, 'certificaat advies GraniteFalls.contoso.com VS-Oost'), moving);
    expect(asked).not.toContain('region');
    expect(cardText(card)).toContain('GraniteFalls.contoso.com. CNAME GraniteFalls.EastUS.CloudApp.Azure.com.');
    expect(cardText(card)).toContain('Je checklist');
  });

  it('does not trust carried answers: unknown values are asked again', async () => {
    const client = bot.client();
    const result = await client.invoke('guidance.answer', { step: 'bogus', answers: { classicToday: 'maybe', region: 'narnia', commonName: 'x' } });
    const card = invokeCard(result)!;
    expect(inputById(card, 'classicToday')).toBeDefined();
    expect(cardText(card)).not.toContain('narnia');
  });

  it('asks again when a choice is left empty', async () => {
    const client = bot.client({ locale: 'nl-NL' });
    const first = await start(client, 'certificaat advies');
    const redrawn = await next(client, first, { classicToday: 'yes' });
    expect(inputById(redrawn, 'classicToday')?.value).toBe('yes');
    expect(errorAfter(redrawn, 'csp')).toBe('Kies een antwoord.');
  });
});
