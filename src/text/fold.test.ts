import { foldText } from './fold';

describe('foldText', () => {
  it.each([
    ['Brazilië - zuid', 'brazilie - zuid'],
    ['ÉÈÊ', 'eee'],
    ['VS-Oost', 'vs-oost'],
    ['', ''],
    ['CMG\tConnection\nPoint 10140', 'cmg\tconnection\npoint 10140'],
    ['naïve Café', 'naive cafe'],
  ])('%s → %s', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });
});
