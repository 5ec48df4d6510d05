/**
 * Action.Execute verbs on naming and guidance cards. The provider-check and cutover verbs belong
 * to those capabilities; they are named here once so every card offers them the same way.
 */
export const VERBS = {
  serviceNamesSubmit: 'naming.serviceNames',
  guidanceStart: 'guidance.start',
  guidanceAnswer: 'guidance.answer',
  providerCheckStart: 'providerCheck.start',
  cutoverNew: 'cutover.new',
} as const;

/** How the cutover capability tells the two migration paths apart. */
export type CertificatePath = 'ownDomain' | 'cloudappNet';

/** Data of the "plan the cutover" button: what the cutover capability needs to start a plan. */
export interface CutoverOffer {
  cmgName: string;
  /** Programmatic region name, e.g. `eastus`. */
  region: string;
  certificatePath: CertificatePath;
}
