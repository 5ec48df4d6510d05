import type { KbEntry } from './entry';
import { glossary } from './glossary';
import { SpellingCorrector } from './spelling';
import { TermIndex } from './termIndex';
import { contentWords, fold, questionNumber, stems } from './text';

export interface FindOptions {
  limit?: number;
  /** Words that are the asker's data (a version number, a region): weighed like context. */
  slotWords?: ReadonlySet<string>;
  /** How much the context counts; more when the ask points back at it ("can we reuse that?"). */
  contextWeight?: number;
  /** Entries to score even when the search ranks them low (the feature lists for a feature question). */
  include?: readonly string[];
}

/** One entry the index found for a question, with how much of the question it explains. */
export interface Candidate {
  entry: KbEntry;
  /** BM25 relevance from the index (unbounded, only comparable within one question). */
  score: number;
  /** Share (0..1) of the question's informative words that this entry matches, weighted by rarity. */
  coverage: number;
  /** How closely (0..1) the question matches one of the entry's own phrasings as a whole. */
  similarity: number;
  /** The ordering key: relevance, coverage and phrasing similarity together. */
  rank: number;
}

export const FIELDS = ['titles', 'questions', 'examples', 'keywords', 'topic', 'answers'] as const;

export interface IndexedEntry {
  id: string;
  titles: string;
  questions: string;
  examples: string;
  keywords: string;
  topic: string;
  answers: string;
}

/**
 * Field boosts: how an admin phrases a question is best matched by how we phrased it, or how
 * admins did in our question sets (examples, a field of their own so their length does not dilute
 * ours); the answer text only backs that up (it mentions many neighbouring facts).
 */
export const BOOST: Record<(typeof FIELDS)[number], number> = { titles: 3, questions: 2.5, examples: 2.5, keywords: 2, topic: 1, answers: 0.6 };

/** Matched only approximately (a typo, or a longer word sharing the stem) earns this share. */
const FUZZY_CREDIT = 0.7;

/** The document frequency an unknown word is weighed as (see questionWords). */
const UNKNOWN_WORD_FREQUENCY = 6;

/** How much a word of the context counts against a word of the ask. */
export const CONTEXT_WEIGHT = 0.35;

/**
 * The search index over the knowledge base, built once. Each entry is one document holding both
 * languages, so a Dutch question with English product terms still finds its entry.
 */
