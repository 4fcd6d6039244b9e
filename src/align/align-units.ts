/**
 * @module `alignUnits`: aligns two language versions of a text, unit by unit (paragraphs or
 * sentences), as a monotonic sequence of 1-1, 1-0, 0-1, 1-2, 2-1 and 2-2 links. A dynamic
 * programme in the manner of Gale & Church (1993) whose cost adds, per link: a prior for its
 * type, how well the lengths fit (length-model), whether numbers, symbols and States agree
 * (anchors), and whether the units end with the same punctuation and carry the same printed
 * numbers, kinds and eIds (structure).
 * It runs in a band around the diagonal, widened and run again when the best path touches the
 * band's edge. Links a person fixed are kept as they are; the programme fills in the rest.
 */
import {
  LINK_TYPES,
  type AlignLang,
  type AlignLink,
  type AlignUnit,
  type LinkType,
} from '../domain/alignment.js';
import { normalizeDigits } from '../search/analysis/normalize.js';
import { extractAnchors, sortedCommonCount, type MentionFinder } from './anchors.js';
import { equivalentLengthCost, pairLengthModel, unitLength } from './length-model.js';

export interface AlignOptions {
  readonly langA: AlignLang;
  readonly langB: AlignLang;
  /** Finds the States a text names (see `stateMentions`); names then count as anchors. */
  readonly mentions?: MentionFinder;
  /** Links a person made: kept unchanged (score 1); only the stretches between them are aligned. */
  readonly fixed?: readonly AlignLink[];
}

/**
 * −log of each link type's prior, relative to 1-1. Gale & Church's sentence-level estimates
 * (1-1 0.89, 1-2 and 2-1 0.089, 2-2 0.011, 1-0 and 0-1 0.0099) would give 2.3 for a merge and
 * 4.5 for a unit left alone; between paragraphs of UN documents, merges are rarer than between
 * sentences and a paragraph missing from one version is about as common (a dropped title,
 * heading or vote line), so the two are set 1 apart: one anchor that only one side has is then
 * enough to tell a dropped unit from one merged into its neighbour.
 */
export const LINK_PRIORS: Readonly<Record<LinkType, number>> = {
  '1-1': 0,
  '1-0': 4,
  '0-1': 4,
  '1-2': 3,
  '2-1': 3,
  '2-2': 4.6,
};

/**
 * Anchors are evidence that adds up: each anchor the two sides share takes this much off a
 * link's cost, each one found on one side only adds this much. Additive (not a ratio such as
 * Dice) so that a 2-2 link of two well-matched pairs scores as the two 1-1 links would, and a
 * stray number weighs the same in a 100-name vote list as in a short paragraph. For a link of
 * two units on a side, what the sides share is taken as the sum over its unit pairs (each pair
 * compared once per run, kept in the band), capped by the smaller side's count.
 */
const ANCHOR_MATCH = 2;
const ANCHOR_MISS = 2;
/**
 * The length cost is divided by 1 + (shared anchors / this): where many anchors agree they say
 * more than the length does, and an anchor-dense text (a vote list: mostly names of States)
 * does not have the length ratio of prose — Chinese names are long in characters.
 */
const LENGTH_DAMPING = 16;
/** Same final punctuation (a preambular comma, an operative semicolon, none after a title) gains this, different loses it. */
const PUNCT_WEIGHT = 1;
/** Printed paragraph numbers: agreeing gains this much, disagreeing loses it. */
const NUM_WEIGHT = 2.5;
/** A heading paired with a heading gains this; with body text, or merged into it, loses twice this. */
const KIND_WEIGHT = 1;
/** Same eId on both sides (units segmented by the same rules) gains this. */
const EID_WEIGHT = 1.5;
/** Cost at which a link's score is ½; scores fall off logistically around it. */
const SCORE_MIDPOINT = 3;
/** Half-width of the band before any widening. */
const MIN_BAND = 16;
/** The band never grows past this many cells (13 bytes each): beyond it the path stays in the band. */
const MAX_CELLS = 8_000_000;

const MOVE_A = LINK_TYPES.map((t) => Number(t[0]));
const MOVE_B = LINK_TYPES.map((t) => Number(t[2]));
const MOVE_PRIOR = LINK_TYPES.map((t) => LINK_PRIORS[t]);
/** Back-pointers beyond the six link types: a fixed block of A (or B) left alone. */
const ALONE_A = LINK_TYPES.length;
const ALONE_B = LINK_TYPES.length + 1;
const EMPTY = new Int32Array(0);

