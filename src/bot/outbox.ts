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
  /**
   * Milliseconds a request may wait for the channel before it is given up on (a
   * DeliveryError marked `unanswered`). Without one a hung connection waits for ever, and so
   * does whoever awaits the send.
   */
  timeoutMs?: number;
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
        this.prepare(context);
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

  private prepare(context: TurnContext): void {
    if (this.options.callerRetries || this.options.timeoutMs) adjustConnector(context, this.options);
  }

  async update(conversationId: string, activityId: string, reply: Reply): Promise<void> {
    await withConversation(this.access, conversationId, async (context) => {
      this.prepare(context);
      await context.updateActivity({ ...this.renderer.activity(reply), id: activityId });
    });
  }
}

/** The pipeline of the connector client @azure/core-rest-pipeline builds, as far as it is used here. */
interface ConnectorPipeline {
  removePolicy(policy: { name: string }): unknown;
  addPolicy(policy: { name: string; sendRequest(request: { timeout: number }, next: (request: { timeout: number }) => Promise<unknown>): Promise<unknown> }): void;
}

/**
 * Changes the connector client of this (proactive) turn only: without the SDK's retries, with a
 * time limit per request. The adapter creates a fresh client for every
 * continueConversationAsync, so replies in normal turns keep the SDK's defaults.
 */
function adjustConnector(context: TurnContext, options: OutboxOptions): void {
  const adapter = context.adapter as CloudAdapter;
  const connector = context.turnState.get(adapter.ConnectorClientKey) as { client?: { pipeline?: ConnectorPipeline } } | undefined;
  const pipeline = connector?.client?.pipeline;
  if (!pipeline) return;
  if (options.callerRetries) pipeline.removePolicy({ name: SDK_RETRY_POLICY });
  const timeoutMs = options.timeoutMs;
  if (timeoutMs) {
    pipeline.addPolicy({
      name: 'cmgRequestTimeout',
      sendRequest: (request, next) => {
        request.timeout = timeoutMs;
        return next(request);
      },
    });
  }
}