export class AnswerIndex {
  private readonly search: TermIndex<(typeof FIELDS)[number]>;
  private readonly entries: KbEntry[];
  private readonly byId: Map<string, KbEntry>;
  /** In how many entries each indexed form occurs; rare forms say more about a question. */
  private readonly documentFrequency = new Map<string, number>();
  /** A number for every indexed form (the search's own, see TermIndex.formNumber), and each entry's forms as a bitset over them, so coverage is array work. */
  private readonly formIds = new Map<string, number>();
  /**
   * Slot s's bitset is the `formBitWords` numbers from `s * formBitWords`: one array for every entry,
   * so a candidate's coverage reads a run of it rather than an array object and buffer of its own.
   */
  private readonly formBits: Uint32Array;
  private readonly formBitWords: number;
  /** Where each entry id's forms and phrasings are kept (the last entry of an id, as a Map keeps it). */
  private readonly slotById = new Map<string, number>();
  /** Each document's entry's slot, so a search hit finds it without a look-up by id. */
  private readonly slotOfDoc: Int32Array;
  /**
   * Each entry's titles and questions as sets of word keys with their rarity weights, to compare
   * whole phrasings, laid end to end for all entries in one set of arrays: slot s's phrasings are
   * numbers `phrasingsOf[s]` to `phrasingsOf[s + 1]`, phrasing p holds positions `phrasingStart[p]`
   * to `phrasingStart[p + 1]` of `phrasingKey` and `phrasingWeight`, and its weights sum to
   * `phrasingTotal[p]`. One set for all rather than four small arrays per entry: a question's
   * candidates read the same few arrays, not four objects and buffers each (cache misses on a
   * question whose caches the work before it emptied).
   */
  private readonly phrasingsOf: Int32Array;
  private readonly phrasingStart: Int32Array;
  private readonly phrasingKey: Int32Array;
  private readonly phrasingWeight: Float64Array;
  private readonly phrasingTotal: Float64Array;
  /** A number for every word key of a phrasing, so comparing a question with a phrasing is array work. */
  private readonly keyIds = new Map<string, number>();
  /** Per question (find is synchronous): each phrasing key's weight in it, and whether it occurs. */
  private questionWeight = new Float64Array(0);
  private inQuestion = new Uint8Array(0);
  /** Per question: the phrasing keys it holds, in the order first met (the first `presentCount` numbers). */
  private present = new Int32Array(0);
  /**
   * Per question (find is synchronous and not re-entered): each indexed form's role in it (0: not in
   * it), a scratch array in place of a Map per search.
   */
  private formRole = new Float64Array(0);
  /**
   * What the index knows of each word met in a question, worked out once per word: it depends on
   * the word and the fixed index alone (like the stem and spelling memos), and a question then
   * reads one record per word instead of looking it up in half a dozen maps.
   */
  private readonly wordFacts = new Map<string, WordFacts>();
  /**
   * The search's weight for a form: its role in the question, 1 for a form no question word has (one
   * formed across the joins). The search numbers forms as `formIds` does, so this is an array read.
   */
  private readonly roleOfForm = (_form: string, id: number): number => this.formRole[id] || 1;
  private readonly entryCount: number;
  private readonly spelling: SpellingCorrector;
  /**
   * Every phrasing and example, and every out-of-scope question of our sets, for the nearest-question
   * check: each one's word keys' weights summed (the postings below say which kind it is).
   */
  private readonly neighbourTotal: Float64Array;
  /** Per word key, the in-scope neighbours and the out-of-scope ones that hold it (apart, so one kind is scanned alone). */
  private readonly postings: Record<NeighbourKind, Map<string, Int32Array>> = { inScope: new Map(), outOfScope: new Map() };
  /** The last question's word keys and weights (the engine asks for both kinds of one question). */
  private lastKeys: { question: string; number: number; keys: WordFacts[]; total: number } | undefined;
  /** Per question (nearest is synchronous): the weight each neighbour shares with it, and which ones do. */
  private readonly neighbourShared: Float64Array;
  private readonly neighbourTouched: Int32Array;

