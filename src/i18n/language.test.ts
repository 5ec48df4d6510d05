import { generatedTexts } from '../../test/harness/generatedText';
import { format, languageOf } from './language';

describe('languageOf', () => {
  it.each([
    ['nl-NL', 'nl'],
    ['nl-be', 'nl'],
    ['NL', 'nl'],
    [' nl_NL ', 'nl'],
    ['en-US', 'en'],
    ['nld', 'en'],
    ['', 'en'],
    [undefined, 'en'],
    [null, 'en'],
    ['nL-x', 'nl'],
    ['n', 'en'],
    ['nl ', 'nl'],
    ['-nl', 'en'],
    ['en-NL', 'en'],
    ['nl-', 'nl'],
    ['N\u0130', 'en'],
    ['\u212a', 'en'],
  ])('reads %p as %p', (locale, lang) => {
    expect(languageOf(locale)).toBe(lang);
  });

  it('reads every locale as the primary subtag says, for generated locales', () => {
    // The rule as a split: the part before the first "-" or "_", lower-cased, is "nl".
    const bySplit = (locale: string) => ((locale.trim().toLowerCase().split(/[-_]/)[0] === 'nl' ? 'nl' : 'en') as 'nl' | 'en');
    const pieces = ['n', 'l', 'N', 'L', 'nl', 'NL', '-', '_', ' ', 'e', 'be', 'x', '.', 'o', 'm', 'N', '\u00a0', '@', 'ñ'];
    let dutch = 0;
    for (const locale of generatedTexts(0x0bad5eed, 5000, 5, pieces)) {
      expect(languageOf(locale)).toBe(bySplit(locale));
      if (bySplit(locale) === 'nl') dutch++;
    }
    expect(dutch).toBeGreaterThan(50);
  });
});

describe('format', () => {
  it('fills placeholders, leaves unknown ones visible, and fills the same template again with other values', () => {
    expect(format('{count} of {total} in {region}', { count: 2, total: 4 })).toBe('2 of 4 in {region}');
    expect(format('{count} of {total} in {region}', { count: 1, total: 1, region: 'West Europe' })).toBe('1 of 1 in West Europe');
  });

  it('gives what one replace over the template gives, for generated templates', () => {
    // The rule written as a single replace, as format ran before it kept templates split.
    const replaced = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
    const pieces = ['{a}', '{b}', '{missing}', '{', '}', '{{a}}', '{a b}', '{}', 'x', ' ', '$&', '$1', 'é', '👍', '{constructor}'];
    const values = { a: 'A$1', b: 7 };
    for (const template of generatedTexts(0x1f123bb5, 3000, 8, pieces)) {
      expect(format(template, values)).toBe(replaced(template, values));
    }
  });
});
