/**
 * @module Alignment and comparison as the rest of the system sees them. An alignment pairs the
 * segments of two language versions of one work (links of 0–2 units on each side); a comparison
 * lists what changed between two expressions, usually the same language of two works or two
 * revisions. Positions are indexes into the expressions' segment lists, in order.
 */
import type { Lang } from './language-codes.js';

/** One unit to align: a segment (paragraph) or a sentence inside one. */
export interface AlignUnit {
  readonly text: string;
  /** The printed number ("6", "(b)") when the unit is a numbered paragraph, else null. */
  readonly num?: string | null;
  /** The segment kind (`title`, `heading`, `paragraph`…), when known. */
  readonly kind?: string;
  /** The segment's AKN eId, when the unit is a stored segment. */
  readonly eId?: string;
}

/** How many units of each side a link joins: 1-1, 1-0 (unit of A left alone), 2-1 … */
export const LINK_TYPES = ['1-1', '1-0', '0-1', '1-2', '2-1', '2-2'] as const;
export type LinkType = (typeof LINK_TYPES)[number];

/** A link between consecutive units of side A and of side B (either list may be empty). */
export interface AlignLink {
  /** Indexes into side A, ascending and consecutive. */
  readonly a: readonly number[];
  /** Indexes into side B, ascending and consecutive. */
  readonly b: readonly number[];
  /** Confidence in [0, 1]: 1 for a link a person made, else the aligner's estimate. */
  readonly score: number;
}

export type AlignLang = Lang | 'und';

/** Where a stored link came from: the aligner, or a person's correction (which wins). */
export type LinkOrigin = 'auto' | 'manual';

/** A correction a person made to an alignment, kept as a revision. */
export type AlignmentCorrection =
  /** These units of A and B form one link (re-pair, split or merge are all this). */
  | { readonly op: 'link'; readonly a: readonly string[]; readonly b: readonly string[] }
  /** These units stand alone (no counterpart). */
  | { readonly op: 'unlink'; readonly a: readonly string[]; readonly b: readonly string[] };

/** What happened to a paragraph between two expressions. */
export type ChangeKind = 'equal' | 'changed' | 'inserted' | 'deleted' | 'moved';

/** A piece of a word-level difference inside a changed paragraph. */
export interface WordChange {
  readonly op: 'equal' | 'insert' | 'delete';
  readonly text: string;
}

/** One entry of a comparison, in reading order of the newer text (deletions where they were). */
export interface ParagraphChange {
  readonly kind: ChangeKind;
  /** Index in the older expression's segments, null for an insertion. */
  readonly a: number | null;
  /** Index in the newer expression's segments, null for a deletion. */
  readonly b: number | null;
  /** Similarity of the two texts in [0, 1] (1 for equal and exactly moved). */
  readonly similarity: number;
  /** Word-level differences, for changed paragraphs (and moved ones that also changed). */
  readonly words?: readonly WordChange[];
}