const HEADING_KINDS: ReadonlySet<string> = new Set(['title', 'heading', 'subheading', 'subtitle']);

/** Sub-paragraph letters in the order each script numbers them (Russian skips ё й ъ ы ь; Arabic counts abjad). */
const LETTER_ORDERS = [
  'abcdefghijklmnopqrstuvwxyz',
  'абвгдежзиклмнопрстуфхцчшщэюя',
  'أبجدهوزحطيكلمنسعفصقرشتثخذضظغ',
];

/**
 * A printed number as a key comparable across languages: digits as ASCII (`1.`, `1．`, `١.` →
 * `1`), a single letter by its rank in its script (`(b)`, `б)`, `(ب)` → `l2`), anything else
 * (Roman numerals) lower-cased.
 */
export function numKey(num: string | null | undefined): string | null {
  if (num === null || num === undefined) return null;
  const text = normalizeDigits(num.normalize('NFKC'))
    .toLowerCase()
    .replace(/^[\s([]+|[\s.)\]:]+$/gu, '');
  if (text === '') return null;
  if (/^\d+$/.test(text)) return String(Number(text));
  if ([...text].length === 1) {
    const normalized = text.replace(/[إآ]/u, 'ا').replace('ا', 'أ');
    for (const order of LETTER_ORDERS) {
      const rank = order.indexOf(normalized);
      if (rank >= 0) return `l${rank + 1}`;
    }
  }
  return text;
}

/** What the programme needs of one side, computed once per call. */
interface Side {
  readonly count: number;
  /** Length in English-equivalent characters. */
  readonly len: Float64Array;
  /** Interned anchors, sorted. */
  readonly anchors: Int32Array[];
  readonly anchorCount: Int32Array;
  /** One bit per anchor id modulo 32: two units whose masks do not meet share no anchor. */
  readonly anchorMask: Int32Array;
  /** Final punctuation class of each unit (see {@link finalPunctuation}). */
  readonly final: Uint8Array;
  readonly num: (string | null)[];
  readonly hasNums: boolean;
  /** 1 heading or title, 0 other kind, −1 kind unknown. */
  readonly heading: Int8Array;
  readonly hasKinds: boolean;
  readonly eId: (string | undefined)[];
  readonly hasEIds: boolean;
  /** 1 for a unit in a one-sided fixed link. */
  readonly alone: Uint8Array;
  /** At the index just past a one-sided fixed link: where it starts; else −1. */
  readonly aloneStart: Int32Array;
}

function prepareSide(
  units: readonly AlignUnit[],
  lang: AlignLang,
  scale: number,
  mentions: MentionFinder | undefined,
  intern: Map<string, number>,
): Side {
  const count = units.length;
  const len = new Float64Array(count);
  const anchors: Int32Array[] = [];
  const anchorCount = new Int32Array(count);
  const anchorMask = new Int32Array(count);
  const final = new Uint8Array(count);
  const num: (string | null)[] = [];
  const heading = new Int8Array(count);
  const eId: (string | undefined)[] = [];
  const options = mentions ? { mentions } : {};
  units.forEach((unit, i) => {
    len[i] = unitLength(unit.text) * scale;
    const tokens = extractAnchors(unit.text, lang, options);
    if (tokens.length === 0) anchors.push(EMPTY);
    else {
      const ids = new Int32Array(tokens.length);
      tokens.forEach((token, k) => {
        let id = intern.get(token);
        if (id === undefined) {
          id = intern.size;
          intern.set(token, id);
        }
        ids[k] = id;
      });
      anchors.push(ids.sort());
      anchorCount[i] = ids.length;
      let mask = 0;
      for (const id of ids) mask |= 1 << (id & 31);
      anchorMask[i] = mask;
    }
    final[i] = finalPunctuation(unit.text);
    num.push(numKey(unit.num));
    heading[i] = unit.kind === undefined ? -1 : HEADING_KINDS.has(unit.kind) ? 1 : 0;
    eId.push(unit.eId);
  });
  return {
    count,
    len,
    anchors,
    anchorCount,
    anchorMask,
    final,
    num,
    hasNums: num.some((n) => n !== null),
    heading,
    hasKinds: heading.some((h) => h >= 0),
    eId,
    hasEIds: eId.some((e) => e !== undefined),
    alone: new Uint8Array(count),
    aloneStart: new Int32Array(count + 1).fill(-1),
  };
}

