import { questionNumber } from './text';

/**
 * Cheap checks before costly patterns. A guarded pattern lists literals of which every match of
 * it holds at least one (as lower-case text: the guard reads the folded text); a text that holds
 * none cannot match, and the pattern is not run. `guards.test.ts` checks each list against its
 * pattern over the fixture questions and thousands of generated matches, so an edit of a pattern
 * that outgrows its list fails there.
 *
 * A literal of two characters or more is looked for in the text's sketch: one bit per pair of
 * adjacent characters and one per run of three (each hashed into its own range of bits). A text
 * that holds the literal holds each of its runs of three (a literal of two: its pair), so their
 * bits are all set; a bit left clear means the literal is not there. Runs of three tell far more
 * than pairs: the pairs of "kra" or "chain" are found in most questions, spread over other words,
 * and each such false pass runs a pattern for nothing. The sketch is made in one pass over the
 * text and serves every guard that reads the same text, where `includes` would scan the text
 * again for each literal.
 */
const PAIR_BITS = 1024;
const TRIPLE_BITS = 4096;
const sketch = new Int32Array((PAIR_BITS + TRIPLE_BITS) / 32);
/** The text the sketch is of, within the question being answered (never carried into another question). */
let sketchText: string | undefined;
let sketchQuestion = -1;

function pairBit(first: number, second: number): number {
  return (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b)) >>> 22;
}

/** A run of three's bit, after the pairs' bits (hashed in a chain: a plain xor of the three leaves "csp" on one bit with one text in ten). */
function tripleBit(first: number, second: number, third: number): number {
  return PAIR_BITS + (Math.imul(Math.imul(Math.imul(first, 0x9e3779b1) + second, 0x85ebca6b) + third, 0xc2b2ae35) >>> 20);
}

/** The sketch of the text: made unless it is the text the last guard read, in the same question. */
function sketchOf(text: string): Int32Array {
  const question = questionNumber();
  if (text === sketchText && question === sketchQuestion) return sketch;
  sketch.fill(0);
  for (let at = 1; at < text.length; at++) {
    const second = text.charCodeAt(at - 1);
    const third = text.charCodeAt(at);
    const pair = pairBit(second, third);
    sketch[pair >>> 5] |= 1 << (pair & 31);
    if (at < 2) continue;
    const triple = tripleBit(text.charCodeAt(at - 2), second, third);
    sketch[triple >>> 5] |= 1 << (triple & 31);
  }
  sketchText = text;
  sketchQuestion = question;
  return sketch;
}

/** The sketch bits a literal of two characters or more sets: its pair, or each of its runs of three. */
function literalBits(literal: string): Set<number> {
  const bits = new Set<number>();
  if (literal.length === 2) bits.add(pairBit(literal.charCodeAt(0), literal.charCodeAt(1)));
  for (let at = 2; at < literal.length; at++) bits.add(tripleBit(literal.charCodeAt(at - 2), literal.charCodeAt(at - 1), literal.charCodeAt(at)));
  return bits;
}

/** Literals as `mayMatch` reads them: per literal of two characters or more, how many sketch bits, then the bits; and the one-character ones. */
interface LiteralSet {
  bits: Int16Array;
  /** The one-character literals, looked for with `includes`. */
  chars: readonly string[];
}

function literalSet(literals: readonly string[]): LiteralSet {
  const bits: number[] = [];
  for (const literal of literals) {
    if (literal.length < 2) continue;
    const own = literalBits(literal);
    bits.push(own.size, ...own);
  }
  return { bits: Int16Array.from(bits), chars: literals.filter((literal) => literal.length < 2) };
}

/** Whether the folded text may hold one of the literals (false only when it holds none). */
function holdsOne(folded: string, { bits, chars }: LiteralSet): boolean {
  for (const char of chars) if (folded.includes(char)) return true;
  if (bits.length === 0) return false;
  const sketched = sketchOf(folded);
  for (let at = 0; at < bits.length; ) {
    const end = at + 1 + bits[at];
    let all = true;
    for (at++; at < end; at++) {
      const bit = bits[at];
      if ((sketched[bit >>> 5] & (1 << (bit & 31))) === 0) {
        all = false;
        at = end;
        break;
      }
    }
    if (all) return true;
  }
  return false;
}

export class GuardedPattern {
  private readonly first: LiteralSet;
  private readonly second: LiteralSet | undefined;

  constructor(
    readonly pattern: RegExp,
    /** Lower-case literals: every match of `pattern` (folded, for a case-insensitive one) holds one of them. */
    readonly literals: readonly string[],
    /** Optionally a second such list: every match holds one of these as well (for a pattern whose first list is common in questions). */
    readonly alsoLiterals: readonly string[] = [],
  ) {
    this.first = literalSet(literals);
    this.second = alsoLiterals.length > 0 ? literalSet(alsoLiterals) : undefined;
    guardedPatterns.push(this);
  }

  /** Whether the folded text can hold a match (false only when it holds none of the literals, or none of the second list). */
  mayMatch(folded: string): boolean {
    return holdsOne(folded, this.first) && (this.second === undefined || holdsOne(folded, this.second));
  }

  /** `pattern.test(text)`, skipped when the text cannot match; `folded` is fold(text) when the caller has it. */
  test(text: string, folded = text): boolean {
    return this.mayMatch(folded) && this.pattern.test(text);
  }

  /** `pattern.exec(text)`, skipped when the text cannot match; `folded` is fold(text) (or a text holding every literal it holds). */
  exec(text: string, folded = text): RegExpExecArray | null {
    return this.mayMatch(folded) ? this.pattern.exec(text) : null;
  }
}

/** Every guarded pattern, for the check in `guards.test.ts`. */
export const guardedPatterns: GuardedPattern[] = [];

/** Whether the text holds an ASCII digit (what `\d` matches without the `u` flag, and with it). */
export function hasDigit(text: string): boolean {
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}