  /** `outOfScope`: questions of our sets that are not ours to answer (near misses), learned as negatives. */
  constructor(entries: KbEntry[], outOfScope: readonly string[] = []) {
    this.byId = new Map(entries.map((entry) => [entry.id, entry]));
    this.entryCount = entries.length;
    this.entries = entries;
    const documents = entries.map(toDocument);
    // Typos are corrected before the search (SpellingCorrector); a fuzzy or prefix search on top
    // cost most of the time per question and changed no answer on the development sets.
    this.search = new TermIndex(documents, { fields: FIELDS, boost: BOOST, tokenize: contentWords, forms: stems });
    this.spelling = new SpellingCorrector(vocabularyOf(documents), glossaryStems());
    const formSets = documents.map((document) => {
      const forms = new Set<string>();
      for (const field of [document.titles, document.questions, document.examples, document.keywords, document.topic, document.answers]) {
        for (const word of contentWords(field)) for (const form of stems(word)) forms.add(form);
      }
      for (const form of forms) {
        this.documentFrequency.set(form, (this.documentFrequency.get(form) ?? 0) + 1);
        if (this.formIds.has(form)) continue;
        // Every form of a document is one the search holds (the same words and stems of the same fields).
        const id = this.search.formNumber(form);
        if (id === undefined) throw new Error(`the search does not hold the form ${form}`);
        this.formIds.set(form, id);
      }
      return forms;
    });
    if (this.formIds.size !== this.search.formCount) throw new Error('the search and the index hold different forms');
    const bitWords = Math.ceil(this.formIds.size / 32);
    this.formBitWords = bitWords;
    this.formBits = new Uint32Array(documents.length * bitWords);
    documents.forEach((document, slot) => {
      for (const form of formSets[slot]) {
        const id = this.formIds.get(form) as number;
        this.formBits[slot * bitWords + (id >>> 5)] |= 1 << (id & 31);
      }
      this.slotById.set(document.id, slot);
    });
    this.slotOfDoc = Int32Array.from(documents, (document) => this.slotById.get(document.id) as number);
    // Each phrasing's word keys with their rarity weight, summed once here instead of per question.
    const ids: number[] = [];
    const weights: number[] = [];
    const starts = [0];
    const phrasingTotals: number[] = [];
    const phrasingsOf = [0];
    for (const entry of entries) {
      const phrasings = [entry.title.en, entry.title.nl, ...entry.questions.en, ...entry.questions.nl];
      for (const phrasing of phrasings) {
        let total = 0;
        for (const key of new Set(contentWords(phrasing).map(wordKey))) {
          let id = this.keyIds.get(key);
          if (id === undefined) this.keyIds.set(key, (id = this.keyIds.size));
          const weight = Math.log(1 + this.entryCount / ((this.documentFrequency.get(key) ?? 0) + 0.5));
          ids.push(id);
          weights.push(weight);
          total += weight;
        }
        starts.push(ids.length);
        phrasingTotals.push(total);
      }
      phrasingsOf.push(phrasingTotals.length);
    }
    this.phrasingsOf = Int32Array.from(phrasingsOf);
    this.phrasingStart = Int32Array.from(starts);
    this.phrasingKey = Int32Array.from(ids);
    this.phrasingWeight = Float64Array.from(weights);
    this.phrasingTotal = Float64Array.from(phrasingTotals);
    this.questionWeight = new Float64Array(this.keyIds.size);
    this.inQuestion = new Uint8Array(this.keyIds.size);
    this.present = new Int32Array(this.keyIds.size);
    this.formRole = new Float64Array(this.formIds.size);
    const totals: number[] = [];
    const postings: Record<NeighbourKind, Map<string, number[]>> = { inScope: new Map(), outOfScope: new Map() };
    const addNeighbour = (text: string, kind: NeighbourKind) => {
      const keys = [...new Set(contentWords(this.spelling.correct(text)).map(wordKey))];
      if (keys.length === 0) return;
      const index = totals.length;
      totals.push(keys.reduce((sum, key) => sum + this.keyWeight(key), 0));
      for (const key of keys) {
        let list = postings[kind].get(key);
        if (!list) postings[kind].set(key, (list = []));
        list.push(index);
      }
    };
    for (const entry of entries) {
      for (const text of [entry.title.en, entry.title.nl, ...entry.questions.en, ...entry.questions.nl, ...entry.examples.en, ...entry.examples.nl]) addNeighbour(text, 'inScope');
    }
    for (const text of outOfScope) addNeighbour(text, 'outOfScope');
    this.neighbourTotal = Float64Array.from(totals);
    for (const kind of ['inScope', 'outOfScope'] as const) for (const [key, list] of postings[kind]) this.postings[kind].set(key, Int32Array.from(list));
    this.neighbourShared = new Float64Array(totals.length);
    this.neighbourTouched = new Int32Array(totals.length);
  }

  /**
   * How similar (weighted Jaccard, 0..1) the question is to its nearest neighbour of one kind: our
   * phrasings and examples (`inScope`), or the sets' out-of-scope near misses (`outOfScope`).
   */
  nearest(question: string, kind: NeighbourKind): number {
    const { keys, total } = this.keysOf(question);
    const { neighbourShared: shared, neighbourTouched: touched } = this;
    let touchedCount = 0;
    for (const facts of keys) {
      const list = facts.neighbours[kind];
      if (!list) continue;
      const weight = facts.keyWeight;
      for (let i = 0; i < list.length; i++) {
        const index = list[i];
        if (shared[index] === 0) touched[touchedCount++] = index;
        shared[index] += weight;
      }
    }
    let best = 0;
    for (let i = 0; i < touchedCount; i++) {
      const index = touched[i];
      const sharedWeight = shared[index];
      shared[index] = 0;
      best = Math.max(best, sharedWeight / (total + this.neighbourTotal[index] - sharedWeight));
    }
    return best;
  }

