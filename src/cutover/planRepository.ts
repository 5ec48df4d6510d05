import type { Change, ChangeOptions, ChangeOutcome, Collection, Store, StoredItem, WriteOutcome } from '../storage/store';
import type { CutoverPlan } from './plan';

/**
 * Cutover plans in storage: partitioned by the conversation scope they were requested in (the
 * channel for a channel thread; for `cutovers` and the open-plan quota) and indexed by expiry while they wait for a decision (for the expiry sweep).
 * Every change is a conditional write on the version the caller read.
 */
export class PlanRepository {
  private readonly plans: Collection<CutoverPlan>;
  /** One create-only marker per plan form, so a retried or double-clicked submit makes one plan. */
  private readonly formClaims: Collection<{ planId: string }>;

  constructor(store: Store) {
    this.plans = store.collection<CutoverPlan>('cutoverPlans', {
      partitionOf: (plan) => plan.scopeId ?? plan.conversationId,
      dueOf: (plan) => (plan.status === 'pending' ? plan.expiresAt : undefined),
    });
    this.formClaims = store.collection<{ planId: string }>('cutoverForms');
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
