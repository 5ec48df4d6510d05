import type { CloudAdapter, TurnContext } from 'botbuilder';
import { DeliveryError, Outbox } from '../ports';
import type { Reply } from '../turn';
import type { ActivityRenderer } from './activityRenderer';
import { ConversationAccess, withConversation } from './withConversation';

export interface OutboxOptions {
  /**
   * botbuilder's connector client retries 429 and 502/503/504 by itself (up to 3 times). A
   * caller that paces and retries on its own (the reminder scheduler) turns that off, so every
   * request it makes is one it counted against the rate limits.
   */
  callerRetries?: boolean;
}

/** The connector client's retry policy name in @azure/core-rest-pipeline. */
const SDK_RETRY_POLICY = 'defaultRetryPolicy';

/**
 * Sends outside a turn through stored conversation references (proactive messages and card
 * updates for everyone). Channel refusals come back as DeliveryError with the HTTP status, so
 * callers can tell "bot removed" (403/404) from "try again later".
 */
export class ProactiveOutbox implements Outbox {
  constructor(
    private readonly access: ConversationAccess,
    private readonly renderer: ActivityRenderer,
    private readonly options: OutboxOptions = {},
  ) {}

  async send(conversationId: string, reply: Reply): Promise<string> {
    try {
      return await withConversation(this.access, conversationId, async (context) => {
        if (this.options.callerRetries) withoutSdkRetries(context);
        const response = await context.sendActivity(this.renderer.activity(reply));
        return response?.id ?? '';
      });
    } catch (error) {
      // The channel says the bot was removed or blocked (403) or the conversation is gone (404):
      // forget the reference so nothing else keeps trying, and let the caller record why.
      if (error instanceof DeliveryError && error.isPermanent) await this.access.references.remove(conversationId);
      throw error;
    }
  }

  async update(conversationId: string, activityId: string, reply: Reply): Promise<void> {
    await withConversation(this.access, conversationId, async (context) => {
      if (this.options.callerRetries) withoutSdkRetries(context);
      await context.updateActivity({ ...this.renderer.activity(reply), id: activityId });
    });
  }
}

/**
 * Removes the retry policy from the connector client of this (proactive) turn only; the
 * adapter creates a fresh client for every continueConversationAsync, so replies in normal
 * turns keep the SDK's retries.
 */
function withoutSdkRetries(context: TurnContext): void {
  const adapter = context.adapter as CloudAdapter;
  const connector = context.turnState.get(adapter.ConnectorClientKey) as { client?: { pipeline?: { removePolicy(policy: { name: string }): unknown } } } | undefined;
  connector?.client?.pipeline?.removePolicy({ name: SDK_RETRY_POLICY });
}
