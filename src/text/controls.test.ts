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

  it('cleans every string in card data, keys included, and leaves other values', () => {
    expect(stripControlsDeep({ note: 'a\u202Eb', nested: [{ 'k\u0000': 'c\u001bd' }], n: 3, ok: true, none: null })).toEqual({ note: 'ab', nested: [{ k: 'cd' }], n: 3, ok: true, none: null });
  });
});
