/** The two languages the bot speaks. */
export type Lang = 'en' | 'nl';

export const LANGUAGES: readonly Lang[] = ['en', 'nl'];

/**
 * Chooses the reply language from a BCP-47 locale as Teams sends it (`nl-NL`, `nl-be`, `en-US`).
 * Teams may omit the locale (install events) or vary its case, so anything that is not Dutch,
 * including nothing, gets English.
 */
export function languageOf(locale: string | undefined | null): Lang {
  // The primary subtag is what comes before the first `-` or `_`: Dutch when that is `nl`.
  const tag = (locale ?? '').trim();
  const separator = tag.charCodeAt(2);
  const primaryIsTwoLetters = tag.length === 2 || separator === 45 || separator === 95;
  return primaryIsTwoLetters && (tag.charCodeAt(0) | 32) === 110 && (tag.charCodeAt(1) | 32) === 108 ? 'nl' : 'en';
}

/** Strings of one capability, in both languages, with the same keys in each. */
export type Localized<T> = Record<Lang, T>;

/**
 * Each template split once at its `{name}` placeholders: text at even positions, names at odd
 * ones. Templates are the capabilities' own strings, a few hundred; the bound only guards a
 * caller that formats text it did not write.
 */
const splitTemplates = new Map<string, string[]>();
const MAX_SPLIT_TEMPLATES = 1_000;

/** Replaces `{name}` placeholders with values; unknown placeholders stay visible. */
export function format(template: string, values: Record<string, string | number>): string {
  let parts = splitTemplates.get(template);
  if (!parts) {
    parts = template.split(/\{(\w+)\}/);
    if (splitTemplates.size >= MAX_SPLIT_TEMPLATES) splitTemplates.clear();
    splitTemplates.set(template, parts);
  }
  let text = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const key = parts[i];
    text += (key in values ? String(values[key]) : `{${key}}`) + parts[i + 1];
  }
  return text;
}
