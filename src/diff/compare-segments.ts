/**
 * @module What changed, paragraph by paragraph, between two expressions (two revisions, or the same
 * language of two works). The paragraphs both texts share unchanged, in the same order, are the
 * anchors (longest common subsequence over the paragraphs' normalised texts); between two anchors
 * a deleted and an inserted paragraph alike enough are one changed paragraph; a paragraph found
 * on both sides but out of order has moved (and may have changed too); the rest was inserted or
 * deleted. Similarity is only computed for candidates (a few paragraphs between the same
 * anchors, or paragraphs sharing rare tokens, found by prefix filtering), never for all pairs, so
 * two 100-page texts with a few dozen changes compare in milliseconds.
 */
import { diffArrays } from 'diff';
import type { AlignLang, ChangeKind, ParagraphChange } from '../domain/alignment.js';
import { contentTokens, wordDiff } from './word-diff.js';

/** A paragraph to compare: a stored segment or anything with its text. */
export interface ComparableSegment {
  readonly text: string;
  /** Carried for the caller; matching looks at the text only (eIds shift when paragraphs do). */
  readonly eId?: string;
}

export interface CompareOptions {
  /** How alike a deleted and an inserted paragraph between the same anchors must be to count as
   * one changed paragraph. Default 0.5. */
  readonly changedThreshold?: number;
  /** The same for a paragraph that changed and also moved past an anchor. Higher by default
   * (0.7): with no position to support the pairing, two formulaic paragraphs ("Recalling its
   * resolution …") would otherwise pass for one. */
  readonly movedThreshold?: number;
  /**
   * A bound on the work spent pairing paragraphs, in steps: a candidate looked up in the index
   * costs one, a similarity as many as the two paragraphs have tokens. Past it, what is still
   * unpaired stays inserted and deleted. The default (50 million, some tenths of a second) is
   * only reached by texts that differ almost everywhere in a tiny vocabulary; a server can lower it.
   */
  readonly pairingBudget?: number;
}

const DEFAULT_CHANGED_THRESHOLD = 0.5;
const DEFAULT_MOVED_THRESHOLD = 0.7;
const DEFAULT_PAIRING_BUDGET = 50_000_000;
/** Hunks up to this many deleted × inserted paragraphs compare every pair directly. */
const SMALL_HUNK = 64;
/** In a larger hunk, how far from the diagonal the first pass looks for a paragraph's partner. */
const DIAGONAL_REACH = 3;

/** The identity of a paragraph for exact matching: NFKC, whitespace runs as one space, trimmed. */
export function paragraphKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

/** A stretch of the texts between two anchors: what only the older and only the newer has. */
interface Hunk {
  readonly deleted: number[];
  readonly inserted: number[];
}

interface Pair {
  readonly a: number;
  readonly b: number;
  readonly similarity: number;
}

/**
 * The changes from `older` to `newer`, in reading order of the newer text: one entry per newer
 * paragraph, with each deleted paragraph placed after the entry of the older paragraph before it.
 * Every older index appears exactly once as `a`, every newer index exactly once as `b`.
 */
