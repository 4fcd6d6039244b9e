/**
 * @module What a search engine behind Pillars answers: the best-scoring paragraphs of one
 * language for a match tree, and the first matches in id order (a fair sample, see search-ids.ts).
 * Everything else (grouping, snippets, facets) is engine-neutral.
 */
import type { AnalysisLang } from '../analysis/analyzer.js';
import { COLUMN_WEIGHTS } from '../index/search-row.js';
import { scoredPhrases, type MatchNode } from '../query/match-tree.js';

export interface RankedId {
  readonly id: number;
  /** BM25 as FTS5 computes it (sign flipped: higher is better), times the recency factor. */
  readonly score: number;
  /** Orders rows of equal score, the same way on every engine and across languages. */
  readonly tiebreak: string;
}

/**
 * A query of filters only scores every row 0; its rows are listed newest year first, then by
 * document and paragraph order, rather than in the (meaningless) id order.
 */
export function isBrowse(match: MatchNode): boolean {
  return scoredPhrases(match).every((p) => p.columns.every((c) => COLUMN_WEIGHTS[c] === 0));
}

export const idTiebreak = (id: number) => String(id).padStart(12, '0');

export interface RankOptions {
  /** Favour recent paragraphs: up to 1.5× for this year, fading over 25 years. */
  readonly recency: boolean;
  readonly currentYear: number;
}

export interface SearchBackend {
  topK(lang: AnalysisLang, match: MatchNode, k: number, options: RankOptions): Promise<RankedId[]>;
  /** The first `n` matching ids in id order. */
  firstIds(lang: AnalysisLang, match: MatchNode, n: number): Promise<number[]>;
  /**
   * How many rows match, counting no further than `cap`, and the last id counted; `exact` when
   * the count is the whole number of matches whatever the cap (a backend that already knows it).
   */
  countUpTo(
    lang: AnalysisLang,
    match: MatchNode,
    cap: number,
  ): Promise<{ count: number; lastId: number | null; exact?: boolean }>;
}

/** BM25 parameters FTS5 uses. */
export const BM25 = { k1: 1.2, b: 0.75 } as const;
export const RECENCY = { boost: 0.5, years: 25 } as const;
