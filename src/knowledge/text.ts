import { newStemmer } from 'snowball-stemmers';
import { glossary } from './glossary';
import { foldText } from '../text/fold';

/**
 * The text pipeline shared by indexing and searching, so both sides always agree:
 * fold (case, accents) → glossary phrases to canonical tokens → words → drop filler words →
 * stems. Every word gets both its English and its Dutch stem: admins mix the languages in one
 * sentence ("hoeveel instances per vm"), and a word that is not of a stemmer's language mostly
 * comes out unchanged, so indexing both costs little and needs no language guess.
 */

const english = newStemmer('english');
const dutch = newStemmer('dutch');

/** A character other than printable ASCII, a tab or a line break, or a backtick: fold takes the long way. */
const NOT_PLAIN_ASCII = /[^ -_a-~\t\n\r]/;

/** Lower-case, without diacritics, with typographic quotes made plain. */
export function fold(text: string): string {
  // ASCII without a backtick has no quote to make plain: only the case changes (most tokens and questions).
  if (!NOT_PLAIN_ASCII.test(text)) return text.toLowerCase();
  return foldText(text)
    .replace(/[\u2018\u2019`´]/g, "'")
    .replace(/[\u201c\u201d]/g, '"');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `foo bar*` → `foo[\s-]+bar\w*`: spaces and hyphens are interchangeable, `*` any word ending. */
function variantPattern(variant: string): string {
  const wildcard = variant.endsWith('*');
  const body = wildcard ? variant.slice(0, -1) : variant;
  const pattern = body
    .split(/[\s-]+/)
    .map(escapeRegExp)
    .join('[\\s\\-_]*');
  return pattern + (wildcard ? "[\\w']*" : '');
}

/**
 * How a match of a rule can start: a variant's words, as typed, the first at a match start and each
 * next one after any spaces, hyphens and underscores. A match starts where the text has no word
 * character or full stop before it (the pattern's look-behind); a variant without a wildcard must
 * also end at a word's end (the look-ahead). Where the text reads a variant so, its rule matches.
 */
interface Opening {
  /** The variant's words after the first. */
  rest: string[];
  rule: number;
  /** A trailing `*`: any word ending, so the variant's end need not be a word's end. */
  wildcard: boolean;
}

/** The openings that start with one word, filed together so that word is compared once per word start. */
interface OpeningWord {
  text: string;
  openings: Opening[];
}

/** `a-z`, `A-Z`, `0-9` and `_`: what `\w` is to the patterns (no `u` flag). */
function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || code === 95;
}

/** A space, hyphen or underscore: what the patterns allow between a variant's words (`[\s\-_]*`). */
function isSeparatorCode(code: number): boolean {
  return code === 32 || code === 45 || code === 95 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Where the run of separators from `at` ends. */
function afterSeparators(text: string, at: number): number {
  let end = at;
  while (end < text.length && isSeparatorCode(text.charCodeAt(end))) end++;
  return end;
}

/** Whether a match may start at `at`: the pattern's look-behind `(?<![\w.])`. */
function isMatchStart(text: string, at: number): boolean {
  if (at === 0) return true;
  const before = text.charCodeAt(at - 1);
  return before !== 46 && !isWordCode(before);
}

/** Openings start with an ASCII letter or digit and are ASCII: a table slot for each first character, and each first pair. */
const OPENING_SLOTS = 128 + 128 * 128;

/** The table slot of the opening at `at` of `length` 1 or 2, or -1 when no opening can be filed there (a character above ASCII). */
function openingSlot(text: string, at: number, length: number): number {
  const first = text.charCodeAt(at);
  if (first >= 128) return -1;
  if (length === 1) return first;
  const second = text.charCodeAt(at + 1);
  return second >= 128 ? -1 : 128 + first * 128 + second;
}

interface GlossaryRule {
  canonical: string;
  pattern: RegExp;
  /** A rule with an opening that does not start with an ASCII letter or digit is always run (none today). */
  always: boolean;
}

const glossaryRules: GlossaryRule[] = [];
/**
 * Every rule's openings by their first one or two characters, as they are filed (at start-up only;
 * a question reads the flat table below).
 */
const filedOpenings: (OpeningWord[] | undefined)[] = new Array<OpeningWord[] | undefined>(OPENING_SLOTS).fill(undefined);

for (const [rule, term] of glossary.entries()) {
  let always = false;
  for (const variant of term.variants) {
    const wildcard = variant.endsWith('*');
    const words = (wildcard ? variant.slice(0, -1) : variant).split(/[\s-]+/);
    const text = words[0];
    const slot = /^[a-z0-9]/.test(text) ? openingSlot(text, 0, Math.min(text.length, 2)) : -1;
    if (slot < 0) {
      always = true;
      continue;
    }
    const list = (filedOpenings[slot] ??= []);
    let word = list.find((other) => other.text === text);
    if (!word) list.push((word = { text, openings: [] }));
    // A later word that starts with a separator could take part of the run before it: then only the first word is checked (none today).
    const rest = words.slice(1);
    const opening = rest.some((next) => isSeparatorCode(next.charCodeAt(0))) ? { rest: [], rule, wildcard: true } : { rest, rule, wildcard };
    if (!word.openings.some((other) => other.rule === rule && other.wildcard === opening.wildcard && other.rest.join(' ') === opening.rest.join(' '))) word.openings.push(opening);
  }
  glossaryRules.push({ canonical: term.canonical, pattern: new RegExp(`(?<![\\w.])(?:${term.variants.map(variantPattern).join('|')})(?![\\w])`, 'g'), always });
}

/**
 * Per rule, the rules that may match at the canonical token its replacement puts in the text
 * (` canonical `, a new match start): those with an opening the token starts with. Its next word,
 * if any, would be the text after the token, so that is not asked.
 */
const openedByCanonical: number[][] = glossaryRules.map(({ canonical }) => {
  const rules = new Set<number>();
  for (const list of filedOpenings) {
    for (const word of list ?? []) for (const opening of word.openings) if (canonical.startsWith(word.text) && (opening.wildcard || opening.rest.length > 0 || word.text === canonical)) rules.add(opening.rule);
  }
  return [...rules].sort((a, b) => a - b);
});

/**
 * The filed openings laid flat in a few typed arrays, as a question reads them. Every word start
 * of a text looks up its one- and two-character slots, at random in a table of 16,512: as objects
 * (a list per slot, an object per word and per opening, each with its own string and arrays) that
 * is a handful of cache misses per word start on a question whose caches were emptied by the work
 * before it; here it is a byte per slot (most slots empty) and a few neighbouring numbers.
 *
 * - `slotNumber[slot]`: 0 for a slot without openings, else n, whose words are numbers
 *   `slotWords[n - 1]` to `slotWords[n]`.
 * - Word w's text is table text w; its openings are numbers `wordOpenings[w]` to `wordOpenings[w + 1]`.
 * - Opening o opens rule `openingRule[o]`, ends in a wildcard if `openingWildcard[o]` is 1, and its
 *   further words are table texts `openingRest[o]` to `openingRest[o + 1]` (numbered after the words).
 * - Table text t is the character codes `textChars[textAt[t]]` to `textChars[textAt[t + 1]]` (ASCII).
 */
const slotNumber = new Uint8Array(OPENING_SLOTS);
const slotWordsList: number[] = [0];
const wordTexts: string[] = [];
const restTexts: string[] = [];
const wordOpeningsList: number[] = [0];
const openingRules: number[] = [];
const openingWildcards: number[] = [];
const openingRestList: number[] = [0];
for (let slot = 0; slot < OPENING_SLOTS; slot++) {
  const list = filedOpenings[slot];
  if (!list) continue;
  for (const word of list) {
    wordTexts.push(word.text);
    for (const opening of word.openings) {
      openingRules.push(opening.rule);
      openingWildcards.push(opening.wildcard ? 1 : 0);
      restTexts.push(...opening.rest);
      openingRestList.push(restTexts.length);
    }
    wordOpeningsList.push(openingRules.length);
  }
  slotWordsList.push(wordTexts.length);
  slotNumber[slot] = slotWordsList.length - 1;
}
const tableTexts = [...wordTexts, ...restTexts];
const textChars = Uint8Array.from(tableTexts.join(''), (char) => char.charCodeAt(0));
const textAt = new Uint16Array(tableTexts.length + 1);
for (let t = 0; t < tableTexts.length; t++) textAt[t + 1] = textAt[t] + tableTexts[t].length;
if (slotWordsList.length > 0x100 || textChars.length > 0xffff || tableTexts.length > 0xffff || tableTexts.join('').split('').some((char) => char.charCodeAt(0) >= 128)) {
  throw new Error('The glossary openings do not fit the flat table (more than 255 slots, 65,535 characters or texts, or a character above ASCII)');
}
const slotWords = Uint16Array.from(slotWordsList);
const wordOpenings = Uint16Array.from(wordOpeningsList);
const openingRule = Uint16Array.from(openingRules);
const openingWildcard = Uint8Array.from(openingWildcards);
// Rest texts are numbered after the words.
const openingRest = Uint16Array.from(openingRestList, (rest) => rest + wordTexts.length);

/** How long table text `t` is. */
function textLength(t: number): number {
  return textAt[t + 1] - textAt[t];
}

/** Whether the text reads table text `t` at `at`. */
function readsText(text: string, at: number, t: number): boolean {
  const start = textAt[t];
  const length = textAt[t + 1] - start;
  if (at + length > text.length) return false;
  for (let i = 0; i < length; i++) if (text.charCodeAt(at + i) !== textChars[start + i]) return false;
  return true;
}

/** Marks in `mayMatch` every rule with an opening at `at`. */
function markOpeningsAt(text: string, at: number, mayMatch: Uint8Array): void {
  const single = openingSlot(text, at, 1);
  if (single >= 0 && slotNumber[single] !== 0) markOpenings(slotNumber[single], text, at, mayMatch);
  const pair = at + 1 < text.length ? openingSlot(text, at, 2) : -1;
  if (pair >= 0 && slotNumber[pair] !== 0) markOpenings(slotNumber[pair], text, at, mayMatch);
}

/** Marks the rules of slot number `n`'s openings that the text reads at `at`. */
function markOpenings(n: number, text: string, at: number, mayMatch: Uint8Array): void {
  for (let word = slotWords[n - 1]; word < slotWords[n]; word++) {
    if (!readsText(text, at, word)) continue;
    const end = at + textLength(word);
    for (let opening = wordOpenings[word]; opening < wordOpenings[word + 1]; opening++) {
      const rule = openingRule[opening];
      if (mayMatch[rule] === 0 && readsRest(text, end, opening)) mayMatch[rule] = 1;
    }
  }
}

/** Whether the text reads the rest of opening `opening`'s variant from `at`, where its first word ended. */
function readsRest(text: string, at: number, opening: number): boolean {
  let end = at;
  for (let rest = openingRest[opening]; rest < openingRest[opening + 1]; rest++) {
    end = afterSeparators(text, end);
    if (!readsText(text, end, rest)) return false;
    end += textLength(rest);
  }
  return openingWildcard[opening] === 1 || !isWordCode(text.charCodeAt(end));
}

/** The rules with an opening that no table slot holds: always run. */
const alwaysRun = glossaryRules.flatMap((rule, index) => (rule.always ? [index] : []));

/** Which rules may match, per glossary pass (the pass is synchronous): one array for every pass rather than one each. */
const mayMatchScratch = new Uint8Array(glossaryRules.length);

/**
 * The rules that can match somewhere in the text: those with an opening at one of its match starts.
 * A rule's replacement (` canonical `) keeps every other match start as it was and adds one, its
 * canonical token's, whose rules `applyGlossary` marks after it; so a rule left unmarked cannot match.
 */
function rulesThatMayMatch(text: string): Uint8Array {
  const mayMatch = mayMatchScratch.fill(0);
  for (const rule of alwaysRun) mayMatch[rule] = 1;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    // Openings start with a letter or digit.
    if (((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) && isMatchStart(text, at)) markOpeningsAt(text, at, mayMatch);
  }
  return mayMatch;
}

export const canonicalTokens: ReadonlySet<string> = new Set(glossary.map((term) => term.canonical));

/** Replaces every glossary phrase with its canonical token. */
export function applyGlossary(folded: string): string {
  // `*.contoso.com` is how admins write a wildcard certificate.
  let text = folded.includes('*.') ? folded.replace(/\*\./g, ' xstarprefix ') : folded;
  // An admin's own host names (cmg.contoso.com) say nothing about the topic; Microsoft's do.
  // A host name holds a full stop: most texts (an ask's words joined) have none to look at.
  if (text.includes('.')) text = text.replace(/\b[a-z0-9-]+(?:\.[a-z0-9-]+)+\b/g, (host) => (/cloudapp|usgovcloudapp|^microsoft\.|\.log$|^\d/.test(host) ? host : ' xhostname '));
  // Most rules have no opening in the text: their (costly) patterns are not run.
  const mayMatch = rulesThatMayMatch(text);
  for (let rule = 0; rule < glossaryRules.length; rule++) {
    if (mayMatch[rule] === 0) continue;
    const { canonical, pattern } = glossaryRules[rule];
    const replaced = text.replace(pattern, ` ${canonical} `);
    if (replaced !== text) for (const opened of openedByCanonical[rule]) mayMatch[opened] = 1;
    text = replaced;
  }
  return text;
}

/**
 * Words that carry no topic in either language, including the filler admins type in chat
 * ("quick q", "pls", "iemand"). Negations and "default"/"standaard" stay: they are not used for
 * matching anyway once they are common, and removing them would hide real differences.
 */
const STOP_WORDS = new Set(
  (
    // English
    'a an the is are was were be been being am do does did doing done i we our ours us you your yours my me mine it its itsself this that these those ' +
    'what which who whom whose how when where why can could should would will shall may might must to of in on at for from by with about as into onto than then ' +
    'there here if or and but so just also any some all each every there s t re ve ll d m whats hows whats wheres thats im ive id dont doesnt isnt arent cant ' +
    'ok okay please pls plz hi hey hello quick q question questions thanks thank thx wich whats anyone anybody someone know tell need needs needed want wanted get gets got ' +
    'have has had having one ones thing things stuff really actually still again else other another out up down over under very too much many more most ' +
    'going go make makes made use uses used using way guys team folks btw fyi asap im yes no not our their them they he she his her ' +
    'about now through via into onto worth possible possibly maybe perhaps currently already ever anyway ' +
    // chat verbs and hedges that carry no topic ("talks to", "is it enough", "look at")
    'enough since anything something sure exactly right guess think thinking wonder wondering idea like able let lets see look looking find ' +
    'between soon shortly next last today tomorrow yesterday week weeks talk talks talking tell happen happens happened say says said mean means meant kind sort roughly approx around etc' +
    ' ' +
    // Dutch
    'de het een en of is zijn was waren wordt worden werd word ik we wij je jij u uw ons onze mijn mij me dat die dit deze wat welke welk wie hoe waar ' +
    'wanneer waarom kan kun kunt kunnen moet moeten mag mogen zal zullen zou zouden wil wilt willen heb hebt hebben heeft had van in op aan voor met bij naar over ' +
    'uit om te tot als dan er hier daar nog al ook wel dus maar even snel vraag vraagje iemand weet weten graag bedankt dank alsjeblieft svp hoi hallo nu toch ' +
    'eigenlijk gewoon hun ze zij hij men iets ding dingen echt heel veel meer meest doe doen doet gaat gaan krijg krijgen krijgt jullie mn m\'n zo tegen eruit ' +
    'via door nog al ooit misschien eventueel mogelijk dan wel ' +
    // Dutch chat verbs and fillers, the counterparts of the English ones above ("gebruiken" = "use")
    'zie ziet zien kijk kijken bekijk bekijken staat staan dient waarvoor waarmee waarbij gebeuren gebeurt gebeurd toont tonen laat laten ' +
    'genoeg zich precies ongeveer nou eens gebruik gebruiken gebruikt praat praten praatten zeg zegt zeggen denk denken soort zoiets iets ergens ' +
    'tussen vanaf volgende vorige vandaag morgen gisteren week weken eigen even beetje hele binnenkort straks binnen spoedig ' +
    // chat fillers and hedges in both languages ("rn", "tbh", "zeg", "allez", "niks")
    'tijdens niks niets nothing during rn tbh imo afaik idk lol haha ok oke okay zeg allez amai hé he hey hoor ofzo zoiets enzo btw nou eh uh um basically literally honestly eerlijk gezegd trouwens overigens ' +
    'anyway anyways whatever kinda sorta pretty quite somehow iets wat echt wel zeker right ok alright please plz thx ty ' +
    // Flemish forms of the small words ("da" = dat, "wa" = wat, "ge" = je, "nie" = niet)
    'da wa ge gij nie ne nen mijne uwe zijde hebde kunde moogde zoudt awel efkes seffens grofweg ruwweg globaal ongeveer zowat'
  ).split(/\s+/),
);

/** Words of a folded, glossary-applied text (letters, digits and `_` kept together). */
export function words(text: string, skip?: ReadonlySet<string>): string[] {
  // The runs of `a-z`, `0-9` and `_` (what splitting at everything else leaves), scanned by hand;
  // words in `skip` are left out as they are met (saves filtering a second array).
  const found: string[] = [];
  let start = -1;
  for (let at = 0; at <= text.length; at++) {
    const code = at < text.length ? text.charCodeAt(at) : -1;
    const inWord = (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 95;
    if (inWord && start < 0) start = at;
    else if (!inWord && start >= 0) {
      const word = text.slice(start, at);
      if (!skip?.has(word)) found.push(word);
      start = -1;
    }
  }
  return found;
}

/** The content words of a question or phrasing, in order, glossary applied, filler removed. */
/** Whether a folded word is filler that carries no topic in either language. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

interface GlossaryPass {
  glossed: string;
  words: string[];
}

/**
 * The glossary passes of the question being answered, by folded text (the pass depends on nothing
 * else). A question repeats its parts (the ask, the context, the whole, the spelling corrector's
 * folded copy) and the glossary pass is the costly step, so each text is passed once per question.
 * `startQuestion` forgets them: no question reuses another's work, so answering a question someone
 * asked before costs what a new one does (and a benchmark that rotates a few questions measures
 * the engine, not a memo).
 */
const passes = new Map<string, GlossaryPass>();
/** Outside a question (building the index, scripts) the memo is bounded all the same. */
const MAX_PASSES = 2_000;

/** How many questions have started: what holds one question's work keeps it for that question only. */
let questionsStarted = 0;

/** Called by the engine as each question starts: the passes of earlier questions are forgotten. */
export function startQuestion(): void {
  passes.clear();
  questionsStarted++;
}

/** The number of the question being answered (0 before the first, and outside the engine). */
export function questionNumber(): number {
  return questionsStarted;
}

function glossaryPass(raw: string): GlossaryPass {
  const folded = fold(raw);
  let pass = passes.get(folded);
  if (!pass) {
    const glossed = applyGlossary(folded);
    pass = { glossed, words: words(glossed, STOP_WORDS) };
    if (passes.size >= MAX_PASSES) passes.clear();
    passes.set(folded, pass);
  }
  return pass;
}

export function contentWords(raw: string): string[] {
  return glossaryPass(raw).words;
}

/** `applyGlossary(fold(raw))`, from the same pass as `contentWords(raw)`: asking for both costs one glossary pass. */
export function glossedText(raw: string): string {
  return glossaryPass(raw).glossed;
}

const stemCache = new Map<string, string[]>();

/** The forms a word is indexed and searched under: canonical tokens as-is, others stemmed both ways. */
export function stems(word: string): string[] {
  let cached = stemCache.get(word);
  if (!cached) {
    // A word kept whole is memoised like a stemmed one (saves a one-word array per call).
    if (canonicalTokens.has(word) || /^\d/.test(word)) cached = [word];
    else cached = [...new Set([english.stem(word), dutch.stem(word)])].filter((stem) => stem.length > 0);
    if (stemCache.size < 50_000) stemCache.set(word, cached);
  }
  return cached;
}
