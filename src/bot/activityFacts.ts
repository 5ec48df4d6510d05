import { Activity, TurnContext } from 'botbuilder';
import { languageOf } from '../i18n/language';
import type { Actor, ConversationInfo, ConversationType, TurnInfo } from '../turn';

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

/** Who sent it. The Entra object id is lower-cased: permission checks compare it exactly. */
export function actorOf(activity: Partial<Activity>): Actor {
  return { id: activity.from?.id ?? '', aadObjectId: activity.from?.aadObjectId?.toLowerCase(), name: activity.from?.name };
}

export function conversationOf(activity: Partial<Activity>): ConversationInfo {
  return {
    id: activity.conversation?.id ?? '',
    type: conversationTypeOf(activity),
    tenantId: tenantIdOf(activity),
    teamId: (activity.channelData as ChannelData | undefined)?.team?.id,
  };
}

/**
 * The text as the person typed it to the bot: the bot's own @mention removed (channels and
 * group chats put it in the text), other people's mentions kept as their names, HTML spaces
 * and runs of whitespace tidied. The activity itself is left as it came.
 */
export function messageText(activity: Partial<Activity>): string {
  let text = activity.text ?? '';
  if (activity.recipient?.id && activity.entities?.length) text = TurnContext.removeRecipientMention({ ...activity, text } as Activity) ?? text;
  return text
    .replace(/<at>([^<]*)<\/at>/gi, '$1')
    .replace(/&nbsp;|\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Everything a capability may know about the turn, except what the bot adds (correlation id, logger). */
export function turnFacts(activity: Partial<Activity>): Omit<TurnInfo, 'correlationId' | 'log'> {
  const locale = localeOf(activity);
  return { lang: languageOf(locale), locale, timezone: timezoneOf(activity), user: actorOf(activity), conversation: conversationOf(activity) };
}
