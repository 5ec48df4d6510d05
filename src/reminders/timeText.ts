import { DateTime, Duration } from 'luxon';
import type { Lang } from '../i18n/language';
import { usableZone } from './dueTime';

const LOCALES: Record<Lang, string> = { en: 'en-GB', nl: 'nl-NL' };

/**
 * A moment as the reader sees it: weekday, date and 24-hour time in their zone, with the zone's
 * name so nobody wonders whether "09:00" is server time. Example: "Tue 6 Jan 2026, 09:00 (Europe/Amsterdam)".
 */
export function localTime(iso: string, lang: Lang, timezone: string | undefined): string {
  const zone = usableZone(timezone);
  const time = DateTime.fromISO(iso, { zone }).setLocale(LOCALES[lang]);
  return `${time.toFormat('ccc d LLL yyyy, HH:mm')} (${zone})`;
}

/** A rough, readable length of time: "3 hours 12 minutes", "2 dagen 1 uur". Minutes at most. */
export function durationText(ms: number, lang: Lang): string {
  const total = Math.max(1, Math.round(ms / 60_000));
  const parts = Duration.fromObject({ minutes: total }).shiftTo('days', 'hours', 'minutes').toObject();
  const units = (Object.entries(parts) as [string, number][]).filter(([, value]) => value > 0).slice(0, 2);
  return Duration.fromObject(Object.fromEntries(units))
    .reconfigure({ locale: LOCALES[lang] })
    .toHuman({ listStyle: 'narrow', unitDisplay: 'long' })
    .replace(/,/g, '');
}
