/**
 * A BM25 index over a fixed set of documents, with every per-term score worked out at build time.
 *
 * The knowledge base is small (about 140 entries) and never changes while the bot runs, so each
 * indexed form keeps one list of (entry, score over all fields) and a question costs one map look-up
 * and a few additions per word. The scoring is MiniSearch's (BM25+ with k 1.2, b 0.7, d 0.5, field
 * boosts, a field's length counted as its distinct words, the sum multiplied by the number of
 * distinct question forms matched); a test compares the two on every question set we keep.
 */

export interface TermIndexOptions<F extends string> {
  fields: readonly F[];
  boost: Readonly<Record<F, number>>;
  /** A field's text as words (their count is the field's length). */
  tokenize: (text: string) => string[];
  /** The indexed forms of one word (a word may have several stems). */
  forms: (word: string) => string[];
}

export interface TermHit {
  /** The document's position in the list the index was built from. */
  doc: number;
  score: number;
  /** The distinct question forms this document matched, in question order. */
  terms: string[];
}

const K = 1.2;
const B = 0.7;
const D = 0.5;

/** A question word's forms and each one's number (-1 for a form no document holds). */
interface WordPostings {
  forms: string[];
  ids: Int32Array;
}

/** Words whose postings are remembered at once; past that the memory starts afresh. */
const MAX_WORDS = 50_000;

export class TermIndex<F extends string> {
  /** A number for every indexed form (0 up to `formCount`), so a caller can keep per-form facts in arrays. */
  private readonly formNumbers = new Map<string, number>();
  /**
   * Form f's posting is its documents and their scores, positions `postingStart[f]` to
   * `postingStart[f + 1]` of `postingDocs` and `postingScores`: every posting in one pair of arrays,
   * so a search reads a run of them rather than an object and two arrays of its own per form
   * (cache misses on a question whose caches the work before it emptied).
   */
  private readonly postingStart: Int32Array;
  private readonly postingDocs: Int32Array;
  private readonly postingScores: Float64Array;
  /**
   * Per search: the search's number for each form it met (`seenIn[id] === searchNumber`), in place
   * of a Set of strings per search.
   */
  private readonly seenIn: Uint32Array;
  private searchNumber = 0;
  /**
   * Each word's forms and postings, looked up once per word (they depend on the word and the fixed
   * index alone): a search then reads one record per word instead of a forms and a posting look-up each.
   */
  private readonly wordPostings = new Map<string, WordPostings>();
  readonly size: number;
  /**
   * Per search (match is synchronous): each document's summed score, matched form count and matched
   * form bits, kept from one search to the next and cleared for the documents it touched, so a
   * search allocates no arrays of the index's size.
   */
  private readonly totals: Float64Array;
  private readonly counts: Uint16Array;
  private masks = new Uint32Array(0);
  /**
   * The last search's documents in the order first met and their scores, which its Matches reads
   * (safe to reuse: a search is synchronous and not re-entered, and a Matches is read before the
   * next search); saves three growing arrays per search.
   */
  private readonly order: Int32Array;
  private readonly hitScores: Float64Array;
  private lastHits = 0;
  private lastStride = 1;

  constructor(documents: readonly Readonly<Record<F, string>>[], private readonly options: TermIndexOptions<F>) {
    this.size = documents.length;
    this.totals = new Float64Array(this.size);
    this.counts = new Uint16Array(this.size);
    this.order = new Int32Array(this.size);
    this.hitScores = new Float64Array(this.size);
    const { fields } = options;
    // Per field: each form's term frequency per document, and each document's length.
    const frequencies = fields.map(() => new Map<string, Map<number, number>>());
    const lengths = fields.map(() => new Float64Array(documents.length));
    const averages = fields.map(() => 0);
    documents.forEach((document, doc) => {
      fields.forEach((field, f) => {
        const words = options.tokenize(document[field]);
        const length = new Set(words).size;
        lengths[f][doc] = length;
        // The running mean, as MiniSearch keeps it (the same rounding of the average field length).
        averages[f] = (averages[f] * doc + length) / (doc + 1);
        for (const word of words) {
          for (const form of options.forms(word)) {
            if (!form) continue;
            let byDoc = frequencies[f].get(form);
            if (!byDoc) frequencies[f].set(form, (byDoc = new Map()));
            byDoc.set(doc, (byDoc.get(doc) ?? 0) + 1);
          }
        }
      });
    });
    const allForms = new Set<string>();
    for (const perField of frequencies) for (const form of perField.keys()) allForms.add(form);
    const starts = [0];
    const allDocs: number[] = [];
    const allScores: number[] = [];
    for (const form of allForms) {
      // Documents in first-seen order over the fields, so equal scores keep MiniSearch's order.
      const score = new Map<number, number>();
      fields.forEach((field, f) => {
        const byDoc = frequencies[f].get(form);
        if (!byDoc) return;
        const idf = Math.log(1 + (documents.length - byDoc.size + 0.5) / (byDoc.size + 0.5));
        for (const [doc, tf] of byDoc) {
          const raw = idf * (D + (tf * (K + 1)) / (tf + K * (1 - B + (B * lengths[f][doc]) / averages[f])));
          score.set(doc, (score.get(doc) ?? 0) + options.boost[field] * raw);
        }
      });
      for (const [doc, value] of score) {
        allDocs.push(doc);
        allScores.push(value);
      }
      starts.push(allDocs.length);
      this.formNumbers.set(form, this.formNumbers.size);
    }
    this.postingStart = Int32Array.from(starts);
    this.postingDocs = Int32Array.from(allDocs);
    this.postingScores = Float64Array.from(allScores);
    this.seenIn = new Uint32Array(this.formNumbers.size);
  }

