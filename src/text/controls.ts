/**
 * Characters that change how text is shown rather than what it says: C0 and C1 control codes
 * (terminal escape sequences, backspace, bell), DEL, and the bidirectional embedding, override and
 * isolate marks that can make "cod.exe" read as "exe.doc". Tabs and line feeds are kept; a
 * carriage return becomes a line feed, so it cannot overwrite a printed line; Unicode line and
 * paragraph separators become line feeds too.
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
/** Any character `stripControls` changes: the invisible ones, a carriage return, a line or paragraph separator. */
// eslint-disable-next-line no-control-regex
const CHANGED = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/;

/**
 * User text as it may be stored and printed: the characters above removed. The one helper for
 * this, applied where text enters (activity text, card data, display names) and where stored text
 * is printed.
 */
export function stripControls(text: string): string {
  // Most text holds none of them: one scan, and the text as it came.
  if (!CHANGED.test(text)) return text;
  return text.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(INVISIBLE, '');
}

/** Every string inside a JSON-like value run through `stripControls`; other values unchanged. */
export function stripControlsDeep<T>(value: T): T {
  if (typeof value === 'string') return stripControls(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => stripControlsDeep(item)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[stripControls(key)] = stripControlsDeep(item);
    return out as T;
  }
  return value;
}
