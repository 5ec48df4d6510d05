import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Collection } from '../../src/storage/store';
import { SqliteStore } from '../../src/storage/sqliteStore';
import { startTestBot, TestBot } from '../harness/app';
import { CountingStore } from '../harness/countingStore';
import { cardOf, cardText, TeamsClient, teamsUser } from '../harness/teams';

interface QaExample {
  id: string;
  lang: 'en' | 'nl';
  question: string;
  must: string[][];
  kind: 'in-scope' | 'out-of-scope';
}

const examples: QaExample[] = readFileSync(join(__dirname, '../fixtures/knowledge/qa-examples.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as QaExample);

describe('CMG planning answers over HTTP', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(async () => {
    await bot.stop();
  });

  /** Asks a question and returns every card the bot sent in reply. */
  async function ask(client: TeamsClient, text: string): Promise<Record<string, unknown>[]> {
    const before = bot.connector.sent(client.conversationId).length;
    expect((await client.say(text)).status).toBe(200);
    const replies = bot.connector.sent(client.conversationId).slice(before);
    expect(replies.length).toBeGreaterThan(0);
    return replies.map((reply) => cardOf(reply) ?? {});
  }

  describe.each(examples.filter((example) => example.kind === 'in-scope').map((example) => [example.id, example] as const))('public example %s', (_id, example) => {
    it(`answers "${example.question}" with every required fact`, async () => {
      const client = bot.client({ locale: example.lang === 'nl' ? 'nl-NL' : 'en-US' });
      const [reply, ...rest] = await ask(client, example.question);
      expect(rest).toHaveLength(0);
      const text = cardText(reply).toLowerCase();
      for (const group of example.must) {
        expect(group.some((option) => text.includes(option.toLowerCase())) ? group : text).toEqual(group);
      }
    });
  });

  /** Card buttons that post a message (Action.Submit, also as a container's selectAction), with their data. */
  function submitActions(card: unknown): { title: string; data: Record<string, unknown> }[] {
    const found: { title: string; data: Record<string, unknown> }[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const value = node as Record<string, unknown>;
        if (value.type === 'Action.Submit') found.push({ title: String(value.title ?? ''), data: (value.data ?? {}) as Record<string, unknown> });
        Object.values(value).forEach(walk);
      }
    };
    walk(card);
    return found;
  }

  /** Presses an Action.Submit button: Teams sends its data as a message, and the reply is a new message. */
  async function press(client: TeamsClient, data: Record<string, unknown>): Promise<Record<string, unknown>[]> {
    const before = bot.connector.sent(client.conversationId).length;
    const updatesBefore = bot.connector.updates(client.conversationId).length;
    expect((await client.submit(data)).status).toBe(200);
    // The card someone is reading stays as it is: nothing is replaced.
    expect(bot.connector.updates(client.conversationId).length).toBe(updatesBefore);
    return bot.connector.sent(client.conversationId).slice(before);
  }

  it.each(examples.filter((example) => example.kind === 'out-of-scope').map((example) => [example.id, example] as const))(
    'public example %s: one short decline with a Help button, and the button shows what the bot can do',
    async (_id, example) => {
      const client = bot.client({ locale: example.lang === 'nl' ? 'nl-NL' : 'en-US', scope: 'channel' });
      const replies = await ask(client, example.question);
      expect(replies).toHaveLength(1);
      const [decline] = replies;
      expect(cardText(decline)).toMatch(example.lang === 'nl' ? /Daar kan ik geen antwoord op geven/ : /I cannot answer that/);
      expect(cardText(decline)).not.toMatch(/Wat ik kan|What I can do/);
      // No answer card, so no CMG facts that were not asked for.
      expect(submitActions(decline).some((action) => action.data.verb === 'kb.feedback')).toBe(false);
      expect(cardText(decline)).not.toMatch(/Microsoft\.|cloudapp|443/);
      const help = submitActions(decline).find((action) => action.data.verb === 'kb.help')!;
      expect(help.title).toBe(example.lang === 'nl' ? 'Hulp' : 'Help');
      const [helpCard] = await press(client, help.data);
      expect(cardText(cardOf(helpCard))).toMatch(example.lang === 'nl' ? /Wat ik kan/ : /What I can do/);
    },
  );

  it('answers the same question in the language it was asked in, with the Microsoft Learn page in that language', async () => {
    const english = (await ask(bot.client({ locale: 'en-US' }), 'which resource providers does a vmss cmg need?'))[0];
    const dutch = (await ask(bot.client({ locale: 'nl-NL' }), 'welke resourceproviders heeft een cmg op een schaalset nodig?'))[0];
    expect(cardText(english)).toContain('Register four resource providers');
    expect(cardText(english)).toContain('Helpful');
    expect(cardText(dutch)).toContain('Registreer vier resourceproviders');
    expect(cardText(dutch)).toContain('Nuttig');
    for (const card of [english, dutch]) for (const provider of ['Microsoft.KeyVault', 'Microsoft.Storage', 'Microsoft.Network', 'Microsoft.Compute']) expect(cardText(card)).toContain(provider);
    expect(cardText(english)).toContain('[Configure Microsoft Entra ID for CMG](https://learn.microsoft.com/intune/configmgr/core/clients/manage/cmg/configure-azure-ad)');
    expect(cardText(dutch)).toContain('(https://learn.microsoft.com/nl-nl/intune/configmgr/core/clients/manage/cmg/configure-azure-ad)');
    expect(cardText(english)).not.toMatch(/memdocs|\.md\b/);
  });

  it('answers in Dutch for nl-BE, and for a clearly Dutch question from an English client', async () => {
    const belgian = cardText((await ask(bot.client({ locale: 'nl-BE' }), 'how long is the azure app secret valid?'))[0]);
    expect(belgian).toContain('1 jaar');
    const dutchFromEnglishClient = cardText((await ask(bot.client({ locale: 'en-US' }), 'hoe lang is het secret van de azure app standaard geldig?'))[0]);
    expect(dutchFromEnglishClient).toContain('1 jaar');
    const english = cardText((await ask(bot.client({ locale: 'en-GB' }), 'how long is the azure app secret valid?'))[0]);
    expect(english).toContain('1 year');
  });

  it('answers in a channel when @mentioned', async () => {
    const [reply] = await ask(bot.client({ scope: 'channel' }), 'is wake on lan supported through the cmg?');
    const text = cardText(reply);
    expect(text).toContain('Wake on LAN');
    // The verdict for the feature asked about comes first.
    expect(text).toContain('No: **Wake on LAN** is **not supported** through the CMG.');
  });

  it('shows which question the card answers, and computes sizing from the client count', async () => {
    const [reply] = await ask(bot.client({ locale: 'nl-NL' }), 'hoeveel VM-instanties voor 45.000 clients');
    const text = cardText(reply);
    expect(text).toContain('Capaciteit voor 45.000 clients');
    expect(text).toContain('**8 VM-instanties**');
    // 45,000 clients exceed two connection points' 16,384 notification ports each.
    expect(text).toContain('**3 verbindingspunten**');
  });

  it('hands a computed service name question to the service-names card', async () => {
    const [reply] = await ask(bot.client({ locale: 'en-US' }), 'what will the service name be for Contoso in West Europe?');
    expect(cardText(reply).toLowerCase()).toContain('contoso.westeurope.cloudapp.azure.com');
  });

  it('gives a cloudapp.net certificate and a region the ordered steps with the new name, a second connection point and the wait', async () => {
    const [reply] = await ask(bot.client({ locale: 'en-US' }), 'our cert is GraniteFalls.cloudapp.net and we move to West Europe, how do we migrate to a scale set?');
    const text = cardText(reply);
    const steps = ['**new certificate**', '**granitefalls.westeurope.cloudapp.azure.com**', '**second CMG connection point**', '**at least one day**', 'delete the old CMG'].map((part) => text.indexOf(part));
    expect(steps.every((at) => at >= 0)).toBe(true);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
    expect(text).toContain('For your setup');
  });

  it('gives a Dutch own-domain certificate and a region the computed CNAME record when asked about DNS', async () => {
    const [reply] = await ask(bot.client({ locale: 'nl-NL' }), 'ons certificaat is cmg.contoso.nl en we gaan naar een schaalset in West-Europa, wat gebeurt er met de dns?');
    const text = cardText(reply);
    expect(text).toContain('cmg.contoso.nl. CNAME cmg.westeurope.cloudapp.azure.com.');
    expect(text).toContain('Voor jouw situatie');
    expect(text).toContain('minstens één dag');
  });

  it('gives the verdict for the version the admin names, and says when that version is out of support', async () => {
    const [reply] = await ask(bot.client({ locale: 'en-US' }), 'we are on 2309, can I still create a classic cmg?');
    const text = cardText(reply);
    expect(text).toContain('On version 2309 you **cannot** create a classic CMG any more: that option was removed in 2203');
    expect(text).toContain('version 2309 is out of support');
  });

  it('answers both parts of a two-part question in two sections', async () => {
    const [reply] = await ask(bot.client({ locale: 'en-US' }), 'which resource providers does a scale-set cmg need, and how many connection points for 10 instances?');
    const text = cardText(reply);
    expect(text).toContain('Microsoft.KeyVault');
    expect(text).toContain('**3 CMG connection points**');
    const feedback = submitActions(reply).find((action) => action.data.verb === 'kb.feedback')!;
    expect(feedback.data.entryIds).toEqual(['rp-vmss', 'size-cp-count']);
  });

  it('records 👍/👎 as a message only the voter sees, once per person, keeps the card, and lists negative feedback in the curation report', async () => {
    const client = bot.client({ scope: 'channel' });
    const [reply] = await ask(client, 'what does CMGContentService.log record?');
    const down = submitActions(reply).find((action) => action.data.verb === 'kb.feedback' && action.data.vote === 'down');
    expect(down).toBeDefined();
    const { verb, ...data } = down!.data;
    const sentBefore = bot.connector.sent(client.conversationId).length;
    const vote = async () => ((await client.invoke(String(verb), data)).body as { type: string; value: string });
    const first = await vote();
    expect(first.type).toBe('application/vnd.microsoft.activity.message');
    expect(first.value).toContain('Thanks, noted');
    // Pressing again does not count twice, and nothing is posted into the channel either time.
    expect((await vote()).value).toContain('already noted');
    expect(bot.connector.sent(client.conversationId).length).toBe(sentBefore);
    expect(bot.connector.updates(client.conversationId)).toHaveLength(0);
    // Another person's vote counts.
    const other = bot.client({ scope: 'channel', conversationId: client.conversationId, user: teamsUser('Second Admin') });
    expect(((await other.invoke(String(verb), data)).body as { value: string }).value).toContain('Thanks, noted');
    const report = await bot.app.capabilities.knowledge.report();
    expect(report.negative).toEqual(expect.arrayContaining([expect.objectContaining({ entryId: down!.data.entryId, down: 2 })]));
  });

  it('posts an other answer as a new message and keeps the card someone is reading', async () => {
    const client = bot.client({ scope: 'channel' });
    const [reply] = await ask(client, 'which resource providers does a vmss cmg need?');
    expect(cardText(reply)).toContain('Other answers');
    const other = submitActions(reply).find((action) => action.data.verb === 'kb.ask');
    expect(other?.title).toBeTruthy();
    const [next] = await press(client, other!.data);
    expect(cardText(cardOf(next))).toContain(other!.title);
  });

  it('records questions it could not answer, counted, for the curation report', async () => {
    const client = bot.client({ locale: 'en-US' });
    await ask(client, 'how do I set up a print server cluster?');
    await ask(bot.client({ locale: 'en-US' }), 'How do I set up a  print server cluster? ');
    const report = await bot.app.capabilities.knowledge.report();
    expect(report.unanswered).toEqual(expect.arrayContaining([expect.objectContaining({ question: 'how do I set up a print server cluster?', count: 2, reason: 'outOfScope' })]));
  });

  it('offers "Did you mean" on a real tie, posts the choice as a new message, and records "none of these"', async () => {
    // "cmg certificate?" could be the wildcard, the cloudapp.net or the own-domain certificate: a real tie.
    const client = bot.client({ locale: 'en-US', scope: 'channel' });
    const [card] = await ask(client, 'cmg certificate?');
    expect(cardText(card)).toContain('Did you mean');
    const choices = submitActions(card).filter((action) => action.data.verb === 'kb.choose');
    expect(choices.length).toBeGreaterThanOrEqual(2);
    const [answer] = await press(client, choices[0].data);
    expect(cardText(cardOf(answer))).toContain(choices[0].title);

    const dutch = bot.client({ locale: 'nl-NL' });
    const [dutchCard] = await ask(dutch, 'cmg certificaat?');
    expect(cardText(dutchCard)).toContain('Bedoelde je');
    const none = submitActions(dutchCard).find((action) => action.data.verb === 'kb.none')!;
    expect(none.title).toBe('Geen van deze');
    const [noted] = await press(dutch, none.data);
    expect(cardText(cardOf(noted))).toContain('genoteerd');
    const report = await bot.app.capabilities.knowledge.report();
    expect(report.unanswered).toEqual(expect.arrayContaining([expect.objectContaining({ question: 'cmg certificaat?', reason: 'noneOfThese', lang: 'nl' })]));
  });

  it('shows a question typed with ${...} literally', async () => {
    const [reply] = await ask(bot.client(), 'which port does the ${$root.answer} service connection point use?');
    expect(JSON.stringify(reply)).toContain('${$root.answer}');
  });
});

