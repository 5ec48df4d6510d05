import { parseDelay, parseDueTime } from './dueTime';

// Saturday 28 March 2026, 11:00 in Amsterdam (CET); the clocks go forward that night.
const NOW = new Date('2026-03-28T10:00:00Z');
const ZONE = 'Europe/Amsterdam';

describe('parseDueTime', () => {
  it.each([
    ['remind me in 2 days to remove the old CMG', '2026-03-30T09:00:00.000Z', 'remind me to remove the old CMG'],
    ['over 3 dagen de oude CMG te verwijderen', '2026-03-31T09:00:00.000Z', 'de oude CMG te verwijderen'],
    ['in 10 minutes', '2026-03-28T10:10:00.000Z', ''],
    ['over 10 minuten', '2026-03-28T10:10:00.000Z', ''],
    ['in 1 week and 2 days', '2026-04-06T09:00:00.000Z', ''],
    ['in an hour to check DNS', '2026-03-28T11:00:00.000Z', 'check DNS'],
    ['over 2 uur', '2026-03-28T12:00:00.000Z', ''],
    ['tomorrow 09:00 to check', '2026-03-29T07:00:00.000Z', 'check'],
    ['morgen om 9:30', '2026-03-29T07:30:00.000Z', ''],
    ['tomorrow', '2026-03-29T07:00:00.000Z', ''],
    ['today at 17:00', '2026-03-28T16:00:00.000Z', ''],
    ['at 08:00', '2026-03-29T06:00:00.000Z', ''],
    ['on 2026-04-02 at 08:00 remove it', '2026-04-02T06:00:00.000Z', 'remove it'],
    // Through chrono-node: weekdays, dates and vaguer phrases. A day without a time is 09:00 there;
    // a relative phrase keeps the wall-clock time (11:00 on Saturday, 11:00 CEST a week later).
    ['next Tuesday to check DNS', '2026-03-31T07:00:00.000Z', 'check DNS'],
    ['op dinsdag om 14:00 de DNS controleren', '2026-03-31T12:00:00.000Z', 'de DNS controleren'],
    ['volgende week de oude CMG verwijderen', '2026-04-04T09:00:00.000Z', 'de oude CMG verwijderen'],
    ['op 2 april de oude CMG verwijderen', '2026-04-02T07:00:00.000Z', 'de oude CMG verwijderen'],
    ['over een paar dagen', '2026-03-30T09:00:00.000Z', ''],
    ['in a few days', '2026-03-31T09:00:00.000Z', ''],
    ['morgenochtend', '2026-03-29T07:00:00.000Z', ''],
    // Weekdays (issue 12): either parser may read only the time of "friday at 14:00"; the longer reading wins.
    ['next friday to check DNS', '2026-04-03T07:00:00.000Z', 'check DNS'],
    ['volgende vrijdag de DNS controleren', '2026-04-03T07:00:00.000Z', 'de DNS controleren'],
    ['friday at 14:00', '2026-04-03T12:00:00.000Z', ''],
    ['next friday 14:00 renew the certificate', '2026-04-03T12:00:00.000Z', 'renew the certificate'],
    ['friday 9am', '2026-04-03T07:00:00.000Z', ''],
    ['on friday at 2pm', '2026-04-03T12:00:00.000Z', ''],
    ['vrijdag om 14:00', '2026-04-03T12:00:00.000Z', ''],
    ['op vrijdag', '2026-04-03T07:00:00.000Z', ''],
    ['aanstaande vrijdag de DNS controleren', '2026-04-03T07:00:00.000Z', 'de DNS controleren'],
    ['komende maandag 9:00', '2026-03-30T07:00:00.000Z', ''],
    ['friday next week', '2026-04-03T07:00:00.000Z', ''],
    ['maandagochtend', '2026-03-30T07:00:00.000Z', ''],
    ['friday afternoon', '2026-04-03T13:00:00.000Z', ''],
  ])('%s', (text, due, rest) => {
    expect(parseDueTime(text, NOW, ZONE)).toEqual({ ok: true, dueAt: new Date(due), rest });
  });

  it('keeps the wall-clock time across the daylight-saving change for days, not for hours', () => {
    const days = parseDueTime('in 1 day', NOW, ZONE);
    const hours = parseDueTime('in 24 hours', NOW, ZONE);
    expect(days.ok && days.dueAt.toISOString()).toBe('2026-03-29T09:00:00.000Z'); // 11:00 CEST
    expect(hours.ok && hours.dueAt.toISOString()).toBe('2026-03-29T10:00:00.000Z'); // 12:00 CEST
  });

  it.each([
    ['friday', '2026-04-10T07:00:00.000Z'],
    ['vrijdag', '2026-04-10T07:00:00.000Z'],
    ['next friday', '2026-04-10T07:00:00.000Z'],
    ['volgende vrijdag', '2026-04-10T07:00:00.000Z'],
    ['friday at 9:00', '2026-04-10T07:00:00.000Z'],
    ['vrijdag om 17:00', '2026-04-03T15:00:00.000Z'],
  ])('on a Friday at 10:00, %s means the Friday whose time is still ahead', (text, due) => {
    expect(parseDueTime(text, new Date('2026-04-03T08:00:00Z'), ZONE)).toMatchObject({ ok: true, dueAt: new Date(due) });
  });

  it.each([
    ['next friday', '2026-01-09T08:00:00.000Z'],
    ['volgende vrijdag', '2026-01-09T08:00:00.000Z'],
    ['next monday', '2026-01-12T08:00:00.000Z'],
    ['volgende maandag om 8:00', '2026-01-12T07:00:00.000Z'],
  ])('on a Monday at 08:00, %s is the coming one', (text, due) => {
    expect(parseDueTime(text, new Date('2026-01-05T07:00:00Z'), ZONE)).toMatchObject({ ok: true, dueAt: new Date(due) });
  });

  it('uses UTC when the time zone is unknown or invalid', () => {
    expect(parseDueTime('tomorrow 09:00', NOW, undefined)).toMatchObject({ ok: true, dueAt: new Date('2026-03-29T09:00:00Z') });
    expect(parseDueTime('tomorrow 09:00', NOW, 'Mars/Olympus')).toMatchObject({ ok: true, dueAt: new Date('2026-03-29T09:00:00Z') });
  });

  it.each([
    ['sometime', 'noTime'],
    ['check 2 certificates', 'noTime'],
    // 2 March has passed this year, and next year's is more than 90 days away.
    ['2 maart', 'tooFar'],
    ['in 0 minutes', 'tooSoon'],
    ['today at 09:00', 'tooSoon'],
    ['in 200 days', 'tooFar'],
    ['in 14 weeks', 'tooFar'],
    ['tomorrow 25:00', 'badTime'],
    ['on 2026-02-30', 'badTime'],
  ])('refuses %s (%s)', (text, problem) => {
    expect(parseDueTime(text, NOW, ZONE)).toEqual({ ok: false, problem });
  });
});

describe('parseDelay', () => {
  it.each([
    ['1 day', 24 * 60],
    ['for 2 hours', 120],
    ['3 dagen', 3 * 24 * 60],
    ['1 uur en 30 minuten', 90],
  ])('%s', (text, minutes) => {
    expect(parseDelay(text)?.as('minutes')).toBe(minutes);
  });

  it('refuses anything else', () => {
    expect(parseDelay('soon')).toBeUndefined();
    expect(parseDelay('2 days and then some')).toBeUndefined();
  });
});
