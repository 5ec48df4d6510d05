import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as ACData from 'adaptivecards-templating';
import { compileTemplate, ExpandRun } from '../src/bot/cardExpander';
import { CardRenderer } from '../src/bot/cardRenderer';
import type { CardReply } from '../src/turn';
import type { CardSample } from './cardSamples/types';

/**
 * The compiled card expander (src/bot/cardExpander.ts) must give exactly what
 * adaptivecards-templating gives: same JSON, byte for byte, for every card sample, strict and
 * not, with fields left out, with hostile text in every field; and the same outcome for each
 * expression form it compiles, over data of every JSON type.
 */

const samples: CardSample[] = readdirSync(join(__dirname, 'cardSamples'))
  .filter((file) => file.endsWith('.ts') && file !== 'types.ts')
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  .flatMap((file) => (require(join(__dirname, 'cardSamples', file)) as { cardSamples: CardSample[] }).cardSamples);

const compiled = { strict: new CardRenderer({ strict: true }), lenient: new CardRenderer() };
const library = { strict: new CardRenderer({ strict: true, library: true }), lenient: new CardRenderer({ library: true }) };

/** The rendered JSON, or the error's message: a failed render must fail the same way. */
function outcome(renderer: CardRenderer, reply: CardReply): string {
  try {
    return JSON.stringify(renderer.render(reply));
  } catch (error) {
    return `throws ${(error as Error).message}`;
  }
}

/** A copy of the reply with fresh data (the renderer serves a frozen data object it has seen from memory). */
const withData = (reply: CardReply, data: unknown): CardReply => ({ ...reply, data }) as CardReply;

/** The data with one field left out: each top-level field, and each field of the first item of each list. */
function withoutOneField(data: Record<string, unknown>): { field: string; data: Record<string, unknown> }[] {
  const variants: { field: string; data: Record<string, unknown> }[] = [];
  for (const [key, value] of Object.entries(data)) {
    const { [key]: _dropped, ...rest } = data;
    variants.push({ field: key, data: rest });
    if (Array.isArray(value) && value.length > 0 && value[0] && typeof value[0] === 'object') {
      for (const inner of Object.keys(value[0] as object)) {
        const { [inner]: _gone, ...first } = value[0] as Record<string, unknown>;
        variants.push({ field: `${key}[0].${inner}`, data: { ...data, [key]: [first, ...value.slice(1)] } });
      }
    }
  }
  return variants;
}

/** Every string in the data replaced by text that looks like template expressions. */
function hostile(value: unknown): unknown {
  if (typeof value === 'string') return '${$root.title} ${toUpper("x")} ${count(items) > 0} `tick` $when ${';
  if (Array.isArray(value)) return value.map(hostile);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, hostile(item)]));
  return value;
}

describe('compiled card expander', () => {
  it('compiles every template under cards/ (none falls back to the library)', () => {
    expect(compiled.strict.uncompiled).toEqual([]);
  });

  it.each(samples.map((sample) => [sample.name, sample.reply] as const))('%s: the same JSON as adaptivecards-templating, strict and not', (_name, reply) => {
    for (const mode of ['strict', 'lenient'] as const) {
      const data = structuredClone(reply.data);
      const expected = outcome(library[mode], withData(reply, data));
      expect(expected).not.toMatch(/^throws/);
      expect(outcome(compiled[mode], withData(reply, structuredClone(reply.data)))).toBe(expected);
    }
  });

  it.each(samples.map((sample) => [sample.name, sample.reply] as const))('%s: the same JSON, or the same missing fields, with any one field left out', (_name, reply) => {
    for (const { field, data } of withoutOneField(reply.data as unknown as Record<string, unknown>)) {
      for (const mode of ['strict', 'lenient'] as const) {
        const expected = outcome(library[mode], withData(reply, structuredClone(data)));
        expect({ field, mode, card: outcome(compiled[mode], withData(reply, structuredClone(data))) }).toEqual({ field, mode, card: expected });
      }
    }
  });

  it.each(samples.map((sample) => [sample.name, sample.reply] as const))('%s: text that looks like expressions stays text, as with the library', (_name, reply) => {
    const data = hostile(reply.data);
    const expected = outcome(library.lenient, withData(reply, structuredClone(data)));
    const actual = outcome(compiled.lenient, withData(reply, structuredClone(data)));
    expect(actual).toBe(expected);
    if (JSON.stringify(reply.data).includes('"')) expect(actual).toContain('${toUpper(\\"x\\")}');
  });
});

