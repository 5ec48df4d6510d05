export { CutoverService } from './cutoverService';
export type { CutoverDependencies } from './cutoverService';
export type { LatestProviderCheck, MemberDirectory, WaitingPeriodReminder, WaitingPeriodReminders } from './ports';
export { readCutoverSettings } from './settings';
export type { CutoverSettings } from './settings';
export { CUTOVER_ACTIONS, CUTOVER_UPDATE, CUTOVER_VERBS } from './verbs';
