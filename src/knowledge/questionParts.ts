import { GuardedPattern, hasDigit } from './guards';
import { contentWords, fold } from './text';

/**
 * A message split into what it asks and the scene it sets. Admins write the situation first
 * ("we're on 2107, cert is ours, boss wants vmss by friday.") and then ask; the ask decides the
 * answer, the context only helps to tell close candidates apart and fills in the asker's data.
 */
export interface QuestionParts {
  /** One or two asks (a message with two questions in it gets two). */
  asks: string[];
  /** The sentences and clauses that set the scene. */
  context: string;
}

/** Words that open a question in English, Dutch or Flemish chat. */
const INTERROGATIVE = new Set(
  ('what whats wheres whos whys whens which how hows why when where who whom whose can cant could couldnt do dont does doesnt did didnt is isnt are arent was were ' +
    'should shouldnt shall will wont would wouldnt must may might need any anyone anybody explain tell show list give help is there are there ' +
    'wat wa welke welk hoe hoelang hoeveel hoezo waarom wanneer waar waarmee waarvoor waarop waardoor wie kan kun kunt kunnen kunde kunnek ' +
    'moet moeten moete moetek mag mogen moogt is zijn zijde zal zullen zou zouden wordt worden werkt heb hebben heeft hebt hebde klopt geldt ' +
    'bestaat blijft gaat gaan doe doen leg vertel geef zit krijg krijgen wil wilt').split(' '),
);

