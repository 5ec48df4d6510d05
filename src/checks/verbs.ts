/** Action.Execute verbs on the check cards, owned by this capability. */
export const CHECK_VERBS = {
  /** Runs the CNAME check again, or from another card: data `{ serviceName, region? }`. */
  cname: 'checks.cname',
  /** Runs the endpoint check: data `{ serviceName }`. */
  endpoint: 'checks.endpoint',
} as const;
