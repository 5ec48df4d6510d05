import type { CloudAdapter, TurnContext } from 'botbuilder';
import { DeliveryError, Outbox, Reply } from '../turn';
import { ConversationReferences } from './conversationReferences';
import { toActivity } from './render';

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
    private readonly adapter: CloudAdapter,
    private readonly references: ConversationReferences,
    /** The bot's app id; '' in anonymous local mode (undefined would crash the adapter). */
    private readonly appId: string,
    private readonly options: OutboxOptions = {},
  ) {}

  async send(conversationId: string, reply: Reply): Promise<string> {
    let id = '';
    try {
      await this.withConversation(conversationId, async (context) => {
        const response = await context.sendActivity(toActivity(reply));
        id = response?.id ?? '';
      });
    } catch (error) {
      // The channel says the bot was removed or blocked (403) or the conversation is gone (404):
      // forget the reference so nothing else keeps trying, and let the caller record why.
      if (error instanceof DeliveryError && error.isPermanent) await this.references.remove(conversationId);
      throw error;
    }
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
    // The adapter hands errors thrown inside the callback to onTurnError and resolves, so the
    // callback keeps its own failure and this method rethrows it to the caller.
    let failure: { error: unknown } | undefined;
    try {
      await this.adapter.continueConversationAsync(this.appId, stored.reference, (async (context: TurnContext) => {
        try {
          if (this.options.callerRetries) withoutSdkRetries(context);
          await (logic as (context: TurnContext) => Promise<void>)(context);
        } catch (error) {
          failure = { error };
        }
      }) as never);
    } catch (error) {
      throw asDeliveryError(error);
    }
    if (failure) throw asDeliveryError(failure.error);
  }
}

function asDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  const e = error as { statusCode?: number; message?: string; response?: { headers?: { get?(name: string): string | undefined } } };
  const header = e.response?.headers?.get?.('retry-after');
  const retryAfter = header === undefined || header === '' ? NaN : Number(header);
  return new DeliveryError(e.message ?? String(error), e.statusCode, Number.isFinite(retryAfter) ? retryAfter : undefined);
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