/** Punctuation classes: none, full stop, comma, semicolon, colon, question, exclamation. */
const PUNCT_CLASS: Readonly<Record<string, number>> = {
  '.': 1,
  '。': 1,
  '．': 1,
  '۔': 1,
  ',': 2,
  '，': 2,
  '،': 2,
  '、': 2,
  ';': 3,
  '；': 3,
  '؛': 3,
  ':': 4,
  '：': 4,
  '?': 5,
  '？': 5,
  '؟': 5,
  '!': 6,
  '！': 6,
};
const CLOSERS = new Set([...' \t\n\r\u00a0\u3000)]）」』”’"\'»›】》']);

/**
 * The class of a text's last punctuation mark, looking through closing brackets and quotes:
 * translations keep it (a preambular paragraph ends with a comma in every language, an
 * operative one with a semicolon, a title with none), so it tells a title from the paragraph
 * next to it when nothing else does.
 */
export function finalPunctuation(text: string): number {
  let i = text.length - 1;
  while (i >= 0 && CLOSERS.has(text.charAt(i))) i--;
  return i < 0 ? 0 : (PUNCT_CLASS[text.charAt(i)] ?? 0);
}

/** The cost model of one call: both sides and the pair's length variance. */
class LinkCosts {
  constructor(
    readonly a: Side,
    readonly b: Side,
    readonly variance: number,
  ) {}

  /** Anchors shared by unit `p` of A and unit `q` of B. */
  common(p: number, q: number): number {
    const a = this.a;
    const b = this.b;
    if (a.anchorCount[p] === 0 || b.anchorCount[q] === 0) return 0;
    if ((a.anchorMask[p]! & b.anchorMask[q]!) === 0) return 0;
    return sortedCommonCount(a.anchors[p]!, b.anchors[q]!);
  }

  /**
   * Cost of a link of `na` units of A from `sa` and `nb` of B from `sb`, both non-zero, given
   * `shared`: the sum of the anchors shared by each unit pair it joins (for 2-unit sides an
   * upper bound of what the unions share, capped below by the sides' sizes).
   */
  pairCost(move: number, sa: number, na: number, sb: number, nb: number, shared: number): number {
    const a = this.a;
    const b = this.b;
    let cost = MOVE_PRIOR[move]!;
    const la = na === 1 ? a.len[sa]! : a.len[sa]! + a.len[sa + 1]!;
    const lb = nb === 1 ? b.len[sb]! : b.len[sb]! + b.len[sb + 1]!;
    const countA = na === 1 ? a.anchorCount[sa]! : a.anchorCount[sa]! + a.anchorCount[sa + 1]!;
    const countB = nb === 1 ? b.anchorCount[sb]! : b.anchorCount[sb]! + b.anchorCount[sb + 1]!;
    const matched = Math.min(shared, countA, countB);
    cost +=
      (equivalentLengthCost(la, lb, this.variance) * LENGTH_DAMPING) / (LENGTH_DAMPING + matched);
    if (countA + countB > 0)
      cost += ANCHOR_MISS * (countA + countB - 2 * matched) - ANCHOR_MATCH * matched;
    cost += this.sameEnding(sa, na, sb, nb) ? -PUNCT_WEIGHT : PUNCT_WEIGHT;
    if (a.hasNums && b.hasNums) cost += this.numCost(sa, na, sb, nb);
    if (a.hasKinds && b.hasKinds) cost += this.kindCost(sa, na, sb, nb);
    if (a.hasEIds && b.hasEIds) {
      const ea = a.eId[sa];
      if (ea !== undefined && ea === b.eId[sb])
        cost -= na === 1 && nb === 1 ? EID_WEIGHT : EID_WEIGHT / 2;
    }
    return cost;
  }