describe('unanswered questions, written after the reply', () => {
  const OUT_OF_SCOPE = 'how do I set up a print server cluster?';

  it('answers at once when storage fails, and logs that the question was not recorded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cmg-unanswered-'));
    // A real store whose unanswered-question collection is down.
    const store = new (class extends CountingStore {
      override collection<T>(name: string, index?: Parameters<CountingStore['collection']>[1]): Collection<T> {
        const real = super.collection<T>(name, index);
        if (name !== 'kbUnanswered') return real;
        const down = () => Promise.reject(new Error('storage down'));
        return { ...real, get: down, create: down, replace: down, change: down } as Collection<T>;
      }
    })(new SqliteStore(join(dir, 'bot.db')));
    const bot = await startTestBot({}, { store });
    try {
      const client = bot.client({ locale: 'en-US' });
      expect((await client.say(OUT_OF_SCOPE)).status).toBe(200);
      const [reply] = bot.connector.sent(client.conversationId);
      expect(cardText(cardOf(reply))).toContain('I cannot answer that');
      expect(cardText(cardOf(reply))).not.toContain('Something went wrong');
      await bot.app.idle();
      expect(bot.logs.entries()).toEqual(expect.arrayContaining([expect.objectContaining({ msg: 'could not record an unanswered question', correlationId: expect.any(String) })]));
    } finally {
      await bot.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes the questions still waiting before it stops', async () => {
    const bot = await startTestBot();
    try {
      const client = bot.client({ locale: 'nl-NL' });
      await client.say(OUT_OF_SCOPE);
      await client.say('hoe zet ik een printserver cluster op?');
      // Straight after the replies: the questions are still waiting to be written.
      await bot.restart();
      const report = await bot.app.capabilities.knowledge.report();
      expect(report.unanswered).toEqual(
        expect.arrayContaining([expect.objectContaining({ question: OUT_OF_SCOPE, count: 1 }), expect.objectContaining({ question: 'hoe zet ik een printserver cluster op?', lang: 'nl' })]),
      );
    } finally {
      await bot.stop();
    }
  });
});

