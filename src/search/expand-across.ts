/**
 * @module Cross-lingual expansion: a query clause that is the name of a State or a keyword of an
 * Action Plan action in one language is also searched as that State's name or that keyword in the
 * other languages. (Glossary concepts join these sources when the glossary exists.)
 */
import type { Lang } from '../domain/language-codes.js';
import { LANGUAGES as LANGS } from '../domain/language-codes.js';
import type { AnalysisLang } from './analysis/analyzer.js';
import { analyzerFor } from './analysis/analyzers.js';
import type { Expansion } from './query/compile-query.js';
import type { QueryNode } from './query/query-ast.js';

export type ExpansionSource = 'state-name' | 'action-keyword';

/** One concept's wordings: a State's names, or an action keyword in each language. */
export interface Concept {
  readonly source: ExpansionSource;
  readonly wordings: readonly { lang: Lang; text: string }[];
}

export interface ExpansionIndex {
  lookup(lang: Lang, terms: readonly string[]): readonly Concept[];
}

const key = (lang: Lang, terms: readonly string[]) => `${lang}\u0000${terms.join(' ')}`;

export function buildExpansionIndex(concepts: readonly Concept[]): ExpansionIndex {
  const index = new Map<string, Concept[]>();
  for (const concept of concepts) {
    for (const { lang, text } of concept.wordings) {
      const terms = analyzerFor(lang)
        .analyze(text)
        .map((t) => t.term);
      if (terms.length === 0) continue;
      const k = key(lang, terms);
      const list = index.get(k) ?? [];
      if (!list.includes(concept)) list.push(concept);
      index.set(k, list);
    }
  }
  return { lookup: (lang, terms) => index.get(key(lang, terms)) ?? [] };
}

export interface UsedExpansion extends Expansion {
  readonly from: string;
  readonly source: ExpansionSource;
}

/** The text of a clause that expansion looks at: a term, a phrase, or an AND of plain terms. */
function clauseText(node: QueryNode): string | null {
  if (node.kind === 'term' && !node.prefix) return node.text;
  if (node.kind === 'phrase') return node.text;
  if (node.kind === 'and' && node.children.every((c) => c.kind === 'term' && !c.prefix)) {
    return node.children.map((c) => (c.kind === 'term' ? c.text : '')).join(' ');
  }
  return null;
}

function clauses(node: QueryNode): QueryNode[] {
  const own = clauseText(node) !== null ? [node] : [];
  switch (node.kind) {
    case 'and':
    case 'or':
      return [...own, ...node.children.flatMap(clauses)];
    case 'not':
      return [];
    default:
      return own;
  }
}

export function expandAcross(
  text: QueryNode | null,
  index: ExpansionIndex,
  langs: readonly AnalysisLang[],
): UsedExpansion[] {
  if (!text) return [];
  const used: UsedExpansion[] = [];
  const seen = new Set<string>();
  for (const node of clauses(text)) {
    const from = clauseText(node)!;
    for (const lang of LANGS) {
      const terms = analyzerFor(lang)
        .analyze(from)
        .map((t) => t.term);
      if (terms.length === 0) continue;
      for (const concept of index.lookup(lang, terms)) {
        for (const wording of concept.wordings) {
          if (wording.lang === lang || !langs.includes(wording.lang)) continue;
          const k = `${node.start}:${node.end}:${wording.lang}:${wording.text}`;
          if (seen.has(k)) continue;
          seen.add(k);
          used.push({ node, lang: wording.lang, text: wording.text, from, source: concept.source });
        }
      }
    }
  }
  return used;
}
