/**
 * @module What every language analyzer provides. The same analyzer runs when a paragraph is
 * indexed and when a query is read, so a word matches whatever form (accents, alef forms, ё,
 * inflection) it was written in.
 */
import type { Lang } from '../../domain/language-codes.js';

export type AnalysisLang = Lang | 'und';

/** One analysed word: its index term and where it came from in the original text. */
export interface AnalyzedToken {
  /** The index term: lower case, normalised, folded and stemmed; only letters and digits. */
  readonly term: string;
  /** UTF-16 offsets into the text given to the analyzer: text.slice(start, end) is the word. */
  readonly start: number;
  readonly end: number;
}

export interface Analyzer {
  readonly lang: AnalysisLang;
  /** The words of `text` as index terms, in order. */
  analyze(text: string): AnalyzedToken[];
  /**
   * Single characters for substring search (Chinese: one token per Han character, other runs of
   * letters and digits as one token each); undefined for languages that do not need it.
   */
  characters?(text: string): AnalyzedToken[];
}
