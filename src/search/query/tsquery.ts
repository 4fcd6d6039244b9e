/**
 * @module A match tree as a PostgreSQL tsquery. A phrase's columns become position weights
 * (`'word':AB` matches only in body or head), phrases become `<->` chains.
 */
import { COLUMN_LABELS } from '../index/search-row.js';
import type { MatchNode, MatchPhrase } from './match-tree.js';

const quote = (term: string) => `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

export function phraseTsquery(phrase: MatchPhrase): string {
  const labels = phrase.columns.map((c) => COLUMN_LABELS[c]).join('');
  return phrase.terms
    .map((term, i) => {
      const prefix = phrase.lastPrefix && i === phrase.terms.length - 1 ? '*' : '';
      return `${quote(term)}:${prefix}${labels}`;
    })
    .join(' <-> ');
}

export function tsquery(node: MatchNode): string {
  switch (node.kind) {
    case 'phrase':
      return node.terms.length === 1 ? phraseTsquery(node) : `(${phraseTsquery(node)})`;
    case 'and': {
      const positive = node.children.map((c) => `(${tsquery(c)})`).join(' & ');
      if (node.exclude.length === 0) return positive;
      return `${positive} & !(${node.exclude.map((c) => `(${tsquery(c)})`).join(' | ')})`;
    }
    case 'or':
      return node.children.map((c) => `(${tsquery(c)})`).join(' | ');
  }
}
