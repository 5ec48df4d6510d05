import { DateTime, IANAZone } from 'luxon';
import type { Lang } from '../i18n/language';

/**
 * Local-time reading and writing for plans. Admins type the planned time on their own clock
 * (Teams sends their IANA zone), the plan stores UTC, and cards show it back on that same clock
 * with the zone named, because the people approving may sit elsewhere.
 */
export const FALLBACK_ZONE = 'UTC';

/** The zone to use: the client's if it is a real IANA zone, else UTC. */
export function zoneOrUtc(zone: string | undefined): string {
  return zone && IANAZone.isValidZone(zone) ? zone : FALLBACK_ZONE;
}

/**
 * Reads `2026-12-01` + `22:00` as a wall-clock time in `zone`. A time that does not exist there
 * (the hour skipped when summer time starts) is refused rather than silently shifted, so the
 * plan never says a different time than the admin meant.
 */
export function parseLocal(date: string, time: string, zone: string): Date | undefined {
  const d = date.trim();
  const t = time.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || !/^\d{1,2}:\d{2}(:\d{2})?$/.test(t)) return undefined;
  const local = DateTime.fromISO(`${d}T${t.length === 4 ? '0' + t : t}`, { zone });
  if (!local.isValid) return undefined;
  // Luxon moves a skipped wall-clock time forward; reading it back shows whether that happened.
  if (local.toFormat('yyyy-MM-dd HH:mm') !== `${d} ${(t.length === 4 ? '0' + t : t).slice(0, 5)}`) return undefined;
  return local.toJSDate();
}

/** `{date, time}` for a form's Input.Date / Input.Time, on `zone`'s clock. */
export function localParts(at: Date | string, zone: string): { date: string; time: string } {
  const local = DateTime.fromJSDate(new Date(at)).setZone(zone);
  return { date: local.toFormat('yyyy-MM-dd'), time: local.toFormat('HH:mm') };
}

const LOCALES: Record<Lang, string> = { en: 'en-GB', nl: 'nl-NL' };

/** `1 Dec 2026, 22:00 (Europe/Amsterdam)`: unambiguous for readers in any zone. */
export function formatLocal(at: Date | string, zone: string, lang: Lang): string {
  const local = DateTime.fromJSDate(new Date(at)).setZone(zone).setLocale(LOCALES[lang]);
  return `${local.toFormat('d LLL yyyy, HH:mm')} (${zone})`;
}

const UNITS: Record<Lang, { day: [string, string]; hour: [string, string]; minute: [string, string] }> = {
  en: { day: ['day', 'days'], hour: ['hour', 'hours'], minute: ['minute', 'minutes'] },
  nl: { day: ['dag', 'dagen'], hour: ['uur', 'uur'], minute: ['minuut', 'minuten'] },
};

/** `1 day 3 hours`, rounded up to the minute so "0 minutes left" never appears while time is left. */
export function formatDuration(ms: number, lang: Lang): string {
  const totalMinutes = Math.max(1, Math.ceil(ms / 60000));
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  const unit = UNITS[lang];
  const part = (n: number, [one, many]: [string, string]) => `${n} ${n === 1 ? one : many}`;
  const parts: string[] = [];
  if (days) parts.push(part(days, unit.day));
  if (hours) parts.push(part(hours, unit.hour));
  // Minutes only matter when less than a day is left.
  if (minutes && !days) parts.push(part(minutes, unit.minute));
  return parts.join(' ');
}

export function formatDays(days: number, lang: Lang): string {
  const [one, many] = UNITS[lang].day;
  return `${days} ${days === 1 ? one : many}`;
}
