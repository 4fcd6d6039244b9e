/**
 * @module The engine-neutral form of a query in one language: phrases of analysed terms in given
 * columns, combined with AND (with exclusions), OR. Both engines' expressions are printed from it
 * (fts5-match.ts, tsquery.ts), and the phrase list it yields is what BM25 sums over.
 */
import type { SearchColumn } from '../index/search-row.js';

export interface MatchPhrase {
  readonly kind: 'phrase';
  /** One or more analysed terms that must stand next to each other, in this order. */
  readonly terms: readonly string[];
  /** The last term matches any term it begins. */
  readonly lastPrefix: boolean;
  readonly columns: readonly SearchColumn[];
}

export interface MatchAnd {
  readonly kind: 'and';
  /** At least one. */
  readonly children: readonly MatchNode[];
  /** Rows matching any of these are left out. */
  readonly exclude: readonly MatchNode[];
}

export interface MatchOr {
  readonly kind: 'or';
  readonly children: readonly MatchNode[];
}

export type MatchNode = MatchPhrase | MatchAnd | MatchOr;

export const TEXT_COLUMNS: readonly SearchColumn[] = ['body', 'head'];

/** The phrases BM25 scores, in expression order (excluded ones never match a result row). */
export function scoredPhrases(node: MatchNode): MatchPhrase[] {
  switch (node.kind) {
    case 'phrase':
      return [node];
    case 'and':
      return node.children.flatMap(scoredPhrases);
    case 'or':
      return node.children.flatMap(scoredPhrases);
  }
}

/** Every phrase, excluded ones included, in the order FTS5 numbers them. */
export function allPhrases(node: MatchNode): MatchPhrase[] {
  switch (node.kind) {
    case 'phrase':
      return [node];
    case 'and':
      return [...node.children.flatMap(allPhrases), ...node.exclude.flatMap(allPhrases)];
    case 'or':
      return node.children.flatMap(allPhrases);
  }
}
