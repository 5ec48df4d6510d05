import type { Lang } from '../i18n/language';
import type { Region } from './region';

/** A region as a reader of `lang` recognises it: the Dutch portal name first, with the English one beside it. */
export function regionTitle(region: Region, lang: Lang): string {
  if (lang === 'nl' && region.dutchNames.length) return `${region.dutchNames[0]} (${region.displayName})`;
  return region.displayName;
}

/** A short list of regions for a sentence, capped so a vague input cannot flood the card. */
export function regionList(regions: readonly Region[], lang: Lang, max = 12): string {
  const names = regions.slice(0, max).map((region) => regionTitle(region, lang));
  return regions.length > max ? `${names.join(', ')}, …` : names.join(', ');
}