/** Phrases that make a sentence an ask even without a question mark or a question word first. */
const ASK_PHRASE =
  /\b(i want to know|i'?d like to know|wondering|i wonder|not sure (?:if|whether|how|what|which)|any idea|anyone know|does anyone|can someone|could someone|pls advise|please advise|need to know|how come|what about|how about|vraag me af|ik vraag mij af|weet iemand|kan iemand|iemand een idee|wil (?:graag )?weten|hoe zit het|wat als|wat nu|wat moet|hoe moet|is het zo dat|klopt het)\b/;

/**
 * Joins a second ask to the first inside one sentence: "… and do I need …", "… en moet ik …".
 * JOINER and LEAD_IN are read with `exec` from `lastIndex` 0, which gives what `matchAll` gives
 * (neither matches empty text) without the copy of the pattern and the iterator `matchAll` makes
 * per call (safe to share: their scans are synchronous, do not nest, and reset them each time).
 */
const JOINER = /\s*(?:,\s*)?\b(?:and also|and|also|plus|as well as|en ook|en|ook|daarnaast|verder|bovendien|tevens)\s+(?=(\S+))/g;

/** Separates a lead-in from the ask inside one sentence: "we're on 2107, can we convert?". */
const LEAD_IN = /(?:,|;|:|\s-\s|\s–\s|\bso\b|\bdus\b|\bthus\b|\bnow\b|\bnu\b)\s*/g;

const MIN_ASK_WORDS = 2;

/** Question words that open an ask in the middle of a sentence without a comma before them. */
const MID_QUESTION = new Set(['what', "what's", 'whats', 'which', 'how', 'why', 'where', 'wat', 'welke', 'welk', 'hoe', 'hoeveel', 'waarom', 'waar']);

const PREPOSITION = new Set(['over', 'met', 'in', 'op', 'voor', 'via', 'naar', 'bij', 'about', 'with', 'on', 'for', 'to', 'from', 'at', 'through']);

/**
 * A condition after the ask is the asker's situation, not what they ask: "do I need a trusted
 * root *if every client uses Entra*". Only clauses that open with a subject count, so "use it as
 * a wildcard" or "if needed" stay part of the ask.
 */
const CONDITION =
  /\s(?:if|when|whenever|because|as long as|now that|given that|als|wanneer|omdat|aangezien|want|nu|terwijl|zolang|indien)\s+(?=(?:every|everyone|everyone's|everybody|all|each|we|i|our|the|you|they|clients?|devices?|there|it|alle|elke|iedereen|we|wij|ik|je|jij|u|onze|ons|de|het|een|er|ze|zij|clients?|apparaten|gij|ge)\b)/i;

/** The mark of an item in a numbered list of asks, with the space around it. */
const NUMBERED_ITEM = /\s(?:\(?[1-9a-c]\)|[1-9]\.)\s+(?=\S)/g;

/** Whitespace that `replace(/\s+/g, ' ')` changes: a run of two or more, or one other than a plain space. */
const UNEVEN_SPACE = /\s\s|[^\S ]/;

/** Splits a message into sentences: at ? and !, at a full stop before a space, at line breaks. */
export function sentencesOf(text: string): string[] {
  // Most messages are spaced evenly already: then they are not copied only to come out the same.
  const spaced = UNEVEN_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text;
  // A numbered list of asks ("1) … 2) …", "(a) … (b) …") is one sentence per item.
  // Safe: an item's mark holds a closing parenthesis or a digit, which most messages lack.
  const sentences = (spaced.includes(')') || hasDigit(spaced) ? spaced.replace(NUMBERED_ITEM, '\n') : spaced)
    .split(/(?<=[?!])\s*|(?<=[.;])\s+(?=\S)|\s*\n+\s*/)
    .map((sentence) => sentence.trim())
    .filter((sentence) => /[\p{L}\p{N}]/u.test(sentence));
  // A tag question ("doable?", "right?", "klopt dat?") asks about the sentence before it.
  const merged: string[] = [];
  for (const sentence of sentences) {
    const tagged = merged.length > 0 && /\?\s*$/.test(sentence);
    if (tagged && wordCount(sentence) <= 3 && !INTERROGATIVE.has(firstWord(sentence))) merged[merged.length - 1] += ' ' + sentence;
    else if (tagged && TAG.test(fold(sentence))) merged[merged.length - 1] += ' ' + sentence;
    else merged.push(sentence);
  }
  return merged;
}

const TAG = /^(?:is (?:that|this|it) (?:true|right|correct|so|still (?:true|the case))|(?:true|right|correct) or (?:not|old info)|klopt (?:dat|da|het)(?: nog)?|is (?:dat|da) (?:zo|waar|nog zo)|(?:waar|juist) of niet)\W*$/;

/** The first run of letters, digits and apostrophes that starts with a letter or digit (what follows is not read). */
const FIRST_WORD = /[a-z0-9][a-z0-9']*/;

/** A contraction's ending ("we're", "they'd"). Safe: it starts with the apostrophe. */
const CONTRACTION = new GuardedPattern(/'(?:s|re|ve|ll|d|m)$/, ["'"]);

function firstWord(text: string): string {
  // "we're" and "they'd" open a statement: without its contraction the word would read "were", a question word.
  const word = FIRST_WORD.exec(fold(text))?.[0] ?? '';
  // Both replacements only change an apostrophe, which most first words lack.
  return CONTRACTION.mayMatch(word) ? word.replace(CONTRACTION.pattern, '').replace(/'/g, '') : word;
}

/**
 * The words of two letters or digits or more, counted in one pass (no split). Folding only lowers
 * the case of ASCII (a backtick becomes a quote, no letter), so ASCII text is counted as it is, A-Z
 * with a-z, without a folded copy; a character above ASCII may fold to a letter (é to e): then the
 * folded text is counted.
 */
function wordCount(text: string): number {
  let count = 0;
  let run = 0;
  for (let at = 0; at <= text.length; at++) {
    const code = at < text.length ? text.charCodeAt(at) : 0;
    if (code > 127) return foldedWordCount(text);
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)) run++;
    else {
      if (run > 1) count++;
      run = 0;
    }
  }
  return count;
}

function foldedWordCount(text: string): number {
  const folded = fold(text);
  let count = 0;
  let run = 0;
  for (let at = 0; at <= folded.length; at++) {
    const code = at < folded.length ? folded.charCodeAt(at) : 0;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) run++;
    else {
      if (run > 1) count++;
      run = 0;
    }
  }
  return count;
}

/** Whether a sentence asks something (rather than setting the scene). */
export function isAsk(sentence: string): boolean {
  return /\?\s*$/.test(sentence) || INTERROGATIVE.has(firstWord(sentence)) || ASK_PHRASE.test(fold(sentence));
}

/**
 * The ask of a sentence that starts with context: the clause after the last separator that
 * opens like a question. "we're on 2107 and our cert is ours, can we convert?" asks
 * "can we convert?"; a sentence without such a clause is returned whole.
 */
function leadIn(sentence: string): { context: string; ask: string } {
  let best: { context: string; ask: string } | undefined;
  LEAD_IN.lastIndex = 0;
  for (let match = LEAD_IN.exec(sentence); match; match = LEAD_IN.exec(sentence)) {
    const at = match.index + match[0].length;
    const rest = sentence.slice(at);
    const before = sentence.slice(0, match.index);
    if (wordCount(before) >= 2 && wordCount(rest) >= MIN_ASK_WORDS && INTERROGATIVE.has(firstWord(rest))) {
      best = { context: before, ask: rest };
      // The first question-like clause wins: "x, how do I … and what …" keeps both asks together.
      break;
    }
  }
  // "once we're on a scale set in East US 2 what does the name become": a question word mid-sentence, no comma.
  if (!best && !INTERROGATIVE.has(firstWord(sentence))) {
    const words = sentence.split(/\s+/);
    const at = words.findIndex((word, index) => index >= 3 && MID_QUESTION.has(fold(word).replace(/[^a-z']/g, '')));
    if (at > 0 && wordCount(words.slice(at).join(' ')) >= MIN_ASK_WORDS) best = { context: words.slice(0, at).join(' '), ask: words.slice(at).join(' ') };
  }
  // "…, gaat da wel?" asks about its own lead-in: without a word of its own the clause is no ask.
  if (best && contentWords(best.ask).length === 0) return { context: '', ask: sentence };
  return best ?? { context: '', ask: sentence };
}

/** Two asks joined in one sentence, when the second half opens like a question of its own. */
function splitJoined(ask: string): string[] {
  JOINER.lastIndex = 0;
  for (let match = JOINER.exec(ask); match; match = JOINER.exec(ask)) {
    const at = match.index;
    const first = ask.slice(0, at);
    const second = ask.slice(at + match[0].length);
    // "… en over welke poorten …": a preposition may come before the question word.
    const opener = PREPOSITION.has(firstWord(second)) ? firstWord(second.replace(/^\S+\s+/, '')) : firstWord(match[1]);
    // ", en valt de CMG onder …?": after a comma a clause that ends in a question mark is a question of its own.
    const commaClause = match[0].includes(',') && /\?\s*$/.test(second);
    if (!INTERROGATIVE.has(opener) && !commaClause) continue;
    // "hoeveel instanties en hoeveel verbindingspunten": two asks that open alike may be short.
    const parallel = firstWord(first) === firstWord(second) && INTERROGATIVE.has(firstWord(second));
    if (wordCount(first) < (parallel ? 2 : 3) || wordCount(second) < (parallel ? 2 : 3)) continue;
    return [first.trim(), second.trim()];
  }
  return [ask];
}

/** The ask without a trailing condition, which goes to the context. */
function withoutCondition(ask: string): { ask: string; condition: string } {
  const match = CONDITION.exec(ask);
  if (!match || match.index === undefined) return { ask, condition: '' };
  const before = ask.slice(0, match.index);
  if (wordCount(before) < 4) return { ask, condition: '' };
  return { ask: before, condition: ask.slice(match.index) };
}

export function questionParts(message: string): QuestionParts {
  const sentences = sentencesOf(message);
  if (sentences.length === 0) return { asks: [message.trim()], context: '' };
  const context: string[] = [];
  const asks: string[] = [];
  for (const sentence of sentences) {
    const { context: lead, ask } = leadIn(sentence);
    // A sentence asks when it reads as a question, or when a clause after its lead-in does.
    if (wordCount(sentence) < MIN_ASK_WORDS || (!isAsk(sentence) && !lead)) {
      context.push(sentence);
      continue;
    }
    // "max vm instances per cmg, and how many clients …": a lead-in that ends in "and" is an ask of its own.
    const joined = lead && /(?:,|\band\b|\ben\b|\balso\b|\book\b)\s*$/i.test(lead) && /\b(?:and|en|also|ook)\s*$/i.test(lead);
    if (joined) asks.push(lead.replace(/[\s,]*\b(?:and|en|also|ook)\s*$/i, '').trim());
    else if (lead) context.push(lead);
    for (const part of splitJoined(ask)) {
      const { ask: main, condition } = withoutCondition(part);
      asks.push(main.trim());
      if (condition) context.push(condition.trim());
    }
  }
  // No sentence reads as a question: the whole message is the ask ("vmss cmg resource providers").
  if (asks.length === 0) return { asks: [sentences.join(' ')], context: '' };
  return { asks: asks.length <= 2 ? asks : [asks[0], asks.slice(1).join(' ')], context: context.join(' ') };
}
