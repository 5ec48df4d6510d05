import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CardRenderer, MissingCardData } from '../src/bot/cardRenderer';
import type { Capabilities } from '../src/bot/capabilities';
import { cardActionTable } from '../src/bot/commands';
import { TEMPLATE_NAMES } from '../src/cardTemplates';
import { card, messageCard } from '../src/turn';
import { cardProblems } from './harness/cardValidation';
import { nodes } from './harness/cardWalk';
import type { CardSample } from './cardSamples/types';

const samples: CardSample[] = readdirSync(join(__dirname, 'cardSamples'))
  .filter((file) => file.endsWith('.ts') && file !== 'types.ts')
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  .flatMap((file) => (require(join(__dirname, 'cardSamples', file)) as { cardSamples: CardSample[] }).cardSamples);

/** Strict, as every test renders: a field the data lacks fails instead of showing "—". */
const renderer = new CardRenderer({ strict: true });
const rendered = samples.map((sample) => ({ sample, card: renderer.render(sample.reply) }));
/** The table only needs the capabilities when a verb runs; listing verbs never touches them. */
const registered = new Set(cardActionTable({} as Capabilities).map((action) => action.verb));

/** Every verb a card can send: Action.Execute verbs, and the verb in each Action.Submit fallback's data. */
function verbsOf(cardJson: unknown): { type: string; verb: string }[] {
  return nodes(cardJson).flatMap((node) => {
    if (node.type === 'Action.Execute') return [{ type: 'Action.Execute', verb: String(node.verb) }];
    if (node.type === 'Action.Submit') return [{ type: 'Action.Submit', verb: String((node.data as { verb?: unknown } | undefined)?.verb) }];
    return [];
  });
}

describe('card templates', () => {
  it('lists exactly the templates under cards/', () => {
    const files = readdirSync(join(__dirname, '..', 'cards')).filter((file) => file.endsWith('.json')).map((file) => file.slice(0, -'.json'.length));
    expect([...TEMPLATE_NAMES].sort()).toEqual(files.sort());
  });

  it.each(TEMPLATE_NAMES)('%s has at least one sample', (template) => {
    expect(samples.map((s) => s.reply.template)).toContain(template);
  });

  it.each(rendered.map(({ sample, card }) => [sample.name, card] as const))('%s renders as a valid Adaptive Card 1.5 under 28 KB', (_name, cardJson) => {
    expect(cardProblems(cardJson)).toEqual([]);
  });

  it('fails a strict render whose data lacks a field the template binds', () => {
    const incomplete = card('message', { title: 'T', tone: 'default' } as never, 'T');
    expect(() => renderer.render(incomplete)).toThrow(MissingCardData);
    expect(() => renderer.render(incomplete)).toThrow(/message: no data for body/);
    // Production shows a dash instead, so a user never sees a raw `${body}`.
    expect(JSON.stringify(new CardRenderer().render(incomplete))).toContain('"text":"—"');
  });

  it('shows user text literally: ${...} in data is never evaluated', () => {
    const hostile = 'What is ${$root.title} and ${toUpper("x")} and `tick`?';
    const json = JSON.stringify(renderer.render(messageCard('Title', hostile)));
    expect(json).toContain('${$root.title}');
    expect(json).toContain('${toUpper(\\"x\\")}');
  });
});

/**
 * How wide a row of buttons renders, in pixels, as Teams draws them (measured on the Adaptive Cards
 * renderer: about 7 px a character plus 24 px of padding a button, 8 px between buttons).
 */
function rowWidth(titles: string[]): number {
  return titles.reduce((sum, title) => sum + [...title].length * 7 + 24, 0) + 8 * Math.max(0, titles.length - 1);
}

describe('button rows', () => {
  // A Teams window or the side panel can be 480 px wide, 448 px inside the card's padding; a
  // button that does not fit is cut off mid-word.
  const WIDTH = 448;
  it.each(rendered.map(({ sample, card }) => [sample.name, card] as const))('%s: every row of buttons fits a 480 px wide card', (_name, cardJson) => {
    const { refresh: _refresh, ...visible } = cardJson as Record<string, unknown>;
    const rows = nodes(visible)
      .filter((node) => Array.isArray(node.actions))
      .map((node) => (node.actions as { title?: string }[]).map((action) => action.title ?? ''));
    expect(rows.filter((titles) => rowWidth(titles) > WIDTH)).toEqual([]);
  });

  it('the measure catches the four buttons the service-names card once had in one row', () => {
    expect(rowWidth(['Advies over certificaat en overstap', 'Controleer of de namen vrij zijn', 'Resourceproviders controleren', 'Overstap plannen'])).toBeGreaterThan(448);
  });
});

describe('card verbs', () => {
  it.each(rendered.map(({ sample, card }) => [sample.name, card] as const))('%s: every button sends a verb the bot handles', (_name, cardJson) => {
    const unhandled = verbsOf(cardJson).filter(({ verb }) => !registered.has(verb));
    expect(unhandled).toEqual([]);
  });

  it.each(rendered.map(({ sample, card }) => [sample.name, card] as const))('%s: every button works without Action.Execute, through an Action.Submit fallback', (_name, cardJson) => {
    const { refresh: _refresh, ...visible } = cardJson as Record<string, unknown>;
    const buttons = nodes(visible).filter((node) => node.type === 'Action.Execute');
    for (const button of buttons) {
      expect(button.fallback).toMatchObject({ type: 'Action.Submit', title: button.title, data: { ...(button.data as object), verb: button.verb } });
    }
  });

  it('every registered verb is offered by some card', () => {
    const offered = new Set(rendered.flatMap(({ card }) => verbsOf(card).map(({ verb }) => verb)));
    expect([...registered].filter((verb) => !offered.has(verb))).toEqual([]);
  });
});
