import { format, Lang } from '../i18n/language';
import { plainText } from '../text/markdown';
import { card, CardReply } from '../turn';
import type { AnswerSection } from './answerEngine';
import type { KbEntry } from './entry';
import { sourceUrl } from './knowledgeBase';
import { knowledgeStrings } from './strings';

/** What an answer card shows: one or two sections, other answers, and a note for the whole answer. */
export interface AnswerView {
  sections: AnswerSection[];
  others: KbEntry[];
  note?: string;
}

/**
 * The answer card: each section opens with the question it answers (the entry's title), then
 * what was computed for the asker's data, then the answer and its Microsoft Learn page. Other
 * answers are full-width choices; pressing one posts that answer as a new message, so the card
 * someone is reading stays. `asked` is the admin's question (shown inert), if any.
 */
export function answerCard(lang: Lang, view: AnswerView, asked: string): CardReply {
  const s = knowledgeStrings[lang];
  const [first] = view.sections;
  const sections = view.sections.map(({ entry, situation }) => {
    const shown = shownText(entry, lang);
    return {
      title: situation.title ?? entry.title[lang],
      situationTitle: s.forYourSetup,
      situation: cardMarkdown(situation.lines.join('\n\n')),
      answer: shown.answer,
      source: shown.source,
    };
  });
  const summary = clip(view.sections.map(({ entry, situation }) => `${situation.title ?? entry.title[lang]}: ${situation.lines.length > 0 ? stripMarkdown(situation.lines[0]) : shownText(entry, lang).summary}`).join(' '));
  return card(
    'kbAnswer',
    {
      lang,
      entryId: first.entry.id,
      entryIds: view.sections.map((section) => section.entry.id),
      topic: first.entry.topic[lang],
      asked: asked ? format(s.youAsked, { question: plainText(asked, 200) }) : '',
      sections,
      note: view.note ?? '',
      othersTitle: s.otherAnswersTitle,
      others: view.others.map((entry) => ({ id: entry.id, title: entry.title[lang] })),
      helpful: s.helpful,
      notHelpful: s.notHelpful,
    },
    summary,
  );
}

/** An entry's own text as its cards show it, in one language: the same for every question it answers. */
interface ShownText {
  answer: string;
  source: string;
  /** The answer without Markdown, for the activity's summary. */
  summary: string;
}

/**
 * Each entry's shown text, prepared on first use: the knowledge base does not change while the bot
 * runs, so an answer card only adds what its question computed. Keyed by the entry object, so it
 * holds what the loaded knowledge base holds and nothing about any question.
 */
const shownTexts: Record<Lang, WeakMap<KbEntry, ShownText>> = { en: new WeakMap(), nl: new WeakMap() };

function shownText(entry: KbEntry, lang: Lang): ShownText {
  let shown = shownTexts[lang].get(entry);
  if (!shown) {
    const s = knowledgeStrings[lang];
    shown = {
      answer: cardMarkdown(entry.answer[lang]),
      source: `${s.sourceLabel}: [${entry.sourcePage.title[lang]}](${sourceUrl(entry.sourcePage, lang)})`,
      summary: stripMarkdown(entry.answer[lang]),
    };
    shownTexts[lang].set(entry, shown);
  }
  return shown;
}

/** One entry on its own (a chosen "Did you mean" or other answer), with its related questions. */
export function entryCard(lang: Lang, entry: KbEntry, byId: ReadonlyMap<string, KbEntry>): CardReply {
  const others = entry.followUps.map((id) => byId.get(id)).filter((followUp): followUp is KbEntry => followUp !== undefined).slice(0, 3);
  return answerCard(lang, { sections: [{ entry, situation: { lines: [] } }], others }, '');
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

/** One short decline with a Help button, instead of the decline and the whole help card. */
export function declineCard(lang: Lang, body: string): CardReply {
  const s = knowledgeStrings[lang];
  return card('kbDecline', { lang, title: s.declineTitle, body, helpButton: s.helpButton }, `${s.declineTitle}: ${body}`);
}

/**
 * Our answers use `code` spans for exact names; Teams cards do not render them, so the
 * backticks go and a `*` inside them is escaped so it cannot start emphasis.
 */
export function cardMarkdown(text: string): string {
  return text.replace(/`([^`]*)`/g, (_whole, code: string) => code.replace(/\*/g, '\\*'));
}

/**
 * Notifications and chat lists show a line or two of the summary; the answer itself is on the
 * card. Longer summaries end at a word with "…", so each answer's activity does not carry its
 * text twice.
 */
const MAX_SUMMARY = 200;

function clip(text: string): string {
  if (text.length <= MAX_SUMMARY) return text;
  const cut = text.lastIndexOf(' ', MAX_SUMMARY - 1);
  return text.slice(0, cut > MAX_SUMMARY / 2 ? cut : MAX_SUMMARY - 1).trimEnd() + '…';
}

function stripMarkdown(text: string): string {
  return text.replace(/[`*]/g, '');
}
