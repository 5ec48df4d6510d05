import { DateTime, IANAZone } from 'luxon';
import type { Lang } from './language';
import { LOCALES } from './locale';

/** Where no usable zone is known (Teams did not send one, or sent a name that is no IANA zone). */
export const FALLBACK_ZONE = 'UTC';

/** The zone to show and compute times in: the client's, if it is a real IANA zone, else UTC. */
export function usableZone(zone: string | undefined): string {
  return zone && IANAZone.isValidZone(zone) ? zone : FALLBACK_ZONE;
}

/**
 * A moment as its reader sees it: date and 24-hour time on their clock, with the zone named,
 * because people approving or reminded may sit elsewhere and nobody should wonder whether
 * "09:00" is server time. `10 Jan 2026, 22:00 (Europe/Amsterdam)`; with `weekday`,
 * `Sat 10 Jan 2026, 22:00 (Europe/Amsterdam)`. An unusable zone shows UTC.
 */
export function formatTime(at: Date | string, lang: Lang, zone: string | undefined, options: { weekday?: boolean } = {}): string {
  const shownZone = usableZone(zone);
  const local = DateTime.fromJSDate(new Date(at)).setZone(shownZone).setLocale(LOCALES[lang]);
  return `${local.toFormat(options.weekday ? 'ccc d LLL yyyy, HH:mm' : 'd LLL yyyy, HH:mm')} (${shownZone})`;
}

const UNITS: Record<Lang, { day: [string, string]; hour: [string, string]; minute: [string, string] }> = {
  en: { day: ['day', 'days'], hour: ['hour', 'hours'], minute: ['minute', 'minutes'] },
  nl: { day: ['dag', 'dagen'], hour: ['uur', 'uur'], minute: ['minuut', 'minuten'] },
};

const count = (n: number, [one, many]: [string, string]) => `${n} ${n === 1 ? one : many}`;

/**
 * A length of time in its two largest units: `1 day 2 hours`, `3 hours 1 minute`, `5 uur`.
 * `up` (time left) rounds up to the minute, so "0 minutes left" never shows while time is left;
 * `nearest` (how late something was) rounds to the nearest minute. Never less than a minute.
 */
export function formatDuration(ms: number, lang: Lang, rounding: 'up' | 'nearest' = 'up'): string {
  const totalMinutes = Math.max(1, rounding === 'up' ? Math.ceil(ms / 60_000) : Math.round(ms / 60_000));
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  const unit = UNITS[lang];
  const parts = days ? [days && count(days, unit.day), hours && count(hours, unit.hour)] : [hours && count(hours, unit.hour), minutes && count(minutes, unit.minute)];
  return parts.filter(Boolean).join(' ');
}

/** `1 day`, `3 dagen`. */
export function formatDays(days: number, lang: Lang): string {
  return count(days, UNITS[lang].day);
}
