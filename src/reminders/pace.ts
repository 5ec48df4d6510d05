import { setTimeout as delay } from 'node:timers/promises';

/**
 * Real elapsed time for pacing sends. Rate limits are about wall-clock seconds at the channel,
 * and the send history is shared between instances through the store, so this is epoch time,
 * not the injected domain Clock (which tests freeze or jump by days).
 */
export interface Pace {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realPace: Pace = {
  now: () => Date.now(),
  // Only ever short waits (a rate-limit slot, a Retry-After); unref'd so it never holds the process open.
  sleep: (ms) => delay(Math.max(0, ms), undefined, { ref: false }),
};
