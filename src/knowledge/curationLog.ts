import { createHash } from 'node:crypto';
import type { Clock } from '../clock';
import type { Lang } from '../i18n/language';
import type { Collection, Store } from '../storage/store';
import { fold } from './text';

/** A 👍/👎 on an answer. Only the conversation id identifies where it came from. */
export interface FeedbackRecord {
  entryId: string;
  vote: 'up' | 'down';
  lang: Lang;
  conversationId: string;
  at: string;
}

/** A question the bot could not answer, counted per distinct wording. */
export interface UnansweredRecord {
  question: string;
  lang: Lang;
  /** Why: no entry fit, outside CMG, or the admin rejected every "Did you mean" choice. */
  reason: 'outOfScope' | 'unsure' | 'noneOfThese';
  count: number;
  firstAt: string;
  lastAt: string;
  /** The last few conversations that asked, so a curator can follow up; nothing about people. */
  conversationIds: string[];
}

export interface CurationReport {
  unanswered: { question: string; lang: Lang; reason: string; count: number; lastAt: string }[];
  negative: { entryId: string; down: number; up: number }[];
}

const ALL = 'all';
const MAX_QUESTION_LENGTH = 300;
const MAX_CONVERSATIONS = 10;
const WRITE_ATTEMPTS = 5;

/**
 * What admins thought of the answers and what they asked that we could not answer, so the
 * knowledge base can be curated (`npm run kb:report`). Everything sits in one partition per
 * collection: the volume is small and the report reads it all.
 */
export class CurationLog {
  private readonly feedback: Collection<FeedbackRecord>;
  private readonly unanswered: Collection<UnansweredRecord>;
  /** Who already said "none of these" to which wording: hashed, holding no identity. */
  private readonly noneMarks: Collection<{ at: string }>;

  constructor(
    store: Store,
    private readonly clock: Clock,
  ) {
    this.feedback = store.collection<FeedbackRecord>('kbFeedback', { partitionOf: () => ALL });
    this.unanswered = store.collection<UnansweredRecord>('kbUnanswered', { partitionOf: () => ALL });
    this.noneMarks = store.collection<{ at: string }>('kbNoneOfThese', { partitionOf: () => ALL });
  }

  /**
   * True the first time this person says "none of these" to this wording: the button stays on
   * its card, and pressing it again (or sending its data again) must not count again. Like a
   * vote, the marker's key is a hash of the wording and the person.
   */
  async firstNoneOfThese(question: string, personId: string): Promise<boolean> {
    const key = createHash('sha256').update(`${wordingKey(question)}\u0000${personId}`).digest('hex').slice(0, 32);
    return (await this.noneMarks.create(key, { at: this.clock.now().toISOString() })).status === 'ok';
  }

  /**
   * One vote per person per answer: a second press of the same button changes nothing, the
   * other button changes the vote. The key is a hash of the answer and the voter, so the record
   * itself holds no identity and one person cannot stuff the report.
   */
  async recordFeedback(entryId: string, vote: 'up' | 'down', lang: Lang, conversationId: string, voterId: string): Promise<'recorded' | 'changed' | 'same'> {
    const key = createHash('sha256').update(`${entryId}\u0000${voterId}`).digest('hex').slice(0, 32);
    const record: FeedbackRecord = { entryId, vote, lang, conversationId, at: this.clock.now().toISOString() };
    for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
      const created = await this.feedback.create(key, record);
      if (created.status === 'ok') return 'recorded';
      const changed = await this.feedback.change(key, (current) => (current.vote === vote ? undefined : record));
      if (changed.status === 'ok') return 'changed';
      if (changed.status === 'unchanged') return 'same';
      // notFound: deleted in between, create again; tooManyConflicts: someone else keeps voting with our key, try again.
    }
    return 'same';
  }

  /** Counts the question under its normalized wording; concurrent askers retry on conflict. */
  async recordUnanswered(question: string, lang: Lang, reason: UnansweredRecord['reason'], conversationId: string): Promise<void> {
    const text = question.trim().slice(0, MAX_QUESTION_LENGTH);
    if (!text) return;
    const key = wordingKey(text);
    const now = this.clock.now().toISOString();
    for (let attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
      const changed = await this.unanswered.change(key, (previous) => ({
        ...previous,
        reason,
        count: previous.count + 1,
        lastAt: now,
        conversationIds: [conversationId, ...previous.conversationIds.filter((id) => id !== conversationId)].slice(0, MAX_CONVERSATIONS),
      }));
      if (changed.status === 'ok') return;
      if (changed.status === 'notFound') {
        const created = await this.unanswered.create(key, { question: text, lang, reason, count: 1, firstAt: now, lastAt: now, conversationIds: [conversationId] });
        if (created.status === 'ok') return;
      }
    }
  }

  /** The most frequent unanswered questions and the answers with the most 👎, for curation. */
  async report(limit = 20): Promise<CurationReport> {
    const unanswered = (await this.unanswered.listByPartition(ALL))
      .map(({ value }) => ({ question: value.question, lang: value.lang, reason: value.reason, count: value.count, lastAt: value.lastAt }))
      .sort((a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt))
      .slice(0, limit);
    const votes = new Map<string, { entryId: string; down: number; up: number }>();
    for (const { value } of await this.feedback.listByPartition(ALL)) {
      const tally = votes.get(value.entryId) ?? { entryId: value.entryId, down: 0, up: 0 };
      tally[value.vote]++;
      votes.set(value.entryId, tally);
    }
    const negative = [...votes.values()]
      .filter((tally) => tally.down > 0)
      .sort((a, b) => b.down - a.down || a.up - b.up)
      .slice(0, limit);
    return { unanswered, negative };
  }
}

/** One key per wording of a question, whatever its case, accents or spacing. */
function wordingKey(question: string): string {
  return createHash('sha256').update(fold(question.trim().slice(0, MAX_QUESTION_LENGTH)).replace(/\s+/g, ' ')).digest('hex').slice(0, 32);
}

/** The report as plain text for a terminal. */
export function formatCurationReport(report: CurationReport): string {
  const lines = ['Most frequent unanswered questions'];
  if (report.unanswered.length === 0) lines.push('  (none recorded)');
  for (const item of report.unanswered) lines.push(`  ${String(item.count).padStart(4)}×  [${item.lang}] [${item.reason}] ${item.question}`);
  lines.push('', 'Answers with negative feedback');
  if (report.negative.length === 0) lines.push('  (none recorded)');
  for (const item of report.negative) lines.push(`  ${String(item.down).padStart(4)}×👎 ${String(item.up).padStart(4)}×👍  ${item.entryId}`);
  return lines.join('\n');
}