export function compareSegments(
  older: readonly ComparableSegment[],
  newer: readonly ComparableSegment[],
  lang: AlignLang,
  options: CompareOptions = {},
): ParagraphChange[] {
  const changedThreshold = options.changedThreshold ?? DEFAULT_CHANGED_THRESHOLD;
  const movedThreshold = options.movedThreshold ?? DEFAULT_MOVED_THRESHOLD;
  const ids = new Map<string, number>();
  const idOf = (s: ComparableSegment) => {
    const key = paragraphKey(s.text);
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    return id;
  };
  const olderIds = older.map(idOf);
  const newerIds = newer.map(idOf);

  // What each paragraph became: the partner's index (or -1) and the kind of the pairing.
  const partnerOfA = new Int32Array(older.length).fill(-1);
  const partnerOfB = new Int32Array(newer.length).fill(-1);
  const kindOfB: (ChangeKind | undefined)[] = new Array<ChangeKind | undefined>(newer.length);
  const similarityOfB = new Float64Array(newer.length);
  const pair = (a: number, b: number, kind: ChangeKind, sim: number) => {
    partnerOfA[a] = b;
    partnerOfB[b] = a;
    kindOfB[b] = kind;
    similarityOfB[b] = sim;
  };

  const hunks = anchorsAndHunks(olderIds, newerIds, (a, b) => pair(a, b, 'equal', 1));

  // Exact moves: the same paragraph deleted in one place and inserted in another.
  const deletedById = new Map<number, number[]>();
  for (const hunk of hunks) {
    for (const a of hunk.deleted) {
      const id = olderIds[a]!;
      const list = deletedById.get(id);
      if (list) list.push(a);
      else deletedById.set(id, [a]);
    }
  }
  for (const hunk of hunks) {
    for (const b of hunk.inserted) {
      const a = deletedById.get(newerIds[b]!)?.shift();
      if (a !== undefined) pair(a, b, 'moved', 1);
    }
  }

  const unpairedOlder = older.flatMap((_, a) => (partnerOfA[a] === -1 ? [a] : []));
  const unpairedNewer = newer.flatMap((_, b) => (partnerOfB[b] === -1 ? [b] : []));
  const profiles = new Profiles(older, newer, unpairedOlder, unpairedNewer, lang);
  const budget = { left: options.pairingBudget ?? DEFAULT_PAIRING_BUDGET };

  // Changed: alike paragraphs between the same anchors, kept in order.
  for (const hunk of hunks) {
    const deleted = hunk.deleted.filter((a) => partnerOfA[a] === -1);
    const inserted = hunk.inserted.filter((b) => partnerOfB[b] === -1);
    if (deleted.length === 0 || inserted.length === 0) continue;
    for (const p of matchHunk(deleted, inserted, profiles, changedThreshold, budget))
      pair(p.a, p.b, 'changed', p.similarity);
  }

  // Moved and changed: alike paragraphs anywhere among what is left.
  const leftDeleted = unpairedOlder.filter((a) => partnerOfA[a] === -1);
  const leftInserted = unpairedNewer.filter((b) => partnerOfB[b] === -1);
  if (leftDeleted.length > 0 && leftInserted.length > 0) {
    const found = prefixJoin(leftDeleted, leftInserted, profiles, movedThreshold, budget);
    for (const p of oneToOne(found)) pair(p.a, p.b, 'moved', p.similarity);
  }

  const exact = (a: number, b: number) => olderIds[a] === newerIds[b];
  return assemble(older, newer, lang, exact, partnerOfA, partnerOfB, kindOfB, similarityOfB);
}

/**
 * Runs the longest common subsequence over paragraph ids (Myers' algorithm in jsdiff: time
 * proportional to length × differences, so a few dozen changes in 800 paragraphs is cheap),
 * reports each anchor and returns the stretches between anchors.
 */
function anchorsAndHunks(
  olderIds: number[],
  newerIds: number[],
  anchor: (a: number, b: number) => void,
): Hunk[] {
  const hunks: Hunk[] = [];
  let open: Hunk | undefined;
  let a = 0;
  let b = 0;
  for (const part of diffArrays(olderIds, newerIds)) {
    const count = part.value.length;
    if (!part.added && !part.removed) {
      for (let k = 0; k < count; k++) anchor(a + k, b + k);
      a += count;
      b += count;
      open = undefined;
      continue;
    }
    if (open === undefined) {
      open = { deleted: [], inserted: [] };
      hunks.push(open);
    }
    for (let k = 0; k < count; k++) {
      if (part.added) open.inserted.push(b++);
      else open.deleted.push(a++);
    }
  }
  return hunks;
}

/**
 * The paragraphs still unpaired after exact matching, each as the set of its content tokens (the
 * k-th occurrence of a token distinct from the first, so a set holds a multiset), written as
 * token ranks in ascending order, the rarest token first. Dice over these sets is
 * `tokenSimilarity` over the tokens, computed by merging two sorted arrays.
 */
