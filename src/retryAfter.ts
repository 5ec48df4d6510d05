/**
 * Seconds a server asked us to wait, from its response headers: the millisecond variants Azure
 * sends first (`retry-after-ms`, `x-ms-retry-after-ms`), then `Retry-After` as seconds or as an
 * HTTP date (RFC 9110 allows both). Undefined when it said nothing usable.
 */
export function retryAfterSeconds(get: (name: string) => string | undefined | null, now: number = Date.now()): number | undefined {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const raw = get(name);
    const ms = Number(raw);
    if (raw && Number.isFinite(ms) && ms >= 0) return Math.ceil(ms / 1000);
  }
  const raw = get('retry-after');
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}
