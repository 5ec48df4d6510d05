import type { ConversationReference } from 'botbuilder';
import type { Collection, Store } from '../storage/store';

/** What we keep per conversation so proactive messages work after a restart. */
export interface StoredConversation {
  reference: Partial<ConversationReference>;
  /** Last locale seen in this conversation, so proactive cards use its language. */
  locale?: string;
  tenantId?: string;
  updatedAt: string;
}

/** Conversations whose last saved reference this instance remembers; beyond that it reads storage once more. */
const REMEMBERED = 10_000;
/**
 * How long a remembered reference is trusted without looking at storage. Another instance may
 * have deleted it meanwhile (a send there met 403: the person had blocked the bot); the next
 * message after this long finds that out and writes it back. One read per conversation per minute.
 */
const RECHECK_MS = 60_000;

/**
 * What a proactive send uses from a reference, and the locale it writes in: when one of these
 * changes, the stored reference is out of date. Not `updatedAt` (it only records when), and not
 * the user who spoke last, which in a channel changes with every speaker.
 */
const fingerprint = ({ reference: r, locale, tenantId }: ReferenceFacts): string =>
  [r.channelId, r.serviceUrl, r.conversation?.id, r.conversation?.tenantId, r.conversation?.conversationType, r.bot?.id, r.locale, locale, tenantId].join('\n');

/** What `fingerprint` reads: a stored conversation, or the same parts read off an incoming activity without copying them. */
export interface ReferenceFacts {
  reference: Pick<Partial<ConversationReference>, 'channelId' | 'serviceUrl' | 'locale'> & {
    conversation?: Partial<Pick<ConversationReference['conversation'], 'id' | 'tenantId' | 'conversationType'>>;
    bot?: { id?: string };
  };
  locale?: string;
  tenantId?: string;
}

/**
 * Conversation references by conversation id, plus a create-only welcome marker so Teams'
 * paired install events (conversationUpdate and installationUpdate) greet only once.
 *
 * A reference rarely changes (the service URL, the locale), yet every message carries one, so
 * `save` writes only when it differs from what this instance last saved or read: a message in a
 * known conversation costs no storage at all, apart from one read a minute (`RECHECK_MS`).
 */
export class ConversationReferences {
  private readonly references: Collection<StoredConversation>;
  private readonly welcomes: Collection<{ at: string }>;
  private readonly known = new Map<string, { print: string; at: number }>();

  constructor(
    store: Store,
    /** Epoch milliseconds, for how long a remembered reference is trusted. */
    private readonly now: () => number = Date.now,
  ) {
    this.references = store.collection<StoredConversation>('conversationRefs');
    this.welcomes = store.collection<{ at: string }>('welcomes');
  }

  /**
   * True when this instance last saved or read exactly these parts for the conversation: a
   * message in a known conversation can then skip building a reference at all.
   */
  isCurrent(conversationId: string, facts: ReferenceFacts): boolean {
    const known = this.known.get(conversationId);
    return known !== undefined && this.now() - known.at < RECHECK_MS && known.print === fingerprint(facts);
  }

  /** Stores the reference if it changed; `always` (install events) writes regardless. */
  async save(conversationId: string, conversation: StoredConversation, options: { always?: boolean } = {}): Promise<void> {
    const print = fingerprint(conversation);
    if (!options.always) {
      const known = this.known.get(conversationId);
      const trusted = known !== undefined && this.now() - known.at < RECHECK_MS;
      if (trusted && known.print === print) return;
      if (!trusted) {
        const stored = await this.references.get(conversationId);
        if (stored && fingerprint(stored.value) === print) return this.remember(conversationId, print);
      }
    }
    await this.references.upsert(conversationId, conversation);
    this.remember(conversationId, print);
  }

  async get(conversationId: string): Promise<StoredConversation | undefined> {
    return (await this.references.get(conversationId))?.value;
  }

  /** Forgets a conversation: the bot was uninstalled, removed, or the channel says it is gone. */
  async remove(conversationId: string): Promise<void> {
    this.known.delete(conversationId);
    await this.references.delete(conversationId);
    await this.welcomes.delete(conversationId);
  }

  /** True the first time it is called for a conversation (until `remove`). */
  async claimWelcome(conversationId: string, at: Date): Promise<boolean> {
    const outcome = await this.welcomes.create(conversationId, { at: at.toISOString() });
    return outcome.status === 'ok';
  }

  private remember(conversationId: string, print: string): void {
    this.known.delete(conversationId);
    this.known.set(conversationId, { print, at: this.now() });
    // Oldest first in a Map: drop it once over the bound.
    if (this.known.size > REMEMBERED) this.known.delete(this.known.keys().next().value!);
  }
}
