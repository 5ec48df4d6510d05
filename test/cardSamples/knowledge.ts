import { LANGUAGES } from '../../src/i18n/language';
import { loadKnowledgeBase } from '../../src/knowledge';
import { answerCard, didYouMeanCard, noticeCard, sizingCard } from '../../src/knowledge/cards';
import { computeSizing } from '../../src/knowledge/sizing';
import { knowledgeStrings } from '../../src/knowledge/strings';
import type { CardSample } from './types';

const entries = loadKnowledgeBase();
const byId = new Map(entries.map((entry) => [entry.id, entry]));
const entry = (id: string) => byId.get(id)!;
// The longest answer in the knowledge base, so the size check covers the worst case.
const longest = [...entries].sort((a, b) => b.answer.en.length + b.answer.nl.length - (a.answer.en.length + a.answer.nl.length))[0];

export const cardSamples: CardSample[] = LANGUAGES.flatMap((lang) => [
  { name: `knowledge answer (${lang})`, reply: answerCard(lang, entry('rp-vmss'), byId, 'which RPs for a vmss cmg?') },
  { name: `knowledge answer, longest, hostile question (${lang})`, reply: answerCard(lang, longest, byId, 'what is *bold* [link](http://x) <at>x</at>? '.repeat(20)) },
  { name: `knowledge answer after feedback (${lang})`, reply: answerCard(lang, entry('name-wildcard'), byId, '', knowledgeStrings[lang].thanksDown) },
  { name: `knowledge sizing, several CMGs (${lang})`, reply: sizingCard(lang, computeSizing({ clients: 180_000, size: 'standard', preRelease: false }), entry('size-examples'), byId, '180k clients?') },
  { name: `knowledge did you mean (${lang})`, reply: didYouMeanCard(lang, [entry('mon-logs'), entry('mon-troubleshoot'), entry('mon-log-delay')], 'cmg logs?') },
  { name: `knowledge decline (${lang})`, reply: noticeCard(knowledgeStrings[lang].declineTitle, knowledgeStrings[lang].declineOutOfScope) },
]);
