import { localParts, parseLocal } from './time';

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

  it('writes a stored time back on the zone\'s clock for the form', () => {
    expect(localParts('2026-07-10T20:00:00.000Z', 'Europe/Amsterdam')).toEqual({ date: '2026-07-10', time: '22:00' });
    expect(localParts('2026-01-10T21:00:00.000Z', 'UTC')).toEqual({ date: '2026-01-10', time: '21:00' });
  });
});
