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
});
