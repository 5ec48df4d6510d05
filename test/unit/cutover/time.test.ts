import { formatDuration, formatLocal, parseLocal, zoneOrUtc } from '../../../src/cutover/time';

describe('cutover times', () => {
  it('reads a planned time on the admin\'s clock, across summer time', () => {
    expect(parseLocal('2026-01-10', '22:00', 'Europe/Amsterdam')?.toISOString()).toBe('2026-01-10T21:00:00.000Z');
    expect(parseLocal('2026-07-10', '22:00', 'Europe/Amsterdam')?.toISOString()).toBe('2026-07-10T20:00:00.000Z');
    expect(parseLocal('2026-07-10', '9:05', 'America/New_York')?.toISOString()).toBe('2026-07-10T13:05:00.000Z');
  });

  it('refuses a time that does not exist in the zone, and nonsense', () => {
    // Clocks jump from 02:00 to 03:00 in Amsterdam on 29 March 2026.
    expect(parseLocal('2026-03-29', '02:30', 'Europe/Amsterdam')).toBeUndefined();
    expect(parseLocal('2026-02-30', '10:00', 'UTC')).toBeUndefined();
    expect(parseLocal('tomorrow', '10:00', 'UTC')).toBeUndefined();
    expect(parseLocal('2026-01-10', '25:00', 'UTC')).toBeUndefined();
  });

  it('falls back to UTC for a missing or unknown zone', () => {
    expect(zoneOrUtc(undefined)).toBe('UTC');
    expect(zoneOrUtc('Mars/Olympus')).toBe('UTC');
    expect(zoneOrUtc('Europe/Amsterdam')).toBe('Europe/Amsterdam');
  });

  it('writes times with the zone named, in both languages', () => {
    expect(formatLocal('2026-01-10T21:00:00Z', 'Europe/Amsterdam', 'en')).toBe('10 Jan 2026, 22:00 (Europe/Amsterdam)');
    expect(formatLocal('2026-03-10T21:00:00Z', 'Europe/Amsterdam', 'nl')).toBe('10 mrt 2026, 22:00 (Europe/Amsterdam)');
  });

  it.each([
    [60_000, 'en', '1 minute'],
    [1, 'en', '1 minute'],
    [3 * 3600_000 + 60_000, 'en', '3 hours 1 minute'],
    [26 * 3600_000 + 60_000, 'en', '1 day 2 hours'],
    [2 * 86_400_000, 'nl', '2 dagen'],
    [5 * 3600_000, 'nl', '5 uur'],
  ] as const)('says %i ms as time left', (ms, lang, expected) => {
    expect(formatDuration(ms, lang)).toBe(expected);
  });
});