  /**
   * The question's words with distinct keys (the first word of each key, in order), and the keys'
   * weights summed. Kept for the question being answered only: the engine asks for both kinds.
   */
  private keysOf(question: string): { keys: WordFacts[]; total: number } {
    const number = questionNumber();
    if (this.lastKeys?.question === question && this.lastKeys.number === number) return this.lastKeys;
    const keys: WordFacts[] = [];
    let total = 0;
    for (const word of contentWords(this.spelling.correct(question))) {
      const facts = this.factsOf(word);
      // A few dozen words at most: a repeated key is found by looking back, not in a Map.
      if (keys.some((other) => other.key === facts.key)) continue;
      keys.push(facts);
      total += facts.keyWeight;
    }
    this.lastKeys = { question, number, keys, total };
    return this.lastKeys;
  }

  /** The word's facts, worked out on first sight (see `wordFacts`). */
  private factsOf(word: string): WordFacts {
    let facts = this.wordFacts.get(word);
    if (!facts) {
      const forms = stems(word);
      const formIds: number[] = [];
      let frequency = 0;
      for (const form of forms) {
        frequency = Math.max(frequency, this.documentFrequency.get(form) ?? 0);
        const id = this.formIds.get(form);
        if (id !== undefined) formIds.push(id);
      }
      const key = wordKey(word);
      facts = {
        forms,
        formIds,
        frequency,
        idf: this.rarity(frequency, word),
        key,
        keyId: this.keyIds.get(key) ?? -1,
        keyWeight: this.keyWeight(key),
        neighbours: { inScope: this.postings.inScope.get(key), outOfScope: this.postings.outOfScope.get(key) },
      };
      if (this.wordFacts.size >= MAX_WORD_FACTS) this.wordFacts.clear();
      this.wordFacts.set(word, facts);
    }
    return facts;
  }

  /** A word key's rarity weight, as a question word of the ask weighs (see questionWords). */
  private keyWeight(key: string): number {
    return this.rarity(this.documentFrequency.get(key) ?? 0, key);
  }

  /** Inverse document frequency; a word in no entry counts as found in a few (see questionWords for why). */
  private rarity(frequency: number, text: string): number {
    const effective = frequency === 0 ? (/^\d+$/.test(text) ? 3 : UNKNOWN_WORD_FREQUENCY) : frequency;
    return Math.log(1 + this.entryCount / (effective + 0.5));
  }

