import type { Lang } from './i18n/language';

/**
 * What a capability knows about the turn it serves: resolved once by the Teams face from the
 * incoming activity, so no capability ever reads an activity or imports the bot framework.
 */
export type ConversationType = 'personal' | 'groupChat' | 'channel';

export interface Actor {
  /** The channel's user id (`29:…` in Teams). */
  id: string;
  /** Entra object id; the only identity that authorization decisions use. */
  aadObjectId?: string;
  name?: string;
}

export interface ConversationInfo {
  id: string;
  type: ConversationType;
  tenantId?: string;
  teamId?: string;
}

export interface TurnInfo {
  lang: Lang;
  /** The raw BCP-47 locale Teams sent, if any. */
  locale?: string;
  /** IANA time zone from the client (e.g. `Europe/Amsterdam`), if Teams sent one. */
  timezone?: string;
  user: Actor;
  conversation: ConversationInfo;
  /** Appears in every log line of the turn and on error cards. */
  correlationId: string;
}

/** A card from cards/<template>.json with its data; `summary` is the notification/fallback text. */
export interface CardReply {
  kind: 'card';
  template: string;
  data: object;
  summary: string;
}

export interface TextReply {
  kind: 'text';
  text: string;
}

export type Reply = CardReply | TextReply;

export const card = (template: string, data: object, summary: string): CardReply => ({ kind: 'card', template, data, summary });
export const text = (value: string): TextReply => ({ kind: 'text', text: value });

/** What a card action (Action.Execute invoke) answers: the clicking user's new card, or a short message. */
export type CardActionResult =
  | { kind: 'card'; reply: CardReply }
  | { kind: 'message'; text: string }
  | { kind: 'error'; status: 400 | 403 | 404 | 409 | 500; code: string; message: string };

/**
 * Sends to a conversation outside the current turn (proactive messages, card updates for
 * everyone, background progress). Implemented in src/bot/ from stored conversation references.
 */
export interface Outbox {
  /** Posts a new message; resolves to its activity id. */
  send(conversationId: string, reply: Reply): Promise<string>;
  /** Replaces an earlier bot message for everyone in the conversation. */
  update(conversationId: string, activityId: string, reply: Reply): Promise<void>;
}

/** Thrown by an Outbox when the channel refuses a delivery; `status` is the HTTP status if any. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    /** Seconds the channel asked us to wait (429 Retry-After), if it said. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
  /** The bot was removed or blocked (403), or the conversation is gone (404): retrying cannot help. */
  get isPermanent(): boolean {
    return this.status === 403 || this.status === 404;
  }
}
