import type { Lang } from '../i18n/language';

/**
 * A moment as the reader expects it: their own time zone when Teams told us one (else UTC),
 * with the zone named so nobody guesses. An unknown zone name falls back to UTC.
 */
export function formatCheckTime(iso: string, lang: Lang, timezone: string | undefined): string {
  const date = new Date(iso);
  const locale = lang === 'nl' ? 'nl-NL' : 'en-GB';
  for (const timeZone of [timezone, 'UTC']) {
    if (!timeZone) continue;
    try {
      return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(date);
    } catch {
      // RangeError: not an IANA zone name; fall back to UTC.
    }
  }
  return iso;
}
