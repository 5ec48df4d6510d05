import { foldText } from './fold';

describe('foldText', () => {
  it.each([
    ['Brazilië - zuid', 'brazilie - zuid'],
    ['ÉÈÊ', 'eee'],
    ['VS-Oost', 'vs-oost'],
    ['', ''],
  ])('%s → %s', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });
});
