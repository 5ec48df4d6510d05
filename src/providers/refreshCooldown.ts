/** More distinct people than this pressing Refresh within one cooldown is unusual; the oldest entries go first. */
const MAX_ENTRIES = 5000;

/**
 * Remembers when each person last made a Refresh ask Azure, per subscription, so pressing it
 * again and again costs one set of ARM reads per window. In memory: a restart forgets it,
 * which at worst allows one extra refresh.
 */
export class RefreshCooldown {
  private readonly last = new Map<string, number>();

  constructor(private readonly windowMs: number) {}

  /** Takes the refresh if the window has passed; otherwise says when it will have. */
  take(person: string, subscriptionId: string, now: Date): { ok: true } | { ok: false; since: number; allowedAt: Date } {
    if (this.windowMs <= 0) return { ok: true };
    const key = `${person}\n${subscriptionId}`;
    const at = now.getTime();
    const previous = this.last.get(key);
    if (previous !== undefined && at - previous < this.windowMs) return { ok: false, since: at - previous, allowedAt: new Date(previous + this.windowMs) };
    this.last.delete(key);
    this.last.set(key, at);
    if (this.last.size > MAX_ENTRIES) this.prune(at);
    return { ok: true };
  }

  private prune(at: number): void {
    for (const [key, when] of this.last) {
      if (this.last.size <= MAX_ENTRIES && at - when < this.windowMs) break;
      this.last.delete(key);
    }
  }
}
