import { generatedTexts } from '../../test/harness/generatedText';
import { stripControls, stripControlsDeep } from './controls';

describe('stripControls', () => {
  it.each([
    ['a terminal escape sequence', 'red \u001b[31mALERT\u001b[0m', 'red [31mALERT[0m'],
    ['a right-to-left override', 'invoice\u202Egpj.exe', 'invoicegpj.exe'],
    ['bidi isolates and marks', '\u2066a\u2069\u200Fb\u200E\u061C', 'ab'],
    ['backspace, bell and DEL', 'ok\u0008\u0007\u007f!', 'ok!'],
    ['C1 controls', 'x\u0085\u009by', 'xy'],
    ['a byte-order mark', '\ufeffhello', 'hello'],
    ['a carriage return that would overwrite a line', 'safe\rEVIL', 'safe\nEVIL'],
    ['Windows line ends', 'one\r\ntwo', 'one\ntwo'],
    ['Unicode line separators', 'one\u2028two\u2029three', 'one\ntwo\nthree'],
    ['tabs, new lines, accents and emoji', 'Brazilië\t👍🏽\n👩‍💻', 'Brazilië\t👍🏽\n👩‍💻'],
  ])('removes %s', (_case, text, expected) => {
    expect(stripControls(text)).toBe(expected);
  });

  it('gives what its two passes give, also when it skips them (text that holds nothing to remove)', () => {
    // The passes written out, as stripControls ran them before it learned to skip them.
    // eslint-disable-next-line no-control-regex
    const passes = (text: string) => text.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '');
    // Ordinary text and, one piece in ten, a character one of the passes changes (with its neighbours in the code table).
    const pieces = ['a', 'Z', ' ', '\n', '\t', '42', 'é', 'ß', '👍', '\u00a0', '\u00a1', '\u2027', '\u202f', '\u2065', '\u206a', '\u061b', '\u200d', '\ufefe'];
    const changed = ['\r', '\r\n', '\u0000', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f', '\u0085', '\u009f', '\u061c', '\u200e', '\u200f', '\u2028', '\u2029', '\u202a', '\u202e', '\u2066', '\u2069', '\ufeff'];
    let kept = 0;
    for (const text of generatedTexts(0x6d2b79f5, 5000, 10, pieces, { pieces: changed, oneIn: 10 })) {
      expect(stripControls(text)).toBe(passes(text));
      if (passes(text) === text) kept++;
    }
    // Both kinds were generated: texts the passes leave alone and texts they change.
    expect(kept).toBeGreaterThan(100);
    expect(kept).toBeLessThan(4900);
  });

  it('cleans every string in card data, keys included, and leaves other values', () => {
    expect(stripControlsDeep({ note: 'a\u202Eb', nested: [{ 'k\u0000': 'c\u001bd' }], n: 3, ok: true, none: null })).toEqual({ note: 'ab', nested: [{ k: 'cd' }], n: 3, ok: true, none: null });
  });
});
