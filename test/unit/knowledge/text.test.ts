import { fold } from '../../../src/knowledge/text';

describe('fold (knowledge text)', () => {
  // What fold did before plain ASCII took a shortcut: every text must still come out the same.
  const reference = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[\u2018\u2019`´]/g, "'").replace(/[\u201c\u201d]/g, '"');

  it.each([
    'Which RPs for a VMSS CMG?',
    'use `Microsoft.Compute` please',
    'the ‘classic’ “CMG” isn´t supported',
    'Brazilië Zuid, België',
    'ÅNGSTRÖM ½ ﬁle',
    'tabs\tand\nnewlines ~ { } | \\ ^ _',
    '',
  ])('%s', (text) => {
    expect(fold(text)).toBe(reference(text));
  });
});
