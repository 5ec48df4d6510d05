import type { CloudAdapter, TurnContext } from 'botbuilder';
import { DeliveryError } from '../ports';
import { retryAfterSeconds } from '../retryAfter';
import type { ConversationReferences } from './conversationReferences';

export interface ConversationAccess {
  adapter: CloudAdapter;
  references: ConversationReferences;
  /** The bot's app id; '' in anonymous local mode (undefined would crash the adapter). */
  appId: string;
}

/**
 * Runs `logic` in a conversation outside any incoming turn, from its stored reference, and
 * hands back what `logic` returned or threw. botbuilder passes an error thrown inside the
 * continueConversationAsync callback to onTurnError and then resolves as if all went well, so
 * the callback keeps its own outcome and this function returns or rethrows it. Every failure
 * leaves as a DeliveryError with the channel's HTTP status (404 when the bot has no reference).
 */
export async function withConversation<T>(access: ConversationAccess, conversationId: string, logic: (context: TurnContext) => Promise<T>): Promise<T> {
  const stored = await access.references.get(conversationId);
  if (!stored) throw new DeliveryError(`No conversation reference for ${conversationId}: the bot is not installed there (any more).`, 404);
  let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
  try {
    await access.adapter.continueConversationAsync(access.appId, stored.reference, async (context) => {
      try {
        outcome = { ok: true, value: await logic(context) };
      } catch (error) {
        outcome = { ok: false, error };
      }
    });
  } catch (error) {
    throw asDeliveryError(error);
  }
  if (!outcome) throw new DeliveryError(`The conversation ${conversationId} could not be continued.`, undefined);
  if (!outcome.ok) throw asDeliveryError(outcome.error);
  return outcome.value;
}

/** The channel's refusal as a DeliveryError: its status and, for 429, how long it asked us to wait. */
export function asDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  // The send's own time limit (ProactiveOutbox's timeoutMs) aborted it: no answer came.
  if ((error as { name?: string } | undefined)?.name === 'AbortError') return new DeliveryError('The channel did not answer in time.', undefined, undefined, true);
  const e = error as { statusCode?: number; message?: string; response?: { headers?: { get?(name: string): string | undefined } } };
  const retryAfter = retryAfterSeconds((name) => e.response?.headers?.get?.(name));
  return new DeliveryError(e.message ?? String(error), e.statusCode, retryAfter);
}
