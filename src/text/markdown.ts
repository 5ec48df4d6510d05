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
  return capped.replace(/[\\`*_[\]()#>~|<]/g, (ch) => '\\' + ch).replace(/^(\s*)(\d+)\./gm, '$1$2\\.').replace(/^(\s*)([-+])\s/gm, '$1\\$2 ');
}

/** The first `length` UTF-16 units, one fewer if that would split an emoji's surrogate pair. */
function cut(text: string, length: number): string {
  const code = text.charCodeAt(length - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? length - 1 : length);
}
