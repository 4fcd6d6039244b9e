/**
 * @module Paragraph and keyword text as the action suggester compares them: normalised with the
 * offset of every kept character (to quote the words that matched), analysed into terms by the
 * search analyzers, with Arabic clitic and article forms, and the tests of what counts as a
 * content word or a name.
 */
import type { Lang } from '../domain/language-codes.js';
import type { Analyzer } from '../search/analysis/analyzer.js';

/** One word of a keyword: its terms (Arabic: several forms, any of which may match). */
export type WordForms = readonly string[];

/** Analysed words of a paragraph; a position may have several terms (Arabic clitics). */
export interface Position {
  readonly terms: readonly string[];
  readonly start: number;
  readonly end: number;
}

export const TOKEN_LANGS = ['ar', 'en', 'fr', 'es', 'ru'] as const satisfies readonly Lang[];
export type TokenLang = (typeof TOKEN_LANGS)[number];
export const isTokenLang = (lang: Lang): lang is TokenLang => lang !== 'zh';

export const HAN = /\p{Script=Han}/u;
export const LOWER = /\p{Ll}/u;
export const UPPER = /\p{Lu}/u;
export const TERM_CHAR = /[\p{L}\p{N}]/u;
export const DIGITS = /^\d+$/;
export const ROMAN_NUMERAL = /\b[IVX]+\b/g;
export const SEP = '\u0001';

/** Digits and single characters (年, 的, "a") say nothing about an action by themselves. */
export function isContentTerm(term: string): boolean {
  return !DIGITS.test(term) && [...term].length > 1;
}

/** Keywords written in capitals (CTBT, ДНЯО, INFCIRC/225/Rev.4) are names: never stemmed. */
export function isName(keyword: string): boolean {
  return UPPER.test(keyword) && !LOWER.test(keyword);
}

// ---------------------------------------------------------------------------------------------
// Text forms

/** NFKC, lower case, letters and digits only — with each kept character's offsets in `text`. */
export function normalizedWithOffsets(text: string): {
  text: string;
  starts: number[];
  ends: number[];
} {
  let out = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const char of text) {
    const end = offset + char.length;
    for (const c of char.normalize('NFKC').toLowerCase()) {
      if (TERM_CHAR.test(c)) {
        out += c;
        for (let i = 0; i < c.length; i++) {
          starts.push(offset);
          ends.push(end);
        }
      }
    }
    offset = end;
  }
  return { text: out, starts, ends };
}

export function normalized(text: string): string {
  return normalizedWithOffsets(text).text;
}

export const ARABIC_PREFIXES = ['و', 'ف', 'ب', 'ل', 'ك'];

export const ARABIC_ARTICLE = 'ال';

/**
 * The words of a paragraph or keyword as positions. Arabic words get several forms, because the
 * Snowball stemmer leaves a leading conjunction or preposition on (`لنزع`, `والبروتوكولات`) and
 * strips a plural ending more reliably after the article (`الضمانات` → `ضمان` but `ضمانات` →
 * `ضمانا`): the word without up to two such letters, each also with the article, are analysed
 * too. Keywords get the same forms, and two words match when they share one.
 */
export function positionsOf(analyzer: Analyzer, text: string): Position[] {
  const tokens = analyzer.analyze(text);
  if (analyzer.lang !== 'ar') {
    return tokens.map((t) => ({ terms: [t.term], start: t.start, end: t.end }));
  }
  return tokens.map((t) => {
    const terms = [t.term];
    const add = (variant: string) => {
      const alt = analyzer.analyze(variant)[0]?.term;
      if (alt !== undefined && alt !== '' && !terms.includes(alt)) terms.push(alt);
    };
    let word = text.slice(t.start, t.end);
    for (let i = 0; ; i++) {
      if (i > 0) add(word);
      if (!word.startsWith(ARABIC_ARTICLE)) add(ARABIC_ARTICLE + word);
      if (i === 2 || word.length <= 3 || !ARABIC_PREFIXES.includes(word[0] ?? '')) break;
      word = word.slice(1);
    }
    return { terms, start: t.start, end: t.end };
  });
}

export function wordFormsOf(analyzer: Analyzer, text: string): WordForms[] {
  return positionsOf(analyzer, text).map((p) => p.terms);
}

export const single = (terms: readonly string[]): WordForms[] => terms.map((t) => [t]);
export const formsKey = (tokens: readonly WordForms[]) => tokens.map((t) => t.join('|')).join(SEP);

export function termsOf(analyzer: Analyzer, text: string): string[] {
  return analyzer.analyze(text).map((t) => t.term);
}

export function containsSequence(haystack: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0) return false;
  return `${SEP}${haystack.join(SEP)}${SEP}`.includes(`${SEP}${needle.join(SEP)}${SEP}`);
}
