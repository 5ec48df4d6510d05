import type { CloudAdapter } from 'botbuilder';
import { DeliveryError, Outbox, Reply } from '../turn';
import { ConversationReferences } from './conversationReferences';
import { toActivity } from './render';

/**
 * Sends outside a turn through stored conversation references (proactive messages and card
 * updates for everyone). Channel refusals come back as DeliveryError with the HTTP status, so
 * callers can tell "bot removed" (403/404) from "try again later".
 */
export class ProactiveOutbox implements Outbox {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly references: ConversationReferences,
    /** The bot's app id; '' in anonymous local mode (undefined would crash the adapter). */
    private readonly appId: string,
  ) {}

  async send(conversationId: string, reply: Reply): Promise<string> {
    let id = '';
    await this.withConversation(conversationId, async (context) => {
      const response = await context.sendActivity(toActivity(reply));
      id = response?.id ?? '';
    });
    return id;
  }

  async update(conversationId: string, activityId: string, reply: Reply): Promise<void> {
    await this.withConversation(conversationId, async (context) => {
      await context.updateActivity({ ...toActivity(reply), id: activityId });
    });
  }

  private async withConversation(conversationId: string, logic: Parameters<CloudAdapter['continueConversationAsync']>[2] & object): Promise<void> {
    const stored = await this.references.get(conversationId);
    if (!stored) throw new DeliveryError(`No conversation reference for ${conversationId}: the bot is not installed there (any more).`, 404);
    try {
      await this.adapter.continueConversationAsync(this.appId, stored.reference, logic as never);
    } catch (error) {
      throw asDeliveryError(error);
    }
  }
}

function asDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const e = error as { statusCode?: number; message?: string; response?: { headers?: { get?(name: string): string | undefined } } };
  const retryAfter = Number(e.response?.headers?.get?.('retry-after'));
  return new DeliveryError(e.message ?? String(error), e.statusCode, Number.isFinite(retryAfter) ? retryAfter : undefined);
}