  /**
   * Candidates for a question, best first. `ask` is the sentence that asks; `context` the scene
   * around it, whose words count for less (CONTEXT_WEIGHT) and, when no entry knows them, not at all.
   */
  find(ask: string, context = '', options: FindOptions = {}): { candidates: Candidate[]; words: QuestionWord[] } {
    const limit = options.limit ?? 6;
    // The ask's words, then the context's words the ask does not hold.
    const words: QuestionWord[] = [];
    this.questionWords(ask, 1, CONTEXT_WEIGHT, options.slotWords, words);
    const askCount = words.length;
    const contextWeight = options.contextWeight ?? CONTEXT_WEIGHT;
    this.questionWords(context, contextWeight, contextWeight, options.slotWords, words);
    if (askCount === 0) return { candidates: [], words };
    this.markFormRoles(words, true);
    // The words read again as one text: glossary phrases can form across the joins (as they did
    // when MiniSearch tokenized the query), and the calibration was measured that way.
    const matches = this.search.match(contentWords(words.map((word) => word.text).join(' ')), this.roleOfForm);
    const { questionTotal, presentCount } = this.fillQuestionKeys(words);
    let wordTotal = 0;
    for (const word of words) wordTotal += word.weight;
    // A search hit's matched forms are its own document's forms: when that document is the entry's
    // slot, they all are the slot's (no terms needed); else coverage is told them.
    const candidates: Candidate[] = [];
    for (const at of matches.best(limit * 2)) {
      const doc = matches.doc(at);
      const slot = this.slotOfDoc[doc];
      candidates.push(this.candidate(this.entries[doc], slot, matches.score(at), words, wordTotal, questionTotal, doc === slot ? undefined : matches.terms(at)));
    }
    for (const id of options.include ?? []) {
      if (candidates.some((candidate) => candidate.entry.id === id)) continue;
      const entry = this.byId.get(id);
      if (!entry) continue;
      // Scored as if it were the weakest result the search found, so only its fit can lift it.
      const found = matches.firstAt((doc) => this.entries[doc].id === id);
      const slot = this.slotById.get(id);
      const score = found >= 0 ? matches.score(found) : (matches.lowestScore() ?? 1);
      candidates.push(this.candidate(entry, slot, score, words, wordTotal, questionTotal, found >= 0 && matches.doc(found) === slot ? undefined : found >= 0 ? matches.terms(found) : NO_TERMS));
    }
    for (let i = 0; i < presentCount; i++) this.inQuestion[this.present[i]] = 0;
    this.markFormRoles(words, false);
    sortByRank(candidates);
    const include = options.include ?? [];
    // The first `limit`, and the included entries after them (kept in place: no second array).
    let kept = 0;
    for (let index = 0; index < candidates.length; index++) if (index < limit || include.includes(candidates[index].entry.id)) candidates[kept++] = candidates[index];
    candidates.length = kept;
    return { candidates, words };
  }

  /** One candidate, scored against the question the scratch arrays hold. */
  private candidate(entry: KbEntry, slot: number | undefined, score: number, words: QuestionWord[], wordTotal: number, questionTotal: number, matchedTerms: readonly string[] | undefined): Candidate {
    const coverage = this.coverage(words, wordTotal, slot, matchedTerms);
    const similarity = this.similarity(questionTotal, slot);
    // Relevance decides the order, but an entry that explains more of the question, or was
    // phrased the way the admin asked, wins a near tie.
    return { entry, score, coverage, similarity, rank: score * (0.3 + coverage) * (0.5 + similarity) };
  }

  /** Each indexed form's role in the question: the highest of the words that have it (`set`), or none again. */
  private markFormRoles(words: readonly QuestionWord[], set: boolean): void {
    for (const { facts, role } of words) {
      for (const id of facts.formIds) this.formRole[id] = set ? Math.max(this.formRole[id], role) : 0;
    }
  }

  /**
   * The question's phrasing keys (one per word; two words may share one) into `questionWeight` and
   * `inQuestion`, and their weights summed. As a Map kept them: each key once, in the order first
   * met, with its last word's weight. A question has a few dozen words at most, so a repeat is found
   * by looking back over the words rather than in a Map.
   */
  private fillQuestionKeys(words: readonly QuestionWord[]): { questionTotal: number; presentCount: number } {
    let questionTotal = 0;
    let presentCount = 0;
    for (let w = 0; w < words.length; w++) {
      const key = words[w].facts.key;
      if (holdsKey(words, key, w)) continue;
      let weight = words[w].weight;
      for (let later = w + 1; later < words.length; later++) if (words[later].facts.key === key) weight = words[later].weight;
      questionTotal += weight;
      const id = words[w].facts.keyId;
      if (id < 0) continue;
      this.questionWeight[id] = weight;
      this.inQuestion[id] = 1;
      this.present[presentCount++] = id;
    }
    return { questionTotal, presentCount };
  }

  entry(id: string): KbEntry | undefined {
    return this.byId.get(id);
  }

  /** The question with long misspelt words put right ("beschikbaarhied"), as the search reads it. */
  corrected(question: string): string {
    return this.spelling.correct(question);
  }

  /** Whether any entry (or the glossary) spells this folded word: known words are not names. */
  knows(folded: string): boolean {
    return this.spelling.knows(folded);
  }

