import type { Activity } from 'botbuilder';
import { generatedTexts } from '../../test/harness/generatedText';
import { stripControls } from '../text/controls';
import { actorOf, cardDataOf, conversationOf, localeOf, messageText, tenantOf, timezoneOf, turnFacts } from './activityFacts';

const BOT = { id: '28:bot', name: 'CMG Assistant' };

/** A Teams message as the channel sends it, with only what a case changes. */
function activity(overrides: Partial<Activity> = {}): Partial<Activity> {
  return { type: 'message', recipient: BOT, conversation: { id: '19:c@thread.v2', conversationType: 'groupChat', isGroup: true, name: '' }, ...overrides } as Partial<Activity>;
}

const mention = (who: { id: string; name: string }) => ({ type: 'mention', text: `<at>${who.name}</at>`, mentioned: who });

describe('localeOf and timezoneOf', () => {
  it.each([
    ['the activity locale', { locale: 'nl-NL' }, 'nl-NL'],
    ['clientInfo when the activity has none (install events)', { entities: [{ type: 'clientInfo', locale: 'nl-BE' }] }, 'nl-BE'],
    ['the activity before clientInfo', { locale: 'en-US', entities: [{ type: 'clientInfo', locale: 'nl-NL' }] }, 'en-US'],
    ['nothing at all', {}, undefined],
    ['an empty locale as nothing', { locale: '' }, undefined],
  ])('locale: %s', (_case, overrides, expected) => {
    expect(localeOf(activity(overrides as Partial<Activity>))).toBe(expected);
  });

  it.each([
    ['localTimezone', { localTimezone: 'Europe/Amsterdam' }, 'Europe/Amsterdam'],
    ['clientInfo', { entities: [{ type: 'clientInfo', timezone: 'America/New_York' }] }, 'America/New_York'],
    ['nothing', {}, undefined],
  ])('time zone from %s', (_case, overrides, expected) => {
    expect(timezoneOf(activity(overrides as Partial<Activity>))).toBe(expected);
  });
});

describe('conversationOf', () => {
  it.each([
    ['a channel', { id: '19:x@thread.tacv2', conversationType: 'channel', tenantId: 't1' }, { team: { id: '19:team' } }, { type: 'channel', tenantId: 't1', teamId: '19:team', scopeId: '19:x@thread.tacv2' }],
    [
      'a thread of a channel: replies go to the thread, data belongs to the channel',
      { id: '19:x@thread.tacv2;messageid=1712345678901', conversationType: 'channel' },
      undefined,
      { type: 'channel', id: '19:x@thread.tacv2;messageid=1712345678901', scopeId: '19:x@thread.tacv2' },
    ],
    ['a group chat', { id: '19:x@thread.v2', conversationType: 'groupChat' }, undefined, { type: 'groupChat', scopeId: '19:x@thread.v2' }],
    ['a group chat known only by isGroup', { id: '19:x', isGroup: true }, undefined, { type: 'groupChat' }],
    ['a personal chat', { id: 'a:x', conversationType: 'personal' }, undefined, { type: 'personal' }],
    ['the tenant from channel data of older payloads', { id: 'a:x' }, { tenant: { id: 't2' } }, { type: 'personal', tenantId: 't2' }],
  ])('%s', (_case, conversation, channelData, expected) => {
    expect(conversationOf(activity({ conversation, channelData } as Partial<Activity>))).toMatchObject(expected);
  });
});

describe('actorOf', () => {
  it('lower-cases the Entra object id, which every permission check compares exactly', () => {
    expect(actorOf(activity({ from: { id: '29:a', name: 'Alex', aadObjectId: 'ABCDEF00-0000-0000-0000-00000000000A' } }))).toEqual({
      id: '29:a',
      name: 'Alex',
      aadObjectId: 'abcdef00-0000-0000-0000-00000000000a',
    });
  });

  it('leaves the Entra id out when the client sends none (local tools)', () => {
    expect(actorOf(activity({ from: { id: '29:a', name: 'Alex' } }))).toEqual({ id: '29:a', name: 'Alex', aadObjectId: undefined });
  });

  it('drops control and bidi-override characters from the display name', () => {
    expect(actorOf(activity({ from: { id: '29:a', name: 'Alex\u202E nimdA\u001b[0m' } })).name).toBe('Alex nimdA[0m');
  });
});

