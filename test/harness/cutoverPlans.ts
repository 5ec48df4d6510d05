/**
 * What an admin fills in on the cutover plan form for the seed's example (GraniteFalls with its
 * own-domain certificate, moving to East US), shared by the cutover tests and benchmark.
 */
export const SAMPLE_PLAN_INPUTS = {
  cmgName: 'GraniteFalls.contoso.com',
  region: 'eastus',
  certificatePath: 'ownDomain',
  plannedDate: '2026-01-10',
  plannedTime: '22:00',
  waitingDays: '2',
  notes: 'Lower the CNAME TTL the day before.',
};
