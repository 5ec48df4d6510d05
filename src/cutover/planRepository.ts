import type { Change, ChangeOptions, ChangeOutcome, Collection, Store, StoredItem, WriteOutcome } from '../storage/store';
import type { CutoverPlan } from './plan';

/**
 * Plans being created in one conversation scope right now (ids with who and when), so that
 * simultaneous creates count each other against the open-plan limits: every create reserves a
 * place with a conditional write on this one document before its plan is written.
 */
export interface OpenPlanReservations {
  entries: { planId: string; by: string; at: string }[];
}

/**
 * Cutover plans in storage: partitioned by the conversation scope they were requested in (the
 * channel for a channel thread; for `cutovers` and the open-plan quota) and indexed by expiry while they wait for a decision (for the expiry sweep).
 * Every change is a conditional write on the version the caller read.
 */
export class PlanRepository {
  private readonly plans: Collection<CutoverPlan>;
  /** One create-only marker per plan form, so a retried or double-clicked submit makes one plan. */
  private readonly formClaims: Collection<{ planId: string }>;
  private readonly reservations: Collection<OpenPlanReservations>;

  constructor(store: Store) {
    this.plans = store.collection<CutoverPlan>('cutoverPlans', {
      partitionOf: (plan) => plan.scopeId ?? plan.conversationId,
      dueOf: (plan) => (plan.status === 'pending' ? plan.expiresAt : undefined),
    });
    this.formClaims = store.collection<{ planId: string }>('cutoverForms');
    this.reservations = store.collection<OpenPlanReservations>('cutoverReservations');
  }

  /**
   * Reserves a place for a new plan in a scope, or says why not: `decide` sees the reservations
   * still in flight and answers the refusal (or undefined to reserve). Conditional, retried on
   * conflict, so two creates at once cannot both take the last place.
   */
  async reserve(scopeId: string, decide: (entries: OpenPlanReservations['entries']) => { refusal: string } | { entries: OpenPlanReservations['entries'] }): Promise<string | undefined> {
    await this.reservations.create(scopeId, { entries: [] });
    let refusal: string | undefined;
    const outcome = await this.reservations.change(
      scopeId,
      (current) => {
        const decided = decide(current.entries);
        refusal = 'refusal' in decided ? decided.refusal : undefined;
        return 'entries' in decided ? { entries: decided.entries } : undefined;
      },
      { attempts: 30 },
    );
    if (outcome.status === 'tooManyConflicts' || outcome.status === 'notFound') throw new Error(`cutover plan reservations of ${scopeId}: ${outcome.status}`);
    return refusal;
  }

  /** Gives a reserved place back (the form had been used already); best effort, it lapses anyway. */
  async release(scopeId: string, planId: string): Promise<void> {
    await this.reservations.change(scopeId, (current) => (current.entries.some((e) => e.planId === planId) ? { entries: current.entries.filter((e) => e.planId !== planId) } : undefined));
  }

  get(planId: string): Promise<StoredItem<CutoverPlan> | undefined> {
    return this.plans.get(planId);
  }

  create(plan: CutoverPlan): Promise<WriteOutcome<CutoverPlan>> {
    return this.plans.create(plan.id, plan);
  }

  replace(plan: CutoverPlan, expectedVersion: string): Promise<WriteOutcome<CutoverPlan>> {
    return this.plans.replace(plan.id, plan, expectedVersion);
  }

  /** Read, apply, conditional write, retry (see Collection.change). */
  change(planId: string, change: Change<CutoverPlan>, options?: ChangeOptions<CutoverPlan>): Promise<ChangeOutcome<CutoverPlan>> {
    return this.plans.change(planId, change, options);
  }

  /** Plans of one conversation scope (see CutoverPlan.scopeId). */
  inConversation(scopeId: string): Promise<StoredItem<CutoverPlan>[]> {
    return this.plans.listByPartition(scopeId);
  }

  /** Pending plans whose decision deadline is at or before `now`. */
  overdue(now: Date, limit: number): Promise<StoredItem<CutoverPlan>[]> {
    return this.plans.listDue(now.toISOString(), limit);
  }

  /** The plan a form already made, if it was submitted before. */
  async planOfForm(formId: string): Promise<string | undefined> {
    return (await this.formClaims.get(formId))?.value.planId;
  }

  /** Claims a form for a plan id; if the form was already used, returns the plan it made. */
  async claimForm(formId: string, planId: string): Promise<{ claimed: boolean; planId: string }> {
    const outcome = await this.formClaims.create(formId, { planId });
    if (outcome.status === 'ok') return { claimed: true, planId };
    return { claimed: false, planId: outcome.status === 'conflict' && outcome.current ? outcome.current.value.planId : planId };
  }

  /** After an id collision: the form a requester claimed now stands for another plan id. */
  async repointForm(formId: string, planId: string): Promise<void> {
    await this.formClaims.upsert(formId, { planId });
  }
}
