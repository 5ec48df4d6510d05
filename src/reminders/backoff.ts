/**
 * Retry timing. Jitter spreads retries from many instances and conversations so they do not hit
 * the channel again in the same instant ("full jitter": a random point up to the ceiling).
 */

/** Delay before retry number `attempt` (1-based) after a failure: base·2^(attempt-1), capped, jittered. */
export function retryDelayMs(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  // Never less than half the ceiling, so a retry storm still backs off.
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Delay after a 429. The channel's Retry-After is a floor (waiting less earns another 429);
 * without one, back off exponentially from one second per consecutive throttle, up to a minute.
 */
export function throttleDelayMs(retryAfterSeconds: number | undefined, throttles: number, random: () => number = Math.random): number {
  const jitter = Math.round(random() * 250);
  if (retryAfterSeconds !== undefined && retryAfterSeconds >= 0) return Math.round(retryAfterSeconds * 1000) + jitter;
  return Math.min(60_000, 1000 * 2 ** Math.max(0, throttles - 1)) + jitter;
}
