/** Reused between calls: one region lookup compares against ~130 names, and allocating each time dominated. */
let buffer = new Int32Array(64 * 64);

/**
 * Edit distance where swapping two neighbouring letters counts as one edit (optimal string
 * alignment), because "esatus" for "eastus" is the typo people make most often. With `limit`,
 * returns `limit + 1` as soon as the distance must exceed it: spelling correction compares each
 * word against thousands of vocabulary words and only cares about one or two edits.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  const width = b.length + 1;
  const size = (a.length + 1) * width;
  if (buffer.length < size) buffer = new Int32Array(size);
  const d = buffer;
  for (let j = 0; j <= b.length; j++) d[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = i * width;
    const above = row - width;
    d[row] = i;
    let rowMinimum = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cb = b.charCodeAt(j - 1);
      let best = d[above + j - 1] + (ca === cb ? 0 : 1);
      if (d[above + j] + 1 < best) best = d[above + j] + 1;
      if (d[row + j - 1] + 1 < best) best = d[row + j - 1] + 1;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb && d[above - width + j - 2] + 1 < best) best = d[above - width + j - 2] + 1;
      d[row + j] = best;
      if (best < rowMinimum) rowMinimum = best;
    }
    if (rowMinimum > limit) return limit + 1;
  }
  return d[a.length * width + b.length];
}
