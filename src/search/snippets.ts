/**
 * @module Snippets: the part of a paragraph around its matches, cut into plain and matching
 * parts. Matching is decided by re-analysing the paragraph with the same analyzer the index used,
 * so `reunifications` is marked for a query `reunification`, and `الاسلحة` for `الأسلحة`.
 */
import type { AnalysisLang, AnalyzedToken } from './analysis/analyzer.js';
import { analyzerFor } from './analysis/analyzers.js';
import { scoredPhrases, type MatchNode } from './query/match-tree.js';

export interface SnippetPart {
  readonly text: string;
  readonly hit: boolean;
}

export interface Highlighter {
  readonly terms: ReadonlySet<string>;
  readonly prefixes: readonly string[];
  /** Chinese character sequences searched as substrings. */
  readonly sequences: readonly (readonly string[])[];
}

export function highlighterFor(match: MatchNode): Highlighter {
  const terms = new Set<string>();
  const prefixes: string[] = [];
  const sequences: string[][] = [];
  for (const phrase of scoredPhrases(match)) {
    if (phrase.columns.includes('meta')) continue;
    if (phrase.columns.includes('chars')) {
      sequences.push([...phrase.terms]);
      continue;
    }
    phrase.terms.forEach((term, i) => {
      if (phrase.lastPrefix && i === phrase.terms.length - 1) prefixes.push(term);
      else terms.add(term);
    });
  }
  return { terms, prefixes, sequences };
}

function hitSpans(text: string, lang: AnalysisLang, highlighter: Highlighter): [number, number][] {
  const analyzer = analyzerFor(lang);
  const spans: [number, number][] = [];
  if (highlighter.terms.size > 0 || highlighter.prefixes.length > 0) {
    for (const token of analyzer.analyze(text)) {
      if (
        highlighter.terms.has(token.term) ||
        highlighter.prefixes.some((p) => token.term.startsWith(p))
      ) {
        spans.push([token.start, token.end]);
      }
    }
  }
  if (highlighter.sequences.length > 0 && analyzer.characters) {
    const chars: AnalyzedToken[] = analyzer.characters(text);
    for (const sequence of highlighter.sequences) {
      for (let i = 0; i + sequence.length <= chars.length; i++) {
        if (sequence.every((term, j) => chars[i + j]!.term === term)) {
          spans.push([chars[i]!.start, chars[i + sequence.length - 1]!.end]);
        }
      }
    }
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  return merged;
}

const ELLIPSIS = '…';

/**
 * The paragraph, or a window of about `width` characters around its first match, as parts.
 * Windows start and end at spaces where the text has them.
 */
export function snippet(
  text: string,
  lang: AnalysisLang,
  highlighter: Highlighter,
  width = 280,
): SnippetPart[] {
  const spans = hitSpans(text, lang, highlighter);
  let from = 0;
  let to = text.length;
  if (text.length > width) {
    const first = spans[0]?.[0] ?? 0;
    from = Math.max(0, first - Math.floor(width / 4));
    to = Math.min(text.length, from + width);
    from = Math.max(0, Math.min(from, to - width));
    if (from > 0) {
      const space = text.indexOf(' ', from);
      if (space !== -1 && space < first && space - from < 30) from = space + 1;
    }
    if (to < text.length) {
      const space = text.lastIndexOf(' ', to);
      if (space > from && to - space < 30) to = space;
    }
  }
  const parts: SnippetPart[] = [];
  const push = (part: string, hit: boolean) => {
    if (part !== '') parts.push({ text: part, hit });
  };
  if (from > 0) push(ELLIPSIS, false);
  let at = from;
  for (const [start, end] of spans) {
    if (end <= from || start >= to) continue;
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    push(text.slice(at, s), false);
    push(text.slice(s, e), true);
    at = e;
  }
  push(text.slice(at, to), false);
  if (to < text.length) push(ELLIPSIS, false);
  return parts;
}
