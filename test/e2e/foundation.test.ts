import { cardOf, cardText, postJson } from '../harness/teams';
import { startTestBot, TestBot } from '../harness/app';

describe('the bot over HTTP (anonymous local mode)', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot();
  });
  afterEach(async () => {
    await bot.stop();
  });

  it('serves /healthz and /readyz', async () => {
    const health = await fetch(`${bot.app.url}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${bot.app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('answers help in English with a card listing what it can do', async () => {
    const client = bot.client({ locale: 'en-US' });
    const result = await client.say('help');
    expect(result.status).toBe(200);
    const [reply] = bot.connector.sent(client.conversationId);
    const text = cardText(cardOf(reply));
    expect(text).toContain('What I can do');
    expect(text).toContain('check providers');
    expect(text).toContain('plan cutover');
  });

  it.each(['nl', 'nl-NL', 'nl-BE'])('answers hulp in Dutch for locale %s', async (locale) => {
    const client = bot.client({ locale });
    await client.say('hulp');
    const text = cardText(cardOf(bot.connector.sent(client.conversationId)[0]));
    expect(text).toContain('Wat ik kan');
    expect(text).toContain('controleer providers');
  });

  it('strips its @mention in a channel before routing', async () => {
    const client = bot.client({ scope: 'channel' });
    await client.say('help');
    const text = cardText(cardOf(bot.connector.sent(client.conversationId)[0]));
    expect(text).toContain('What I can do');
    const turn = bot.logs.entries().find((entry) => entry.msg === 'turn' && entry.activityType === 'message');
    expect(turn).toMatchObject({ conversationType: 'channel', command: 'help' });
    expect(typeof turn?.durationMs).toBe('number');
  });

  it('greets once when installed, although Teams sends two install events', async () => {
    const client = bot.client({ scope: 'channel', locale: 'nl-NL' });
    await client.installationUpdate('add');
    await client.botMembership('added');
    const sent = bot.connector.sent(client.conversationId);
    expect(sent).toHaveLength(1);
    expect(cardText(cardOf(sent[0]))).toContain('Hallo, ik ben CMG Assistant');
  });

  it('keeps the conversation reference across a restart and forgets it on uninstall', async () => {
    const client = bot.client({ scope: 'groupChat' });
    await client.installationUpdate('add');
    await bot.restart();
    const messageId = await bot.app.outbox.send(client.conversationId, { kind: 'text', text: 'proactive hello' });
    expect(messageId).toBeTruthy();
    expect(bot.connector.sent(client.conversationId).map((a) => a.text)).toContain('proactive hello');

    await client.installationUpdate('remove');
    await expect(bot.app.outbox.send(client.conversationId, { kind: 'text', text: 'again' })).rejects.toMatchObject({ status: 404 });
  });

  it('refuses malformed JSON with 400 and keeps serving', async () => {
    const bad = await postJson(`${bot.app.url}/api/messages`, undefined, undefined, '{"type": "message", ');
    expect(bad.status).toBe(400);
    const notAnObject = await postJson(`${bot.app.url}/api/messages`, undefined, undefined, '[1,2,3]');
    expect(notAnObject.status).toBe(400);
    const noType = await postJson(`${bot.app.url}/api/messages`, { text: 'hi' });
    expect(noType.status).toBe(400);
    expect((await fetch(`${bot.app.url}/healthz`)).status).toBe(200);
  });

  it('refuses a body over the size limit with 413', async () => {
    const client = bot.client();
    const huge = await client.say('x'.repeat(300 * 1024));
    expect(huge.status).toBe(413);
    expect((await fetch(`${bot.app.url}/healthz`)).status).toBe(200);
  });

  it('shows a card action it does not know as an out-of-date card, not an error', async () => {
    const client = bot.client();
    const result = await client.invoke('no-such-verb', {});
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.activity.message' });
  });

  it('answers an unexpected failure with a localized error card whose reference is in the log', async () => {
    // Closing the real store makes every write fail, as a lost disk or database would.
    await bot.app.store.close();
    expect((await fetch(`${bot.app.url}/readyz`)).status).toBe(503);
    const client = bot.client({ locale: 'nl-NL' });
    const result = await client.say('help');
    expect(result.status).toBe(200);
    const card = cardOf(bot.connector.sent(client.conversationId)[0]);
    const text = cardText(card);
    expect(text).toContain('Er ging iets mis');
    expect(text).not.toMatch(/at .*\.ts:\d+|Error:/);
    const reference = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/.exec(text)?.[0];
    expect(reference).toBeDefined();
    expect(bot.logs.entries().some((entry) => entry.msg === 'turn failed' && entry.correlationId === reference)).toBe(true);
  });

  it('refuses card data its button could not have sent with one localized error, logged under the turn\'s correlation id', async () => {
    const client = bot.client({ locale: 'nl-NL' });
    const result = await client.invoke('cutover.approve', { planId: 'CABCDE', revision: 'not a number' });
    expect(result.body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadCardData' } });
    expect((result.body as { value: { message: string } }).value.message).toContain('Er is niets gewijzigd');
    const refused = bot.logs.entries().find((entry) => entry.msg === 'card data refused');
    const turn = bot.logs.entries().find((entry) => entry.msg === 'turn' && entry.command === 'card:cutover.approve');
    expect(refused?.correlationId).toBeDefined();
    expect(refused?.correlationId).toBe(turn?.correlationId);
    // The same refusal for a clicked Action.Submit fallback, as a message.
    await client.submit({ verb: 'reminder.done', round: 1 });
    expect(bot.connector.sent(client.conversationId).at(-1)?.text).toContain('Er is niets gewijzigd');
  });
});
