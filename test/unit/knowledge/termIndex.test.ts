import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { BOOST, FIELDS, IndexedEntry, toDocument } from '../../../src/knowledge/answerIndex';
import { loadKnowledgeBase } from '../../../src/knowledge/knowledgeBase';
import { TermIndex } from '../../../src/knowledge/termIndex';
import { contentWords, stems } from '../../../src/knowledge/text';

// The precomputed index replaced MiniSearch on the answer path for speed; it must rank as
// MiniSearch did (the same BM25 and options), so every calibration measured before still holds.
describe('TermIndex', () => {
  const documents = loadKnowledgeBase().map(toDocument);
  const ours = new TermIndex(documents, { fields: FIELDS, boost: BOOST, tokenize: contentWords, forms: stems });
  const reference = new MiniSearch<IndexedEntry>({
    fields: [...FIELDS],
    tokenize: (text) => contentWords(text),
    processTerm: (term) => stems(term),
    searchOptions: { boost: BOOST, fuzzy: false, prefix: false },
  });
  reference.addAll(documents);

  const dir = join(__dirname, '../../fixtures/knowledge');
  const questions = readdirSync(dir)
    .filter((file) => file.endsWith('.jsonl'))
    .flatMap((file) => readFileSync(join(dir, file), 'utf8').trim().split('\n').map((line) => (JSON.parse(line) as { question: string }).question));

  it('ranks every kept question as MiniSearch does, with the same scores and matched forms', () => {
    expect(questions.length).toBeGreaterThan(1000);
    // Context words count for less: a made-up boost per form that differs between forms.
    const boost = (form: string) => (form.length % 3 === 0 ? 0.35 : 1);
    let compared = 0;
    const differences: string[] = [];
    for (const question of questions) {
      const words = contentWords(question);
      const expected = reference.search(words.join(' '), { boostTerm: boost, tokenize: (text) => text.split(' ').filter(Boolean) });
      const actual = ours.search(words, boost);
      if (actual.length !== expected.length) differences.push(`${question}: ${actual.length} hits, MiniSearch ${expected.length}`);
      actual.forEach((hit, i) => {
        const other = expected[i];
        const same = other && documents[hit.doc].id === other.id && Math.abs(hit.score - other.score) <= 1e-9 * other.score && hit.terms.join() === other.queryTerms.join();
        if (!same) differences.push(`${question} #${i}: ${documents[hit.doc].id} ${hit.score} [${hit.terms}] vs ${other?.id} ${other?.score} [${other?.queryTerms}]`);
      });
      compared += actual.length;
    }
    expect(differences.slice(0, 5)).toEqual([]);
    expect(compared).toBeGreaterThan(questions.length * 10);
  });

  it('finds nothing for words no entry holds, and knows which forms it holds', () => {
    expect(ours.search(['qwertyuiop', 'zzzz'], () => 1)).toEqual([]);
    expect(ours.has(stems(contentWords('certificate')[0])[0])).toBe(true);
    expect(ours.has('qwertyuiop')).toBe(false);
  });
});
