/**
 * @module The search query parser: what a user types becomes a {@link ParsedQuery}.
 *
 * ```
 * query    := orExpr
 * orExpr   := andExpr ( 'OR' andExpr )*
 * andExpr  := unary ( 'AND'? unary )*            juxtaposition is AND
 * unary    := ( '-' | 'NOT' ) unary | primary     '-' directly attached: -term, -"a b", -(a OR b)
 * primary  := '(' orExpr ')' | phrase | filter | term
 * phrase   := '"' … '"' | '“' … '”' | '«' … '»'
 * filter   := FIELD ':' value ( ',' value )*      top-level conjuncts only (may be negated)
 * term     := a run of non-space characters other than ( ) and opening quotes; `abc*` is a prefix
 * ```
 *
 * Operators are upper-case words only (`and`, `or`, `not` are ordinary words). Errors are always
 * `invalid_query` PillarsErrors whose `position` is the 0-based UTF-16 offset of the culprit; the
 * parser throws nothing else, whatever the input. It works in one pass from left to right (the
 * lexer runs on demand), so the first problem in the text is the one reported.
 *
 * The tree is simplified as it is built: an and/or with one child collapses to that child,
 * nested ands (ors) flatten into one, and a double negation (`--a`, `NOT -a`, `-(-a)`) cancels.
 */
import { invalidQuery } from '../../domain/errors.js';
import {
  QUERY_LIMITS,
  type ParsedQuery,
  type PhraseNode,
  type QueryFilter,
  type QueryNode,
  type TermNode,
} from './query-ast.js';
import { QueryLexer, loneMinus, type Token } from './query-lexer.js';

/** A filter on its way up; `at` is where its field name starts (the place errors point to). */
interface FilterItem {
  readonly filter: QueryFilter;
  readonly at: number;
}

/** What a sub-expression parsed to: a text node, filters (top-level conjuncts), or both. */
interface Part {
  readonly node: QueryNode | null;
  readonly filters: readonly FilterItem[];
  readonly start: number;
  readonly end: number;
}

/** Whether a node matches something by itself (is not purely an exclusion). */
function isPositive(node: QueryNode): boolean {
  switch (node.kind) {
    case 'term':
    case 'phrase':
      return true;
    case 'not':
      return false;
    case 'and':
    case 'or':
      return node.children.some(isPositive);
  }
}

function combine(
  kind: 'and' | 'or',
  nodes: readonly QueryNode[],
  start: number,
  end: number,
): QueryNode | null {
  const children: QueryNode[] = [];
  for (const n of nodes) {
    if (n.kind === kind) children.push(...n.children);
    else children.push(n);
  }
  if (children.length === 0) return null;
  if (children.length === 1) return children[0] ?? null;
  return { kind, children, start, end };
}

function negate(node: QueryNode, start: number, end: number): QueryNode {
  return node.kind === 'not' ? node.child : { kind: 'not', child: node, start, end };
}

class Parser {
  private readonly lexer: QueryLexer;
  private clauses = 0;

  constructor(text: string) {
    this.lexer = new QueryLexer(text);
  }

  parse(): ParsedQuery {
    const part = this.parseOr(0);
    const rest = this.peek();
    if (rest.type === 'rparen') throw invalidQuery("this ')' has no matching '('", rest.start);
    const filters = part.filters.map((f) => f.filter);
    const text = part.node;
    if ((text === null || !isPositive(text)) && !filters.some((f) => !f.negated)) {
      throw invalidQuery(
        'a query needs at least one word, phrase or filter that is not excluded',
        part.start,
      );
    }
    return { text, filters };
  }

  private peek(): Token {
    return this.lexer.peek();
  }

  private next(): Token {
    return this.lexer.next();
  }

  // ---- parser ----

  private static startsUnary(t: Token): boolean {
    switch (t.type) {
      case 'term':
      case 'phrase':
      case 'filter':
      case 'lparen':
      case 'minus':
      case 'not':
        return true;
      default:
        return false;
    }
  }

  /** After the operator `op`, the next token must start an operand. */
  private expectOperand(op: 'and' | 'or' | 'not' | 'minus', at: number): void {
    const t = this.peek();
    if (Parser.startsUnary(t)) return;
    if (t.type === 'and' || t.type === 'or') throw binaryWithoutOperand(t.type, t.start);
    if (op === 'not') throw invalidQuery('NOT needs a term after it', at);
    // The lexer emits '-' only before something else than ')' or the end; kept for completeness.
    if (op === 'minus') throw loneMinus(at);
    throw binaryWithoutOperand(op, at);
  }

  private parseOr(depth: number): Part {
    const branches: Part[] = [this.parseAnd(depth)];
    let firstOr = -1;
    for (let t = this.peek(); t.type === 'or'; t = this.peek()) {
      this.next();
      if (firstOr === -1) firstOr = t.start;
      this.expectOperand('or', t.start);
      branches.push(this.parseAnd(depth));
    }
    const first = branches[0] as Part;
    if (branches.length === 1) return first;
    const nodes: QueryNode[] = [];
    const lifted: FilterItem[] = [];
    for (const b of branches) {
      const f = b.filters[0];
      // At the top level, `a OR b lang:en` means (a OR b) lang:en: filters always apply to the
      // whole query, and a facet appended to an OR query must not break it. A branch that is only
      // filters, or filters inside parentheses, would read as something filters cannot mean.
      if (f !== undefined && (depth > 0 || b.node === null)) throw misplacedFilter(f);
      lifted.push(...b.filters);
      if (b.node !== null) nodes.push(b.node);
    }
    if (!nodes.some(isPositive)) {
      throw invalidQuery(
        'OR needs a word or phrase that is not excluded on at least one side',
        firstOr,
      );
    }
    const end = (branches[branches.length - 1] as Part).end;
    return {
      node: combine('or', nodes, first.start, end),
      filters: lifted,
      start: first.start,
      end,
    };
  }

