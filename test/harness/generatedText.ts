/**
 * Generated inputs for tests that compare a fast path with the passes it skips: a fixed xorshift
 * sequence, so a failing text comes back on every run.
 */

/** A xorshift32 sequence from `seed` (non-zero): each call gives the next unsigned 32-bit number. */
export function xorshift(seed: number): () => number {
  let state = seed;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
}

/**
 * `count` texts, each of fewer than `maxPieces` pieces drawn from `pieces`; with `rare`, one piece
 * in `rare.oneIn` comes from `rare.pieces` instead (characters the code under test must change).
 */
export function generatedTexts(seed: number, count: number, maxPieces: number, pieces: readonly string[], rare?: { pieces: readonly string[]; oneIn: number }): string[] {
  const next = xorshift(seed);
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    let text = '';
    for (let n = next() % maxPieces; n > 0; n--) {
      if (rare && next() % rare.oneIn === 0) text += rare.pieces[next() % rare.pieces.length];
      else text += pieces[next() % pieces.length];
    }
    texts.push(text);
  }
  return texts;
}
