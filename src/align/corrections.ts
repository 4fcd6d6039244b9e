/**
 * @module People's corrections to an alignment, replayed in revision order into fixed links for
 * the aligner. A later correction wins: links of earlier ones that share a unit with it, or cross
 * it, are dropped. Re-pairing, splitting and merging are all "these units form one link";
 * "unlink" leaves units without a counterpart.
 */
import type { AlignLink, AlignmentCorrection } from '../domain/alignment.js';
import { invalidParameter } from '../domain/errors.js';

/** Positions of a correction's eIds; throws naming the eId that is not in the expression. */
function positionsOf(eIds: readonly string[], all: readonly string[], side: 'a' | 'b'): number[] {
  const positions = eIds.map((eId) => {
    const position = all.indexOf(eId);
    if (position < 0) throw invalidParameter(side, `no segment '${eId}' in this language version`);
    return position;
  });
  positions.sort((x, y) => x - y);
  for (let i = 1; i < positions.length; i++) {
    if (positions[i] === positions[i - 1])
      throw invalidParameter(side, `segment '${all[positions[i]!]}' is named twice`);
    if (positions[i] !== positions[i - 1]! + 1)
      throw invalidParameter(
        side,
        `segments ${eIds.join(', ')} are not consecutive: a link joins neighbouring segments`,
      );
  }
  return positions;
}

/** Checks a correction against the two expressions' segments; returns it with positions. */
export function resolveCorrection(
  correction: AlignmentCorrection,
  eIdsA: readonly string[],
  eIdsB: readonly string[],
): { a: number[]; b: number[] } {
  const a = positionsOf(correction.a, eIdsA, 'a');
  const b = positionsOf(correction.b, eIdsB, 'b');
  if (correction.op === 'link' && (a.length === 0 || b.length === 0))
    throw invalidParameter(
      correction.a.length === 0 ? 'a' : 'b',
      'a link needs at least one segment on each side (use unlink to leave segments alone)',
    );
  if (correction.op === 'unlink' && a.length + b.length === 0)
    throw invalidParameter('a', 'name at least one segment to unlink');
  return { a, b };
}

function crosses(x: AlignLink, y: AlignLink): boolean {
  if (x.a.length === 0 || x.b.length === 0 || y.a.length === 0 || y.b.length === 0) return false;
  const before = x.a[x.a.length - 1]! < y.a[0]! && x.b[0]! > y.b[y.b.length - 1]!;
  const after = x.a[0]! > y.a[y.a.length - 1]! && x.b[x.b.length - 1]! < y.b[0]!;
  return before || after;
}

function shares(x: AlignLink, y: AlignLink): boolean {
  return x.a.some((i) => y.a.includes(i)) || x.b.some((j) => y.b.includes(j));
}

/**
 * The fixed links the corrections make, in order of side A (one-sided links of B after the
 * two-sided link before them). Corrections must have been checked with resolveCorrection.
 */
export function fixedLinksFrom(
  corrections: readonly AlignmentCorrection[],
  eIdsA: readonly string[],
  eIdsB: readonly string[],
): AlignLink[] {
  let fixed: AlignLink[] = [];
  for (const correction of corrections) {
    const { a, b } = resolveCorrection(correction, eIdsA, eIdsB);
    const made: AlignLink[] =
      correction.op === 'link'
        ? [{ a, b, score: 1 }]
        : [
            ...a.map((i) => ({ a: [i], b: [], score: 1 })),
            ...b.map((j) => ({ a: [], b: [j], score: 1 })),
          ];
    fixed = fixed.filter((link) => !made.some((m) => shares(link, m) || crosses(link, m)));
    fixed.push(...made);
  }
  return fixed;
}
