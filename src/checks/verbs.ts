import { z } from 'zod';

/** Action.Execute verbs on the check cards, owned by this capability. */
export const CHECK_VERBS = {
  /** Runs the CNAME check again, or from another card. */
  cname: 'checks.cname',
  /** Runs the endpoint check. */
  endpoint: 'checks.endpoint',
  /** The expiry radar: reminders 30 and 7 days before the checked certificate expires. */
  remindExpiry: 'checks.remindExpiry',
} as const;

/**
 * What the check buttons send. The values are re-checked like typed text (target safety,
 * region lookup), so the schema only bounds their shape and length.
 */
export const CHECK_ACTIONS = {
  cname: z.object({ serviceName: z.string().max(253), region: z.string().max(100).optional() }),
  endpoint: z.object({ serviceName: z.string().max(253) }),
  /**
   * The certificate as the check card showed it. It only decides what a reminder in the pressing
   * person's own conversation says and when it arrives, so its shape is all that is checked.
   */
  remindExpiry: z.object({
    name: z.string().min(1).max(253),
    fingerprint256: z.string().regex(/^(?:[0-9A-F]{2}:){31}[0-9A-F]{2}$/i),
    validTo: z.iso.datetime(),
  }),
} as const;
