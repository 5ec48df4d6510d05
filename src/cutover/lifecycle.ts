import { Actor, AuditAction, AuditDetail, AuditEntry, CutoverPlan, detailsOf, Person, PlanDetails, PlanStatus, Vote, waitingPeriodEnd } from './plan';

/**
 * The plan's state machine as one pure function: given a plan, what someone asked for, who they
 * are and the time, either the next plan (with its audit entry appended) or why not. Nothing here
 * reads storage or the clock, so every rule is testable on its own and the service can retry a
 * conflicting write by simply applying the same command to the newer plan.
 *
 *   pending ─approve (enough distinct approvals)→ approved ─done→ done ─oldCmgRemoved→ closed
 *      │ └reject (any one)→ rejected                 │
 *      ├cancel→ cancelled ←──────────────────────────┘
 *      ├escalate (system: backup approvers join; stays pending)
 *      └expire→ expired ─requestAgain (links a new plan; stays expired)
 */
export interface ApproverPolicy {
  /** Entra object ids (lower-case) of the people who may decide. */
  approverIds: readonly string[];
  allowSelfApproval: boolean;
}

/** Stored audit entries per plan: the first (who requested it) and the latest ones. */
export const MAX_AUDIT_ENTRIES = 100;
/** "Cutover done" this long before the planned time asks to confirm it was done early. */
export const EARLY_DONE_MS = 60 * 60 * 1000;

export type PlanCommand =
  | { kind: 'approve'; revision: number; reason?: string }
  | { kind: 'reject'; revision: number; reason?: string }
  | { kind: 'cancel'; reason?: string }
  | { kind: 'edit'; revision: number; details: PlanDetails; expiresAt: string }
  | { kind: 'done'; confirmedEarly?: boolean }
  | { kind: 'oldCmgRemoved' }
  | { kind: 'expire' }
  | { kind: 'escalate'; approverIds: readonly string[]; waitedHours: number; names: string[] }
  | { kind: 'requestAgain'; newPlanId: string };

export type Refusal =
  | { code: 'notApprover' }
  | { code: 'selfApproval' }
  | { code: 'notRequester' }
  | { code: 'notParticipant' }
  /** The plan is not (or no longer) in a status where this makes sense: a double click, a late approver. */
  | { code: 'wrongStatus'; status: PlanStatus }
  /** The card showed an older revision of the plan than the one stored. */
  | { code: 'staleRevision'; current: number }
  | { code: 'waitingPeriod'; until: string; leftMs: number }
  /** This approver already decided on this revision; one person counts once. */
  | { code: 'alreadyVoted'; outcome: 'approved' | 'rejected' }
  /** "Cutover done" well before the planned time: the card asks to confirm it was done early. */
  | { code: 'doneEarly'; plannedAt: string }
  /** The expired plan was already requested again. */
  | { code: 'alreadyRequestedAgain'; planId: string }
  /** Nothing to escalate: no backup approvers, or escalated before. */
  | { code: 'alreadyEscalated' };

export type Transition = { kind: 'changed'; plan: CutoverPlan } | { kind: 'refused'; refusal: Refusal };

export function isRequester(plan: Pick<CutoverPlan, 'requester'>, person: Person): boolean {
  const requester = plan.requester;
  // Entra ids are the identity; the Teams id only counts where a client sends no Entra id (local tools).
  if (requester.aadObjectId && person.aadObjectId) return requester.aadObjectId === person.aadObjectId;
  return Boolean(requester.teamsId && requester.teamsId === person.teamsId);
}

/** Everyone who may decide on this plan: the configured approvers and, once escalated, the backup approvers. */
export function approversOf(plan: Pick<CutoverPlan, 'escalation'>, policy: ApproverPolicy): string[] {
  return [...new Set([...policy.approverIds, ...(plan.escalation?.approverIds ?? [])])];
}

export function isApprover(policy: ApproverPolicy, person: Person, plan: Pick<CutoverPlan, 'escalation'>): boolean {
  return Boolean(person.aadObjectId && approversOf(plan, policy).includes(person.aadObjectId));
}