class Profiles {
  private readonly olderSets = new Map<number, Int32Array>();
  private readonly newerSets = new Map<number, Int32Array>();

  constructor(
    older: readonly ComparableSegment[],
    newer: readonly ComparableSegment[],
    olderIndexes: readonly number[],
    newerIndexes: readonly number[],
    lang: AlignLang,
  ) {
    const frequency = new Map<string, number>();
    const setsOf = (segments: readonly ComparableSegment[], indexes: readonly number[]) =>
      indexes.map((i) => {
        const set = occurrenceSet(contentTokens(segments[i]!.text, lang));
        for (const token of set) frequency.set(token, (frequency.get(token) ?? 0) + 1);
        return set;
      });
    const olderSets = setsOf(older, olderIndexes);
    const newerSets = setsOf(newer, newerIndexes);
    // Rarest first; among equally rare tokens, first seen first (the sort is stable).
    const rank = new Map<string, number>();
    [...frequency].sort((x, y) => x[1] - y[1]).forEach(([token], r) => rank.set(token, r));
    const toRanks = (set: readonly string[]) =>
      Int32Array.from(set, (token) => rank.get(token)!).sort();
    olderIndexes.forEach((a, k) => this.olderSets.set(a, toRanks(olderSets[k]!)));
    newerIndexes.forEach((b, k) => this.newerSets.set(b, toRanks(newerSets[k]!)));
  }

  older(a: number): Int32Array {
    return this.olderSets.get(a) ?? new Int32Array(0);
  }

  newer(b: number): Int32Array {
    return this.newerSets.get(b) ?? new Int32Array(0);
  }

  /** Dice of the two sets: 2·|x ∩ y| / (|x| + |y|), 1 for two empty ones. */
  similarity(a: number, b: number): number {
    const x = this.older(a);
    const y = this.newer(b);
    if (x.length + y.length === 0) return 1;
    let common = 0;
    for (let i = 0, j = 0; i < x.length && j < y.length;) {
      const d = x[i]! - y[j]!;
      if (d === 0) {
        common++;
        i++;
        j++;
      } else if (d < 0) i++;
      else j++;
    }
    return (2 * common) / (x.length + y.length);
  }
}

function occurrenceSet(tokens: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return tokens.map((token) => {
    const n = (seen.get(token) ?? 0) + 1;
    seen.set(token, n);
    return n === 1 ? token : `${token}\u0000${n}`;
  });
}

/** How many steps of pairing work are left (see `CompareOptions.pairingBudget`). */
interface Budget {
  left: number;
}

/** The similarity of a pair, paid for from `budget`; undefined once it is spent. */
function pricedSimilarity(profiles: Profiles, a: number, b: number, budget: Budget) {
  if (budget.left <= 0) return undefined;
  budget.left -= profiles.older(a).length + profiles.newer(b).length + 1;
  return profiles.similarity(a, b);
}

/**
 * The changed pairs of one hunk, in order on both sides. A small hunk tries every pair; a larger
 * one first looks near its diagonal (a hunk that rewrote every paragraph pairs them in linear
 * time there), then among the rest by prefix filtering.
 */
function matchHunk(
  deleted: readonly number[],
  inserted: readonly number[],
  profiles: Profiles,
  threshold: number,
  budget: Budget,
): Pair[] {
  const found: Pair[] = [];
  const check = (a: number, b: number) => {
    const sim = pricedSimilarity(profiles, a, b, budget);
    if (sim !== undefined && sim >= threshold) found.push({ a, b, similarity: sim });
  };
  if (deleted.length * inserted.length <= SMALL_HUNK) {
    for (const a of deleted) for (const b of inserted) check(a, b);
    return inOrder(oneToOne(found));
  }
  const slope = deleted.length / inserted.length;
  inserted.forEach((b, j) => {
    const centre = Math.round(j * slope);
    const from = Math.max(0, centre - DIAGONAL_REACH);
    const to = Math.min(deleted.length - 1, centre + DIAGONAL_REACH);
    for (let k = from; k <= to; k++) check(deleted[k]!, b);
  });
  const near = inOrder(oneToOne(found));
  const usedA = new Set(near.map((p) => p.a));
  const usedB = new Set(near.map((p) => p.b));
  const restA = deleted.filter((a) => !usedA.has(a));
  const restB = inserted.filter((b) => !usedB.has(b));
  if (restA.length === 0 || restB.length === 0) return near;
  const far = oneToOne(prefixJoin(restA, restB, profiles, threshold, budget));
  return inOrder([...near, ...far]);
}

