import { ConfigError } from '../env';
import { readReminderSettings } from './settings';

describe('reminder settings', () => {
  it('has safe defaults', () => {
    expect(readReminderSettings({})).toEqual({
      schedulerEnabled: true,
      pollIntervalMs: 15_000,
      batchSize: 200,
      leaseMs: 120_000,
      concurrentConversations: 16,
      maxAttempts: 8,
      retryBaseMs: 5_000,
      retryMaxMs: 1_800_000,
      retentionDays: 30,
      maxPending: 50,
    });
  });

  it('names the variable and what it accepts when a value is bad', () => {
    expect(() => readReminderSettings({ REMINDER_POLL_INTERVAL_MS: '5' })).toThrow(ConfigError);
    expect(() => readReminderSettings({ REMINDER_POLL_INTERVAL_MS: '5' })).toThrow(/REMINDER_POLL_INTERVAL_MS: expected a whole number from 10 to 600000/);
    expect(() => readReminderSettings({ REMINDER_SCHEDULER_ENABLED: 'maybe' })).toThrow(/REMINDER_SCHEDULER_ENABLED: expected true or false/);
  });
});
