/**
 * CMG planning answers, scored the way an admin meets them: the real app runs in process, each
 * question goes in as a Teams message over HTTP (en-US client for English questions, nl-NL for
 * Dutch ones, and the Dutch ones again from an en-US client), the reply is read from the local
 * connector and classified as an answer, a "Did you mean" or a decline.
 *
 * Right = an answer card whose visible text holds every `must` group (one alternative per group,
 * case-insensitive) and, when the card names the entries it answers (the entry ids in its
 * feedback buttons), one of those entries covers an expected fact; a two-part question needs
 * both parts. Wrong = any other answer card. Latency and index memory are measured in process.
 *
 * Sets: every *.jsonl under test/fixtures/knowledge, plus any file named by KB_SET (several
 * separated by commas), e.g. `KB_SET=/path/to/questions.jsonl npm run bench -- knowledge`.
 * KB_SET_ONLY=1 scores only the KB_SET files; KB_MISSES=1 lists every question that was not right,
 * KB_MISSES=A only those of the first half (even lines) of each set.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { ManualClock } from '../src/clock';
import type { Lang } from '../src/i18n/language';
import { Knowledge, loadKnowledgeBase } from '../src/knowledge';
import { SqliteStore } from '../src/storage/sqliteStore';
import { silentLog } from '../src/log';
import type { TurnInfo } from '../src/turn';
import { startTestBot, TestBot } from '../test/harness/app';
import { cardOf, TeamsClient } from '../test/harness/teams';

/** One ask of a question: the facts a right answer covers and the text it must contain. */
export interface Ask {
  facts: string[];
  must: string[][];
}

/** A question of a set, in the blind-set format (older fixture formats are read into it). */
export interface SetQuestion extends Ask {
  id: string;
  lang: Lang;
  question: string;
  kind: 'in-scope' | 'out-of-scope';
  style?: string;
  /** Two-part questions: each ask must be answered. */
  parts?: Ask[];
}

export type ReplyClass = 'answer' | 'didYouMean' | 'decline' | 'other';

export interface ScoredReply {
  kind: ReplyClass;
  /** The language the reply is in. */
  lang: Lang | undefined;
  /** What a reader sees: text blocks, facts and button titles (no action data, no echo of the question). */
  text: string;
  /** Entries the card says it answers (ids in its feedback buttons). */
  entryIds: string[];
}

const FIXTURES = findFixtures();

function findFixtures(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'test/fixtures/knowledge'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('test/fixtures/knowledge not found');
    dir = parent;
  }
  return join(dir, 'test/fixtures/knowledge');
}

/** Reads a set: the blind format as is; the older `expect` format as in-scope/out-of-scope with facts only. */
export function readSet(file: string): SetQuestion[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const raw = JSON.parse(line) as Record<string, unknown>;
      const kind = raw.kind === 'out-of-scope' || raw.expect === 'decline' ? 'out-of-scope' : 'in-scope';
      const parts = Array.isArray(raw.parts) ? (raw.parts as Partial<Ask>[]).map((part) => ({ facts: part.facts ?? [], must: part.must ?? [] })) : undefined;
      return {
        id: String(raw.id),
        lang: raw.lang === 'nl' ? 'nl' : 'en',
        question: String(raw.question),
        kind,
        facts: (raw.facts as string[] | undefined) ?? [],
        must: (raw.must as string[][] | undefined) ?? [],
        style: typeof raw.style === 'string' ? raw.style : undefined,
        parts: parts && parts.length > 1 ? parts : undefined,
      };
    });
}

type Node = Record<string, unknown>;

function walk(node: unknown, visit: (node: Node) => void): void {
  if (Array.isArray(node)) node.forEach((child) => walk(child, visit));
  else if (node && typeof node === 'object') {
    visit(node as Node);
    for (const [key, value] of Object.entries(node)) if (key !== 'data') walk(value, visit);
  }
}

/** Every action's verb and data: Action.Execute's `verb`, or Action.Submit data carrying `verb`. */
function actionsOf(card: unknown): { verb: string; data: Node; title: string }[] {
  const found: { verb: string; data: Node; title: string }[] = [];
  walk(card, (node) => {
    if (typeof node.type !== 'string' || !node.type.startsWith('Action.')) return;
    const data = (node.data ?? {}) as Node;
    const verb = typeof node.verb === 'string' ? node.verb : typeof data.verb === 'string' ? data.verb : '';
    found.push({ verb, data, title: String(node.title ?? '') });
  });
  return found;
}