/**
 * The pairs of `deleted` and `inserted` paragraphs at least `threshold` alike, by prefix filtering
 * (Bayardo, Ma and Srikant, "Scaling up all pairs similarity search", 2007): if Dice(x, y) ≥ t,
 * then |x ∩ y| ≥ t·|x| / (2 − t), so x and y share one of the rarest |x| − ⌈t·|x| / (2 − t)⌉ + 1
 * tokens of x (and likewise of y). Only those prefixes are indexed and looked up, and a pair
 * whose sizes alone rule it out is skipped, so common words never make candidates by themselves.
 */
function prefixJoin(
  deleted: readonly number[],
  inserted: readonly number[],
  profiles: Profiles,
  threshold: number,
  budget: Budget,
): Pair[] {
  const prefixLength = (size: number) =>
    size === 0 ? 0 : size - Math.ceil((threshold * size) / (2 - threshold)) + 1;
  const index = new Map<number, number[]>();
  deleted.forEach((a, l) => {
    const set = profiles.older(a);
    for (const r of set.subarray(0, prefixLength(set.length))) {
      const list = index.get(r);
      if (list) list.push(l);
      else index.set(r, [l]);
    }
  });
  const found: Pair[] = [];
  const seen = new Int32Array(deleted.length).fill(-1);
  for (let k = 0; k < inserted.length; k++) {
    const b = inserted[k]!;
    const set = profiles.newer(b);
    for (const r of set.subarray(0, prefixLength(set.length))) {
      const postings = index.get(r) ?? [];
      budget.left -= postings.length;
      if (budget.left <= 0) return found;
      for (const l of postings) {
        if (seen[l] === k) continue;
        seen[l] = k;
        const a = deleted[l]!;
        const x = profiles.older(a).length;
        const y = set.length;
        // Dice ≥ t needs the smaller set to be at least t / (2 − t) of the larger.
        if (Math.min(x, y) * (2 - threshold) < threshold * Math.max(x, y)) continue;
        const sim = pricedSimilarity(profiles, a, b, budget);
        if (sim === undefined) return found;
        if (sim >= threshold) found.push({ a, b, similarity: sim });
      }
    }
  }
  return found;
}

/** A one-to-one choice among candidate pairs: the most alike first, then the closest in position. */
function oneToOne(candidates: readonly Pair[]): Pair[] {
  const sorted = [...candidates].sort(
    (x, y) =>
      y.similarity - x.similarity ||
      Math.abs(x.a - x.b) - Math.abs(y.a - y.b) ||
      x.b - y.b ||
      x.a - y.a,
  );
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const chosen: Pair[] = [];
  for (const c of sorted) {
    if (usedA.has(c.a) || usedB.has(c.b)) continue;
    usedA.add(c.a);
    usedB.add(c.b);
    chosen.push(c);
  }
  return chosen;
}

/**
 * The largest subset of `pairs` in the same order on both sides (longest increasing subsequence
 * of `b` by `a`): pairs that cross another are left for the move pass.
 */
function inOrder(pairs: readonly Pair[]): Pair[] {
  const byA = [...pairs].sort((x, y) => x.a - y.a);
  const tails: number[] = [];
  const previous = new Int32Array(byA.length).fill(-1);
  byA.forEach((p, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byA[tails[mid]!]!.b < p.b) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  });
  const kept: Pair[] = [];
  for (let i = tails.at(-1) ?? -1; i !== -1; i = previous[i]!) kept.push(byA[i]!);
  return kept.reverse();
}