  /** How many forms the index holds; each has a number below it. */
  get formCount(): number {
    return this.formNumbers.size;
  }

  /** The form's number (see `formNumbers`), undefined for a form no document holds. */
  formNumber(form: string): number | undefined {
    return this.formNumbers.get(form);
  }

  /** Whether any document holds this form. */
  has(form: string): boolean {
    return this.formNumbers.has(form);
  }

  /**
   * Documents matching any of the question's words, best first. `boost` weighs a form (the ask's
   * words count fully, the context's less); a form met twice counts twice, as in MiniSearch.
   * `boost` is told the form's number too (see `formNumber`), so a caller can read its weight from an array.
   */
  search(words: readonly string[], boost: (form: string, id: number) => number): TermHit[] {
    return this.match(words, boost).ranked();
  }

  /** The documents matching any of the question's words, unordered: the caller picks the ranked ones it needs. */
  match(words: readonly string[], boost: (form: string, id: number) => number): Matches {
    this.clearLast();
    const { totals, counts } = this;
    // Each document's matched forms as bits over the question's distinct forms (in question order),
    // so a hit's terms are spelled out only when asked for.
    const read: WordPostings[] = [];
    let formCount = 0;
    for (const word of words) {
      const postings = this.postingsOf(word);
      read.push(postings);
      formCount += postings.forms.length;
    }
    const stride = Math.max(1, Math.ceil(formCount / 32));
    if (this.masks.length < this.size * stride) this.masks = new Uint32Array(this.size * stride);
    const { masks, order, hitScores, postingStart: starts, postingDocs: docs, postingScores: scores } = this;
    const distinct: string[] = [];
    let hits = 0;
    // A form met again adds its score again but is no new term for any document.
    const { seenIn } = this;
    if (++this.searchNumber === 0xffffffff) {
      seenIn.fill(0);
      this.searchNumber = 1;
    }
    const number = this.searchNumber;
    for (const { forms, ids } of read) {
      for (let f = 0; f < forms.length; f++) {
        const id = ids[f];
        if (id < 0) continue;
        const form = forms[f];
        const weight = boost(form, id);
        const start = starts[id];
        const end = starts[id + 1];
        if (seenIn[id] === number) {
          for (let i = start; i < end; i++) totals[docs[i]] += weight * scores[i];
          continue;
        }
        seenIn[id] = number;
        const k = distinct.length;
        distinct.push(form);
        const offset = k >>> 5;
        const bit = 1 << (k & 31);
        for (let i = start; i < end; i++) {
          const doc = docs[i];
          totals[doc] += weight * scores[i];
          if (counts[doc]++ === 0) order[hits++] = doc;
          masks[doc * stride + offset] |= bit;
        }
      }
    }
    for (let at = 0; at < hits; at++) hitScores[at] = totals[order[at]] * counts[order[at]];
    // The documents' bits stay until the next search clears them, as the Matches reads them.
    this.lastHits = hits;
    this.lastStride = stride;
    return new Matches(order, hitScores, hits, distinct, masks, stride);
  }

  /** The word's forms and their postings, worked out on first sight (see `wordPostings`). */
  private postingsOf(word: string): WordPostings {
    let found = this.wordPostings.get(word);
    if (!found) {
      const forms = this.options.forms(word);
      found = { forms, ids: Int32Array.from(forms, (form) => (form ? (this.formNumbers.get(form) ?? -1) : -1)) };
      if (this.wordPostings.size >= MAX_WORDS) this.wordPostings.clear();
      this.wordPostings.set(word, found);
    }
    return found;
  }

