/** Live CMG checks from the outside: DNS/CNAME, a pasted certificate, and the endpoint's TLS handshake. */
export { Checks } from './checks';
export type { CheckEdges, CheckInputProblem, ChecksDeps } from './checks';
export { readChecksSettings } from './settings';
export type { ChecksSettings } from './settings';
export { CHECK_ACTIONS, CHECK_VERBS } from './verbs';
export { PRIVATE_KEY_MARKER } from './pastedPem';
export type { CnameCheck, CnameVerdict } from './cnameCheck';
export type { EndpointCheck } from './endpointCheck';
export type { CertificateCheck, CertificateFacts, Finding } from './certificateCheck';
export { expiryReminderDates } from './certificateCheck';
export type { ExpiringCertificate, ExpiryReminders } from './expiryRadar';
