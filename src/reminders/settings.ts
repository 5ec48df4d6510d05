import { Env, readBool, readInt } from '../env';

/** How the reminder scheduler paces itself; read from the environment once at start-up. */
export interface ReminderSettings {
  /** Off only for tooling that must not send (the bot then still stores reminders). */
  schedulerEnabled: boolean;
  /**
   * How often each instance asks the store for due reminders. Reminders are about days-long
   * waiting periods, so 15 seconds late is invisible while keeping the store quiet.
   */
  pollIntervalMs: number;
  /** Due reminders fetched per poll; the rest wait for the next poll. */
  batchSize: number;
  /**
   * How long a claim on a reminder (and on a conversation's sending turn) lasts before another
   * instance may take it over. Longer than one delivery including a Retry-After wait.
   */
  leaseMs: number;
  /** Conversations one instance delivers to at the same time; 16 × ~4 per second covers the 50 per second an app may send in a tenant. */
  concurrentConversations: number;
  /** Failed deliveries (other than throttling) before a reminder is marked failed. */
  maxAttempts: number;
  /** First retry delay; doubles per attempt, with jitter. */
  retryBaseMs: number;
  /** Upper bound of one retry delay. */
  retryMaxMs: number;
  /**
   * Days a finished reminder (sent, done, cancelled, not delivered) is kept before the scheduler
   * deletes it, so a conversation's reminders do not pile up forever. A month keeps "what were we
   * reminded of last time" answerable; 0 keeps them for good.
   */
  retentionDays: number;
  /**
   * Reminders waiting to arrive in one conversation. A person sets a handful; 50 leaves room for a
   * busy team channel while one member cannot fill the store or the scheduler's turn.
   */
  maxPending: number;
}

export function readReminderSettings(env: Env): ReminderSettings {
  return {
    schedulerEnabled: readBool(env, 'REMINDER_SCHEDULER_ENABLED', true),
    pollIntervalMs: readInt(env, 'REMINDER_POLL_INTERVAL_MS', 15_000, 10, 10 * 60_000),
    batchSize: readInt(env, 'REMINDER_BATCH_SIZE', 200, 1, 5_000),
    leaseMs: readInt(env, 'REMINDER_LEASE_MS', 120_000, 1_000, 60 * 60_000),
    concurrentConversations: readInt(env, 'REMINDER_CONCURRENT_CONVERSATIONS', 16, 1, 200),
    maxAttempts: readInt(env, 'REMINDER_MAX_ATTEMPTS', 8, 1, 50),
    retryBaseMs: readInt(env, 'REMINDER_RETRY_BASE_MS', 5_000, 1, 60 * 60_000),
    retryMaxMs: readInt(env, 'REMINDER_RETRY_MAX_MS', 30 * 60_000, 1, 24 * 60 * 60_000),
    retentionDays: readInt(env, 'REMINDER_RETENTION_DAYS', 30, 0, 3650),
    maxPending: readInt(env, 'REMINDER_MAX_PENDING', 50, 1, 1000),
  };
}