  /** Clears the last search's totals, counts and bits for the documents it touched. */
  private clearLast(): void {
    const { totals, counts, masks, order, lastStride: stride } = this;
    for (let at = 0; at < this.lastHits; at++) {
      const doc = order[at];
      totals[doc] = 0;
      counts[doc] = 0;
      for (let word = doc * stride; word < (doc + 1) * stride; word++) masks[word] = 0;
    }
    this.lastHits = 0;
  }
}

/**
 * The documents a search matched, in the order first met, with their scores. Ranked as a stable
 * sort by score (best first) ranks them: equal scores keep the order first met, as in MiniSearch.
 * A question matches most of the knowledge base and the engine reads only the first few, so
 * those are picked without sorting the rest.
 */
export class Matches {
  /** Reads the index's scratch arrays, so it is valid only until the index's next search. */
  constructor(
    private readonly docs: Int32Array,
    private readonly scores: Float64Array,
    private readonly count: number,
    private readonly forms: readonly string[],
    /** Each document's matched form bits, `stride` numbers per document. */
    private readonly masks: Uint32Array,
    private readonly stride: number,
  ) {}

  get size(): number {
    return this.count;
  }

  /** The first `limit` hits, best first (all of them without a limit). */
  ranked(limit = Infinity): TermHit[] {
    const { count } = this;
    if (limit >= count) return Array.from({ length: count }, (_none, at) => this.hit(at)).sort((a, b) => (b.score > a.score ? 1 : b.score < a.score ? -1 : 0));
    return this.best(limit).map((at) => this.hit(at));
  }

  /**
   * The positions of the first `limit` hits, best first (what `ranked` returns, without a hit object
   * each): read them with `doc`, `score` and `terms`, before the index's next search.
   */
  best(limit: number): number[] {
    const { scores, count } = this;
    // The best so far, best first; a later one with an equal score goes after them.
    const best: number[] = [];
    for (let at = 0; at < count; at++) {
      const score = scores[at];
      if (best.length === limit && !(score > scores[best[limit - 1]])) continue;
      // Inserted by shifting the worse ones along (a splice would return a new, empty array each time).
      let place = best.length < limit ? best.length : limit - 1;
      while (place > 0 && score > scores[best[place - 1]]) {
        best[place] = best[place - 1];
        place--;
      }
      best[place] = at;
    }
    return best;
  }

  /** The document of the hit at a position. */
  doc(at: number): number {
    return this.docs[at];
  }

  /** The score of the hit at a position. */
  score(at: number): number {
    return this.scores[at];
  }

  /** The distinct question forms the hit at a position matched, in question order. */
  terms(at: number): string[] {
    const { masks, stride, forms } = this;
    const base = this.docs[at] * stride;
    const terms: string[] = [];
    for (let k = 0; k < forms.length; k++) if ((masks[base + (k >>> 5)] & (1 << (k & 31))) !== 0) terms.push(forms[k]);
    return terms;
  }

  /** The position of the best-ranked hit whose document passes `test`, or -1. */
  firstAt(test: (doc: number) => boolean): number {
    let found = -1;
    for (let at = 0; at < this.count; at++) if ((found < 0 || this.scores[at] > this.scores[found]) && test(this.docs[at])) found = at;
    return found;
  }

  /** The score of the hit ranked last (the lowest). */
  lowestScore(): number | undefined {
    if (this.count === 0) return undefined;
    let lowest = Infinity;
    for (let at = 0; at < this.count; at++) lowest = Math.min(lowest, this.scores[at]);
    return lowest;
  }

  /** A hit copies its document's bits, so it outlives the next search; up to 32 forms they are one number, no array. */
  private hit(at: number): TermHit {
    const doc = this.docs[at];
    const { masks, stride } = this;
    return new Hit(doc, this.scores[at], this.forms, stride === 1 ? masks[doc] : Array.from(masks.subarray(doc * stride, (doc + 1) * stride)));
  }
}

/** A search result whose matched terms are read from its bits when first asked for. */
class Hit implements TermHit {
  private spelled: string[] | undefined;

  constructor(
    readonly doc: number,
    readonly score: number,
    private readonly forms: readonly string[],
    /** The matched form bits over `forms`: one number up to 32 forms, else 32 forms a number. */
    private readonly bits: number | readonly number[],
  ) {}

  get terms(): string[] {
    if (!this.spelled) {
      this.spelled = [];
      const { bits } = this;
      for (let k = 0; k < this.forms.length; k++) if (((typeof bits === 'number' ? bits : bits[k >>> 5]) & (1 << (k & 31))) !== 0) this.spelled.push(this.forms[k]);
    }
    return this.spelled;
  }
}
