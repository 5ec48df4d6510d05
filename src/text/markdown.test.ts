import { plainText } from './markdown';

describe('plainText', () => {
  it.each([
    ['*bold* _it_', '\\*bold\\* \\_it\\_'],
    ['[link](https://example.com)', '\\[link\\]\\(https://example.com\\)'],
    ['<at>everyone</at>', '\\<at\\>everyone\\</at\\>'],
    ['1. first', '1\\. first'],
    ['- item', '\\- item'],
    ['# heading', '\\# heading'],
    ['plain words', 'plain words'],
  ])('makes %j inert', (text, inert) => {
    expect(plainText(text)).toBe(inert);
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
});
