import { formatDays, formatDuration, formatTime, usableZone } from './time';

describe('usableZone', () => {
  it('falls back to UTC for a missing or unknown zone', () => {
    expect(usableZone(undefined)).toBe('UTC');
    expect(usableZone('Mars/Olympus')).toBe('UTC');
    expect(usableZone('Europe/Amsterdam')).toBe('Europe/Amsterdam');
  });
});

describe('formatTime', () => {
  it.each([
    ['2026-01-10T21:00:00Z', 'en', 'Europe/Amsterdam', {}, '10 Jan 2026, 22:00 (Europe/Amsterdam)'],
    ['2026-03-10T21:00:00Z', 'nl', 'Europe/Amsterdam', {}, '10 mrt 2026, 22:00 (Europe/Amsterdam)'],
    ['2026-01-06T08:00:00Z', 'en', 'Europe/Amsterdam', { weekday: true }, 'Tue 6 Jan 2026, 09:00 (Europe/Amsterdam)'],
    ['2026-01-06T08:00:00Z', 'nl', 'Europe/Amsterdam', { weekday: true }, 'di 6 jan 2026, 09:00 (Europe/Amsterdam)'],
    ['2026-01-06T08:00:00Z', 'en', 'Mars/Olympus', {}, '6 Jan 2026, 08:00 (UTC)'],
    ['2026-07-06T08:00:00Z', 'en', undefined, {}, '6 Jul 2026, 08:00 (UTC)'],
  ] as const)('%s in %s, %s', (at, lang, zone, options, expected) => {
    expect(formatTime(at, lang, zone, options)).toBe(expected);
  });
});

describe('formatDuration', () => {
  it.each([
    [60_000, 'en', 'up', '1 minute'],
    [1, 'en', 'up', '1 minute'],
    [3 * 3600_000 + 60_000, 'en', 'up', '3 hours 1 minute'],
    [26 * 3600_000 + 60_000, 'en', 'up', '1 day 2 hours'],
    [2 * 86_400_000, 'nl', 'up', '2 dagen'],
    [5 * 3600_000, 'nl', 'up', '5 uur'],
    // How late something was: to the nearest minute, still never "0 minutes".
    [3 * 3600_000 + 12 * 60_000 + 20_000, 'en', 'nearest', '3 hours 12 minutes'],
    [3 * 3600_000 + 20_000, 'nl', 'nearest', '3 uur'],
    [10_000, 'en', 'nearest', '1 minute'],
  ] as const)('%i ms (%s, %s)', (ms, lang, rounding, expected) => {
    expect(formatDuration(ms, lang, rounding)).toBe(expected);
  });

  it('counts days', () => {
    expect(formatDays(1, 'en')).toBe('1 day');
    expect(formatDays(3, 'nl')).toBe('3 dagen');
  });
});
