import { z } from 'zod';

/** Card verbs of cutover cards; `cutover.new` is offered by the guidance and naming cards too. */
export const CUTOVER_VERBS = {
  new: 'cutover.new',
  create: 'cutover.create',
  edit: 'cutover.edit',
  update: 'cutover.update',
  refresh: 'cutover.refresh',
  approve: 'cutover.approve',
  reject: 'cutover.reject',
  cancel: 'cutover.cancel',
  done: 'cutover.done',
  oldRemoved: 'cutover.oldRemoved',
  requestAgain: 'cutover.requestAgain',
  /** "Old CMG removed": the pre-removal checklist, with the confirmation (`oldRemoved`) under it. */
  removalCheck: 'cutover.removalCheck',
} as const;

/** Teams sends input values as strings; numbers we put in card data come back as numbers. */
const text = z.union([z.string(), z.number().transform(String)]);
const planId = z.string().trim().min(1).max(20);
const revision = z.coerce.number().int().min(1);
const reason = z.string().optional();

/** What each cutover verb's card sends back; the handler gets it typed, anything else gets one uniform error. */
export const CUTOVER_ACTIONS = {
  offer: z.object({ cmgName: text.optional(), region: text.optional(), certificatePath: z.string().optional() }),
  /** The plan form: every field may be missing or wrong; the form explains what to fix. */
  form: z.object({
    formId: z.string().optional(),
    cmgName: text.optional(),
    region: text.optional(),
    certificatePath: z.string().optional(),
    plannedDate: text.optional(),
    plannedTime: text.optional(),
    waitingDays: text.optional(),
    notes: text.optional(),
  }),
  plan: z.object({ planId }),
  /** "Cutover done"; `early` once the person confirmed it was done well before the planned time. */
  done: z.object({ planId, early: z.union([z.boolean(), z.enum(['true', 'false'])]).optional() }),
  decision: z.object({ planId, revision, reason }),
  cancel: z.object({ planId, reason }),
};

export const CUTOVER_UPDATE = CUTOVER_ACTIONS.form.extend({ planId, revision });

export type PlanOffer = z.infer<typeof CUTOVER_ACTIONS.offer>;
export type PlanFormData = z.infer<typeof CUTOVER_ACTIONS.form>;
export type PlanEditData = z.infer<typeof CUTOVER_UPDATE>;
export type PlanRef = z.infer<typeof CUTOVER_ACTIONS.plan>;
export type PlanDone = z.infer<typeof CUTOVER_ACTIONS.done>;
export type PlanDecision = z.infer<typeof CUTOVER_ACTIONS.decision>;
export type PlanCancel = z.infer<typeof CUTOVER_ACTIONS.cancel>;
