import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { readSet } from '../bench/knowledge';
import { AnswerEngine } from '../src/knowledge/answerEngine';
import { AnswerIndex } from '../src/knowledge/answerIndex';
import { loadKnowledgeBase } from '../src/knowledge/knowledgeBase';
import { labelExamples, SETS_DIR } from './kbExamples';

const ALL = ['blind1-dev.jsonl', 'blind2b-dev.jsonl', 'blind4-dev.jsonl', 'blind5-dev.jsonl', 'blind6b-dev.jsonl', 'devset.jsonl', 'holdout.jsonl', 'holdout2.jsonl', 'holdout3.jsonl'];
const TEST = ['blind1-dev.jsonl', 'blind2b-dev.jsonl', 'blind4-dev.jsonl', 'blind5-dev.jsonl', 'blind6b-dev.jsonl'];
const rows: unknown[] = [];
for (const held of TEST) {
  const train = ALL.filter((name) => name !== held);
  const examples = labelExamples(train, SETS_DIR);
  const negatives = train.flatMap((name) => readSet(join(SETS_DIR, name)).filter((item) => item.kind === 'out-of-scope').map((item) => item.question));
  const index = new AnswerIndex(loadKnowledgeBase(undefined, undefined, examples), negatives);
  const engine = new AnswerEngine(index);
  for (const item of readSet(join(SETS_DIR, held))) {
    const result = engine.answer(item.question, item.lang);
    const covers = result.kind === 'answer' && result.sections.some((section) => section.entry.facts.some((fact) => item.facts.includes(fact)));
    const near = index.nearest(item.question);
    rows.push({ set: held, id: item.id, lang: item.lang, kind: item.kind, decision: result.kind, reason: result.kind === 'decline' ? result.reason : '', covers, ...near, q: item.question });
  }
}
writeFileSync('/tmp/oos_rows.json', JSON.stringify(rows));
console.log(rows.length);
