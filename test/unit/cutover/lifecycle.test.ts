import { apply, ApproverPolicy, PlanCommand } from '../../../src/cutover/lifecycle';
import type { CutoverPlan, Person } from '../../../src/cutover/plan';
import { DAY, HOUR, LEAD, later, NOW, OTHER, pendingPlan, POLICY, REQUESTER, walk } from './samplePlans';

const approved = () => walk(pendingPlan(), [[{ kind: 'approve', revision: 1 }, LEAD, later(HOUR)]]);
const done = () => walk(approved(), [[{ kind: 'done', confirmedEarly: true }, REQUESTER, later(2 * HOUR)]]);

function refusal(plan: CutoverPlan, command: PlanCommand, actor: Person | 'system', at = later(HOUR)) {
  const result = apply(plan, command, actor, at, POLICY);
  return result.kind === 'refused' ? result.refusal : undefined;
}

describe('cutover lifecycle', () => {
  it.each<[string, () => CutoverPlan, PlanCommand, Person, string]>([
    ['a non-approver approves', pendingPlan, { kind: 'approve', revision: 1 }, OTHER, 'notApprover'],
    ['the requester approves without an approver role', pendingPlan, { kind: 'approve', revision: 1 }, REQUESTER, 'notApprover'],
    ['an approver approves a stale revision', pendingPlan, { kind: 'approve', revision: 0 }, LEAD, 'staleRevision'],
    ['an approver approves twice', approved, { kind: 'approve', revision: 1 }, LEAD, 'wrongStatus'],
    ['an approver rejects an approved plan', approved, { kind: 'reject', revision: 1 }, LEAD, 'wrongStatus'],
    ['someone else cancels', pendingPlan, { kind: 'cancel' }, LEAD, 'notRequester'],
    ['someone else edits', pendingPlan, { kind: 'edit', revision: 1, details: pendingPlan(), expiresAt: NOW.toISOString() }, LEAD, 'notRequester'],
    ['the cutover is marked done before approval', pendingPlan, { kind: 'done' }, REQUESTER, 'wrongStatus'],
    ['a bystander marks the cutover done', approved, { kind: 'done' }, OTHER, 'notParticipant'],
    ['the old CMG is removed before the cutover', approved, { kind: 'oldCmgRemoved' }, LEAD, 'wrongStatus'],
    ['a done plan is cancelled', done, { kind: 'cancel' }, REQUESTER, 'wrongStatus'],
  ])('refuses when %s', (_case, plan, command, actor, code) => {
    expect(refusal(plan(), command, actor)?.code).toBe(code);
  });

  it('refuses self-approval unless the policy allows it', () => {
    const plan = pendingPlan();
    const selfPolicy = { approverIds: [REQUESTER.aadObjectId!], allowSelfApproval: false };
    expect(apply(plan, { kind: 'approve', revision: 1 }, REQUESTER, later(HOUR), selfPolicy)).toMatchObject({ kind: 'refused', refusal: { code: 'selfApproval' } });
    expect(apply(plan, { kind: 'approve', revision: 1 }, REQUESTER, later(HOUR), { ...selfPolicy, allowSelfApproval: true }).kind).toBe('changed');
  });

  it('never takes the Teams id as identity when an Entra id is present', () => {
    const impostor: Person = { aadObjectId: OTHER.aadObjectId, teamsId: REQUESTER.teamsId, name: REQUESTER.name };
    expect(refusal(pendingPlan(), { kind: 'cancel' }, impostor)?.code).toBe('notRequester');
  });

  it('treats a pending plan past its deadline as expired, and expires it only then', () => {
    const plan = pendingPlan();
    expect(refusal(plan, { kind: 'approve', revision: 1 }, LEAD, later(72 * HOUR))).toEqual({ code: 'wrongStatus', status: 'expired' });
    expect(apply(plan, { kind: 'expire' }, 'system', later(71 * HOUR), POLICY).kind).toBe('refused');
    const expired = walk(plan, [[{ kind: 'expire' }, 'system', later(72 * HOUR)]]);
    expect(expired.status).toBe('expired');
    expect(expired.audit.at(-1)).toMatchObject({ by: 'system', action: 'expired', from: 'pending', to: 'expired' });
  });

  it('refuses removing the old CMG before the waiting period is over, with the time left', () => {
    const plan = done();
    expect(refusal(plan, { kind: 'oldCmgRemoved' }, LEAD, later(2 * HOUR + 2 * DAY - HOUR))).toEqual({
      code: 'waitingPeriod',
      until: later(2 * HOUR + 2 * DAY).toISOString(),
      leftMs: HOUR,
    });
    expect(walk(plan, [[{ kind: 'oldCmgRemoved' }, LEAD, later(2 * HOUR + 2 * DAY)]]).status).toBe('closed');
  });

  it('records who, when, from, to and why for every transition', () => {
    const closed = walk(pendingPlan(), [
      [{ kind: 'edit', revision: 1, details: { ...pendingPlan(), waitingDays: 3 }, expiresAt: later(80 * HOUR).toISOString() }, REQUESTER, later(HOUR)],
      [{ kind: 'approve', revision: 2, reason: 'ok' }, LEAD, later(2 * HOUR)],
      [{ kind: 'done', confirmedEarly: true }, LEAD, later(3 * HOUR)],
      [{ kind: 'oldCmgRemoved' }, REQUESTER, later(3 * HOUR + 3 * DAY)],
    ]);
    expect(closed.audit.map((e) => [e.action, e.from, e.to, e.revision])).toEqual([
      ['created', undefined, 'pending', 1],
      ['edited', 'pending', 'pending', 2],
      ['approved', 'pending', 'approved', 2],
      ['done', 'approved', 'done', 2],
      ['oldCmgRemoved', 'done', 'closed', 2],
    ]);
    expect(closed.audit[2]).toMatchObject({ by: LEAD, at: later(2 * HOUR).toISOString(), reason: 'ok' });
    expect(closed.decision).toMatchObject({ outcome: 'approved', by: LEAD, reason: 'ok' });
    expect(closed.takeoverAt).toBe(later(3 * HOUR).toISOString());
  });
});

