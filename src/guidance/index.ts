/** Certificate and cutover guidance: decision flow and checklists, pure domain code. */
export type { CertificateDomainAnswer, Cloud, GuidanceAnswers, VersionBand, YesNo } from './answers';
export { parseAnswers } from './answers';
export { buildChecklist, RESOURCE_PROVIDERS } from './checklist';
export type { Checklist } from './checklist';
export { Guidance } from './guidance';
export type { GuidancePrefill } from './guidance';
export { nextStep } from './questions';
export type { CaseKey } from './strings';
export { GUIDANCE_ACTIONS, GUIDANCE_VERBS } from './verbs';
export type { GuidanceAnswerData, GuidanceStart } from './verbs';
