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

/**
 * Conversation references by conversation id, plus a create-only welcome marker so Teams'
 * paired install events (conversationUpdate and installationUpdate) greet only once.
 */
export class ConversationReferences {
  private readonly references: Collection<StoredConversation>;
  private readonly welcomes: Collection<{ at: string }>;

  constructor(store: Store) {
    this.references = store.collection<StoredConversation>('conversationRefs');
    this.welcomes = store.collection<{ at: string }>('welcomes');
  }

  async save(conversationId: string, conversation: StoredConversation): Promise<void> {
    await this.references.upsert(conversationId, conversation);
  }

  async get(conversationId: string): Promise<StoredConversation | undefined> {
    return (await this.references.get(conversationId))?.value;
  }

  /** Forgets a conversation: the bot was uninstalled, removed, or the channel says it is gone. */
  async remove(conversationId: string): Promise<void> {
    await this.references.delete(conversationId);
    await this.welcomes.delete(conversationId);
  }

  /** True the first time it is called for a conversation (until `remove`). */
  async claimWelcome(conversationId: string, at: Date): Promise<boolean> {
    const outcome = await this.welcomes.create(conversationId, { at: at.toISOString() });
    return outcome.status === 'ok';
  }
}