function assemble(
  older: readonly ComparableSegment[],
  newer: readonly ComparableSegment[],
  lang: AlignLang,
  /** Whether two paragraphs are the same text (normalised), not merely the same words. */
  exact: (a: number, b: number) => boolean,
  partnerOfA: Int32Array,
  partnerOfB: Int32Array,
  kindOfB: readonly (ChangeKind | undefined)[],
  similarityOfB: Float64Array,
): ParagraphChange[] {
  // Deletions go after the newer entry of the last older paragraph before them that kept its
  // place (equal or changed); -1 collects those before any.
  const deletionsAfter = new Map<number, number[]>();
  let anchorB = -1;
  for (let a = 0; a < older.length; a++) {
    const b = partnerOfA[a]!;
    if (b === -1) {
      const list = deletionsAfter.get(anchorB);
      if (list) list.push(a);
      else deletionsAfter.set(anchorB, [a]);
    } else if (kindOfB[b] !== 'moved') {
      anchorB = b;
    }
  }

  const changes: ParagraphChange[] = [];
  const pushDeletions = (after: number) => {
    for (const a of deletionsAfter.get(after) ?? [])
      changes.push({ kind: 'deleted', a, b: null, similarity: 0 });
  };
  pushDeletions(-1);
  for (let b = 0; b < newer.length; b++) {
    const a = partnerOfB[b]!;
    const kind = kindOfB[b];
    if (a === -1 || kind === undefined) {
      changes.push({ kind: 'inserted', a: null, b, similarity: 0 });
    } else if (kind === 'changed' || (kind === 'moved' && !exact(a, b))) {
      const words = wordDiff(older[a]!.text, newer[b]!.text, lang);
      changes.push({ kind, a, b, similarity: similarityOfB[b]!, words });
    } else {
      changes.push({ kind, a, b, similarity: 1 });
    }
    pushDeletions(b);
  }
  return changes;
}

/** How many entries of each kind a comparison has. */
export function summarizeChanges(changes: readonly ParagraphChange[]): Record<ChangeKind, number> {
  const counts: Record<ChangeKind, number> = {
    equal: 0,
    changed: 0,
    inserted: 0,
    deleted: 0,
    moved: 0,
  };
  for (const change of changes) counts[change.kind]++;
  return counts;
}

/** An entry of a redline: a change at its place, or the place a moved paragraph left. */
export interface RedlineEntry {
  readonly change: ParagraphChange;
  /** `new` for the change where the newer text has it; `old` for where a moved paragraph was. */
  readonly at: 'new' | 'old';
}

/**
 * The changes with the old place of each moved paragraph added, where a redline shows what left:
 * right after the entry of the last older paragraph before it that is not itself a move (where a
 * deletion would be).
 */
export function withMoveOrigins(changes: readonly ParagraphChange[]): RedlineEntry[] {
  const moves = changes
    .filter((c) => c.kind === 'moved' && c.a !== null)
    .sort((x, y) => x.a! - y.a!);
  // Entries that kept their older order (all but moves) have ascending `a`.
  const originsAfter = new Map<number, ParagraphChange[]>();
  const addOrigin = (after: number, move: ParagraphChange) => {
    const list = originsAfter.get(after);
    if (list) list.push(move);
    else originsAfter.set(after, [move]);
  };
  let next = 0;
  let last = -1;
  changes.forEach((change, i) => {
    if (change.kind === 'moved' || change.a === null) return;
    while (next < moves.length && moves[next]!.a! < change.a) addOrigin(last, moves[next++]!);
    last = i;
  });
  while (next < moves.length) addOrigin(last, moves[next++]!);

  const entries: RedlineEntry[] = [];
  const pushOrigins = (after: number) => {
    for (const change of originsAfter.get(after) ?? []) entries.push({ change, at: 'old' });
  };
  pushOrigins(-1);
  changes.forEach((change, i) => {
    entries.push({ change, at: 'new' });
    pushOrigins(i);
  });
  return entries;
}
