/**
 * @module A match tree as a PostgreSQL tsquery, for one language. Phrases become `<->` chains; a
 * phrase's columns become position weights (`'word':AB` matches only in body or head) where the
 * column matters: when one of its terms could also stand in a column the phrase does not search.
 *
 * Most of the time it cannot — a word is never a filter token (those hold a `_`), and only
 * Chinese has a characters column — and then the weights are left out. That is not cosmetic: the
 * GIN index does not keep weights, so a weighted query makes PostgreSQL re-read and re-check the
 * tsvector of every row the index returns, which doubles the cost of counting a common word.
 */
import type { AnalysisLang } from '../analysis/analyzer.js';
import { analyzerFor } from '../analysis/analyzers.js';
import { COLUMN_LABELS, type SearchColumn } from '../index/search-row.js';
import { META_FIELDS } from '../index/meta-tokens.js';
import type { MatchNode, MatchPhrase } from './match-tree.js';

const quote = (term: string) => `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
const HAN = /\p{Script=Han}/u;

/**
 * The columns where `term` (or, for a prefix, a term it begins) may stand in `lang`: filter
 * tokens (`<field>_<value>`) in meta; words in body and head; in a language with a characters
 * column (analyzer.characters: single Han characters and runs without Han), those too.
 */
function possibleColumns(term: string, lang: AnalysisLang, prefix: boolean): SearchColumn[] {
  if (term.includes('_')) return ['meta'];
  const columns: SearchColumn[] = ['body', 'head'];
  if (prefix && META_FIELDS.some((field) => field.startsWith(term))) columns.push('meta');
  const characters = analyzerFor(lang).characters !== undefined;
  if (characters && ([...term].length === 1 || !HAN.test(term))) columns.push('chars');
  return columns;
}

/** Whether the phrase's columns must be spelled out for it to match only there. */
export function needsColumnLabels(phrase: MatchPhrase, lang: AnalysisLang): boolean {
  return phrase.terms.some((term, i) => {
    const prefix = phrase.lastPrefix && i === phrase.terms.length - 1;
    return possibleColumns(term, lang, prefix).some((c) => !phrase.columns.includes(c));
  });
}

export function phraseTsquery(phrase: MatchPhrase, lang: AnalysisLang): string {
  const labels = needsColumnLabels(phrase, lang)
    ? phrase.columns.map((c) => COLUMN_LABELS[c]).join('')
    : '';
  return phrase.terms
    .map((term, i) => {
      const prefix = phrase.lastPrefix && i === phrase.terms.length - 1 ? '*' : '';
      const weights = prefix + labels;
      return weights === '' ? quote(term) : `${quote(term)}:${weights}`;
    })
    .join(' <-> ');
}

export function tsquery(node: MatchNode, lang: AnalysisLang): string {
  switch (node.kind) {
    case 'phrase':
      return node.terms.length === 1 ? phraseTsquery(node, lang) : `(${phraseTsquery(node, lang)})`;
    case 'and': {
      const positive = node.children.map((c) => `(${tsquery(c, lang)})`).join(' & ');
      if (node.exclude.length === 0) return positive;
      return `${positive} & !(${node.exclude.map((c) => `(${tsquery(c, lang)})`).join(' | ')})`;
    }
    case 'or':
      return node.children.map((c) => `(${tsquery(c, lang)})`).join(' | ');
  }
}
