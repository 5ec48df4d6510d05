/**
 * Makes user-supplied text inert in a TextBlock that renders Markdown: no links, emphasis,
 * lists or mentions can be injected. Also caps the length so one long message cannot blow the
 * card budget. The project's one escaper: every capability uses it for text it did not write.
 */
export function plainText(text: string, maxLength = 500): string {
  const capped = text.length > maxLength ? text.slice(0, maxLength - 1) + '…' : text;
  return capped.replace(/[\\`*_[\]()#>~|<]/g, (ch) => '\\' + ch).replace(/^(\s*)(\d+)\./gm, '$1$2\\.').replace(/^(\s*)([-+])\s/gm, '$1\\$2 ');
}
