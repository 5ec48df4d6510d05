import { z } from 'zod';

/** Card verbs of the guidance flow; `guidance.start` is offered by the service-names card too. */
export const GUIDANCE_VERBS = {
  start: 'guidance.start',
  answer: 'guidance.answer',
} as const;

export const GUIDANCE_ACTIONS = {
  start: z.object({ commonName: z.string().optional(), region: z.string().optional() }),
  /**
   * A step's Next button: the step, the answers so far (re-checked by the flow, since the client
   * sends them back), and the step's inputs under their question ids.
   */
  answer: z.looseObject({ step: z.string().optional(), answers: z.unknown().optional() }),
};

export type GuidanceStart = z.infer<typeof GUIDANCE_ACTIONS.start>;
export type GuidanceAnswerData = z.infer<typeof GUIDANCE_ACTIONS.answer>;
