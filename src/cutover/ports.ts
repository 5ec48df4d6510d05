import type { Lang } from '../i18n/language';
import type { ProviderCheckSummary } from './plan';

/**
 * What the cutover capability needs from the outside world, as small interfaces so the
 * reminders capability and the Teams face can implement them without this folder knowing how.
 */

/** The facts a waiting-period reminder needs; `dueAt` is when the old CMG may be removed. */
export interface WaitingPeriodReminder {
  planId: string;
  conversationId: string;
  /** ISO 8601 UTC: the time the new CMG took over plus the waiting period. */
  dueAt: string;
  lang: Lang;
  /** IANA time zone of the admin who planned the cutover, for showing local times. */
  timezone?: string;
  cmgName: string;
  oldServiceName: string;
  newServiceName: string;
}

export interface WaitingPeriodReminders {
  /** Called once when a plan is marked done. */
  scheduleWaitingPeriodEnd(plan: WaitingPeriodReminder): Promise<void>;
  /** Called when a plan is closed/cancelled so a pending reminder can be cancelled. */
  cancelForPlan(planId: string): Promise<void>;
}

/**
 * Translates Entra object ids into the channel's user ids (`29:…`) of members of a conversation,
 * because a card's `refresh.userIds` only accepts the latter while approvers are configured by
 * the former. Members not found are left out of the result.
 */
export interface MemberDirectory {
  teamsUserIds(conversationId: string, aadObjectIds: readonly string[]): Promise<Map<string, string>>;
}

/** The latest provider check of the target subscription, if the provider-check capability has one for this conversation. */
export interface LatestProviderCheck {
  /** The latest check in a conversation's scope (`TurnInfo.conversation.scopeId`). */
  latestFor(scopeId: string): Promise<ProviderCheckSummary | undefined>;
}
