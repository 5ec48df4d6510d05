import type { Logger } from './log';
import type { Reply } from './turn';

/**
 * What capabilities reach outside a turn through. Implemented in src/bot/ (from stored
 * conversation references) and handed over by the composition root, so no capability imports
 * the bot framework.
 */

/** Sends to a conversation outside the current turn (proactive messages, background progress). */
export interface Outbox {
  /** Posts a new message; resolves to its activity id. */
  send(conversationId: string, reply: Reply): Promise<string>;
  /** Replaces an earlier bot message for everyone in the conversation. */
  update(conversationId: string, activityId: string, reply: Reply): Promise<void>;
}

/** Where a posted card is, so it can be replaced for everyone. */
export interface PostedCard {
  conversationId: string;
  activityId: string;
}

/**
 * The cards everyone in a conversation sees (an approval card, a provider check, a delivered
 * reminder), replaced for everyone after a change.
 */
export interface SharedCards {
  /**
   * Queues a replacement of a shared card. Updates under one `key` run one at a time, in the
   * order they were queued, and `latest` is called only when an update's turn comes, so the
   * card always ends on the newest state; `latest` returns undefined when there is nothing to
   * show (no card posted yet). Resolves when this update is done; never rejects (failures are
   * logged, the card just stays as it was).
   *
   * The queue orders updates within one instance only. When `latest` also gives the `version` of
   * the stored state it rendered, the state is read again after the card was replaced, and the card
   * replaced once more if it changed meanwhile: another instance's update of the same card may have
   * landed after, or before, this one, and the instance that finishes last then shows the newest.
   */
  update(key: string, latest: () => Promise<SharedCardUpdate | undefined>, log?: Logger): Promise<void>;
}

export interface SharedCardUpdate {
  card: PostedCard;
  reply: Reply;
  /** The version of the stored state `reply` shows (see `update`). */
  version?: string;
}

/**
 * Work that outlives the turn that started it (a check finishing after its "checking…" card, a
 * registration poller, a region refresh). Tracked so shutdown waits for it once; a failure is
 * logged with `label` and never becomes an unhandled rejection.
 */
export interface BackgroundWork {
  run(label: string, work: () => Promise<unknown>, log?: Logger): Promise<void>;
}

/** Thrown by an Outbox when the channel refuses a delivery; `status` is the HTTP status if any. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    /** Seconds the channel asked us to wait (429 Retry-After), if it said. */
    readonly retryAfterSeconds?: number,
    /**
     * The request was given up on while waiting for the channel's answer (a timeout): it may
     * have arrived all the same, so whatever is sent again should say it may be a copy.
     */
    readonly unanswered = false,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
  /** The bot was removed or blocked (403), or the conversation is gone (404): retrying cannot help. */
  get isPermanent(): boolean {
    return this.status === 403 || this.status === 404;
  }
}
