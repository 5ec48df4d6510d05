/**
 * A question that asks for a computed CMG name ("what will the service name be for Contoso in
 * West Europe"), handed to the service-names capability. The engine recognises it from the
 * question's slots (src/knowledge/slots.ts): a name, a region, and an ask for the name itself.
 */
export interface ServiceNameQuestion {
  kind: 'serviceName';
  /** The prefix or certificate CN the admin named, as typed. */
  cmgName: string;
  /** The region as typed (English or Dutch display name, or a programmatic name). */
  regionText: string;
}
