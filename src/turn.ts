import type { CardTemplates, MessageTone, TemplateName } from './cardTemplates';
import type { Lang } from './i18n/language';
import type { Logger } from './log';

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
  /** Where replies, updates and proactive sends go: in a Teams channel, the thread (`…;messageid=…`). */
  id: string;
  /**
   * Whose data this is: what lists, visibility checks and quotas key on. In a Teams channel every
   * new post is its own conversation (`19:…@thread.tacv2;messageid=…`), so a reminder set in one
   * thread must still be listed in another thread of the same channel: the scope is the channel
   * (the id without `;messageid=…`). Elsewhere it is the conversation id itself.
   */
  scopeId: string;
  type: ConversationType;
  tenantId?: string;
  teamId?: string;
}

/**
 * The scope a conversation's data belongs to: a Teams channel thread (`19:…@thread.tacv2;messageid=…`,
 * the only ids Teams gives that suffix) belongs to its channel; any other id is its own scope.
 */
export function conversationScope(conversationId: string): string {
  const cut = conversationId.search(/;messageid=/i);
  return cut > 0 ? conversationId.slice(0, cut) : conversationId;
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
  /** The app's logger with this turn's correlation id on every line: log through it while serving the turn. */
  log: Logger;
}

/** A card from cards/<template>.json with its data; `summary` is the notification/fallback text. */
export type CardReply<K extends TemplateName = TemplateName> = {
  [T in K]: { kind: 'card'; template: T; data: CardTemplates[T]; summary: string };
}[K];

export interface TextReply {
  kind: 'text';
  text: string;
}

export type Reply = CardReply | TextReply;

/** A card reply; the template name picks the data type it needs (see cardTemplates.ts). */
export function card<K extends TemplateName>(template: K, data: CardTemplates[K], summary: string): CardReply<K> {
  return { kind: 'card', template, data, summary } as CardReply<K>;
}

export const text = (value: string): TextReply => ({ kind: 'text', text: value });

/** The one short titled notice, for every capability: a title (may be empty) and a sentence or two. */
export function messageCard(title: string, body: string, tone: MessageTone = 'default'): CardReply<'message'> {
  return card('message', { title, body, tone }, title || body);
}

/** What a card action (Action.Execute invoke) answers: the clicking user's new card, or a short message. */
export type CardActionResult =
  | { kind: 'card'; reply: CardReply }
  | { kind: 'message'; text: string }
  | { kind: 'error'; status: 400 | 403 | 404 | 409 | 500; code: string; message: string };