  /**
   * Whether the link ends as its counterpart does: the last units' final punctuation, or for a
   * 2-2 link both units' as a pair in either order (two swapped paragraphs keep theirs).
   */
  private sameEnding(sa: number, na: number, sb: number, nb: number): boolean {
    const fa = this.a.final;
    const fb = this.b.final;
    if (na === 2 && nb === 2) {
      const x1 = fa[sa]!;
      const x2 = fa[sa + 1]!;
      const y1 = fb[sb]!;
      const y2 = fb[sb + 1]!;
      return (x1 === y1 && x2 === y2) || (x1 === y2 && x2 === y1);
    }
    return fa[sa + na - 1] === fb[sb + nb - 1];
  }

  /** Printed numbers of the units on both sides: Dice of the two sets, −W when equal, +W when disjoint. */
  private numCost(sa: number, na: number, sb: number, nb: number): number {
    const a1 = this.a.num[sa]!;
    const a2 = na === 2 ? this.a.num[sa + 1]! : null;
    const b1 = this.b.num[sb]!;
    const b2 = nb === 2 ? this.b.num[sb + 1]! : null;
    const countA = (a1 === null ? 0 : 1) + (a2 === null ? 0 : 1);
    const countB = (b1 === null ? 0 : 1) + (b2 === null ? 0 : 1);
    if (countA === 0 || countB === 0) {
      // A numbered paragraph merged into another on one side only: numbering starts a unit.
      return (countA > 0 && a1 === null) || (countB > 0 && b1 === null) ? NUM_WEIGHT / 2 : 0;
    }
    let common = 0;
    if (a1 !== null && (a1 === b1 || a1 === b2)) common++;
    if (a2 !== null && (a2 === b1 || a2 === b2)) common++;
    return NUM_WEIGHT * (1 - (4 * common) / (countA + countB));
  }

  /** Headings pair with headings; a heading merged with body text, or paired with it, is unlikely. */
  private kindCost(sa: number, na: number, sb: number, nb: number): number {
    const ha = this.headingOf(this.a, sa, na);
    const hb = this.headingOf(this.b, sb, nb);
    if (ha === -1 || hb === -1) return 0;
    if (ha === 2 || hb === 2) return 2 * KIND_WEIGHT;
    if (ha !== hb) return 2 * KIND_WEIGHT;
    return ha === 1 ? -KIND_WEIGHT : 0;
  }

  /** 1 all headings, 0 all body, 2 mixed, −1 unknown. */
  private headingOf(side: Side, start: number, count: number): number {
    const h1 = side.heading[start]!;
    if (count === 1) return h1;
    const h2 = side.heading[start + 1]!;
    if (h1 === -1 || h2 === -1) return h1 === -1 ? h2 : h1;
    return h1 === h2 ? h1 : 2;
  }
}

function scoreOf(cost: number): number {
  return 1 / (1 + Math.exp(cost - SCORE_MIDPOINT));
}

function range(start: number, count: number): number[] {
  return Array.from({ length: count }, (_, k) => start + k);
}

interface BandResult {
  readonly links: AlignLink[];
  readonly touchedEdge: boolean;
}