/** "None of these" stays on its "Did you mean" card: pressing it again must not count again. */
describe('"none of these" on the curation report', () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(async () => {
    await bot.stop();
  });

  it('counts each person once per question, however often they press it', async () => {
    const client = bot.client({ locale: 'en-US', scope: 'channel' });
    await client.say('cmg certificate?');
    expect(JSON.stringify(bot.connector.sent(client.conversationId).at(-1))).toContain('kb.none');
    for (let i = 0; i < 3; i++) expect((await client.submit({ verb: 'kb.none', question: 'cmg certificate?', lang: 'en' })).status).toBe(200);
    // The same wording, differently spaced and cased, is the same question.
    await client.submit({ verb: 'kb.none', question: '  CMG   certificate? ', lang: 'en' });
    const once = await bot.app.capabilities.knowledge.report();
    expect(once.unanswered.find((item) => item.question === 'cmg certificate?')).toMatchObject({ reason: 'noneOfThese', count: 1 });
    // Someone else pressing it counts.
    await client.as(teamsUser('Other Admin')).submit({ verb: 'kb.none', question: 'cmg certificate?', lang: 'en' });
    const twice = await bot.app.capabilities.knowledge.report();
    expect(twice.unanswered.find((item) => item.question === 'cmg certificate?')).toMatchObject({ count: 2 });
  });
});
