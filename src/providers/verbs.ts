import { z } from 'zod';

/** Card verbs of provider-check cards; `providerCheck.start` is offered by the naming and guidance cards too. */
export const PROVIDER_CHECK_VERBS = {
  start: 'providerCheck.start',
  run: 'providerCheck.run',
  refresh: 'providerCheck.refresh',
  view: 'providerCheck.view',
  registerAsk: 'providerCheck.registerAsk',
  register: 'providerCheck.register',
} as const;

/** The card a button sits on; looked up on the server, never trusted beyond its id. */
const cardId = z.string().min(1).max(100);

export const PROVIDER_CHECK_ACTIONS = {
  start: z.object({}),
  /** The form: whatever was typed, checked by the handler so a bad id gets the form back with the reason. */
  run: z.object({ subscriptionId: z.string().optional() }),
  card: z.object({ cardId }),
  /** The confirmation names what it registers, comma-separated; an older card may not. */
  register: z.object({ cardId, namespaces: z.string().optional() }),
};

export type CheckRun = z.infer<typeof PROVIDER_CHECK_ACTIONS.run>;
export type CheckCardRef = z.infer<typeof PROVIDER_CHECK_ACTIONS.card>;
export type RegisterData = z.infer<typeof PROVIDER_CHECK_ACTIONS.register>;