describe('cutover lifecycle: several approvers, escalation, request again, early done, bounded audit', () => {
  const TWO: ApproverPolicy = { ...POLICY, approverIds: [LEAD.aadObjectId!, OTHER.aadObjectId!] };
  const twoNeeded = (): CutoverPlan => ({ ...pendingPlan(), approvalsRequired: 2 });
  const step = (plan: CutoverPlan, command: PlanCommand, actor: Person | 'system', at: Date, policy: ApproverPolicy = TWO) => apply(plan, command, actor, at, policy);

  it('stays pending on the first of two approvals, refuses the same approver again, and approves on the second', () => {
    const first = step(twoNeeded(), { kind: 'approve', revision: 1 }, LEAD, later(HOUR));
    if (first.kind !== 'changed') throw new Error('refused');
    expect(first.plan.status).toBe('pending');
    expect(first.plan.decision).toBeUndefined();
    expect(first.plan.audit.at(-1)).toMatchObject({ action: 'approved', from: 'pending', to: 'pending', detail: { approvals: 1, required: 2 } });
    expect(step(first.plan, { kind: 'approve', revision: 1 }, LEAD, later(2 * HOUR))).toMatchObject({ kind: 'refused', refusal: { code: 'alreadyVoted', outcome: 'approved' } });
    const second = step(first.plan, { kind: 'approve', revision: 1 }, OTHER, later(2 * HOUR));
    expect(second).toMatchObject({ kind: 'changed', plan: { status: 'approved', decision: { outcome: 'approved', by: OTHER } } });
  });

  it('rejects on one rejection after an approval, and an edit clears the votes', () => {
    const first = step(twoNeeded(), { kind: 'approve', revision: 1 }, LEAD, later(HOUR));
    if (first.kind !== 'changed') throw new Error('refused');
    expect(step(first.plan, { kind: 'reject', revision: 1 }, OTHER, later(2 * HOUR))).toMatchObject({ kind: 'changed', plan: { status: 'rejected' } });
    const edited = step(first.plan, { kind: 'edit', revision: 1, details: pendingPlan(), expiresAt: later(80 * HOUR).toISOString() }, REQUESTER, later(2 * HOUR));
    expect(edited).toMatchObject({ kind: 'changed', plan: { revision: 2, votes: [] } });
  });

  it('adds backup approvers once, by the system, with when and why in the audit', () => {
    const backup = '44444444-4444-4444-4444-444444444444';
    const escalated = step(pendingPlan(), { kind: 'escalate', approverIds: [backup], waitedHours: 24, names: ['Bo Backup'] }, 'system', later(DAY), POLICY);
    if (escalated.kind !== 'changed') throw new Error('refused');
    expect(escalated.plan.escalation).toEqual({ at: later(DAY).toISOString(), approverIds: [backup] });
    expect(escalated.plan.audit.at(-1)).toMatchObject({ by: 'system', action: 'escalated', at: later(DAY).toISOString(), detail: { waitedHours: 24, added: ['Bo Backup'] } });
    expect(step(escalated.plan, { kind: 'escalate', approverIds: [backup], waitedHours: 25, names: [] }, 'system', later(DAY + HOUR), POLICY)).toMatchObject({ refusal: { code: 'alreadyEscalated' } });
    expect(step(escalated.plan, { kind: 'approve', revision: 1 }, { aadObjectId: backup, name: 'Bo' }, later(DAY + HOUR), POLICY).kind).toBe('changed');
  });

  it('requests an expired plan again once, by its requester only', () => {
    const expired = walk(pendingPlan(), [[{ kind: 'expire' }, 'system', later(80 * HOUR)]]);
    expect(refusal(expired, { kind: 'requestAgain', newPlanId: 'CNEW22' }, LEAD)?.code).toBe('notRequester');
    expect(refusal(pendingPlan(), { kind: 'requestAgain', newPlanId: 'CNEW22' }, REQUESTER)?.code).toBe('wrongStatus');
    const again = walk(expired, [[{ kind: 'requestAgain', newPlanId: 'CNEW22' }, REQUESTER, later(81 * HOUR)]]);
    expect(again).toMatchObject({ status: 'expired', nextPlanId: 'CNEW22' });
    expect(again.audit.at(-1)).toMatchObject({ action: 'requestedAgain', detail: { linkedPlanId: 'CNEW22' } });
    expect(refusal(again, { kind: 'requestAgain', newPlanId: 'COTHER' }, REQUESTER)).toEqual({ code: 'alreadyRequestedAgain', planId: 'CNEW22' });
  });

  it('asks to confirm a cutover marked done more than an hour before the planned time', () => {
    expect(refusal(approved(), { kind: 'done' }, REQUESTER)).toEqual({ code: 'doneEarly', plannedAt: approved().plannedAt });
    const nearly = new Date(Date.parse(approved().plannedAt) - 30 * 60_000);
    expect(apply(approved(), { kind: 'done' }, REQUESTER, nearly, POLICY).kind).toBe('changed');
  });

  it('keeps the first and the latest audit entries, counting the ones it dropped', () => {
    let plan = pendingPlan();
    for (let i = 0; i < 130; i++) plan = walk(plan, [[{ kind: 'edit', revision: plan.revision, details: pendingPlan(), expiresAt: later(80 * HOUR).toISOString() }, REQUESTER, later(i * 60_000)]]);
    expect(plan.audit).toHaveLength(100);
    expect(plan.audit[0].action).toBe('created');
    expect(plan.audit.at(-1)?.revision).toBe(131);
    expect(plan.auditDropped).toBe(31);
  });
});
