import { DateTime } from 'luxon';

/**
 * Local-time reading for plan forms. Admins type the planned time on their own clock (Teams
 * sends their IANA zone), the plan stores UTC, and cards show it back on that same clock with
 * the zone named (i18n/time.ts), because the people approving may sit elsewhere.
 */

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

