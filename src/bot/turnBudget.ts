/** People the budget remembers at once; the oldest is forgotten first (a forgotten person starts afresh). */
const REMEMBERED = 10_000;

/**
 * Turns per person per minute on this instance: a fixed one-minute window per person, counted
 * in memory. Not shared between instances (each instance bounds its own work), and a person
 * over the limit costs one map look-up per activity until the minute is over.
 */
export class TurnBudget {
  private readonly windows = new Map<string, { start: number; count: number; told: boolean }>();

  constructor(private readonly perMinute: number) {}

  /** `ok`; `over` the first time in a window (tell the person once), `overAgain` after that. */
  take(who: string, now: number): 'ok' | 'over' | 'overAgain' {
    if (this.perMinute <= 0) return 'ok';
    let window = this.windows.get(who);
    if (!window || now - window.start >= 60_000) {
      window = { start: now, count: 0, told: false };
      this.windows.delete(who);
      this.windows.set(who, window);
      if (this.windows.size > REMEMBERED) this.windows.delete(this.windows.keys().next().value!);
    }
    window.count++;
    if (window.count <= this.perMinute) return 'ok';
    if (window.told) return 'overAgain';
    window.told = true;
    return 'over';
  }
}
