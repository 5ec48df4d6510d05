import { LANGUAGES } from '../../src/i18n/language';
import { AnswerEngine, AnswerIndex, loadKnowledgeBase } from '../../src/knowledge';
import { answerCard, declineCard, didYouMeanCard, entryCard } from '../../src/knowledge/cards';
import { knowledgeStrings } from '../../src/knowledge/strings';
import type { CardSample } from './types';

const entries = loadKnowledgeBase();
const byId = new Map(entries.map((entry) => [entry.id, entry]));
const entry = (id: string) => byId.get(id)!;
const engine = new AnswerEngine(new AnswerIndex(entries));
// The longest answer in the knowledge base, so the size check covers the worst case.
const longest = [...entries].sort((a, b) => b.answer.en.length + b.answer.nl.length - (a.answer.en.length + a.answer.nl.length))[0];

/** A real engine answer, so the samples show what the computed parts look like. */
function engineAnswer(question: string, lang: 'en' | 'nl') {
  const result = engine.answer(question, lang);
  if (result.kind !== 'answer') throw new Error(`card sample "${question}" is not answered (${result.kind})`);
  return answerCard(lang, result, question);
}

export const cardSamples: CardSample[] = LANGUAGES.flatMap((lang) => [
  { name: `knowledge answer (${lang})`, reply: answerCard(lang, { sections: [{ entry: entry('rp-vmss'), situation: { lines: [] } }], others: [entry('rp-register'), entry('rp-classic')] }, 'which RPs for a vmss cmg?') },
  { name: `knowledge answer, longest, hostile question (${lang})`, reply: answerCard(lang, { sections: [{ entry: longest, situation: { lines: [] } }], others: [] }, 'what is *bold* [link](http://x) <at>x</at>? '.repeat(20)) },
  { name: `knowledge answer, chosen entry (${lang})`, reply: entryCard(lang, entry('name-wildcard'), byId) },
  {
    name: `knowledge answer, cloudapp.net path for the asker's name (${lang})`,
    reply: engineAnswer(lang === 'nl' ? 'ons cert is GraniteFalls.cloudapp.net en we gaan naar West-Europa, hoe migreren we naar een schaalset?' : 'our cert is GraniteFalls.cloudapp.net and we move to West Europe, how do we migrate to a scale set?', lang),
  },
  { name: `knowledge answer, sizing, several CMGs (${lang})`, reply: engineAnswer(lang === 'nl' ? 'hoeveel vm-instanties heb ik nodig voor 180.000 clients?' : 'how many vm instances do I need for 180,000 clients?', lang) },
  {
    name: `knowledge answer, two parts and an old version (${lang})`,
    reply: engineAnswer(lang === 'nl' ? 'we zitten op 2309. welke resourceproviders moet ik registreren, en hoeveel verbindingspunten voor 10 instanties?' : 'we are on 2309. which resource providers do i register, and how many connection points for 10 instances?', lang),
  },
  { name: `knowledge did you mean (${lang})`, reply: didYouMeanCard(lang, [entry('mon-logs'), entry('mon-troubleshoot'), entry('mon-log-delay')], 'cmg logs?') },
  { name: `knowledge decline (${lang})`, reply: declineCard(lang, knowledgeStrings[lang].declineOutOfScope) },
]);
