/**
 * @module Prints a parsed query back as canonical query text: `-` for NOT, juxtaposition for AND,
 * ` OR ` between alternatives, parentheses only where precedence needs them, filters last.
 * `parseQuery(formatQuery(q))` gives back `q` (spans aside) for every `q` that `parseQuery` made.
 */
import { filterNameAt, OPERATOR_WORDS, PHRASE_QUOTES, codePoints } from './query-lexer.js';
import { QUERY_LIMITS, type ParsedQuery, type QueryFilter, type QueryNode } from './query-ast.js';

/** Thrown for a hand-built tree that no query text can express (never for a parsed one). */
const inexpressible = (what: string) =>
  new Error(`formatQuery: ${what} cannot be written in the query language`);

/** Text wrapped in the first phrase delimiters it does not contain. */
function quote(text: string, what: string): string {
  for (const [open, close] of Object.entries(PHRASE_QUOTES)) {
    if (!text.includes(close)) return open + text + close;
  }
  throw inexpressible(what);
}

const TERM_STOPS = /[\s()*]/u;
const hasQuoteOpener = (s: string) => Object.keys(PHRASE_QUOTES).some((q) => s.includes(q));

function formatTerm(text: string, prefix: boolean): string {
  const ok =
    text !== '' &&
    !TERM_STOPS.test(text) &&
    !hasQuoteOpener(text) &&
    !text.startsWith('-') &&
    filterNameAt(text, 0) === null &&
    (prefix ? codePoints(text) >= QUERY_LIMITS.minPrefix : !OPERATOR_WORDS.has(text));
  if (!ok) throw inexpressible(`the term '${text}'`);
  return prefix ? `${text}*` : text;
}

function formatNode(node: QueryNode): string {
  switch (node.kind) {
    case 'term':
      return formatTerm(node.text, node.prefix);
    case 'phrase':
      if (node.text.trim() === '') throw inexpressible('an empty phrase');
      return quote(node.text, `the phrase '${node.text}'`);
    case 'not': {
      const child = node.child;
      const inner = formatNode(child);
      return child.kind === 'and' || child.kind === 'or' ? `-(${inner})` : `-${inner}`;
    }
    case 'and':
      if (node.children.length === 0) throw inexpressible('an empty AND');
      // An AND inside an AND needs no parentheses: juxtaposition is associative.
      return node.children
        .map((c) => (c.kind === 'or' ? `(${formatNode(c)})` : formatNode(c)))
        .join(' ');
    case 'or':
      if (node.children.length === 0) throw inexpressible('an empty OR');
      // AND binds tighter than OR, and OR is associative: no parentheses needed.
      return node.children.map(formatNode).join(' OR ');
  }
}

const BARE_VALUE = /^[^\s,()]+$/u;

function formatFilter(f: QueryFilter): string {
  if (f.values.length === 0) throw inexpressible(`the filter ${f.field}: without values`);
  const values = f.values.map((v) => {
    if (v.trim() === '') throw inexpressible(`an empty value of ${f.field}:`);
    return BARE_VALUE.test(v) && !hasQuoteOpener(v) ? v : quote(v, `the value '${v}'`);
  });
  return `${f.negated ? '-' : ''}${f.field}:${values.join(',')}`;
}

/** Canonical query text for a parsed query (see the module comment). */
export function formatQuery(q: ParsedQuery): string {
  const parts: string[] = [];
  if (q.text !== null) {
    const text = formatNode(q.text);
    // A top-level OR next to filters must be grouped, or the filters would fall inside it.
    parts.push(q.text.kind === 'or' && q.filters.length > 0 ? `(${text})` : text);
  }
  for (const f of q.filters) parts.push(formatFilter(f));
  return parts.join(' ');
}
