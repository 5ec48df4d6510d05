import { Env, readInt } from '../env';

/** The name pre-flight's own timings; how it reaches Azure is the shared ARM section (src/arm/settings.ts). */
export interface NamePreflightSettings {
  /** How long the turn waits for the four reads before it posts a "checking…" card the result replaces. */
  replyWithinMs: number;
  /**
   * Asking again for the same prefix, region and subscription within this window reuses the
   * answer. Short, because a name can be taken by anyone at any time; long enough that a person
   * pressing the button on two cards, or a channel asking together, costs one set of reads.
   */
  cacheSeconds: number;
}

export function readNamePreflightSettings(env: Env): NamePreflightSettings {
  return {
    replyWithinMs: readInt(env, 'NAME_PREFLIGHT_REPLY_WITHIN_MS', 2_000, 0, 10_000),
    cacheSeconds: readInt(env, 'NAME_PREFLIGHT_CACHE_SECONDS', 60, 0, 3600),
  };
}
