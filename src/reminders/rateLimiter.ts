/** One sliding window: at most `limit` sends in any `ms` milliseconds. */
export interface RateWindow {
  limit: number;
  ms: number;
}

/**
 * Teams' documented per-bot, per-conversation limits for sending (values "subject to change"):
 * 7 per second, 8 per 2 seconds, 60 per 30 seconds, 1800 per hour.
 */
export const TEAMS_CONVERSATION_LIMITS: readonly RateWindow[] = [
  { limit: 7, ms: 1_000 },
  { limit: 8, ms: 2_000 },
  { limit: 60, ms: 30_000 },
  { limit: 1_800, ms: 3_600_000 },
];

/** Teams' limit for one app in one tenant, all conversations together. */
export const TEAMS_GLOBAL_LIMITS: readonly RateWindow[] = [{ limit: 50, ms: 1_000 }];

/**
 * Extra distance beyond each window. Sends are paced from when they were answered (`settle`),
 * which is after the channel counted them; this margin covers the clocks of instances that hand
 * a conversation's history to each other, and the channel's own rounding.
 */
const SAFETY_MS = 100;

/**
 * Sliding-window send history per key (a conversation id, or '*' for the whole bot). It answers
 * how long to wait before the next send, remembers Retry-After pauses, and can export and
 * import a key's history so another instance continues where this one stopped.
 */
export class SendRateLimiter {
  private readonly history = new Map<string, number[]>();
  private readonly pausedUntil = new Map<string, number>();
  private readonly longest: number;

  constructor(private readonly windows: readonly RateWindow[]) {
    this.longest = Math.max(...windows.map((w) => w.ms)) + SAFETY_MS;
  }

  /** Milliseconds to wait at `now` before a send to `key` stays within every window. */
  waitMs(key: string, now: number): number {
    let until = this.pausedUntil.get(key) ?? 0;
    const sends = this.history.get(key) ?? [];
    for (const window of this.windows) {
      if (sends.length >= window.limit) {
        // The send `limit` places back must have left the window before another may go.
        until = Math.max(until, sends[sends.length - window.limit] + window.ms + SAFETY_MS);
      }
    }
    return Math.max(0, until - now);
  }

  record(key: string, at: number): void {
    const sends = this.history.get(key) ?? [];
    sends.push(at);
    const horizon = at - this.longest;
    let drop = 0;
    while (drop < sends.length && sends[drop] < horizon) drop++;
    if (drop > 0) sends.splice(0, drop);
    this.history.set(key, sends);
  }

  /**
   * Moves a recorded send from when it left to when its answer came back. The channel counts a
   * send when it arrives, which is somewhere in between; a busy process can take longer between
   * taking a slot and the request reaching the wire than any fixed margin allows. Pacing from the
   * answer's time keeps the channel's count within the limits whatever that delay was.
   */
  settle(key: string, startedAt: number, endedAt: number): void {
    const sends = this.history.get(key);
    if (!sends || endedAt <= startedAt) return;
    const at = sends.lastIndexOf(startedAt);
    if (at < 0) return;
    sends.splice(at, 1);
    let i = sends.length;
    while (i > 0 && sends[i - 1] > endedAt) i--;
    sends.splice(i, 0, endedAt);
  }

  /** The channel said "not before": no send to `key` until then. */
  pause(key: string, until: number): void {
    this.pausedUntil.set(key, Math.max(until, this.pausedUntil.get(key) ?? 0));
  }

  /** The recent sends and pause of `key`, to hand over to whoever sends there next. */
  export(key: string, now: number): { sends: number[]; pausedUntil?: number } {
    const sends = (this.history.get(key) ?? []).filter((at) => at >= now - this.longest);
    const paused = this.pausedUntil.get(key);
    return { sends, pausedUntil: paused !== undefined && paused > now ? paused : undefined };
  }

  /** Merges a history another instance left behind; forgets the key when it is empty. */
  import(key: string, state: { sends?: number[]; pausedUntil?: number }): void {
    const merged = [...new Set([...(this.history.get(key) ?? []), ...(state.sends ?? [])])].sort((a, b) => a - b);
    if (merged.length > 0) this.history.set(key, merged);
    if (state.pausedUntil) this.pause(key, state.pausedUntil);
  }

  /** Drops keys with nothing recent, so memory follows the active conversations only. */
  forget(key: string): void {
    this.history.delete(key);
    this.pausedUntil.delete(key);
  }
}
