import type { Lang, Localized } from '../i18n/language';

/** One answer of the knowledge base, as written in src/knowledge/kb/<topic>.json. */
export interface KbEntry {
  /** Stable id, used in card buttons and feedback records. */
  id: string;
  /** IDs of the facts in the CMG facts sheet this answer covers. */
  facts: string[];
  topic: Localized<string>;
  /** Source document path in MicrosoftDocs/memdocs (`cmg/` = configmgr/core/clients/manage/cmg/). */
  source: string;
  /** The question as a title, shown on buttons ("Did you mean", follow-ups). */
  title: Localized<string>;
  /** More ways admins ask it, in each language. */
  questions: Localized<string[]>;
  answer: Localized<string>;
  /** Extra search words that are not in the answer or the questions (product names, log names). */
  keywords: string[];
  followUps: string[];
}

/** The file format: one topic, its entries. Topic and keywords are optional per entry. */
export interface KbFile {
  topic: Localized<string>;
  entries: {
    id: string;
    facts: string[];
    source: string;
    title: Localized<string>;
    questions: Localized<string[]>;
    answer: Localized<string>;
    keywords?: string[];
    followUps?: string[];
  }[];
}

export type { Lang };