/** One run of the programme over A[a0, a0+n) × B[b0, b0+m) in a band of half-width `w`. */
function bandedPath(
  costs: LinkCosts,
  a0: number,
  n: number,
  b0: number,
  m: number,
  w: number,
): BandResult {
  const { a, b } = costs;
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1);
  const offset = new Int32Array(n + 2);
  for (let i = 0; i <= n; i++) {
    const centre = n === 0 ? 0 : Math.round((i * m) / n);
    lo[i] = Math.max(0, centre - w);
    hi[i] = Math.min(m, centre + w);
    offset[i + 1] = offset[i]! + hi[i]! - lo[i]! + 1;
  }
  const cells = offset[n + 1]!;
  const total = new Float64Array(cells).fill(Infinity);
  const back = new Uint8Array(cells);
  // Anchors shared by unit pair (p, q), kept at cell (p + 1, q + 1): every pair is compared once.
  const shared = new Int32Array(cells).fill(-1);
  const at = (i: number, j: number): number =>
    j < lo[i]! || j > hi[i]! ? -1 : offset[i]! + j - lo[i]!;
  const common = (p: number, q: number): number => {
    const cell = at(p + 1, q + 1);
    if (cell < 0) return costs.common(a0 + p, b0 + q);
    let value = shared[cell]!;
    if (value < 0) {
      value = costs.common(a0 + p, b0 + q);
      shared[cell] = value;
    }
    return value;
  };

  for (let i = 0; i <= n; i++) {
    const rowLo = lo[i]!;
    const rowHi = hi[i]!;
    for (let j = rowLo; j <= rowHi; j++) {
      const here = offset[i]! + j - rowLo;
      if (i === 0 && j === 0) {
        total[here] = 0;
        continue;
      }
      let best = Infinity;
      let move = 255;
      for (let t = 0; t < MOVE_A.length; t++) {
        const di = MOVE_A[t]!;
        const dj = MOVE_B[t]!;
        const pi = i - di;
        const pj = j - dj;
        if (pi < 0 || pj < 0 || pj < lo[pi]! || pj > hi[pi]!) continue;
        const prev = total[offset[pi]! + pj - lo[pi]!]!;
        if (prev === Infinity) continue;
        const sa = a0 + pi;
        const sb = b0 + pj;
        if (di > 0 && (a.alone[sa] === 1 || (di === 2 && a.alone[sa + 1] === 1))) continue;
        if (dj > 0 && (b.alone[sb] === 1 || (dj === 2 && b.alone[sb + 1] === 1))) continue;
        let c: number;
        if (di === 0 || dj === 0) c = prev + MOVE_PRIOR[t]!;
        else {
          let together = common(pi, pj);
          if (dj === 2) together += common(pi, pj + 1);
          if (di === 2) together += common(pi + 1, pj);
          if (di === 2 && dj === 2) together += common(pi + 1, pj + 1);
          c = prev + costs.pairCost(t, sa, di, sb, dj, together);
        }
        if (c < best) {
          best = c;
          move = t;
        }
      }
      const startA = a.aloneStart[a0 + i]!;
      if (startA >= a0 && i > 0) {
        const p = at(startA - a0, j);
        if (p >= 0 && total[p]! < best) {
          best = total[p]!;
          move = ALONE_A;
        }
      }
      const startB = b.aloneStart[b0 + j]!;
      if (startB >= b0 && j > 0) {
        const p = at(i, startB - b0);
        if (p >= 0 && total[p]! < best) {
          best = total[p]!;
          move = ALONE_B;
        }
      }
      total[here] = best;
      back[here] = move;
    }
  }

  const links: AlignLink[] = [];
  let touchedEdge = false;
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    if ((j === lo[i] && lo[i]! > 0) || (j === hi[i] && hi[i]! < m)) touchedEdge = true;
    const here = at(i, j);
    const move = back[here]!;
    let pi: number;
    let pj: number;
    if (move === ALONE_A) {
      pi = a.aloneStart[a0 + i]! - a0;
      pj = j;
    } else if (move === ALONE_B) {
      pi = i;
      pj = b.aloneStart[b0 + j]! - b0;
    } else if (move < MOVE_A.length) {
      pi = i - MOVE_A[move]!;
      pj = j - MOVE_B[move]!;
    } else {
      // Unreachable corner of a too-narrow band: the caller widens it.
      return { links: [], touchedEdge: true };
    }
    const cost = total[here]! - total[at(pi, pj)]!;
    links.push({
      a: range(a0 + pi, i - pi),
      b: range(b0 + pj, j - pj),
      score: move >= ALONE_A ? 1 : scoreOf(cost),
    });
    i = pi;
    j = pj;
  }
  links.reverse();
  return { links, touchedEdge };
}

/** Aligns A[a0, a1) with B[b0, b1), widening the band until the path keeps off its edges. */
function alignStretch(
  costs: LinkCosts,
  a0: number,
  a1: number,
  b0: number,
  b1: number,
  out: AlignLink[],
): void {
  const n = a1 - a0;
  const m = b1 - b0;
  if (n === 0 && m === 0) return;
  const full = Math.max(n, m);
  const limit = Math.max(2, Math.floor((MAX_CELLS / (n + 1) - 1) / 2));
  // The diagonal is scaled to the two counts; units dropped or merged in bulk pull the path
  // off it by up to |n − m| (more often by a fraction of it: the band is widened and the
  // programme run again when the path reaches the edge), and rows must overlap when one side
  // has many more units.
  let w = MIN_BAND + Math.ceil(Math.abs(n - m) / 4) + Math.ceil(m / Math.max(n, 1));
  if (n === 0 || m === 0) w = full;
  for (;;) {
    w = Math.min(w, full, limit);
    const result = bandedPath(costs, a0, n, b0, m, w);
    const last = w >= full || w >= limit;
    if (result.links.length > 0 && (!result.touchedEdge || last)) {
      out.push(...result.links);
      return;
    }
    if (last) throw new Error(`alignUnits: no path through ${n} × ${m} units`);
    w *= 2;
  }
}

