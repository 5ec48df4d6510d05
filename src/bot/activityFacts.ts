import { Activity, TurnContext } from 'botbuilder';
import { languageOf } from '../i18n/language';
import { stripControls, stripControlsDeep } from '../text/controls';
import { conversationScope, type Actor, type ConversationInfo, type ConversationType, type TurnInfo } from '../turn';

/**
 * What an incoming Teams activity says about its turn, read once: language, time zone, who,
 * where, and the text typed. Pure functions of the activity, so every rule can be tested with a
 * table of activities and nothing else.
 */

type ClientInfo = { type: 'clientInfo'; locale?: string; timezone?: string };
type ChannelData = { tenant?: { id?: string }; team?: { id?: string } };

function clientInfo(activity: Partial<Activity>): ClientInfo | undefined {
  return activity.entities?.find((entity) => entity.type === 'clientInfo') as ClientInfo | undefined;
}

/** The BCP-47 locale: the activity's own, else the client's (Teams omits it on some events). */
export function localeOf(activity: Partial<Activity>): string | undefined {
  return activity.locale || clientInfo(activity)?.locale || undefined;
}

/** The reader's IANA time zone as the client reports it; validated where it is used. */
export function timezoneOf(activity: Partial<Activity>): string | undefined {
  return activity.localTimezone || clientInfo(activity)?.timezone || undefined;
}

export function conversationTypeOf(activity: Partial<Activity>): ConversationType {
  const type = activity.conversation?.conversationType;
  if (type === 'channel' || type === 'groupChat') return type;
  if (activity.conversation?.isGroup) return 'groupChat';
  return 'personal';
}

/** Teams puts the tenant on the conversation; older payloads only in channel data. */
export function tenantIdOf(activity: Partial<Activity>): string | undefined {
  return activity.conversation?.tenantId ?? (activity.channelData as ChannelData | undefined)?.tenant?.id;
}

/**
 * The activity's tenant for the allow-list, lower-cased: `conflict` when the conversation and the
 * channel data name different tenants (Teams never sends that; a crafted activity might, to pass
 * the check with one and be stored under the other).
 */
export function tenantOf(activity: Partial<Activity>): { id?: string; conflict: boolean } {
  const named = [activity.conversation?.tenantId, (activity.channelData as ChannelData | undefined)?.tenant?.id]
    .filter((id): id is string => typeof id === 'string' && id.length > 0)
    .map((id) => id.toLowerCase());
  return { id: named[0], conflict: named.some((id) => id !== named[0]) };
}

/**
 * Who sent it. The Entra object id is lower-cased: permission checks compare it exactly. The
 * display name, which cards and stored audit show, loses control and bidi-override characters.
 */
export function actorOf(activity: Partial<Activity>): Actor {
  const name = typeof activity.from?.name === 'string' ? stripControls(activity.from.name) : undefined;
  return { id: activity.from?.id ?? '', aadObjectId: activity.from?.aadObjectId?.toLowerCase(), name };
}

export function conversationOf(activity: Partial<Activity>): ConversationInfo {
  const id = activity.conversation?.id ?? '';
  const type = conversationTypeOf(activity);
  return {
    id,
    scopeId: conversationScope(id),
    type,
    tenantId: tenantIdOf(activity),
    teamId: (activity.channelData as ChannelData | undefined)?.team?.id,
  };
}

/**
 * The text as the person typed it to the bot: the bot's own @mention removed (channels and
 * group chats put it in the text), other people's mentions kept as their names, control and
 * bidi-override characters dropped, HTML spaces and runs of whitespace tidied. The activity
 * itself is left as it came.
 */
export function messageText(activity: Partial<Activity>): string {
  let text = typeof activity.text === 'string' ? activity.text : '';
  // The helper edits the `text` of what it is given: a small stand-in with what it reads, not a copy of the whole activity.
  if (activity.recipient?.id && activity.entities?.length) text = TurnContext.removeRecipientMention({ text, entities: activity.entities, recipient: activity.recipient } as Activity) ?? text;
  const clean = stripControls(text);
  // Most messages need none of the tidying below: one scan, then only the ends trimmed.
  if (!UNTIDY.test(clean)) return clean.trim();
  return clean
    .replace(/<at>([^<]*)<\/at>/gi, '$1')
    .replace(/&nbsp;|\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Where the tidying in `messageText` changes the text: a mention, an HTML or no-break space, whitespace other than one space. */
const UNTIDY = /<at>[^<]*<\/at>|&nbsp;|\u00a0|\s\s|[^\S ]/i;

/**
 * What a card button sent back (Action.Execute data, or an Action.Submit message's value), with
 * control and bidi-override characters dropped from every string before any handler sees it.
 */
export function cardDataOf(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? stripControlsDeep(value as Record<string, unknown>) : {};
}

/** Everything a capability may know about the turn, except what the bot adds (correlation id, logger). */
export function turnFacts(activity: Partial<Activity>): Omit<TurnInfo, 'correlationId' | 'log'> {
  const locale = localeOf(activity);
  return { lang: languageOf(locale), locale, timezone: timezoneOf(activity), user: actorOf(activity), conversation: conversationOf(activity) };
}
