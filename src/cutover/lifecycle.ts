import { Actor, AuditAction, CutoverPlan, Person, PlanDetails, PlanStatus, waitingPeriodEnd } from './plan';

/**
 * The plan's state machine as one pure function: given a plan, what someone asked for, who they
 * are and the time, either the next plan (with its audit entry appended) or why not. Nothing here
 * reads storage or the clock, so every rule is testable on its own and the service can retry a
 * conflicting write by simply applying the same command to the newer plan.
 *
 *   pending ─approve→ approved ─done→ done ─oldCmgRemoved→ closed
 *      │ └reject→ rejected   │
 *      ├cancel→ cancelled ←──┘
 *      └expire→ expired
 */
export interface ApproverPolicy {
  /** Entra object ids (lower-case) of the people who may decide. */
  approverIds: readonly string[];
  allowSelfApproval: boolean;
}

export type PlanCommand =
  | { kind: 'approve'; revision: number; reason?: string }
  | { kind: 'reject'; revision: number; reason?: string }
  | { kind: 'cancel'; reason?: string }
  | { kind: 'edit'; revision: number; details: PlanDetails; expiresAt: string }
  | { kind: 'done' }
  | { kind: 'oldCmgRemoved' }
  | { kind: 'expire' };

export type Refusal =
  | { code: 'notApprover' }
  | { code: 'selfApproval' }
  | { code: 'notRequester' }
  | { code: 'notParticipant' }
  /** The plan is not (or no longer) in a status where this makes sense: a double click, a late approver. */
  | { code: 'wrongStatus'; status: PlanStatus }
  /** The card showed an older revision of the plan than the one stored. */
  | { code: 'staleRevision'; current: number }
  | { code: 'waitingPeriod'; until: string; leftMs: number };

export type Transition = { kind: 'changed'; plan: CutoverPlan } | { kind: 'refused'; refusal: Refusal };

export function isRequester(plan: Pick<CutoverPlan, 'requester'>, person: Person): boolean {
  const requester = plan.requester;
  // Entra ids are the identity; the Teams id only counts where a client sends no Entra id (local tools).
  if (requester.aadObjectId && person.aadObjectId) return requester.aadObjectId === person.aadObjectId;
  return Boolean(requester.teamsId && requester.teamsId === person.teamsId);
}

export function isApprover(policy: ApproverPolicy, person: Person): boolean {
  return Boolean(person.aadObjectId && policy.approverIds.includes(person.aadObjectId));
}

/** May this person approve or reject this plan? */
export function mayDecide(plan: Pick<CutoverPlan, 'requester'>, policy: ApproverPolicy, person: Person): boolean {
  return isApprover(policy, person) && (policy.allowSelfApproval || !isRequester(plan, person));
}

export function apply(plan: CutoverPlan, command: PlanCommand, actor: Actor, now: Date, policy: ApproverPolicy): Transition {
  const person: Person = actor === 'system' ? {} : actor;
  const refuse = (refusal: Refusal): Transition => ({ kind: 'refused', refusal });
  const pendingAndCurrent = (): boolean => plan.status === 'pending' && now.getTime() < Date.parse(plan.expiresAt);

  switch (command.kind) {
    case 'approve':
    case 'reject': {
      if (!pendingAndCurrent()) return refuse({ code: 'wrongStatus', status: plan.status === 'pending' ? 'expired' : plan.status });
      if (!isApprover(policy, person)) return refuse({ code: 'notApprover' });
      if (!policy.allowSelfApproval && isRequester(plan, person)) return refuse({ code: 'selfApproval' });
      if (command.revision !== plan.revision) return refuse({ code: 'staleRevision', current: plan.revision });
      const outcome = command.kind === 'approve' ? 'approved' : 'rejected';
      const next = move(plan, outcome, outcome, actor, now, command.reason);
      next.decision = { outcome, by: person, at: now.toISOString(), ...(command.reason ? { reason: command.reason } : {}) };
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
      const edited: CutoverPlan = { ...plan, ...command.details, revision: plan.revision + 1, expiresAt: command.expiresAt };
      if (!command.details.notes) delete edited.notes;
      if (!command.details.cname) delete edited.cname;
      return { kind: 'changed', plan: move(edited, 'pending', 'edited', actor, now) };
    }
    case 'done': {
      if (plan.status !== 'approved') return refuse({ code: 'wrongStatus', status: plan.status });
      if (!isRequester(plan, person) && !isApprover(policy, person)) return refuse({ code: 'notParticipant' });
      return { kind: 'changed', plan: { ...move(plan, 'done', 'done', actor, now), takeoverAt: now.toISOString() } };
    }
    case 'oldCmgRemoved': {
      if (plan.status !== 'done') return refuse({ code: 'wrongStatus', status: plan.status });
      if (!isRequester(plan, person) && !isApprover(policy, person)) return refuse({ code: 'notParticipant' });
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
  }
}

function move(plan: CutoverPlan, to: PlanStatus, action: AuditAction, by: Actor, now: Date, reason?: string): CutoverPlan {
  return {
    ...plan,
    status: to,
    audit: [...plan.audit, { at: now.toISOString(), by, action, from: plan.status, to, revision: plan.revision, ...(reason ? { reason } : {}) }],
  };
}
