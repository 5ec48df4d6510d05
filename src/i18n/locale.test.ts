import { formatList, formatNumber } from './locale';

describe('formatNumber', () => {
  it.each([
    [16384, 'en', '16,384'],
    [16384, 'nl', '16.384'],
    [3, 'nl', '3'],
  ] as const)('%i in %s', (value, lang, expected) => {
    expect(formatNumber(value, lang)).toBe(expected);
  });
});

describe('formatList', () => {
  it.each([
    [[], 'en', 'and', ''],
    [['A'], 'en', 'and', 'A'],
    [['A', 'B'], 'nl', 'and', 'A en B'],
    [['A', 'B', 'C'], 'en', 'and', 'A, B and C'],
    [['A', 'B', 'C'], 'nl', 'and', 'A, B en C'],
    [['A', 'B'], 'en', 'or', 'A or B'],
    [['A', 'B'], 'nl', 'or', 'A of B'],
  ] as const)('%j in %s (%s)', (items, lang, type, expected) => {
    expect(formatList(items, lang, type)).toBe(expected);
  });
});