describe('compiled expressions, against the library over every kind of value', () => {
  const EXPRESSIONS = [
    'a',
    'a.b',
    '$root.a',
    '$data.a',
    '$index',
    "a != ''",
    "a == ''",
    'a == b',
    'count(a) > 0',
    'count(a) == 0',
    'count(a)',
    'a > 1',
    'a < b',
    'a >= 1',
    "a <= 'm'",
    'a && b',
    'a || b',
    'a > 1 || b',
    '!a',
    '!a && b',
    '!(a > 1)',
    '!count(a)',
    "if(a == 'x', 'X', if(b, 'B', 'N'))",
    'if(a, b, a)',
  ];
  const VALUES: unknown[] = [undefined, null, '', 'x', 'm', 0, 1, 2, -0, [], ['x'], [1, 2], {}, { b: 'y' }, { B: 'upper' }, true, false];
  /** Each expression in each place a template can hold it, one probe per place so one throwing place hides no other. */
  const templates = EXPRESSIONS.flatMap((expression) => {
    const binding = '${' + expression + '}';
    return [
      ['a value', { type: 'Probe', value: binding }],
      ['text with a binding', { type: 'Probe', text: `before ${binding} after` }],
      ['a list', { type: 'Probe', kept: [{ $when: binding, type: 'Kept' }, 'constant', null, binding] }],
      ['a repeat', { type: 'Probe', listed: { $data: '${items}', $when: binding, value: binding, at: '${$index}', root: '${$root.a}' } }],
    ].map(([place, payload]) => ({ expression: `${binding} in ${place as string}`, payload }));
  });

  /** The library, with the same substitution rule the renderer gives it. */
  function libraryOutcome(template: ACData.Template, data: unknown, strict: boolean): string {
    const missing: string[] = [];
    const previous = ACData.GlobalSettings.getUndefinedFieldValueSubstitutionString;
    ACData.GlobalSettings.getUndefinedFieldValueSubstitutionString = (path) => {
      missing.push(path);
      return strict ? undefined : '—';
    };
    try {
      return JSON.stringify({ card: template.expand({ $root: data }), missing });
    } catch {
      return 'throws';
    } finally {
      ACData.GlobalSettings.getUndefinedFieldValueSubstitutionString = previous;
    }
  }

  function compiledOutcome(expand: ReturnType<typeof compileTemplate>, data: unknown, strict: boolean): string {
    if (!expand) return 'not compiled';
    const run: ExpandRun = { missing: [], substitute: strict ? undefined : '—' };
    try {
      return JSON.stringify({ card: expand(data, run), missing: run.missing });
    } catch {
      return 'throws';
    }
  }

  it.each(templates.map((template) => [template.expression, template.payload] as const))('%s', (_expression, payload) => {
    let compared = 0;
    const template = new ACData.Template(payload);
    const expand = compileTemplate(payload);
    for (const a of VALUES) {
      for (const b of [undefined, 'y', true, false, 1]) {
        for (const items of [undefined, [], [{ a, b }, { a: 'x', b }], { a, b }, [undefined, { a }]]) {
          const data = { a, b, items };
          for (const strict of [false, true]) {
            expect({ data, strict, out: compiledOutcome(expand, data, strict) }).toEqual({ data, strict, out: libraryOutcome(template, data, strict) });
            compared++;
          }
        }
      }
    }
    expect(compared).toBe(VALUES.length * 5 * 5 * 2);
  });

  it('leaves a template with an expression it does not cover to the library', () => {
    expect(compileTemplate({ text: '${toUpper(a)}' })).toBeUndefined();
    expect(compileTemplate({ text: '${a[0]}' })).toBeUndefined();
    expect(compileTemplate({ $when: 'x ${a}', text: 'y' })).toBeUndefined();
    expect(compileTemplate({ text: '${a}' })).toBeDefined();
  });
});
