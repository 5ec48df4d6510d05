import { stripControls } from './controls';

/**
 * Makes user-supplied text inert in a TextBlock that renders Markdown: no links, emphasis,
 * lists or mentions can be injected. Also caps the length so one long message cannot blow the
 * card budget, and drops control and bidirectional-override characters (stored text from before
 * they were stripped on the way in included). The project's one escaper: every capability uses it
 * for text it did not write.
 */
export function plainText(text: string, maxLength = 500): string {
  const clean = stripControls(text);
  const capped = clean.length > maxLength ? cut(clean, maxLength - 1) + '…' : clean;
  // Most text needs none of the four passes below: one scan for anything any of them would change.
  if (!NEEDS_ESCAPING.test(capped)) return capped;
  return capped
    .replace(/[\\`*_[\]()#>~|<]/g, (ch) => '\\' + ch)
    .replace(/^(\s*)(\d+)\./gm, '$1$2\\.')
    .replace(/^(\s*)([-+])\s/gm, '$1\\$2 ')
    .replace(BARE_SCHEME, '$1\u2060$2');
}

/**
 * Where a client might turn bare text into a link (`https://…`, `mailto:`): a word joiner (U+2060,
 * invisible, no line break) between the scheme and its colon, so a display name or a note reads
 * the same but never becomes clickable, and a copied "link" does not open. Host names (`www.…`,
 * DNS answers, service names) stay exactly as they are: admins copy them into their tools.
 */
const BARE_SCHEME = /\b(https?|ftp|file|mailto|tel|ms-[a-z-]+)(:)/gi;

/** Matches where any pass of `plainText` would change the text: the union of their patterns. */
const NEEDS_ESCAPING = /[\\`*_[\]()#>~|<]|^\s*\d+\.|^\s*[-+]\s|\b(?:https?|ftp|file|mailto|tel|ms-[a-z-]+):/im;

/** The first `length` UTF-16 units, one fewer if that would split an emoji's surrogate pair. */
function cut(text: string, length: number): string {
  const code = text.charCodeAt(length - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? length - 1 : length);
}
