import { z } from 'zod';

/** Action.Execute verbs on the check cards, owned by this capability. */
export const CHECK_VERBS = {
  /** Runs the CNAME check again, or from another card. */
  cname: 'checks.cname',
  /** Runs the endpoint check. */
  endpoint: 'checks.endpoint',
} as const;

/**
 * What the check buttons send. The values are re-checked like typed text (target safety,
 * region lookup), so the schema only bounds their shape and length.
 */
export const CHECK_ACTIONS = {
  cname: z.object({ serviceName: z.string().max(253), region: z.string().max(100).optional() }),
  endpoint: z.object({ serviceName: z.string().max(253) }),
} as const;