  /**
   * Appends to `into` the question's words it does not hold yet, with their weights. A word of the
   * asker's own data (`slotWords`: their version, region, counts) says little about the topic: it
   * weighs like context, and takes `slotRole`.
   */
  private questionWords(question: string, role: number, slotRole: number, slotWords: ReadonlySet<string> | undefined, into: QuestionWord[]): void {
    for (const text of contentWords(this.spelling.correct(question))) {
      // A few dozen words at most: a repeat is found by looking back, not in a Set. (A word left out
      // below is left out again when it repeats: the reason depends on the word and the role alone.)
      if (holdsWord(into, text)) continue;
      const facts = this.factsOf(text);
      const { forms, frequency } = facts;
      // A number no entry mentions (a build like 1806, a client count) is a detail of the
      // admin's situation, not a sign of another topic: weigh it like an uncommon word.
      // A word no entry knows at all (a vendor, a host name, a word we never used) is likewise
      // more often the admin's own detail than a different topic; it weighs like a rare word, so
      // one unfamiliar word cannot sink an otherwise well-matched question. In the context
      // around the ask such a word is the admin's situation and weighs nothing.
      if (frequency === 0 && role < 1) continue;
      const weight = facts.idf * role;
      if (slotWords?.has(text)) into.push({ text, forms, known: frequency > 0, role: slotRole, weight: weight * CONTEXT_WEIGHT, facts });
      else into.push({ text, forms, known: frequency > 0, role, weight, facts });
    }
  }

  /** Weighted Jaccard overlap with the entry's closest phrasing; words the question lacks weigh as rare. */
  private similarity(questionTotal: number, slot: number | undefined): number {
    if (slot === undefined) return 0;
    const { inQuestion, questionWeight, phrasingStart: starts, phrasingKey: ids, phrasingWeight: weights, phrasingTotal: totals } = this;
    let best = 0;
    const last = this.phrasingsOf[slot + 1];
    // A phrasing's positions follow on from the one before's, so one position runs through them all.
    let i = starts[this.phrasingsOf[slot]];
    for (let phrasing = this.phrasingsOf[slot]; phrasing < last; phrasing++) {
      let shared = 0;
      let phrasingShared = 0;
      for (const end = starts[phrasing + 1]; i < end; i++) {
        const id = ids[i];
        if (inQuestion[id] !== 0) {
          shared += questionWeight[id];
          phrasingShared += weights[i];
        }
      }
      // The union: every question word, plus the phrasing's words the question does not have.
      const union = questionTotal + totals[phrasing] - phrasingShared;
      if (union > 0 && shared / union > best) best = shared / union;
    }
    return best;
  }

  /**
   * `total`: the words' weights summed; `matchedQueryTerms`: the forms the search matched, or
   * undefined when they are known to be the slot's own forms.
   */
  private coverage(words: QuestionWord[], total: number, slot: number | undefined, matchedQueryTerms: readonly string[] = NO_TERMS): number {
    const bits = this.formBits;
    // The slot's bitset starts at `base` (none without a slot).
    const base = slot === undefined ? -1 : slot * this.formBitWords;
    // The search's matched forms are the entry's own forms, so a word they hold is matched outright:
    // the approximate credit is looked for only when one of them is not (an entry found under another id).
    let termsOutside = false;
    for (const term of matchedQueryTerms) {
      const id = this.formIds.get(term);
      if (base < 0 || id === undefined || (bits[base + (id >>> 5)] & (1 << (id & 31))) === 0) {
        termsOutside = true;
        break;
      }
    }
    let matched = 0;
    for (let w = 0; w < words.length; w++) {
      const word = words[w];
      let has = false;
      if (base >= 0) {
        for (const id of word.facts.formIds) {
          if ((bits[base + (id >>> 5)] & (1 << (id & 31))) !== 0) {
            has = true;
            break;
          }
        }
      }
      if (has) matched += word.weight;
      else if (termsOutside && word.forms.some((form) => matchedQueryTerms.includes(form))) matched += word.weight * FUZZY_CREDIT;
    }
    return total === 0 ? 0 : matched / total;
  }
}

