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
