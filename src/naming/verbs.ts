import { z } from 'zod';

/** Card verbs of the service-names form. */
export const NAMING_VERBS = {
  serviceNames: 'naming.serviceNames',
} as const;

/** What the service-names form sends back: the inputs as typed (the handler checks them). */
export const SERVICE_NAMES_FORM = z.object({
  cmgName: z.string().optional(),
  region: z.string().optional(),
  certificateType: z.string().optional(),
});

export type ServiceNamesFormData = z.infer<typeof SERVICE_NAMES_FORM>;

/** How the cutover capability tells the two migration paths apart. */
export type CertificatePath = 'ownDomain' | 'cloudappNet';

/** Data of the "plan the cutover" button: what the cutover capability needs to start a plan. */
export interface CutoverOffer {
  cmgName: string;
  /** Programmatic region name, e.g. `eastus`. */
  region: string;
  certificatePath: CertificatePath;
}