describe('tenantOf', () => {
  it.each([
    ['the conversation tenant, lower-cased', { id: 'a:x', tenantId: 'AAAA' }, undefined, { id: 'aaaa', conflict: false }],
    ['channel data of older payloads', { id: 'a:x' }, { tenant: { id: 'bbbb' } }, { id: 'bbbb', conflict: false }],
    ['both, agreeing in any case', { id: 'a:x', tenantId: 'AAAA' }, { tenant: { id: 'aaaa' } }, { id: 'aaaa', conflict: false }],
    ['both, disagreeing', { id: 'a:x', tenantId: 'aaaa' }, { tenant: { id: 'bbbb' } }, { id: 'aaaa', conflict: true }],
    ['none', { id: 'a:x' }, undefined, { id: undefined, conflict: false }],
  ])('%s', (_case, conversation, channelData, expected) => {
    expect(tenantOf(activity({ conversation, channelData } as Partial<Activity>))).toEqual(expected);
  });
});

describe('cardDataOf', () => {
  it('drops control and bidi-override characters from every string a card sends back', () => {
    expect(cardDataOf({ verb: 'cutover.create', notes: 'ok\u202Eexe.txt', nested: { cmgName: '\u001b[31mGF' }, waitingDays: 2 })).toEqual({
      verb: 'cutover.create',
      notes: 'okexe.txt',
      nested: { cmgName: '[31mGF' },
      waitingDays: 2,
    });
  });

  it('reads anything but an object as no data', () => {
    expect(cardDataOf('text')).toEqual({});
    expect(cardDataOf([1])).toEqual({});
    expect(cardDataOf(undefined)).toEqual({});
  });
});

describe('messageText', () => {
  const jan = { id: '29:jan', name: 'Jan de Vries' };
  it.each([
    ['plain text, trimmed', 'help  ', [], 'help'],
    ['the bot mention removed', '<at>CMG Assistant</at> help', [mention(BOT)], 'help'],
    ['another person kept by name', '<at>CMG Assistant</at> remind me to ask <at>Jan de Vries</at> about DNS', [mention(BOT), mention(jan)], 'remind me to ask Jan de Vries about DNS'],
    ['a mention of someone else only', 'tell <at>Jan de Vries</at>', [mention(jan)], 'tell Jan de Vries'],
    ['HTML spaces and runs of whitespace tidied', 'service&nbsp;name\u00a0 GraniteFalls', [], 'service name GraniteFalls'],
    ['terminal escapes and bidi overrides dropped', 'why \u001b[2Jdoes\u202E it fail', [], 'why [2Jdoes it fail'],
    ['nothing', undefined, [], ''],
  ])('%s', (_case, text, entities, expected) => {
    expect(messageText(activity({ text, entities } as Partial<Activity>))).toBe(expected);
  });

  it('gives what its tidying passes give, also when it skips them (text that needs none)', () => {
    // The passes written out, as messageText ran them before it learned to skip them.
    const passes = (text: string) =>
      stripControls(text)
        .replace(/<at>([^<]*)<\/at>/gi, '$1')
        .replace(/&nbsp;|\u00a0/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    const pieces = ['help', 'CMG', ' ', ' ', '  ', '\n', '\t', '\r', '\u00a0', '\u2009', '&nbsp;', '&NBSP;', '&amp;', '<at>', '</at>', '<AT>', '</At>', 'Jan', '<', '>', 'é', '👍', '\u202e'];
    let trimmedOnly = 0;
    for (const text of generatedTexts(0x3c6ef372, 5000, 9, pieces)) {
      const expected = passes(text);
      expect(messageText(activity({ text, entities: [] } as Partial<Activity>))).toBe(expected);
      if (expected === stripControls(text).trim()) trimmedOnly++;
    }
    // Both kinds were generated: texts that need only trimming and texts the passes change.
    expect(trimmedOnly).toBeGreaterThan(100);
    expect(trimmedOnly).toBeLessThan(4900);
  });

  it('leaves the activity as it came', () => {
    const incoming = activity({ text: '<at>CMG Assistant</at> help', entities: [mention(BOT)] });
    messageText(incoming);
    expect(incoming.text).toBe('<at>CMG Assistant</at> help');
  });
});

describe('turnFacts', () => {
  it.each([
    ['nl-NL', 'nl'],
    ['nl-be', 'nl'],
    ['en-US', 'en'],
    ['fr-FR', 'en'],
    [undefined, 'en'],
  ])('answers %s in %s', (locale, lang) => {
    expect(turnFacts(activity({ locale })).lang).toBe(lang);
  });
});
