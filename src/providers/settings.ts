import { ConfigError, Env, readInt } from '../env';

/** The provider check's own timings; how it reaches Azure is the shared ARM section (src/arm/settings.ts). */
export interface ProviderCheckSettings {
  /** How long the turn waits for a result before it answers with a "checking…" card. */
  replyWithinMs: number;
  /** Repeated asks inside this window reuse the last result, to stay inside ARM's read limits. */
  cacheSeconds: number;
  /** One person's Refresh of one subscription asks Azure at most once in this window. */
  refreshCooldownSeconds: number;
  /** Registration polling: first wait, longest wait (backoff in between), and when to give up. */
  pollFirstMs: number;
  pollMaxMs: number;
  pollCapMs: number;
  /**
   * How often each instance looks for registrations no poller follows (handed over by an
   * instance that stopped, or left by one that crashed) and takes them over.
   */
  registrationSweepSeconds: number;
}

/** Reads the provider-check section; every bad value names its variable. */
export function readProviderCheckSettings(env: Env): ProviderCheckSettings {
  const pollFirstMs = readInt(env, 'PROVIDER_REGISTER_POLL_MS', 10_000, 1, 600_000);
  const pollMaxMs = readInt(env, 'PROVIDER_REGISTER_POLL_MAX_MS', 60_000, 1, 600_000);
  if (pollMaxMs < pollFirstMs) throw new ConfigError('PROVIDER_REGISTER_POLL_MAX_MS', `at least PROVIDER_REGISTER_POLL_MS (${pollFirstMs})`, String(pollMaxMs));
  return {
    replyWithinMs: readInt(env, 'PROVIDER_CHECK_REPLY_WITHIN_MS', 2_000, 0, 10_000),
    cacheSeconds: readInt(env, 'PROVIDER_CHECK_CACHE_SECONDS', 60, 0, 3600),
    // Provider states change in minutes, not seconds: pressing Refresh again within half a
    // minute cannot show anything new, but thirty presses would cost thirty sets of reads.
    refreshCooldownSeconds: readInt(env, 'PROVIDER_REFRESH_COOLDOWN_SECONDS', 30, 0, 3600),
    pollFirstMs,
    pollMaxMs,
    pollCapMs: readInt(env, 'PROVIDER_REGISTER_POLL_CAP_MS', 10 * 60_000, 1, 60 * 60_000),
    // A sweep is one indexed read of the due locks; a minute keeps a handed-over card from
    // looking stuck for long without loading the store.
    registrationSweepSeconds: readInt(env, 'PROVIDER_REGISTRATION_SWEEP_SECONDS', 60, 1, 3600),
  };
}
