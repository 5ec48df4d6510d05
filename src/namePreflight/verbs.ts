import { z } from 'zod';

/** Card verbs of the name pre-flight; `namePreflight.start` is offered by the service-names card and the guidance checklist. */
export const NAME_PREFLIGHT_VERBS = {
  start: 'namePreflight.start',
  run: 'namePreflight.run',
} as const;

/**
 * What the buttons and the form send: text as typed or as another card computed it. Every value
 * is checked again like typed text (naming rules, region lookup, subscription id), so the schema
 * only bounds shape and length.
 */
export const NAME_PREFLIGHT_ACTIONS = {
  start: z.object({ name: z.string().max(260).optional(), region: z.string().max(100).optional() }),
  run: z.object({ name: z.string().max(260).optional(), region: z.string().max(100).optional(), subscriptionId: z.string().max(200).optional() }),
};

export type PreflightStart = z.infer<typeof NAME_PREFLIGHT_ACTIONS.start>;
export type PreflightRun = z.infer<typeof NAME_PREFLIGHT_ACTIONS.run>;
