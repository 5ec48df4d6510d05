/** Azure regions and CMG service names: pure domain code, no bot framework. */
export type { Region } from './region';
export { regionLabel } from './region';
export type { RegionMatch } from './regionCatalog';
export { allRegions, defaultRegionCatalog, RegionCatalog, resolveRegion } from './regionCatalog';
export { AZURE_PUBLIC_REGIONS } from './azureRegions';
export type { NameProblem, NameProblemCode } from './nameProblems';
export type { CertificateDomain, ServiceNamesResult } from './serviceNames';
export { computeServiceNames, prefixProblems } from './serviceNames';
export { certificatePathOf, cnameRecordLine, cutoverOffer, serviceNamesCard } from './serviceNamesCard';
export type { ComputedNames } from './serviceNamesCard';
export type { CertificateType, ServiceNamesFormState } from './serviceNamesForm';
export { regionErrorText } from './serviceNamesForm';
export { Naming, serviceNamesReply } from './naming';
export type { ServiceNamesRequest } from './naming';
export { regionTitle } from './regionText';
export { VERBS as NAMING_VERBS } from './verbs';
export type { CertificatePath, CutoverOffer } from './verbs';
