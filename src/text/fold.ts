/**
 * Text as people's spellings agree on it: lower case, accents dropped ("Brazilië" → "brazilie"),
 * so a lookup does not depend on how someone typed a name.
 */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
