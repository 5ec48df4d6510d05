import type { Lang } from '../i18n/language';

/**
 * A cutover plan as stored: what will be switched, when, who asked, who decided, and every step
 * it went through. The audit trail lives inside the plan so a transition and its audit entry are
 * written by one conditional write and can never disagree.
 */
export type PlanStatus = 'pending' | 'approved' | 'rejected' | 'cancelled' | 'expired' | 'done' | 'closed';

/** Statuses after which nothing more can happen to a plan. */
export const FINAL_STATUSES: readonly PlanStatus[] = ['rejected', 'cancelled', 'expired', 'closed'];

export function isOpen(status: PlanStatus): boolean {
  return !FINAL_STATUSES.includes(status);
}

/** `ownDomain`: the certificate is in the customer's domain, so the cutover is a CNAME switch. */
export type CertificatePath = 'ownDomain' | 'cloudappNet';

export interface Person {
  /** Entra object id (lower-case); what every permission check uses. */
  aadObjectId?: string;
  /** Teams user id (`29:…`), for the card's user-specific views. */
  teamsId?: string;
  name?: string;
}

/** `system` is the bot itself, e.g. when a plan expires. */
export type Actor = Person | 'system';

export type AuditAction =
  | 'created'
  | 'edited'
  | 'approved'
  | 'rejected'
  | 'cancelled'
  | 'expired'
  | 'done'
  | 'oldCmgRemoved'
  /** Backup approvers were added because the plan waited too long. */
  | 'escalated'
  /** The requester asked again after expiry; `detail.linkedPlanId` is the new plan. */
  | 'requestedAgain';

export interface AuditEntry {
  at: string;
  by: Actor;
  action: AuditAction;
  /** Undefined for the first entry. */
  from?: PlanStatus;
  to: PlanStatus;
  /** The plan revision the action applied to. */
  revision: number;
  reason?: string;
  /** Facts that make the entry readable later, rendered in the reader's language. */
  detail?: AuditDetail;
}

export interface AuditDetail {
  /** The plan this one was requested again as (on the old plan) or from (on the new plan). */
  linkedPlanId?: string;
  /** Escalation: how long the plan had waited, and the names of the backup approvers added. */
  waitedHours?: number;
  added?: string[];
  /** A partial approval: how many of the required approvals the plan has now. */
  approvals?: number;
  required?: number;
}

/** One approver's decision on one revision of a plan. */
export interface Vote {
  by: Person;
  outcome: 'approved' | 'rejected';
  at: string;
  revision: number;
  reason?: string;
}

/** What the admin entered or confirmed, and the names computed from it. */
export interface PlanDetails {
  cmgName: string;
  /** Programmatic region name (`eastus`) and the name people read (`East US`). */
  region: { name: string; displayName: string };
  certificatePath: CertificatePath;
  oldServiceName: string;
  newServiceName: string;
  /** For an own-domain certificate: the record to repoint at cutover. */
  cname?: { host: string; target: string };
  certificateDomain: string;
  /** Planned cutover instant (ISO UTC), entered in `timezone`. */
  plannedAt: string;
  timezone: string;
  /** Days to wait after the new CMG took over before the old one may be removed. */
  waitingDays: number;
  notes?: string;
  providerCheck?: ProviderCheckSummary;
}

/** The latest provider check of the target subscription, as a one-line fact on the plan. */
export interface ProviderCheckSummary {
  subscriptionId: string;
  checkedAt: string;
  allRegistered: boolean;
  /** Short, already localized sentence by whoever ran the check. */
  summary: string;
}

export interface Decision {
  outcome: 'approved' | 'rejected';
  by: Person;
  at: string;
  reason?: string;
}

export interface CutoverPlan extends PlanDetails {
  id: string;
  /** The conversation the plan was requested in (replies go there). */
  conversationId: string;
  /**
   * Whose plan this is: the requester's conversation scope (the channel, for a channel thread),
   * where `cutovers` lists it and where it may be read. Plans stored before scopes existed use
   * `conversationId`.
   */
  scopeId?: string;
  /** The tenant the plan was requested in; a plan is never shown to another tenant. */
  tenantId?: string;
  /** The scope of the conversation holding the approval card, which may read the plan too. */
  cardScopeId?: string;
  lang: Lang;
  requester: Person;
  status: PlanStatus;
  /** Goes up on every edit; an approval card only counts for the revision it showed. */
  revision: number;
  createdAt: string;
  /** When a pending plan expires (reset by an edit). */
  expiresAt: string;
  decision?: Decision;
  /** When the new CMG took over (set by "cutover done"). */
  takeoverAt?: string;
  /** The shared approval card, so a decision can update it for everyone. */
  card?: { conversationId: string; activityId: string };
  /** Teams user ids that get a personal view of the card (approvers and requester). */
  viewerTeamsIds: string[];
  /**
   * Set when an approver could not be found in the card's conversation (the member lookup failed
   * or does not know them): the shared card then shows Approve/Reject to everyone, and the
   * server still refuses everyone who is not an approver.
   */
  openButtons?: boolean;
  /** Display names of approvers from the last member lookup (Entra id → name), for "who may approve". */
  approverNames?: Record<string, string>;
  /** Distinct approvals needed (CUTOVER_APPROVALS_REQUIRED when the plan was created); 1 when missing. */
  approvalsRequired?: number;
  /** Decisions on the current revision (an edit clears them). */
  votes?: Vote[];
  /** When backup approvers were added, and who (Entra ids). */
  escalation?: { at: string; approverIds: string[] };
  /** "Request again" links: the expired plan this one repeats, and the plan an expired one was repeated as. */
  previousPlanId?: string;
  nextPlanId?: string;
  /** The CNAME check run when the cutover was marked done (own-domain certificates). */
  cnameCheck?: { at: string; verdict: 'scaleSet' | 'classic' | 'other' | 'unresolved'; target?: string };
  /** Audit entries dropped from the front to keep the stored plan small (the first entry is always kept). */
  auditDropped?: number;
  audit: AuditEntry[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** When the old CMG may be removed, or undefined before the cutover is done. */
export function waitingPeriodEnd(plan: Pick<CutoverPlan, 'takeoverAt' | 'waitingDays'>): Date | undefined {
  return plan.takeoverAt ? new Date(new Date(plan.takeoverAt).getTime() + plan.waitingDays * DAY_MS) : undefined;
}

/** Only the details of a plan (what the form sets): what an edit replaces and "Request again" copies. */
export function detailsOf(plan: PlanDetails): PlanDetails {
  const { cmgName, region, certificatePath, oldServiceName, newServiceName, cname, certificateDomain, plannedAt, timezone, waitingDays, notes, providerCheck } = plan;
  return {
    cmgName,
    region,
    certificatePath,
    oldServiceName,
    newServiceName,
    ...(cname ? { cname } : {}),
    certificateDomain,
    plannedAt,
    timezone,
    waitingDays,
    ...(notes ? { notes } : {}),
    ...(providerCheck ? { providerCheck } : {}),
  };
}
