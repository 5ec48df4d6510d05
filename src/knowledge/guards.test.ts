import * as fs from 'fs';
import * as path from 'path';
import './answerEngine';
import './domain';
import './features';
import './questionParts';
import { endsInRegionWord, LETTER_DIGIT, PROGRAMMATIC_REGION } from './slots';
import { guardedPatterns, GuardedPattern } from './guards';
import { fold } from './text';

/**
 * A guard may only skip a text its pattern cannot match. For every guarded pattern: whenever the
 * pattern matches a text (the fixture questions, strings generated from the pattern itself, and
 * mutated, spliced and re-cased mixtures of both), the guard must let the folded text through.
 */

const FIXTURES = path.join(__dirname, '../../test/fixtures/knowledge');
const questions: string[] = fs
  .readdirSync(FIXTURES)
  .filter((file) => file.endsWith('.jsonl'))
  .flatMap((file) => fs.readFileSync(path.join(FIXTURES, file), 'utf8').split('\n').filter(Boolean))
  .map((line) => (JSON.parse(line) as { question: string }).question);

const folded = questions.map(fold);

/** A seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Random strings from a pattern's source: alternation, groups, classes, escapes and quantifiers (look-arounds and anchors emit nothing). */
function generator(source: string, rnd: () => number): () => string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)];
  const WORD = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_';
  const SPACE = ' \t\n';
  const ANY = WORD + ' .,?!\'"-:;()/é';
  type Node = () => string;
  let at = 0;
  const classOf = (): Node => {
    at++; // [
    let negated = false;
    if (source[at] === '^') {
      negated = true;
      at++;
    }
    const chars: string[] = [];
    while (source[at] !== ']') {
      const char = source[at++];
      if (char === '\\') {
        const escaped = source[at++];
        if (escaped === 'w') chars.push(...WORD);
        else if (escaped === 's') chars.push(...SPACE);
        else if (escaped === 'd') chars.push(...'0123456789');
        else if (escaped === 'u') {
          chars.push(String.fromCharCode(parseInt(source.slice(at, at + 4), 16)));
          at += 4;
        } else if (escaped === 'S') chars.push(...WORD, '.');
        else if (escaped === 't') chars.push('\t');
        else if (escaped === 'n') chars.push('\n');
        else if (escaped === 'r') chars.push('\r');
        else chars.push(escaped);
        continue;
      }
      if (source[at] === '-' && source[at + 1] !== ']') {
        let to = source[at + 1];
        at += 2;
        if (to === '\\') to = source[at++];
        for (let code = char.charCodeAt(0); code <= to.charCodeAt(0); code++) chars.push(String.fromCharCode(code));
        continue;
      }
      chars.push(char);
    }
    at++; // ]
    const set = negated ? [...ANY].filter((char) => !chars.includes(char)) : chars;
    return () => (set.length > 0 ? pick(set) : '');
  };
  const atom = (): Node | undefined => {
    const char = source[at];
    if (char === '(') {
      at++;
      let skip = false;
      if (source[at] === '?') {
        if (source[at + 1] === ':') at += 2;
        else if (source[at + 1] === '=' || source[at + 1] === '!') {
          at += 2;
          skip = true;
        } else if (source[at + 1] === '<') {
          at += 3;
          skip = true;
        }
      }
      const inner = alternation();
      at++; // )
      return skip ? () => '' : inner;
    }
    if (char === '[') return classOf();
    if (char === '\\') {
      const escaped = source[at + 1];
      at += 2;
      // A word boundary is often a space in text that matches: emit one half of the time.
      if (escaped === 'b') return () => (rnd() < 0.5 ? ' ' : '');
      if (escaped === 'B') return () => '';
      if (escaped === 'w') return () => pick([...WORD]);
      if (escaped === 's') return () => pick([...SPACE]);
      if (escaped === 'd') return () => pick([...'0123456789']);
      if (escaped === 'S') return () => pick([...WORD]);
      if (escaped === 'W') return () => pick([...' .,?!-']);
      if (escaped === 'u') {
        const text = String.fromCharCode(parseInt(source.slice(at, at + 4), 16));
        at += 4;
        return () => text;
      }
      return () => escaped;
    }
    if (char === '^' || char === '$') {
      at++;
      return () => '';
    }
    if (char === '.') {
      at++;
      return () => pick([...ANY]);
    }
    at++;
    return () => char;
  };
  const quantified = (): Node | undefined => {
    const node = atom();
    if (!node) return undefined;
    let min = 1;
    let max = 1;
    const char = source[at];
    if (char === '?') [min, max, at] = [0, 1, at + 1];
    else if (char === '*') [min, max, at] = [0, 4, at + 1];
    else if (char === '+') [min, max, at] = [1, 4, at + 1];
    else if (char === '{') {
      const close = source.indexOf('}', at);
      const [low, high] = source.slice(at + 1, close).split(',');
      min = Number(low);
      max = high === undefined ? min : high === '' ? min + 4 : Math.min(Number(high), min + 6);
      at = close + 1;
    }
    if (source[at] === '?' && (char === '?' || char === '*' || char === '+' || char === '{')) at++;
    if (min === 1 && max === 1) return node;
    return () => {
      const times = min + Math.floor(rnd() * (max - min + 1));
      let text = '';
      for (let i = 0; i < times; i++) text += node();
      return text;
    };
  };
  const sequence = (): Node => {
    const nodes: Node[] = [];
    while (at < source.length && source[at] !== '|' && source[at] !== ')') {
      const node = quantified();
      if (node) nodes.push(node);
    }
    return () => nodes.map((node) => node()).join('');
  };
  const alternation = (): Node => {
    const options = [sequence()];
    while (source[at] === '|') {
      at++;
      options.push(sequence());
    }
    return () => pick(options)();
  };
  const root = alternation();
  return root;
}

