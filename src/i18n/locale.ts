import type { Lang } from './language';

/**
 * The one locale per language for everything the bot formats (dates, numbers, lists). British
 * English, because its dates read day-month-year and its clock is 24-hour, as Dutch readers
 * and most CMG admins outside the US expect.
 */
export const LOCALES: Record<Lang, string> = { en: 'en-GB', nl: 'nl-NL' };

const numberFormats = new Map<Lang, Intl.NumberFormat>();
const listFormats = new Map<string, Intl.ListFormat>();

/** 16,384 in English, 16.384 in Dutch. */
export function formatNumber(value: number, lang: Lang): string {
  let formatter = numberFormats.get(lang);
  if (!formatter) numberFormats.set(lang, (formatter = new Intl.NumberFormat(LOCALES[lang])));
  return formatter.format(value);
}

/** "A, B and C" / "A, B en C" (`or`: "A, B or C" / "A, B of C"). */
export function formatList(items: readonly string[], lang: Lang, type: 'and' | 'or' = 'and'): string {
  const key = `${lang}:${type}`;
  let formatter = listFormats.get(key);
  if (!formatter) listFormats.set(key, (formatter = new Intl.ListFormat(LOCALES[lang], { type: type === 'and' ? 'conjunction' : 'disjunction' })));
  return formatter.format(items);
}