/** May this person approve or reject this plan? */
export function mayDecide(plan: Pick<CutoverPlan, 'requester' | 'escalation'>, policy: ApproverPolicy, person: Person): boolean {
  return isApprover(policy, person, plan) && (policy.allowSelfApproval || !isRequester(plan, person));
}

/** The decisions on the plan's current revision. */
export function currentVotes(plan: Pick<CutoverPlan, 'votes' | 'revision'>): Vote[] {
  return (plan.votes ?? []).filter((vote) => vote.revision === plan.revision);
}

export function requiredApprovals(plan: Pick<CutoverPlan, 'approvalsRequired'>): number {
  return Math.max(1, plan.approvalsRequired ?? 1);
}

/** Approvers who may still decide on the current revision (Entra ids), the requester left out unless self-approval is on. */
export function undecidedApprovers(plan: CutoverPlan, policy: ApproverPolicy): string[] {
  const voted = new Set(currentVotes(plan).map((vote) => vote.by.aadObjectId));
  return approversOf(plan, policy).filter((id) => !voted.has(id) && (policy.allowSelfApproval || id !== plan.requester.aadObjectId));
}

function samePerson(a: Person, b: Person): boolean {
  if (a.aadObjectId && b.aadObjectId) return a.aadObjectId === b.aadObjectId;
  return Boolean(a.teamsId && a.teamsId === b.teamsId);
}