function describe(link: AlignLink, index: number): string {
  return `fixed link #${index} (a [${link.a.join(', ')}] ↔ b [${link.b.join(', ')}])`;
}

function isRun(indexes: readonly number[], count: number): boolean {
  return indexes.every(
    (x, k) => Number.isInteger(x) && x >= 0 && x < count && (k === 0 || x === indexes[k - 1]! + 1),
  );
}

/**
 * Checks the fixed links and marks the one-sided ones on their side; returns the two-sided ones
 * in order. Throws when a link is not a run of indexes, overlaps another, or crosses one.
 */
function prepareFixed(
  fixed: readonly AlignLink[],
  a: Side,
  b: Side,
): { link: AlignLink; index: number }[] {
  const ownerA = new Int32Array(a.count).fill(-1);
  const ownerB = new Int32Array(b.count).fill(-1);
  const twoSided: { link: AlignLink; index: number }[] = [];
  fixed.forEach((link, index) => {
    const name = describe(link, index);
    if (link.a.length === 0 && link.b.length === 0) throw new Error(`${name} links no unit`);
    if (!isRun(link.a, a.count))
      throw new Error(`${name}: a must be consecutive indexes in 0…${a.count - 1}`);
    if (!isRun(link.b, b.count))
      throw new Error(`${name}: b must be consecutive indexes in 0…${b.count - 1}`);
    for (const [indexes, owner] of [
      [link.a, ownerA],
      [link.b, ownerB],
    ] as const) {
      for (const x of indexes) {
        const other = owner[x]!;
        if (other >= 0) throw new Error(`${name} overlaps ${describe(fixed[other]!, other)}`);
        owner[x] = index;
      }
    }
    if (link.a.length > 0 && link.b.length > 0) twoSided.push({ link, index });
    else {
      const side = link.a.length > 0 ? a : b;
      const indexes = link.a.length > 0 ? link.a : link.b;
      for (const x of indexes) side.alone[x] = 1;
      side.aloneStart[indexes[indexes.length - 1]! + 1] = indexes[0]!;
    }
  });
  twoSided.sort((x, y) => x.link.a[0]! - y.link.a[0]!);
  for (let k = 1; k < twoSided.length; k++) {
    const previous = twoSided[k - 1]!;
    const current = twoSided[k]!;
    if (current.link.b[0]! < previous.link.b[0]!) {
      throw new Error(
        `${describe(current.link, current.index)} is out of order with ${describe(previous.link, previous.index)}: links cannot cross`,
      );
    }
  }
  return twoSided;
}

/**
 * Aligns the units of A with those of B. The links come back in order and cover every index of
 * each side exactly once; each has a score in [0, 1] (1 for fixed links).
 */
export function alignUnits(
  a: readonly AlignUnit[],
  b: readonly AlignUnit[],
  options: AlignOptions,
): AlignLink[] {
  const pair = pairLengthModel(options.langA, options.langB);
  const intern = new Map<string, number>();
  const sideA = prepareSide(a, options.langA, pair.scaleA, options.mentions, intern);
  const sideB = prepareSide(b, options.langB, pair.scaleB, options.mentions, intern);
  const twoSided = prepareFixed(options.fixed ?? [], sideA, sideB);
  const costs = new LinkCosts(sideA, sideB, pair.variance);
  const out: AlignLink[] = [];
  let a0 = 0;
  let b0 = 0;
  for (const { link } of twoSided) {
    alignStretch(costs, a0, link.a[0]!, b0, link.b[0]!, out);
    out.push({ a: [...link.a], b: [...link.b], score: 1 });
    a0 = link.a[link.a.length - 1]! + 1;
    b0 = link.b[link.b.length - 1]! + 1;
  }
  alignStretch(costs, a0, a.length, b0, b.length, out);
  return out;
}