  private parseAnd(depth: number): Part {
    const parts: Part[] = [this.parseUnary(depth)];
    for (;;) {
      const t = this.peek();
      if (t.type === 'and') {
        this.next();
        this.expectOperand('and', t.start);
      } else if (!Parser.startsUnary(t)) {
        break;
      }
      parts.push(this.parseUnary(depth));
    }
    const first = parts[0] as Part;
    if (parts.length === 1) return first;
    const end = (parts[parts.length - 1] as Part).end;
    const nodes: QueryNode[] = [];
    const filters: FilterItem[] = [];
    // The text node spans its own parts only, not the filters around them.
    let textStart = -1;
    let textEnd = -1;
    for (const p of parts) {
      if (p.node !== null) {
        nodes.push(p.node);
        if (textStart === -1) textStart = p.start;
        textEnd = p.end;
      }
      filters.push(...p.filters);
    }
    const node = combine('and', nodes, textStart, textEnd);
    return { node, filters, start: first.start, end };
  }

  private parseUnary(depth: number): Part {
    const ops: number[] = [];
    for (let t = this.peek(); t.type === 'minus' || t.type === 'not'; t = this.peek()) {
      this.next();
      this.expectOperand(t.type === 'minus' ? 'minus' : 'not', t.start);
      ops.push(t.start);
    }
    let part = this.parsePrimary(depth);
    for (let k = ops.length - 1; k >= 0; k--) {
      const start = ops[k] as number;
      const item = part.filters[0];
      if (item !== undefined && part.node === null && part.filters.length === 1) {
        const filter = { ...item.filter, negated: !item.filter.negated, start };
        part = { node: null, filters: [{ filter, at: item.at }], start, end: part.end };
      } else if (part.node !== null && part.filters.length === 0) {
        part = { node: negate(part.node, start, part.end), filters: [], start, end: part.end };
      }
      // Anything else would be a negated group holding filters, already refused.
    }
    return part;
  }

  private parsePrimary(depth: number): Part {
    const t = this.next();
    switch (t.type) {
      case 'term':
      case 'phrase': {
        this.countClause(t.start);
        const node: TermNode | PhraseNode =
          t.type === 'term'
            ? { kind: 'term', text: t.text, prefix: t.prefix, start: t.start, end: t.end }
            : { kind: 'phrase', text: t.text, start: t.start, end: t.end };
        return { node, filters: [], start: t.start, end: t.end };
      }
      case 'filter': {
        const filter: QueryFilter = {
          field: t.field,
          values: t.values,
          negated: false,
          start: t.start,
          end: t.end,
        };
        return { node: null, filters: [{ filter, at: t.start }], start: t.start, end: t.end };
      }
      case 'lparen':
        return this.parseGroup(t.start, depth + 1);
      case 'and':
      case 'or':
        throw binaryWithoutOperand(t.type, t.start);
      case 'rparen':
        throw invalidQuery("this ')' has no matching '('", t.start);
      default:
        // 'eof' (operators check for an operand first) and 'minus'/'not' (taken by parseUnary).
        throw invalidQuery('the query ends too early', t.start);
    }
  }

  private parseGroup(open: number, depth: number): Part {
    if (depth > QUERY_LIMITS.maxDepth) {
      throw invalidQuery(`parentheses are nested more than ${QUERY_LIMITS.maxDepth} deep`, open);
    }
    const unclosed = () => invalidQuery(`the '(' at character ${open + 1} is never closed`, open);
    const first = this.peek();
    if (first.type === 'rparen') throw invalidQuery('the parentheses are empty', open);
    if (first.type === 'eof') throw unclosed();
    const inner = this.parseOr(depth);
    const f = inner.filters[0];
    if (f !== undefined) throw misplacedFilter(f);
    const close = this.next();
    if (close.type !== 'rparen') throw unclosed();
    // A grouped and/or spans its parentheses; a lone term or phrase keeps its own span.
    const node =
      inner.node !== null && (inner.node.kind === 'and' || inner.node.kind === 'or')
        ? { ...inner.node, start: open, end: close.end }
        : inner.node;
    return { node, filters: [], start: open, end: close.end };
  }

  private countClause(at: number): void {
    this.clauses++;
    if (this.clauses > QUERY_LIMITS.maxClauses) {
      throw invalidQuery(
        `the query has more than ${QUERY_LIMITS.maxClauses} words and phrases`,
        at,
      );
    }
  }
}

const binaryWithoutOperand = (op: 'and' | 'or', at: number) =>
  invalidQuery(`${op.toUpperCase()} needs a term on both sides`, at);

const misplacedFilter = (f: FilterItem) =>
  invalidQuery(
    `filters apply to the whole query; put ${f.filter.field}:… outside parentheses and OR`,
    f.at,
  );

/**
 * Parses a search query. Throws an `invalid_query` PillarsError (with the offending `position`)
 * for anything that is not a valid query, and never anything else.
 */
export function parseQuery(text: string): ParsedQuery {
  if (text.length > QUERY_LIMITS.maxLength) {
    throw invalidQuery(
      `the query is ${text.length} characters long; the limit is ${QUERY_LIMITS.maxLength}`,
      QUERY_LIMITS.maxLength,
    );
  }
  if (text.trim() === '') throw invalidQuery('the query is empty', 0);
  return new Parser(text).parse();
}
