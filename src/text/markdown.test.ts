import { generatedTexts } from '../../test/harness/generatedText';
import { plainText } from './markdown';

describe('plainText', () => {
  it.each([
    ['*bold* _it_', '\\*bold\\* \\_it\\_'],
    ['[link](https://example.com)', '\\[link\\]\\(https\u2060://example.com\\)'],
    ['<at>everyone</at>', '\\<at\\>everyone\\</at\\>'],
    ['1. first', '1\\. first'],
    ['- item', '\\- item'],
    ['# heading', '\\# heading'],
    ['plain words', 'plain words'],
  ])('makes %j inert', (text, inert) => {
    expect(plainText(text)).toBe(inert);
  });

  it.each([
    ['see https://evil.example/login', 'see https\u2060://evil.example/login'],
    ['MAILTO:x@example.com', 'MAILTO\u2060:x@example.com'],
    ['ms-teams:/l/chat', 'ms-teams\u2060:/l/chat'],
  ])('keeps the bare link %j from becoming clickable, reading the same', (text, inert) => {
    expect(plainText(text)).toBe(inert);
    expect(plainText(text).replace(/\u2060/g, '')).toBe(text);
  });

  it('leaves host names and service names as they are', () => {
    expect(plainText('GraniteFalls.westeurope.cloudapp.azure.com')).toBe('GraniteFalls.westeurope.cloudapp.azure.com');
    expect(plainText('time 10:00, www.contoso.com')).toBe('time 10:00, www.contoso.com');
  });

  it('caps long text with an ellipsis', () => {
    expect(plainText('x'.repeat(20), 10)).toBe('x'.repeat(9) + '…');
  });

  it('never cuts an emoji in half', () => {
    expect(plainText('xxxxxxxx👍👍', 10)).toBe('xxxxxxxx…');
  });

  it('drops control and bidirectional-override characters', () => {
    expect(plainText('Alex\u202E\u001b[2J Admin')).toBe('Alex\\[2J Admin');
  });

  it('gives what its four escaping passes give, also when it skips them (text that needs none)', () => {
    // The passes written out, as plainText ran them before it learned to skip them.
    const passes = (text: string) =>
      text
        .replace(/[\\`*_[\]()#>~|<]/g, (ch) => '\\' + ch)
        .replace(/^(\s*)(\d+)\./gm, '$1$2\\.')
        .replace(/^(\s*)([-+])\s/gm, '$1\\$2 ')
        .replace(/\b(https?|ftp|file|mailto|tel|ms-[a-z-]+)(:)/gi, '$1\u2060$2');
    // Words, digits, spacing and scheme-like parts that each pass looks for in context, and (one piece in ten) a character the first pass always escapes.
    const pieces = ['a', 'Z', ' ', ' ', '\n', '\t', '1', '42', '.', '-', '+', ':', 'http', 'HTTPS', 'mailto', 'ms-teams', 'tel', 'xhttp', 'é', '👍'];
    const specials = ['*', '_', '[', ')', '#', '>', '~', '|', '<', '`', '\\'];
    let plain = 0;
    for (const text of generatedTexts(0x2545f491, 5000, 10, pieces, { pieces: specials, oneIn: 10 })) {
      expect(plainText(text)).toBe(passes(text));
      if (passes(text) === text) plain++;
    }
    // Both kinds were generated: texts the passes leave alone and texts they change.
    expect(plain).toBeGreaterThan(100);
    expect(plain).toBeLessThan(4900);
  });
});
