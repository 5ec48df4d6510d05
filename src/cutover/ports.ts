import type { Lang } from '../i18n/language';
import type { Reply } from '../turn';
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

/** A member of a conversation as the channel knows them. */
export interface Member {
  /** The channel's user id (`29:…`). */
  id: string;
  name?: string;
}

/**
 * Translates Entra object ids into the channel's members of a conversation (user id `29:…` and
 * display name), because a card's `refresh.userIds` and mention entities only accept the former
 * while approvers are configured by their Entra ids. Members not found are left out of the
 * result; any other failure rejects.
 */
export interface MemberDirectory {
  members(conversationId: string, aadObjectIds: readonly string[]): Promise<Map<string, Member>>;
}

/** The follow-ups of a waiting plan, delivered by the durable scheduler (exactly once per round). */
export type FollowUpKind = 'nudge' | 'escalation';

export interface ApprovalFollowUp {
  planId: string;
  kind: FollowUpKind;
  /** Where the approval card is: the nudge goes there. */
  conversationId: string;
  /** ISO 8601 UTC. */
  dueAt: string;
  lang: Lang;
}

/** Stores follow-ups durably (the reminders capability implements it). */
export interface ApprovalFollowUps {
  /** Create-only per plan and kind: scheduling twice keeps the first. */
  scheduleFollowUp(followUp: ApprovalFollowUp): Promise<void>;
  /** The plan was decided, cancelled or expired: nothing more to send. */
  cancelFollowUps(planId: string): Promise<void>;
}

/**
 * What the scheduler asks when a follow-up falls due, after it claimed the delivery: the card to
 * send now (and when to come back), or undefined when there is nothing left to say (the plan
 * was decided). Called again for a retried delivery, so it must be safe to repeat.
 */
export interface FollowUpSource {
  prepareFollowUp(followUp: { planId: string; kind: FollowUpKind; dueAt: string }): Promise<{ reply: Reply; nextDueAt?: string } | undefined>;
}

/** The latest provider check of the target subscription, if the provider-check capability has one for this conversation. */
export interface LatestProviderCheck {
  /** The latest check in a conversation's scope (`TurnInfo.conversation.scopeId`). */
  latestFor(scopeId: string): Promise<ProviderCheckSummary | undefined>;
}

/** Where a name points in DNS now, as the cutover needs to know it. */
export interface CnameState {
  /** `scaleSet`: at the plan's new (scale-set) name; `classic`: still at the old name. */
  verdict: 'scaleSet' | 'classic' | 'other' | 'unresolved';
  /** The hop that decided the verdict (or the first hop for `other`). */
  target?: string;
}

/** What a name's endpoint presents now, as the cutover needs to know it. */
export type EndpointState =
  | { kind: 'presented'; nameMatches: boolean; chainTrusted: boolean; expired: boolean; commonName?: string }
  /** `refused`: the name resolves to an address the checks may not reach; `unresolved`: DNS failed; `unreachable`: no TLS handshake. */
  | { kind: 'failed'; reason: 'refused' | 'unresolved' | 'unreachable' };

/**
 * The live checks the cutover runs when it is marked done and before the old CMG is removed
 * (the checks capability implements them; the composition root hands them over).
 */
export interface CutoverProbes {
  cname(host: string, regionName: string): Promise<CnameState>;
  endpoint(host: string): Promise<EndpointState>;
}