/** The text a reader sees, without the echo of the question ("You asked: …"). */
export function visibleText(card: unknown, question: string): string {
  const parts: string[] = [];
  walk(card, (node) => {
    for (const key of ['text', 'title', 'value', 'altText', 'label', 'placeholder']) {
      const value = node[key];
      if (typeof value !== 'string') continue;
      if (key === 'value' && typeof node.type === 'string' && node.type.startsWith('Input.')) continue;
      parts.push(value);
    }
  });
  // The card escapes the echoed question for Markdown; compare without the escapes.
  const plain = (text: string) => text.replace(/\\(.)/g, '$1').replace(/\s+/g, ' ').toLowerCase();
  const echo = plain(question.trim()).slice(0, 60);
  return parts.filter((part) => !(echo.length > 8 && plain(part).includes(echo))).join('\n');
}

const DUTCH_MARKERS = /\b(je|het|een|niet|voor|wordt|naar|als|moet|kun|geen|nuttig|bedoelde)\b/gi;
const ENGLISH_MARKERS = /\b(the|you|is|not|for|your|to|and|with|helpful|did you mean)\b/gi;

/** Classifies the first card of a reply: the answer card, a "Did you mean", or a decline. */
export function classifyReply(activities: Record<string, unknown>[], question: string): ScoredReply {
  const card = cardOf(activities[0]);
  if (!card) {
    const text = String(activities[0]?.text ?? '');
    return { kind: 'other', lang: languageOfText(text), text, entryIds: [] };
  }
  const actions = actionsOf(card);
  const verbs = new Set(actions.map((action) => action.verb));
  const text = visibleText(card, question);
  const declared = actions.map((action) => action.data.lang).find((lang) => lang === 'en' || lang === 'nl') as Lang | undefined;
  const lang = declared ?? languageOfText(text);
  if (verbs.has('kb.choose')) return { kind: 'didYouMean', lang, text, entryIds: [] };
  const feedback = actions.filter((action) => action.verb === 'kb.feedback');
  if (feedback.length > 0) {
    const ids = new Set<string>();
    for (const action of feedback) {
      if (typeof action.data.entryId === 'string') ids.add(action.data.entryId);
      if (Array.isArray(action.data.entryIds)) for (const id of action.data.entryIds) if (typeof id === 'string') ids.add(id);
    }
    return { kind: 'answer', lang, text, entryIds: [...ids] };
  }
  // The service-names card (a computed answer handed to the naming capability) names no entry.
  if (verbs.has('guidance.start') && verbs.has('cutover.new')) return { kind: 'answer', lang, text, entryIds: [] };
  if (walkHasInput(card)) return { kind: 'other', lang, text, entryIds: [] };
  return { kind: 'decline', lang, text, entryIds: [] };
}

function walkHasInput(card: unknown): boolean {
  let found = false;
  walk(card, (node) => {
    if (typeof node.type === 'string' && node.type.startsWith('Input.')) found = true;
  });
  return found;
}

function languageOfText(text: string): Lang | undefined {
  const dutch = text.match(DUTCH_MARKERS)?.length ?? 0;
  const english = text.match(ENGLISH_MARKERS)?.length ?? 0;
  if (dutch === 0 && english === 0) return undefined;
  return dutch > english ? 'nl' : 'en';
}

/** Why an answer card is not right, or undefined when it is. */
export function answerProblem(item: SetQuestion, reply: ScoredReply, factsOf: (entryId: string) => string[] | undefined): string | undefined {
  const lower = reply.text.toLowerCase();
  const asks = item.parts ?? [{ facts: item.facts, must: item.must }];
  const known = reply.entryIds.map((id) => factsOf(id)).filter((facts): facts is string[] => facts !== undefined);
  for (const [index, ask] of asks.entries()) {
    const label = asks.length > 1 ? `part ${index + 1}: ` : '';
    const missing = ask.must.find((group) => !group.some((option) => lower.includes(option.toLowerCase())));
    if (missing) return `${label}missing one of ${JSON.stringify(missing)}`;
    if (known.length > 0 && ask.facts.length > 0 && !known.some((facts) => facts.some((fact) => ask.facts.includes(fact)))) {
      return `${label}answers ${reply.entryIds.join('+')} (${known.flat().join(',')}), expected ${ask.facts.join('/')}`;
    }
  }
  return undefined;
}

