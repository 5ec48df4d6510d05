import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CardRenderer } from '../src/bot/cardRenderer';
import { LANGUAGES } from '../src/i18n/language';
import { loadKnowledgeBase } from '../src/knowledge';
import { entryCard } from '../src/knowledge/cards';
import { MESSAGES as NAME_PROBLEM_MESSAGES } from '../src/naming/nameProblems';
import type { CardSample } from './cardSamples/types';

/**
 * What every user can read, from every capability at once: each strings module, every rendered
 * card sample, every knowledge-base answer card, the help and manifest command texts. None of it
 * may show how the bot was written (the seed document, "the article", fact ids, file paths), and
 * none may hold an angle-bracket placeholder such as <prefix>, which Teams drops as HTML.
 */
const ROOT = join(__dirname, '..');
const renderer = new CardRenderer({ strict: true });

/** Every string leaf of a value, with where it was found. */
function strings(value: unknown, where: string, found: { where: string; text: string }[] = []): { where: string; text: string }[] {
  if (typeof value === 'string') found.push({ where, text: value });
  else if (Array.isArray(value)) value.forEach((item, i) => strings(item, `${where}[${i}]`, found));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) strings(item, `${where}.${key}`, found);
  return found;
}

/** Card strings a reader sees: the template's own keys (types, ids, verbs, URLs) are no text. */
const NOT_TEXT = new Set(['type', '$schema', 'version', 'verb', 'id', 'style', 'color', 'size', 'weight', 'width', 'spacing', 'horizontalAlignment', 'fontType', 'url', 'iconUrl']);
function cardStrings(card: unknown, where: string): { where: string; text: string }[] {
  const found: { where: string; text: string }[] = [];
  // A Teams mention is `<at>name</at>` matched by a mention entity of the card: shown as a name, not a placeholder.
  const entities = ((card as { msteams?: { entities?: { type: string; text: string }[] } }).msteams?.entities ?? []).filter((e) => e.type === 'mention').map((e) => e.text);
  const unmention = (text: string) => entities.reduce((rest, mention) => rest.split(mention).join(''), text);
  const walk = (node: unknown, path: string) => {
    if (typeof node === 'string') found.push({ where: path, text: unmention(node) });
    else if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${path}[${i}]`));
    else if (node && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) {
        // Button data goes back to the bot and is never shown.
        if (NOT_TEXT.has(key) || key === 'data') continue;
        walk(item, `${path}.${key}`);
      }
    }
  };
  walk(card, where);
  return found;
}

function files(dir: string, match: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path, match);
    return match(entry.name) ? [path] : [];
  });
}

const stringModules = files(join(ROOT, 'src'), (name) => name === 'strings.ts').flatMap((file) =>
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  Object.entries(require(file) as Record<string, unknown>).flatMap(([name, value]) => strings(value, `${relative(ROOT, file)}:${name}`)),
);
const nameProblems = strings(NAME_PROBLEM_MESSAGES, 'src/naming/nameProblems.ts');

const samples: CardSample[] = readdirSync(join(__dirname, 'cardSamples'))
  .filter((file) => file.endsWith('.ts') && file !== 'types.ts')
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  .flatMap((file) => (require(join(__dirname, 'cardSamples', file)) as { cardSamples: CardSample[] }).cardSamples);
const sampleTexts = samples.flatMap((sample) => cardStrings(renderer.render(sample.reply), `sample "${sample.name}"`));

const entries = loadKnowledgeBase();
const byId = new Map(entries.map((entry) => [entry.id, entry]));
const answerTexts = entries.flatMap((entry) => LANGUAGES.flatMap((lang) => cardStrings(renderer.render(entryCard(lang, entry, byId)), `knowledge answer ${entry.id} (${lang})`)));

const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest', 'manifest.json'), 'utf8')) as { bots: { commandLists: { commands: { title: string; description: string }[] }[] }[] };
const manifestDutch = JSON.parse(readFileSync(join(ROOT, 'manifest', 'nl.json'), 'utf8')) as Record<string, string>;
const commandTexts = [
  ...strings(manifest.bots.map((bot) => bot.commandLists), 'manifest.json commandLists'),
  ...Object.entries(manifestDutch)
    .filter(([key]) => key.includes('commandLists'))
    .map(([key, text]) => ({ where: `nl.json ${key}`, text })),
];

const everything = [...stringModules, ...nameProblems, ...sampleTexts, ...answerTexts, ...commandTexts];

/** How the bot was made, which users must never see. */
const INTERNAL: { what: string; pattern: RegExp }[] = [
  { what: 'the seed document', pattern: /\bseed\b/i },
  { what: 'an article as a source', pattern: /\b(?:the|this|that|original|certificate|support)\s+articles?\b|\b(?:het|dit|dat|oorspronkelijke)\s+artikel\b|\b\w*artikel(?:en)?\s+(?:zegt|zeggen|noemt|noemen)\b/i },
  { what: 'a fact id', pattern: /\b[A-Z]{2,6}-\d{2}\b/ },
  { what: 'a file path', pattern: /memdocs\/|(?<![\w.])src\/|\.md\b/ },
];

/** An HTML-like placeholder (<prefix>, <subscription id>); an escaped \< is user text shown literally. */
const ANGLE_PLACEHOLDER = /(?<!\\)<[a-z][\w -]*>/i;

describe('user-facing text', () => {
  it('covers every capability: strings modules, card samples of every template, every knowledge answer, the command lists', () => {
    expect(stringModules.length).toBeGreaterThan(500);
    expect(new Set(samples.map((sample) => sample.reply.template)).size).toBeGreaterThan(15);
    expect(answerTexts.length).toBeGreaterThan(entries.length * 2);
    expect(commandTexts.length).toBeGreaterThan(10);
  });

  it.each(INTERNAL.map(({ what, pattern }) => [what, pattern] as const))('never mentions %s', (_what, pattern) => {
    const found = everything.filter(({ text }) => pattern.test(text)).map(({ where, text }) => `${where}: ${text.match(pattern)?.[0]} in "${text.slice(0, 120)}"`);
    expect(found).toEqual([]);
  });

  it('has no angle-bracket placeholders in card text, strings, help or manifest commands', () => {
    const found = everything.filter(({ text }) => ANGLE_PLACEHOLDER.test(text)).map(({ where, text }) => `${where}: ${text.match(ANGLE_PLACEHOLDER)?.[0]}`);
    expect(found).toEqual([]);
  });

  it('says CMG-verbindingspunt in Dutch, never the English term on its own', () => {
    const dutch = everything.filter(({ where }) => /\.nl[.[]|\(nl\)/.test(where));
    expect(dutch.length).toBeGreaterThan(300);
    // The console's English name may follow in parentheses, as the knowledge answers give it.
    const found = dutch.filter(({ text }) => /(?<!\()\bCMG connection points?\b/i.test(text)).map(({ where, text }) => `${where}: "${text.slice(0, 120)}"`);
    expect(found).toEqual([]);
  });

  it('never nests parentheses in card text (a time already ends in its zone in parentheses)', () => {
    const nested = (text: string) => {
      let depth = 0;
      for (const [i, ch] of [...text].entries()) {
        if (text[i - 1] === '\\') continue;
        if (ch === '(' && ++depth > 1) return true;
        if (ch === ')') depth = Math.max(0, depth - 1);
      }
      return false;
    };
    const found = [...sampleTexts, ...stringModules].filter(({ text }) => nested(text)).map(({ where, text }) => `${where}: "${text.slice(0, 160)}"`);
    expect(found).toEqual([]);
  });
});