/** The two kinds of question the nearest-question check compares with. */
export type NeighbourKind = 'inScope' | 'outOfScope';

/** What the index knows of one word (see AnswerIndex.wordFacts). */
export interface WordFacts {
  forms: string[];
  /** The forms any entry has, as numbers (a form no entry has cannot be covered). */
  formIds: number[];
  /** The highest document frequency among the forms. */
  frequency: number;
  /** The word's rarity weight (see questionWords). */
  idf: number;
  /** The word's key for phrasing comparison, its number among the phrasings' keys (-1: none), and its weight. */
  key: string;
  keyId: number;
  keyWeight: number;
  /** The neighbours of each kind that hold the key. */
  neighbours: Record<NeighbourKind, Int32Array | undefined>;
}

/** Words whose facts are remembered at once; past that the memory starts afresh. */
const MAX_WORD_FACTS = 50_000;

export interface QuestionWord {
  text: string;
  forms: string[];
  /** Whether any entry contains the word exactly (after stemming). */
  known: boolean;
  /** 1 for a word of the ask, CONTEXT_WEIGHT for a word of the scene around it. */
  role: number;
  /** Inverse document frequency times role: rare words of the ask weigh most. */
  weight: number;
  facts: WordFacts;
}

/** Whether one of the words is `text`. */
function holdsWord(words: readonly QuestionWord[], text: string): boolean {
  for (let i = 0; i < words.length; i++) if (words[i].text === text) return true;
  return false;
}

/** Whether one of the first `count` words has the phrasing key `key`. */
function holdsKey(words: readonly QuestionWord[], key: string, count: number): boolean {
  for (let i = 0; i < count; i++) if (words[i].facts.key === key) return true;
  return false;
}

/** No matched terms: one shared empty list rather than a new one per call. */
const NO_TERMS: readonly string[] = [];

/**
 * Sorts candidates best rank first, in place and stably, as `sort((a, b) => b.rank - a.rank)` does:
 * a dozen candidates are put in order by insertion, without the work arrays a built-in sort
 * allocates or a heap number for each fractional comparison.
 */
export function sortByRank(list: Candidate[]): Candidate[] {
  for (let i = 1; i < list.length; i++) {
    const item = list[i];
    let at = i;
    while (at > 0 && list[at - 1].rank < item.rank) {
      list[at] = list[at - 1];
      at--;
    }
    list[at] = item;
  }
  return list;
}

/** One key per word for phrasing comparison: its canonical token or English stem. */
function wordKey(word: string): string {
  return stems(word)[0];
}

/** One-word glossary variants with a wildcard ending ("renew*"): their inflections are not typos. */
function glossaryStems(): string[] {
  return glossary.flatMap((term) => term.variants.filter((variant) => variant.endsWith('*') && !/[\s-]/.test(variant)).map((variant) => variant.slice(0, -1)));
}

/** Every word the knowledge base and the glossary spell, for typo correction. */
function vocabularyOf(documents: IndexedEntry[]): Set<string> {
  const vocabulary = new Set<string>();
  const add = (text: string) => {
    for (const word of fold(text).split(/[^a-z0-9_]+/)) if (word) vocabulary.add(word);
  };
  // Examples keep their writers' typos: the corrector learns words from our own text only.
  for (const { examples: _examples, ...ours } of documents) add(Object.values(ours).join(' '));
  for (const term of glossary) for (const variant of term.variants) add(variant.replace(/\*$/, ''));
  return vocabulary;
}

/** An entry as the search indexes it: both languages in each field. */
export function toDocument(entry: KbEntry): IndexedEntry {
  return {
    id: entry.id,
    titles: `${entry.title.en}\n${entry.title.nl}`,
    questions: [...entry.questions.en, ...entry.questions.nl].join('\n'),
    examples: [...entry.examples.en, ...entry.examples.nl].join('\n'),
    keywords: entry.keywords.join('\n'),
    topic: `${entry.topic.en}\n${entry.topic.nl}`,
    answers: `${entry.answer.en}\n${entry.answer.nl}`,
  };
}
