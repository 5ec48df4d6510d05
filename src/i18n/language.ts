/** The two languages the bot speaks. */
export type Lang = 'en' | 'nl';

export const LANGUAGES: readonly Lang[] = ['en', 'nl'];

/**
 * Chooses the reply language from a BCP-47 locale as Teams sends it (`nl-NL`, `nl-be`, `en-US`).
 * Teams may omit the locale (install events) or vary its case, so anything that is not Dutch,
 * including nothing, gets English.
 */
export function languageOf(locale: string | undefined | null): Lang {
  const primary = (locale ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return primary === 'nl' ? 'nl' : 'en';
}

/** Strings of one capability, in both languages, with the same keys in each. */
export type Localized<T> = Record<Lang, T>;

/** Replaces `{name}` placeholders with values; unknown placeholders stay visible. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
