import { RegionCatalog } from '../../../src/naming';
import type { Lang } from '../../../src/i18n/language';
import { apply, ApproverPolicy, PlanCommand } from '../../../src/cutover/lifecycle';
import type { CutoverPlan, Person } from '../../../src/cutover/plan';
import { readPlanForm } from '../../../src/cutover/planForm';

export const NOW = new Date('2026-01-05T09:00:00Z');
export const REQUESTER: Person = { aadObjectId: '11111111-1111-1111-1111-111111111111', teamsId: '29:alex', name: 'Alex Admin' };
export const LEAD: Person = { aadObjectId: '22222222-2222-2222-2222-222222222222', teamsId: '29:lee', name: 'Lee Lead' };
export const OTHER: Person = { aadObjectId: '33333333-3333-3333-3333-333333333333', teamsId: '29:olly', name: 'Olly Other' };
export const POLICY: ApproverPolicy = { approverIds: [LEAD.aadObjectId!], allowSelfApproval: false };

/** A pending plan built by the real form reader, as a requester would create it. */
export function pendingPlan(lang: Lang = 'en', overrides: Partial<Record<string, string>> = {}): CutoverPlan {
  const form = readPlanForm(
    {
      cmgName: 'GraniteFalls.contoso.com',
      region: 'East US',
      certificatePath: 'ownDomain',
      plannedDate: '2026-01-10',
      plannedTime: '22:00',
      waitingDays: '2',
      notes: 'Lower the TTL of the CNAME the day before. *Not* markdown: [x](http://evil)',
      ...overrides,
    },
    { lang, zone: 'Europe/Amsterdam', now: NOW, regions: new RegionCatalog() },
  );
  if (!form.ok) throw new Error(form.problems.join('; '));
  return {
    ...form.details,
    id: 'CK7Q3M',
    conversationId: '19:chat@thread.v2',
    lang,
    requester: REQUESTER,
    status: 'pending',
    revision: 1,
    createdAt: NOW.toISOString(),
    expiresAt: new Date(NOW.getTime() + 72 * 3600_000).toISOString(),
    viewerTeamsIds: [LEAD.teamsId!, REQUESTER.teamsId!],
    audit: [{ at: NOW.toISOString(), by: REQUESTER, action: 'created', to: 'pending', revision: 1 }],
  };
}

/** Applies commands in order, failing loudly if one is refused. */
export function walk(plan: CutoverPlan, steps: [PlanCommand, Person | 'system', Date][]): CutoverPlan {
  return steps.reduce((current, [command, actor, at]) => {
    const next = apply(current, command, actor, at, POLICY);
    if (next.kind !== 'changed') throw new Error(`refused: ${JSON.stringify(next.refusal)}`);
    return next.plan;
  }, plan);
}

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;
export const later = (ms: number) => new Date(NOW.getTime() + ms);
