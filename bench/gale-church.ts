/**
 * The baseline: Gale & Church's length-based sentence aligner ("A program for aligning
 * sentences in bilingual corpora", Computational Linguistics 19(1), 1993), written from the
 * paper's description. Lengths in characters; c = 1 and s² = 6.8 (their estimates for English,
 * French and German); priors 1-1 0.89, 1-0 / 0-1 0.0099, 2-1 / 1-2 0.089, 2-2 0.011; the cost
 * of a link is −log(P(link type) · P(δ | match)) with P(δ | match) = 2(1 − Φ(|δ|)); a full
 * dynamic programme over every (i, j). No anchors, no structure, no band.
 */
import type { AlignLink } from '../src/domain/alignment.js';

const C = 1;
const S2 = 6.8;
/** (units of A, units of B, prior probability) per link type. */
const MOVES: readonly (readonly [number, number, number])[] = [
  [1, 1, 0.89],
  [1, 0, 0.0099],
  [0, 1, 0.0099],
  [2, 1, 0.089],
  [1, 2, 0.089],
  [2, 2, 0.011],
];
const MOVE_PENALTY = MOVES.map(([, , p]) => -Math.log(p));

/** Standard normal CDF, Abramowitz & Stegun 26.2.17 (the approximation the paper's program used). */
function normalCdf(z: number): number {
  const x = Math.abs(z);
  const t = 1 / (1 + 0.2316419 * x);
  const density = Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI);
  const tail =
    density *
    t *
    (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return z >= 0 ? 1 - tail : tail;
}

/**
 * −log P(δ | match) for lengths l1 and l2. δ = (l2 − c·l1) / √(s²·l), with l the mean of l1 and
 * l2/c, so that a 0-1 link (l1 = 0) has a defined cost too.
 */
function matchCost(l1: number, l2: number): number {
  const mean = (l1 + l2 / C) / 2;
  if (mean === 0) return 0;
  const delta = (l2 - C * l1) / Math.sqrt(S2 * mean);
  const p = 2 * (1 - normalCdf(Math.abs(delta)));
  return -Math.log(Math.max(p, 1e-300));
}

/** Aligns two lists of texts; returns monotonic links covering both, as the paper's program does. */
export function galeChurchAlign(a: readonly string[], b: readonly string[]): AlignLink[] {
  const n = a.length;
  const m = b.length;
  const lenA = a.map((t) => t.length);
  const lenB = b.map((t) => t.length);
  const width = m + 1;
  // Three rows of costs are enough (a move goes back at most two rows); back-pointers are kept whole.
  const rows = [0, 1, 2].map(() => new Float64Array(width));
  const back = new Uint8Array((n + 1) * width);
  for (let i = 0; i <= n; i++) {
    const row = rows[i % 3]!;
    for (let j = 0; j <= m; j++) {
      if (i === 0 && j === 0) {
        row[0] = 0;
        continue;
      }
      let best = Infinity;
      let bestMove = 0;
      for (let k = 0; k < MOVES.length; k++) {
        const [di, dj] = MOVES[k]!;
        if (i < di || j < dj) continue;
        const prev = rows[(i - di) % 3]![j - dj]!;
        let l1 = 0;
        for (let x = i - di; x < i; x++) l1 += lenA[x]!;
        let l2 = 0;
        for (let y = j - dj; y < j; y++) l2 += lenB[y]!;
        const cost = prev + MOVE_PENALTY[k]! + matchCost(l1, l2);
        if (cost < best) {
          best = cost;
          bestMove = k;
        }
      }
      row[j] = best;
      back[i * width + j] = bestMove;
    }
  }
  const links: AlignLink[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const [di, dj] = MOVES[back[i * width + j]!]!;
    links.push({
      a: Array.from({ length: di }, (_, k) => i - di + k),
      b: Array.from({ length: dj }, (_, k) => j - dj + k),
      score: 1,
    });
    i -= di;
    j -= dj;
  }
  return links.reverse();
}
