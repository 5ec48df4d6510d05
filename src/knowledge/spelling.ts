import { fold, isStopWord } from './text';
import { editDistance } from '../text/editDistance';

/**
 * Corrects typos against the knowledge base's own vocabulary before the glossary runs, so
 * "resouce provders" and "convet" still reach their canonical terms. A transposition counts as
 * one edit (Damerau), since swapped letters are the commonest slip when typing fast. Only
 * words of five letters or more are corrected, and only to words with the same first letter:
 * short words and first-letter changes turn unrelated words into CMG terms ("koken" → "token").
 */
export class SpellingCorrector {
  /** Known words by first letter and length: a correction keeps both (nearly), so only these compare. */
  private readonly byInitialAndLength = new Map<string, string[]>();
  private readonly known: Set<string>;

  /** Word beginnings the glossary accepts with any ending ("renew*" covers "renewing"). */
  private readonly stems: string[];

  /**
   * Each word's correction, once worked out: it depends on the word and the (fixed) vocabulary
   * alone, and most words of a question ("cmg", "certificate", "which") recur in every other.
   */
  private readonly corrections = new Map<string, string>();

  constructor(vocabulary: Iterable<string>, stems: Iterable<string> = []) {
    this.known = new Set(vocabulary);
    this.stems = [...stems].filter((stem) => stem.length >= 4);
    for (const word of this.known) {
      if (word.length < 4) continue;
      const key = word[0] + word.length;
      const list = this.byInitialAndLength.get(key) ?? [];
      list.push(word);
      this.byInitialAndLength.set(key, list);
    }
  }

  /** Whether the vocabulary spells this folded word. */
  knows(word: string): boolean {
    return this.known.has(word);
  }

  /** The question, folded, with each unknown word replaced by its closest known word, if close. */
  correct(question: string): string {
    // Whole tokens only, and none with digits: "0x2f8f" or "a2_v2" are codes, not typos.
    // The tokens are what `/[a-z0-9][a-z0-9_]*/g` matches, scanned by hand: most questions need no
    // correction, and then the folded question itself is the answer, with no string built.
    const folded = fold(question);
    let corrected = '';
    let copied = 0;
    let at = 0;
    while (at < folded.length) {
      const code = folded.charCodeAt(at);
      if (!isLetterOrDigit(code)) {
        at++;
        continue;
      }
      let end = at + 1;
      let digits = isDigit(code);
      while (end < folded.length) {
        const next = folded.charCodeAt(end);
        if (!isLetterOrDigit(next) && next !== UNDERSCORE) break;
        digits ||= isDigit(next);
        end++;
      }
      // A word shorter than MIN_CORRECTED_LENGTH is never corrected: not even looked up.
      if (!digits && end - at >= MIN_CORRECTED_LENGTH) {
        const word = folded.slice(at, end);
        const correction = this.corrected(word);
        if (correction !== word) {
          corrected += folded.slice(copied, at) + correction;
          copied = end;
        }
      }
      at = end;
    }
    return copied === 0 ? folded : corrected + folded.slice(copied);
  }

  private corrected(word: string): string {
    let correction = this.corrections.get(word);
    if (correction === undefined) {
      correction = this.correctWord(word);
      if (this.corrections.size >= MAX_REMEMBERED_CORRECTIONS) this.corrections.clear();
      this.corrections.set(word, correction);
    }
    return correction;
  }

  private correctWord(word: string): string {
    // Filler words are never corrected: "right" must not become a Dutch "richt".
    if (word.length < MIN_CORRECTED_LENGTH || this.known.has(word) || isStopWord(word) || this.stems.some((stem) => word.startsWith(stem))) return word;
    const maxEdits = word.length >= LONG_WORD ? 2 : 1;
    let best: string | undefined;
    let bestDistance = maxEdits + 1;
    for (let length = word.length - maxEdits; length <= word.length + maxEdits; length++) {
      for (const candidate of this.byInitialAndLength.get(word[0] + length) ?? []) {
        const distance = editDistance(word, candidate, bestDistance - 1);
        if (distance < bestDistance && likelySlip(word, candidate, distance)) {
          best = candidate;
          bestDistance = distance;
        }
      }
    }
    return best ?? this.splitCompound(word) ?? word;
  }

  /**
   * Dutch glues nouns together ("implementatiemodel", "conversiestatus") and admins do it in
   * English too ("siteserver"). An unknown long word that is two known words, optionally joined
   * by the linking "s" or "e", is read as those two words. Both parts need four letters or more,
   * so a short accidental prefix cannot turn an unrelated word into CMG terms.
   */
  private splitCompound(word: string): string | undefined {
    if (word.length < MIN_COMPOUND_LENGTH || /\d/.test(word)) return undefined;
    let best: { first: string; second: string } | undefined;
    // Each split judged as it is made, without a list of [first, second] pairs per cut.
    const consider = (first: string, second: string) => {
      if (first.length < MIN_PART_LENGTH || !this.known.has(first) || !this.known.has(second)) return;
      // Prefer the most even split: "implementatie model" over "implement atiemodel".
      if (!best || Math.min(first.length, second.length) > Math.min(best.first.length, best.second.length)) best = { first, second };
    };
    for (let cut = MIN_PART_LENGTH; cut <= word.length - MIN_PART_LENGTH; cut++) {
      const head = word.slice(0, cut);
      const tail = word.slice(cut);
      consider(head, tail);
      consider(head.replace(/[se]$/, ''), tail);
    }
    return best && `${best.first} ${best.second}`;
  }
}

/** Shorter words are never corrected: "koken" is not "token" (see the class comment). */
const MIN_CORRECTED_LENGTH = 5;

const UNDERSCORE = 95;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** `a-z` or `0-9`: what a token starts with. */
function isLetterOrDigit(code: number): boolean {
  return (code >= 97 && code <= 122) || isDigit(code);
}

const MIN_COMPOUND_LENGTH = 9;
/** From this length a word may be two edits off ("maintenence", "registeren"). */
const LONG_WORD = 10;
/** From this length one changed letter is more likely a slip than a different word ("monitering"; not "opzet" → "omzet"). */
const SUBSTITUTION_LENGTH = 8;

/**
 * Whether one edit reads as a typing slip rather than another word: a letter left out
 * ("managment") or two swapped ("defualt") are slips; an extra letter only when it doubles its
 * neighbour ("traaag"), since "geven" or "tekst" minus a letter are other words; one changed
 * letter only in a long word ("monitering"), since "opzet", "koken" or "messing" are real words.
 */
function likelySlip(word: string, candidate: string, distance: number): boolean {
  if (distance !== 1) return true;
  if (candidate.length > word.length) return true;
  if (candidate.length < word.length) {
    for (let i = 0; i < word.length; i++) {
      if (word.slice(0, i) + word.slice(i + 1) === candidate) return (i > 0 && word[i - 1] === word[i]) || (i + 1 < word.length && word[i + 1] === word[i]);
    }
    return false;
  }
  const differs = [...word].map((letter, i) => letter !== candidate[i]);
  const first = differs.indexOf(true);
  const swapped = first >= 0 && word[first] === candidate[first + 1] && word[first + 1] === candidate[first];
  return swapped || word.length >= SUBSTITUTION_LENGTH;
}
/** Distinct words remembered at once (a few MB at most); past that the memory starts afresh. */
const MAX_REMEMBERED_CORRECTIONS = 50_000;
const MIN_PART_LENGTH = 4;