interface Outcome {
  item: SetQuestion;
  reply: ScoredReply;
  right: boolean;
  problem?: string;
}

function percent(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}% (${part}/${whole})`;
}

/** Asks every question over HTTP from a client with `locale` and scores the first reply. */
async function score(bot: TestBot, items: SetQuestion[], locale: (item: SetQuestion) => string, factsOf: (id: string) => string[] | undefined): Promise<Outcome[]> {
  const clients = new Map<string, TeamsClient>();
  const outcomes: Outcome[] = [];
  for (const item of items) {
    const code = locale(item);
    let client = clients.get(code);
    if (!client) {
      client = bot.client({ locale: code });
      clients.set(code, client);
    }
    const before = bot.connector.sent(client.conversationId).length;
    const response = await client.say(item.question);
    if (response.status !== 200) throw new Error(`${item.id}: HTTP ${response.status}`);
    const reply = classifyReply(bot.connector.sent(client.conversationId).slice(before), item.question);
    const problem = reply.kind === 'answer' && item.kind === 'in-scope' ? answerProblem(item, reply, factsOf) : undefined;
    outcomes.push({ item, reply, right: item.kind === 'in-scope' ? reply.kind === 'answer' && problem === undefined : reply.kind === 'decline', problem });
  }
  return outcomes;
}

function summary(outcomes: Outcome[], lang: Lang): string {
  const inScope = outcomes.filter((outcome) => outcome.item.kind === 'in-scope');
  const outOfScope = outcomes.filter((outcome) => outcome.item.kind === 'out-of-scope');
  const count = (kind: ReplyClass) => inScope.filter((outcome) => outcome.reply.kind === kind).length;
  const right = inScope.filter((outcome) => outcome.right).length;
  const wrong = inScope.filter((outcome) => outcome.reply.kind === 'answer' && !outcome.right).length;
  const inLanguage = outcomes.filter((outcome) => outcome.reply.lang === lang).length;
  const other = count('other');
  return [
    `right ${percent(right, inScope.length)}`,
    `wrong ${percent(wrong, inScope.length)}`,
    `did-you-mean ${percent(count('didYouMean'), inScope.length)}`,
    `declined ${percent(count('decline'), inScope.length)}`,
    ...(other ? [`other ${percent(other, inScope.length)}`] : []),
    `out-of-scope declined ${percent(outOfScope.filter((outcome) => outcome.right).length, outOfScope.length)}`,
    `answered in ${lang === 'nl' ? 'Dutch' : 'English'} ${percent(inLanguage, outcomes.length)}`,
  ].join(', ');
}

function misses(outcomes: Outcome[]): string[] {
  return outcomes
    .filter((outcome) => !outcome.right)
    .map((outcome) => `      ${outcome.item.id} [${outcome.reply.kind}${outcome.reply.entryIds.length ? ' ' + outcome.reply.entryIds.join('+') : ''}] ${outcome.item.question}${outcome.problem ? `\n          → ${outcome.problem}` : ''}`);
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function setFiles(): string[] {
  const extra = (process.env.KB_SET ?? '')
    .split(',')
    .map((file) => file.trim())
    .filter(Boolean)
    .map((file) => resolve(file));
  const fixtures = process.env.KB_SET_ONLY === '1' ? [] : readdirSync(FIXTURES).filter((file) => file.endsWith('.jsonl')).sort().map((file) => join(FIXTURES, file));
  return [...extra, ...fixtures];
}

/** A development set is reported in two halves (alternate questions): one tuned on, one checked now and then. */
function halves(file: string, items: SetQuestion[]): [string, SetQuestion[]][] {
  if (!/^blind\d+-dev\.jsonl$/.test(basename(file))) return [];
  return [
    ['half A (tuned on)', items.filter((_item, index) => index % 2 === 0)],
    ['half B (checked now and then)', items.filter((_item, index) => index % 2 === 1)],
  ];
}

function gc(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

async function latencyAndMemory(questions: SetQuestion[]): Promise<void> {
  const store = new SqliteStore(':memory:');
  const clock = new ManualClock();
  gc();
  const before = process.memoryUsage();
  let started = performance.now();
  const knowledge = new Knowledge(store, clock);
  const firstBuild = performance.now() - started;
  gc();
  const after = process.memoryUsage();
  const builds: number[] = [];
  for (let i = 0; i < 3; i++) {
    started = performance.now();
    new Knowledge(store, clock);
    builds.push(performance.now() - started);
  }
  console.log(`  entries ${knowledge.entries.length}, facts covered ${new Set(knowledge.entries.flatMap((entry) => entry.facts)).size}`);
  console.log(`  index build: first ${firstBuild.toFixed(0)} ms (cold, at start-up), warm best ${Math.min(...builds).toFixed(0)} ms`);
  console.log(
    `  memory: rss ${(after.rss / 2 ** 20).toFixed(0)} MB, heapUsed ${(after.heapUsed / 2 ** 20).toFixed(0)} MB; the knowledge index holds about ${((after.heapUsed - before.heapUsed) / 2 ** 20).toFixed(1)} MB heap (after gc)`,
  );
  for (let round = 0; round < 3; round++) for (const item of questions) knowledge.classify(item.question, item.lang); // warm-up
  const engineTimes: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const item of questions) {
      const t = performance.now();
      knowledge.classify(item.question, item.lang);
      engineTimes.push(performance.now() - t);
    }
  }
  const turn = (lang: Lang): TurnInfo => ({ lang, user: { id: 'bench' }, conversation: { id: 'bench', scopeId: 'bench', type: 'personal' }, correlationId: 'bench', log: silentLog });
  const askTimes: number[] = [];
  for (let round = 0; round < 2; round++) {
    for (const item of questions) {
      const t = performance.now();
      await knowledge.ask(turn(item.lang), item.question);
      askTimes.push(performance.now() - t);
    }
  }
  engineTimes.sort((a, b) => a - b);
  askTimes.sort((a, b) => a - b);
  console.log(`  latency per question, engine (${engineTimes.length} runs): p50 ${quantile(engineTimes, 0.5).toFixed(3)} ms, p99 ${quantile(engineTimes, 0.99).toFixed(3)} ms, max ${engineTimes[engineTimes.length - 1].toFixed(2)} ms`);
  console.log(`  latency per question, full ask() with card and store (${askTimes.length} runs): p50 ${quantile(askTimes, 0.5).toFixed(3)} ms, p99 ${quantile(askTimes, 0.99).toFixed(3)} ms`);
  await store.close();
}

export async function run(): Promise<void> {
  console.log('knowledge: CMG planning answers, asked over HTTP as Teams messages');
  const facts = new Map(loadKnowledgeBase().map((entry) => [entry.id, entry.facts]));
  const factsOf = (id: string) => facts.get(id);
  const listMisses = process.env.KB_MISSES;
  const sets = setFiles().map((file) => ({ file, items: readSet(file) }));
  // In process first, before the app runs, so the memory figures are the index's own.
  await latencyAndMemory(sets.flatMap((set) => set.items));
  const bot = await startTestBot({ KB_RECORD_UNANSWERED: 'false', USER_TURNS_PER_MINUTE: '0' });
  try {
    for (const { file, items } of sets) {
      console.log(`  set ${file.startsWith(FIXTURES) ? basename(file) : file} (${items.length} questions)`);
      const native = await score(bot, items, (item) => (item.lang === 'nl' ? 'nl-NL' : 'en-US'), factsOf);
      const groups: [string, Outcome[]][] = [['', native], ...halves(file, items).map(([label, half]): [string, Outcome[]] => [label, native.filter((outcome) => half.includes(outcome.item))])];
      for (const [label, outcomes] of groups) {
        if (label) console.log(`    ${label}`);
        for (const lang of ['en', 'nl'] as const) {
          const mine = outcomes.filter((outcome) => outcome.item.lang === lang);
          if (mine.length) console.log(`    ${lang} (${lang === 'nl' ? 'nl-NL' : 'en-US'} client): ${summary(mine, lang)}`);
        }
      }
      const dutch = items.filter((item) => item.lang === 'nl');
      if (dutch.length) console.log(`    nl (en-US client): ${summary(await score(bot, dutch, () => 'en-US', factsOf), 'nl')}`);
      if (listMisses === '1') console.log(misses(native).join('\n'));
      // A development set's misses can be listed for the half tuned on only, so the other half stays a check.
      if (listMisses === 'A') console.log(misses(native.filter((_outcome, index) => index % 2 === 0)).join('\n'));
    }
  } finally {
    await bot.stop();
  }
}
