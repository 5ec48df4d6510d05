import { format, Lang } from '../i18n/language';
import { plainText } from '../text/markdown';
import { card, CardReply } from '../turn';
import type { KbEntry } from './entry';
import type { SizingResult } from './sizing';
import { knowledgeStrings } from './strings';

/** The answer card for one entry; `asked` is the admin's question (shown inert), if any. */
export function answerCard(lang: Lang, entry: KbEntry, byId: ReadonlyMap<string, KbEntry>, asked: string, feedbackNote = ''): CardReply {
  const s = knowledgeStrings[lang];
  const followUps = entry.followUps
    .map((id) => byId.get(id))
    .filter((followUp): followUp is KbEntry => followUp !== undefined)
    .slice(0, 3)
    .map((followUp) => ({ id: followUp.id, title: followUp.title[lang] }));
  return card(
    'kbAnswer',
    {
      lang,
      entryId: entry.id,
      topic: entry.topic[lang],
      title: entry.title[lang],
      asked: asked ? format(s.youAsked, { question: plainText(asked, 200) }) : '',
      answer: cardMarkdown(entry.answer[lang]),
      sourceLabel: s.sourceLabel,
      source: entry.source,
      followUpTitle: s.followUpTitle,
      followUps,
      helpful: s.helpful,
      notHelpful: s.notHelpful,
      feedbackNote,
    },
    `${entry.title[lang]}: ${stripMarkdown(entry.answer[lang])}`,
  );
}

/** The computed sizing, in the answer card's shape, with feedback recorded on the sizing entry. */
export function sizingCard(lang: Lang, sizing: SizingResult, sizingEntry: KbEntry, byId: ReadonlyMap<string, KbEntry>, asked: string): CardReply {
  const s = knowledgeStrings[lang];
  const number = (value: number) => value.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-US');
  const size = sizing.preRelease ? s.sizingSizes.preRelease : s.sizingSizes[sizing.size];
  const parts = [
    format(s.sizingBody, {
      size,
      clients: number(sizing.clients),
      instances: number(sizing.instances),
      perInstance: number(sizing.clientsPerInstance),
      recommended: sizing.recommendedInstances,
      connectionPoints: sizing.connectionPoints,
    }),
  ];
  if (sizing.cmgs > 1) parts.push(format(s.sizingTooMany, { cmgs: sizing.cmgs }));
  if (sizing.connectionPointsForPorts > sizing.connectionPoints) parts.push(format(s.sizingPorts, { portPoints: sizing.connectionPointsForPorts }));
  parts.push(s.sizingHa);
  if (sizing.size === 'lab' && !sizing.preRelease) parts.push(s.sizingLab);
  const entry: KbEntry = {
    ...sizingEntry,
    topic: { en: knowledgeStrings.en.sizingTopic, nl: knowledgeStrings.nl.sizingTopic },
    title: { ...sizingEntry.title, [lang]: format(s.sizingTitle, { clients: number(sizing.clients) }) },
    answer: { ...sizingEntry.answer, [lang]: parts.join('\n\n') },
    followUps: ['size-clients-per-vm', 'size-cp-count', 'size-ha'],
  };
  return answerCard(lang, entry, byId, asked);
}

export function didYouMeanCard(lang: Lang, candidates: KbEntry[], asked: string): CardReply {
  const s = knowledgeStrings[lang];
  return card(
    'kbDidYouMean',
    {
      lang,
      title: s.didYouMeanTitle,
      asked: format(s.youAsked, { question: plainText(asked, 200) }),
      intro: s.didYouMeanIntro,
      choices: candidates.map((entry) => ({ id: entry.id, title: entry.title[lang] })),
      noneOfThese: s.noneOfThese,
      // Sent back only when the admin picks "none of these", to record what went unanswered.
      question: asked.slice(0, 300),
    },
    s.didYouMeanTitle,
  );
}

/** A short titled message (the foundation's `message` template), for declines and notices. */
export function noticeCard(title: string, body: string): CardReply {
  return card('message', { title, body, tone: 'default' }, title ? `${title}: ${body}` : body);
}

/**
 * Our answers use `code` spans for exact names; Teams cards do not render them, so the
 * backticks go and a `*` inside them is escaped so it cannot start emphasis.
 */
export function cardMarkdown(text: string): string {
  return text.replace(/`([^`]*)`/g, (_whole, code: string) => code.replace(/\*/g, '\\*'));
}

function stripMarkdown(text: string): string {
  return text.replace(/[`*]/g, '');
}
