/**
 * @module Ids of indexed paragraphs. The language's number sits in the high 32 bits, so "only
 * French" is a rowid range the engines skip to. The low 32 bits are a counter multiplied by an odd
 * constant modulo 2^32 — a bijection, so ids never collide — which spreads consecutive paragraphs
 * evenly over the range: the first n matches in id order are then a fair sample of all matches,
 * which is what estimated totals and facet counts rest on.
 */
import type { AnalysisLang } from '../analysis/analyzer.js';

export const LANG_NUMBER: Readonly<Record<AnalysisLang, number>> = {
  ar: 1,
  zh: 2,
  en: 3,
  fr: 4,
  ru: 5,
  es: 6,
  und: 7,
};

const SPAN = 2 ** 32;
const MULTIPLIER = 2654435761n; // Knuth's golden-ratio multiplier; odd

export function permute32(counter: number): number {
  return Number((BigInt(counter) * MULTIPLIER) % BigInt(SPAN));
}

export function searchDocId(lang: AnalysisLang, counter: number): number {
  return LANG_NUMBER[lang] * SPAN + permute32(counter);
}

/** The ids a language's paragraphs take: [first, last]. */
export function langIdRange(lang: AnalysisLang): readonly [number, number] {
  const base = LANG_NUMBER[lang] * SPAN;
  return [base, base + SPAN - 1];
}

/**
 * How many matches there are, from the id of the `k`-th match in id order (k ≥ 1) when ids are
 * spread evenly over the language's range.
 */
export function estimateMatches(k: number, kthId: number, lang: AnalysisLang): number {
  const offset = kthId - langIdRange(lang)[0] + 1;
  return Math.max(k, Math.round((k * SPAN) / offset));
}
