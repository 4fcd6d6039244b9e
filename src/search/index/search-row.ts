/**
 * @module One paragraph as the index holds it: its analysed words in the column they belong to
 * (titles and headings in `head`, which ranks higher), Chinese characters for substring search,
 * and the filter tokens. Pure: the same input gives the same row on both engines.
 */
import type { AnalysisLang } from '../analysis/analyzer.js';
import { analyzerFor } from '../analysis/analyzers.js';
import { citedActions } from './cited-actions.js';
import { actionTokens, documentTokens, type MetaSource } from './meta-tokens.js';

/** The index's columns in order, with the weight BM25 gives a hit in each. */
export const SEARCH_COLUMNS = ['body', 'head', 'chars', 'meta'] as const;
export type SearchColumn = (typeof SEARCH_COLUMNS)[number];
export const COLUMN_WEIGHTS: Readonly<Record<SearchColumn, number>> = {
  body: 1,
  head: 2,
  chars: 1,
  meta: 0,
};
/** PostgreSQL keeps the column of a position as its weight label. */
export const COLUMN_LABELS: Readonly<Record<SearchColumn, 'A' | 'B' | 'C' | 'D'>> = {
  body: 'A',
  head: 'B',
  chars: 'C',
  meta: 'D',
};

const HEAD_KINDS = new Set(['title', 'heading']);

/** What every paragraph of one language version shares in the index. */
export interface DocumentToIndex extends Omit<MetaSource, 'actions'> {
  readonly expressionId: string;
  readonly workId: string;
}

/** One paragraph of that language version. */
export interface ParagraphOfDocument {
  readonly eid: string;
  readonly position: number;
  readonly kind: string;
  readonly text: string;
}

export interface ParagraphToIndex extends DocumentToIndex, ParagraphOfDocument {}

export interface SearchRow {
  readonly expressionId: string;
  readonly eid: string;
  readonly position: number;
  readonly workId: string;
  readonly lang: AnalysisLang;
  readonly kind: string;
  readonly year: number | null;
  readonly actions: readonly number[];
  /**
   * Each column's terms joined by single spaces (no term contains one): the form FTS5 takes, and
   * one string per column is far cheaper to hand from a worker thread than an array of terms.
   */
  readonly columns: Readonly<Record<SearchColumn, string>>;
  /** Tokens in all columns: the row length BM25 normalises by. */
  readonly len: number;
}

/**
 * The index rows of a language version's paragraphs. What the paragraphs share (the filter tokens
 * of the document) is made once, not once per paragraph.
 */
export function buildSearchRows(
  document: DocumentToIndex,
  paragraphs: readonly ParagraphOfDocument[],
): SearchRow[] {
  const analyzer = analyzerFor(document.lang);
  const shared = documentTokens(document);
  const sharedMeta = shared.join(' ');
  return paragraphs.map((paragraph) => {
    const words = analyzer.analyze(paragraph.text).map((t) => t.term);
    const chars = analyzer.characters?.(paragraph.text).map((t) => t.term) ?? [];
    const actions = citedActions(paragraph.text, document.lang);
    const cited = actionTokens(actions);
    const isHead = HEAD_KINDS.has(paragraph.kind);
    const joined = words.join(' ');
    const columns = {
      body: isHead ? '' : joined,
      head: isHead ? joined : '',
      chars: chars.join(' '),
      meta: cited.length === 0 ? sharedMeta : [sharedMeta, ...cited].join(' ').trimStart(),
    };
    return {
      expressionId: document.expressionId,
      eid: paragraph.eid,
      position: paragraph.position,
      workId: document.workId,
      lang: document.lang,
      kind: paragraph.kind,
      year: document.year,
      actions,
      columns,
      len: words.length + chars.length + shared.length + cited.length,
    };
  });
}

export function buildSearchRow(paragraph: ParagraphToIndex): SearchRow {
  return buildSearchRows(paragraph, [paragraph])[0]!;
}

/** The terms of a column, in order. */
export function columnTerms(row: SearchRow, column: SearchColumn): string[] {
  const text = row.columns[column];
  return text === '' ? [] : text.split(' ');
}

/** The year of the first of these dates that has one. */
export function yearOf(...dates: (string | null | undefined)[]): number | null {
  for (const date of dates) {
    const m = date ? /^(\d{4})/.exec(date) : null;
    if (m) return Number(m[1]);
  }
  return null;
}

/** PostgreSQL caps positions at 16383 and keeps at most 256 per word. */
const MAX_POSITION = 16383;
const MAX_POSITIONS_PER_LEXEME = 256;

const quoteLexeme = (term: string) => `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/**
 * The row as a tsvector literal: columns follow each other with a one-position gap (so no phrase
 * spans two columns), each position labelled with its column.
 */
export function tsvectorLiteral(row: SearchRow): string {
  const positions = new Map<string, string[]>();
  let next = 1;
  for (const column of SEARCH_COLUMNS) {
    const tokens = columnTerms(row, column);
    if (tokens.length === 0) continue;
    const label = COLUMN_LABELS[column];
    for (const term of tokens) {
      const list = positions.get(term) ?? [];
      if (list.length < MAX_POSITIONS_PER_LEXEME) {
        list.push(`${Math.min(next, MAX_POSITION)}${label}`);
        positions.set(term, list);
      }
      next++;
    }
    next++;
  }
  return [...positions].map(([term, list]) => `${quoteLexeme(term)}:${list.join(',')}`).join(' ');
}

/**
 * Each word's weighted hits in the row, as BM25 counts them: `t:<word>` in the text columns
 * (body 1, head 2 per hit), `c:<character>` in the character column. PostgreSQL keeps this as
 * jsonb beside the tsvector.
 */
export function termCounts(row: SearchRow): Record<string, number> {
  const counts: Record<string, number> = {};
  const add = (key: string, weight: number) => (counts[key] = (counts[key] ?? 0) + weight);
  for (const t of columnTerms(row, 'body')) add(`t:${t}`, COLUMN_WEIGHTS.body);
  for (const t of columnTerms(row, 'head')) add(`t:${t}`, COLUMN_WEIGHTS.head);
  for (const t of columnTerms(row, 'chars')) add(`c:${t}`, COLUMN_WEIGHTS.chars);
  return counts;
}