/** The pattern's literal words, to splice into texts. */
function literalsOf(pattern: RegExp): string[] {
  return pattern.source.match(/[a-z][a-z' ]{1,}[a-z]/gi) ?? [];
}

const EXTRA = [' ', '. ', '? ', ', ', "'", '"', '\u2019', '\u201c', '-', '_', '2107', '45,000', ' CMG ', ' de ', ' the ', ' and ', ' en ', 'É', 'é', 'ß'];

function recase(text: string, rnd: () => number): string {
  const mode = rnd();
  if (mode < 0.25) return text.toUpperCase();
  if (mode < 0.5) return [...text].map((char) => (rnd() < 0.3 ? char.toUpperCase() : char)).join('');
  return text;
}

function mutate(text: string, words: readonly string[], rnd: () => number): string {
  let out = text;
  const steps = 1 + Math.floor(rnd() * 4);
  for (let i = 0; i < steps; i++) {
    const at = Math.floor(rnd() * (out.length + 1));
    const kind = rnd();
    if (kind < 0.5) out = out.slice(0, at) + ' ' + words[Math.floor(rnd() * words.length)] + ' ' + out.slice(at);
    else if (kind < 0.7) out = out.slice(0, at) + EXTRA[Math.floor(rnd() * EXTRA.length)] + out.slice(at);
    else if (kind < 0.85) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(rnd() * 5));
    else out = out.slice(0, at) + questions[Math.floor(rnd() * questions.length)].slice(0, 40) + out.slice(at);
  }
  return recase(out, rnd);
}

function checkGuard(guard: GuardedPattern, seed: number): { matched: number; missed: string[] } {
  const rnd = random(seed);
  const { pattern } = guard;
  const caseless = pattern.flags.includes('i');
  const generate = generator(pattern.source, rnd);
  const words = literalsOf(pattern);
  const missed: string[] = [];
  let matched = 0;
  const check = (text: string) => {
    // A case-sensitive pattern runs on folded text; a case-insensitive one on the text as typed.
    const subject = caseless ? text : fold(text);
    // `search` starts at 0 whatever a global pattern's lastIndex.
    if (subject.search(pattern) < 0) return;
    matched++;
    if (!guard.mayMatch(fold(text))) missed.push(text);
  };
  // The slots read a name from the question with its region replaced by a space, guarded by the whole question folded.
  const checkCut = (text: string) => {
    const from = Math.floor(rnd() * text.length);
    const cut = text.slice(0, from) + ' ' + text.slice(from + 1 + Math.floor(rnd() * 12));
    if (cut.search(pattern) >= 0 && !guard.mayMatch(fold(text))) missed.push(`${text} (cut: ${cut})`);
  };
  for (const [at, question] of questions.entries()) {
    // The fixture questions as they are (folded once for all patterns), and a sample of them mutated.
    if (caseless ? pattern.test(question) : folded[at].search(pattern) >= 0) {
      matched++;
      if (!guard.mayMatch(folded[at])) missed.push(question);
    }
  }
  for (let i = 0; i < 600; i++) check(mutate(questions[Math.floor(rnd() * questions.length)], words, rnd));
  for (let i = 0; i < 700; i++) {
    const made = generate();
    check(made);
    check(recase(made, rnd));
    const host = questions[Math.floor(rnd() * questions.length)];
    const at = Math.floor(rnd() * (host.length + 1));
    check(host.slice(0, at) + ' ' + made + ' ' + host.slice(at));
    check(mutate(made, words, rnd));
    if (caseless) checkCut(host.slice(0, at) + ' ' + made + ' ' + host.slice(at));
  }
  return { matched, missed };
}

describe('guarded patterns', () => {
  it('are registered', () => {
    expect(guardedPatterns.length).toBeGreaterThan(0);
  });

  it.each(guardedPatterns.map((guard) => [guard.pattern.source.slice(0, 60), guard] as const))('never skip a text that %s matches', (_name, guard) => {
    const { matched, missed } = checkGuard(guard, 12345);
    expect(missed.slice(0, 5)).toEqual([]);
    // The generator must actually reach the pattern, or the check proves nothing.
    expect(matched).toBeGreaterThan(150);
  });

  it('never skip a region token that the token patterns match', () => {
    const rnd = random(777);
    const make = generator(PROGRAMMATIC_REGION.source, rnd);
    const tokens = [...questions.flatMap((question) => fold(question).split(/[^a-z0-9]+/)), ...Array.from({ length: 5000 }, () => make())];
    for (let i = 0; i < 5000; i++) tokens.push(make() + String(Math.floor(rnd() * 100)), 'x' + make().slice(Math.floor(rnd() * 4)));
    let matched = 0;
    for (const token of tokens) {
      if (PROGRAMMATIC_REGION.test(token)) {
        matched++;
        expect([token, endsInRegionWord(token)]).toEqual([token, true]);
      }
      // A letter before a digit needs a digit.
      if (LETTER_DIGIT.test(token)) expect(/[0-9]/.test(token)).toBe(true);
    }
    expect(matched).toBeGreaterThan(1000);
  });

  it('lists only lower-case literals (the guard reads folded text)', () => {
    for (const guard of guardedPatterns) for (const literal of guard.literals) expect(literal).toBe(literal.toLowerCase());
  });
});
