import type { Lang, Localized } from '../i18n/language';
import type { TimelineFeature } from './timeline';

/**
 * What an entry can compute for the asker's own data (src/knowledge/situation.ts): names and
 * CNAME, the cloudapp.net or own-domain path, sizing, connection points, ports, monthly egress.
 */
export type ComputeKind = 'names' | 'cname' | 'migration' | 'ownDomainPath' | 'cloudappPath' | 'sizing' | 'connectionPoints' | 'ports' | 'features' | 'egress' | 'metadataUrl';

export const COMPUTE_KINDS: readonly ComputeKind[] = ['names', 'cname', 'migration', 'ownDomainPath', 'cloudappPath', 'sizing', 'connectionPoints', 'ports', 'features', 'egress', 'metadataUrl'];

/** A Microsoft Learn page an answer rests on. */
export interface KbSource {
  title: Localized<string>;
  /** The English page; Dutch readers get the same page under /nl-nl/. */
  url: string;
}

/** One answer of the knowledge base, as written in src/knowledge/kb/<topic>.json. */
export interface KbEntry {
  /** Stable id, used in card buttons and feedback records. */
  id: string;
  /** IDs of the facts in the CMG facts sheet this answer covers. */
  facts: string[];
  topic: Localized<string>;
  /** Where the facts come from: a key of kb/sources.json (a docs path), resolved to a Learn page. */
  source: string;
  sourcePage: KbSource;
  /** The question as a title, shown on buttons ("Did you mean", follow-ups). */
  title: Localized<string>;
  /** More ways admins ask it, in each language. */
  questions: Localized<string[]>;
  /**
   * Questions admins wrote in our evaluation sets that this entry answers (kb/examples.json, made
   * by `npm run kb:examples`): matched like phrasings, but never shown and never spelling vocabulary.
   */
  examples: Localized<string[]>;
  /** Opens with the direct answer (the verdict first for yes/no questions), then the detail. */
  answer: Localized<string>;
  /** Extra search words that are not in the answer or the questions (product names, log names). */
  keywords: string[];
  followUps: string[];
  /** What the answer computes for the asker's data, if the question gives it. */
  compute: ComputeKind[];
  /** Version-dependent features: with a version in the question, the verdict for it comes first. */
  timeline: TimelineFeature[];
  /** The certificate case the entry is about; a question naming the other case ranks it lower. */
  certificate?: 'own' | 'cloudapp.net';
  /** The versions the entry is about (inclusive); a question naming another version ranks it lower. */
  versions?: { from?: number; until?: number };
}

/** The file format: one topic, its entries. Everything after `answer` is optional per entry. */
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
    compute?: string[];
    timeline?: string[];
    certificate?: string;
    versions?: { from?: number; until?: number };
  }[];
}

export type { Lang };
