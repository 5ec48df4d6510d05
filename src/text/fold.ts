/** Anything but printable ASCII, tabs and line breaks (other control characters take the long way, with the same result). */
const NOT_ASCII = /[^ -~\t\n\r]/;

/**
 * Text as people's spellings agree on it: lower case, accents dropped ("Brazilië" → "brazilie"),
 * so a lookup does not depend on how someone typed a name.
 */
export function foldText(text: string): string {
  // Plain ASCII has no accents to drop, and NFD leaves it as it is: only the case changes.
  if (!NOT_ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

