/**
 * @module The search query language's syntax tree. The parser produces it from what a user types;
 * the compiler turns it into engine expressions. Offsets are 0-based UTF-16 indexes into the
 * query text, so errors and highlights can point at the exact place.
 */

import type { FilterField } from '../../domain/search-filters.js';

export { FILTER_FIELDS, type FilterField } from '../../domain/search-filters.js';

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A word as typed (not yet analysed); `prefix` when it ended in `*`. */
export interface TermNode extends Span {
  readonly kind: 'term';
  readonly text: string;
  readonly prefix: boolean;
}

/** A quoted phrase, the text between the quotes as typed. */
export interface PhraseNode extends Span {
  readonly kind: 'phrase';
  readonly text: string;
}

export interface AndNode extends Span {
  readonly kind: 'and';
  readonly children: readonly QueryNode[];
}

export interface OrNode extends Span {
  readonly kind: 'or';
  readonly children: readonly QueryNode[];
}

/** `-term`, `-"a phrase"`, `NOT term`, `-(a OR b)`. */
export interface NotNode extends Span {
  readonly kind: 'not';
  readonly child: QueryNode;
}

export type QueryNode = TermNode | PhraseNode | AndNode | OrNode | NotNode;

/**
 * A filter: `field:value`, `field:"quoted value"`, `field:a,b` (any of the values). Years also take
 * ranges, `year:2010..2015`, kept as written here and expanded by the compiler.
 * `-field:value` excludes.
 */
export interface QueryFilter extends Span {
  readonly field: FilterField;
  readonly values: readonly string[];
  readonly negated: boolean;
}

export interface ParsedQuery {
  /** The full-text part; null when the query is only filters (`action:21 lang:fr`). */
  readonly text: QueryNode | null;
  /** Filters apply to the whole query, whatever their place in it. */
  readonly filters: readonly QueryFilter[];
}

export const QUERY_LIMITS = {
  /** Characters in the query text. */
  maxLength: 1000,
  /** Terms and phrases together. */
  maxClauses: 64,
  /** Parentheses nested inside each other. */
  maxDepth: 8,
  /** Characters a prefix needs before its `*`. */
  minPrefix: 2,
} as const;