export function apply(plan: CutoverPlan, command: PlanCommand, actor: Actor, now: Date, policy: ApproverPolicy): Transition {
  const person: Person = actor === 'system' ? {} : actor;
  const refuse = (refusal: Refusal): Transition => ({ kind: 'refused', refusal });
  const pendingAndCurrent = (): boolean => plan.status === 'pending' && now.getTime() < Date.parse(plan.expiresAt);

  switch (command.kind) {
    case 'approve':
    case 'reject': {
      if (!pendingAndCurrent()) return refuse({ code: 'wrongStatus', status: plan.status === 'pending' ? 'expired' : plan.status });
      if (!isApprover(policy, person, plan)) return refuse({ code: 'notApprover' });
      if (!policy.allowSelfApproval && isRequester(plan, person)) return refuse({ code: 'selfApproval' });
      if (command.revision !== plan.revision) return refuse({ code: 'staleRevision', current: plan.revision });
      const votes = currentVotes(plan);
      const earlier = votes.find((vote) => samePerson(vote.by, person));
      if (earlier) return refuse({ code: 'alreadyVoted', outcome: earlier.outcome });
      const outcome = command.kind === 'approve' ? 'approved' : 'rejected';
      const vote: Vote = { by: person, outcome, at: now.toISOString(), revision: plan.revision, ...(command.reason ? { reason: command.reason } : {}) };
      const approvals = votes.filter((v) => v.outcome === 'approved').length + (outcome === 'approved' ? 1 : 0);
      const required = requiredApprovals(plan);
      // Any rejection decides; approvals decide once enough distinct approvers agreed.
      const decisive = outcome === 'rejected' || approvals >= required;
      const detail = required > 1 ? { approvals, required } : undefined;
      const next = move(plan, decisive ? outcome : 'pending', outcome, actor, now, command.reason, detail);
      next.votes = [...votes, vote];
      if (decisive) next.decision = { outcome, by: person, at: now.toISOString(), ...(command.reason ? { reason: command.reason } : {}) };
      return { kind: 'changed', plan: next };
    }
    case 'cancel': {
      if (plan.status !== 'pending' && plan.status !== 'approved') return refuse({ code: 'wrongStatus', status: plan.status });
      if (!isRequester(plan, person)) return refuse({ code: 'notRequester' });
      return { kind: 'changed', plan: move(plan, 'cancelled', 'cancelled', actor, now, command.reason) };
    }
    case 'edit': {
      if (!pendingAndCurrent()) return refuse({ code: 'wrongStatus', status: plan.status === 'pending' ? 'expired' : plan.status });
      if (!isRequester(plan, person)) return refuse({ code: 'notRequester' });
      if (command.revision !== plan.revision) return refuse({ code: 'staleRevision', current: plan.revision });
      // Decisions were about the old revision: the new one is decided afresh.
      const edited: CutoverPlan = { ...plan, ...detailsOf(command.details), revision: plan.revision + 1, expiresAt: command.expiresAt, votes: [] };
      if (!command.details.notes) delete edited.notes;
      if (!command.details.cname) delete edited.cname;
      return { kind: 'changed', plan: move(edited, 'pending', 'edited', actor, now) };
    }
    case 'done': {
      if (plan.status !== 'approved') return refuse({ code: 'wrongStatus', status: plan.status });
      if (!isRequester(plan, person) && !isApprover(policy, person, plan)) return refuse({ code: 'notParticipant' });
      if (!command.confirmedEarly && now.getTime() < Date.parse(plan.plannedAt) - EARLY_DONE_MS) return refuse({ code: 'doneEarly', plannedAt: plan.plannedAt });
      return { kind: 'changed', plan: { ...move(plan, 'done', 'done', actor, now), takeoverAt: now.toISOString() } };
    }
    case 'oldCmgRemoved': {
      if (plan.status !== 'done') return refuse({ code: 'wrongStatus', status: plan.status });
      if (!isRequester(plan, person) && !isApprover(policy, person, plan)) return refuse({ code: 'notParticipant' });
      const until = waitingPeriodEnd(plan)!;
      const leftMs = until.getTime() - now.getTime();
      if (leftMs > 0) return refuse({ code: 'waitingPeriod', until: until.toISOString(), leftMs });
      return { kind: 'changed', plan: move(plan, 'closed', 'oldCmgRemoved', actor, now) };
    }
    case 'expire': {
      if (plan.status !== 'pending') return refuse({ code: 'wrongStatus', status: plan.status });
      if (now.getTime() < Date.parse(plan.expiresAt)) return refuse({ code: 'wrongStatus', status: plan.status });
      return { kind: 'changed', plan: move(plan, 'expired', 'expired', 'system', now) };
    }
    case 'escalate': {
      if (!pendingAndCurrent()) return refuse({ code: 'wrongStatus', status: plan.status === 'pending' ? 'expired' : plan.status });
      if (plan.escalation || command.approverIds.length === 0) return refuse({ code: 'alreadyEscalated' });
      const next = move(plan, 'pending', 'escalated', 'system', now, undefined, { waitedHours: command.waitedHours, added: command.names });
      next.escalation = { at: now.toISOString(), approverIds: [...command.approverIds] };
      return { kind: 'changed', plan: next };
    }
    case 'requestAgain': {
      if (plan.status !== 'expired') return refuse({ code: 'wrongStatus', status: plan.status });
      if (!isRequester(plan, person)) return refuse({ code: 'notRequester' });
      if (plan.nextPlanId) return refuse({ code: 'alreadyRequestedAgain', planId: plan.nextPlanId });
      const next = move(plan, 'expired', 'requestedAgain', actor, now, undefined, { linkedPlanId: command.newPlanId });
      next.nextPlanId = command.newPlanId;
      return { kind: 'changed', plan: next };
    }
  }
}

function move(plan: CutoverPlan, to: PlanStatus, action: AuditAction, by: Actor, now: Date, reason?: string, detail?: AuditDetail): CutoverPlan {
  const entry: AuditEntry = { at: now.toISOString(), by, action, from: plan.status, to, revision: plan.revision, ...(reason ? { reason } : {}), ...(detail ? { detail } : {}) };
  return { ...plan, status: to, ...boundedAudit(plan, entry) };
}

/** The audit with `entry` appended, keeping the first entry and the latest ones (the count of dropped ones is kept). */
function boundedAudit(plan: CutoverPlan, entry: AuditEntry): Pick<CutoverPlan, 'audit' | 'auditDropped'> {
  const audit = [...plan.audit, entry];
  if (audit.length <= MAX_AUDIT_ENTRIES) return { audit, ...(plan.auditDropped ? { auditDropped: plan.auditDropped } : {}) };
  const drop = audit.length - MAX_AUDIT_ENTRIES;
  return { audit: [audit[0], ...audit.slice(1 + drop)], auditDropped: (plan.auditDropped ?? 0) + drop };
}
