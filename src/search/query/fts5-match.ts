/**
 * @module A match tree as an FTS5 MATCH expression. Every part is parenthesised, so FTS5's
 * operator precedence never matters; terms are quoted (analysed terms hold only letters and
 * digits, filter tokens add `_`, so no quote ever needs escaping).
 */
import type { MatchNode } from './match-tree.js';

export function fts5Match(node: MatchNode): string {
  switch (node.kind) {
    case 'phrase': {
      const columns = node.columns.length === 1 ? node.columns[0]! : `{${node.columns.join(' ')}}`;
      return `${columns} : "${node.terms.join(' ')}"${node.lastPrefix ? ' *' : ''}`;
    }
    case 'and': {
      const positive = node.children.map((c) => `(${fts5Match(c)})`).join(' AND ');
      if (node.exclude.length === 0) return positive;
      const negative = node.exclude.map((c) => `(${fts5Match(c)})`).join(' OR ');
      return `(${positive}) NOT (${negative})`;
    }
    case 'or':
      return node.children.map((c) => `(${fts5Match(c)})`).join(' OR ');
  }
}
