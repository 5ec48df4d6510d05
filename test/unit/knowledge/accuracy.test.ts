import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../../../src/i18n/language';
import { AnswerEngine, AnswerIndex, loadKnowledgeBase } from '../../../src/knowledge';

interface DevQuestion {
  id: string;
  lang: Lang;
  question: string;
  expect: 'answer' | 'sizing' | 'serviceName' | 'decline';
  facts?: string[];
}

const read = (file: string) =>
  readFileSync(join(__dirname, '../../fixtures/knowledge', file), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as DevQuestion);

const engine = new AnswerEngine(new AnswerIndex(loadKnowledgeBase()));

/** Correct means the answer card itself is right: a "Did you mean" card does not count. */
function correct(item: DevQuestion): boolean {
  const result = engine.answer(item.question, item.lang);
  // A computed sizing is an answer whose section was computed for the client count.
  if (item.expect === 'sizing') return result.kind === 'answer' && result.sections.some((section) => section.situation.title !== undefined);
  if (item.expect === 'answer') return result.kind === 'answer' && result.sections.some((section) => section.entry.facts.some((fact) => item.facts!.includes(fact)));
  return result.kind === item.expect;
}

describe('answer accuracy on the development set', () => {
  const devset = read('devset.jsonl');

  it('has at least 150 in-scope questions per language and 40 out-of-scope ones', () => {
    for (const lang of ['en', 'nl']) expect(devset.filter((item) => item.lang === lang && item.expect !== 'decline').length).toBeGreaterThanOrEqual(150);
    expect(devset.filter((item) => item.expect === 'decline').length).toBeGreaterThanOrEqual(40);
  });

  // 90%: the overlap guard removed the knowledge base phrasings that were twins of these questions.
  it.each(['en', 'nl'] as const)('answers at least 90%% of the in-scope %s questions correctly', (lang) => {
    const inScope = devset.filter((item) => item.lang === lang && item.expect !== 'decline');
    const wrong = inScope.filter((item) => !correct(item)).map((item) => `${item.id} ${item.question}`);
    expect(1 - wrong.length / inScope.length).toBeGreaterThanOrEqual(0.9);
  });

  it('declines at least 95% of the out-of-scope questions', () => {
    const outOfScope = devset.filter((item) => item.expect === 'decline');
    const answered = outOfScope.filter((item) => !correct(item)).map((item) => item.question);
    expect(1 - answered.length / outOfScope.length).toBeGreaterThanOrEqual(0.95);
  });

  it('answers every question in the language it was asked in', () => {
    const wrongLanguage = devset.filter((item) => engine.answer(item.question, 'en').lang !== item.lang).map((item) => item.question);
    expect(wrongLanguage).toEqual([]);
  });
});

describe('out-of-scope questions in the held-out sets', () => {
  // Only the decline rate is pinned here: the held-out sets' in-scope figures are measured by
  // bench/knowledge.ts and never tuned against, so a test must not turn them into targets.
  it('declines at least 95% of them', () => {
    const outOfScope = ['holdout.jsonl', 'holdout2.jsonl', 'holdout3.jsonl'].flatMap(read).filter((item) => item.expect === 'decline');
    const answered = outOfScope.filter((item) => !correct(item)).map((item) => item.question);
    expect(outOfScope.length).toBeGreaterThanOrEqual(30);
    expect(1 - answered.length / outOfScope.length).toBeGreaterThanOrEqual(0.95);
  });
});
