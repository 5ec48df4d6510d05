import { apply, PlanCommand } from '../../../src/cutover/lifecycle';
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
