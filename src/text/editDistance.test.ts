import { editDistance } from './editDistance';

describe('editDistance', () => {
  it.each([
    ['eastus', 'eastus', 0],
    ['esatus', 'eastus', 1],
    ['eastus', 'westus', 2],
    ['', 'abc', 3],
    ['westeurope', 'northeurope', 4],
  ])('%s → %s is %d', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });
});

describe('editDistance with a limit', () => {
  it('stops at limit + 1 once the distance must exceed it', () => {
    expect(editDistance('defualt', 'default', 2)).toBe(1);
    expect(editDistance('koken', 'token', 0)).toBe(1);
    expect(editDistance('westeurope', 'northeurope', 1)).toBe(2);
    expect(editDistance('cmg', 'connectionpoint', 3)).toBe(4);
  });
});
