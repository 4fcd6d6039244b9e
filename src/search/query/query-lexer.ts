/**
 * @module The search query's lexer: tokens on demand (terms, prefixes, phrases, filters with
 * their checked values, parentheses and operators), each with its offsets. Every problem it finds
 * is an `invalid_query` PillarsError pointing at the culprit. The parser (parse-query.ts) pulls
 * tokens with `peek` and `next`.
 */
import { invalidQuery } from '../../domain/errors.js';
import { LANGUAGES } from '../../domain/language-codes.js';
import { FILTER_FIELDS, QUERY_LIMITS, type FilterField } from './query-ast.js';

/** The languages `lang:` accepts: the six UN languages and `und` (undetermined). */
export const QUERY_LANGUAGES: readonly string[] = [...LANGUAGES, 'und'];

/** Opening phrase delimiters and the character that closes each. */
export const PHRASE_QUOTES: Readonly<Record<string, string>> = {
  '"': '"',
  '\u201c': '\u201d', // “ ”
  '\u00ab': '\u00bb', // « »
};

/** The upper-case words that are operators rather than terms. */
export const OPERATOR_WORDS: ReadonlySet<string> = new Set(['AND', 'OR', 'NOT']);

const FIELD_PREFIX = /\p{L}+:/uy;

/**
 * The filter name if a filter starts at `at` in `s` (letters, then ':'), else null. Only letters
 * may come before the colon, so `10:30` stays a term.
 */
export function filterNameAt(s: string, at: number): string | null {
  FIELD_PREFIX.lastIndex = at;
  const m = FIELD_PREFIX.exec(s);
  return m === null ? null : m[0].slice(0, -1);
}

const WHITESPACE = /\s/;
const isSpace = (c: string) => WHITESPACE.test(c);
const isQuote = (c: string) => Object.hasOwn(PHRASE_QUOTES, c);
/** Characters that end a term. */
const endsTerm = (c: string) => isSpace(c) || c === '(' || c === ')' || isQuote(c);
/** Characters that end an unquoted filter value. */
const endsValue = (c: string) => endsTerm(c) || c === ',';

/** Length in code points (what a user would count as characters; an emoji is one). */
export const codePoints = (s: string) => [...s].length;

const isFilterField = (s: string): s is FilterField =>
  (FILTER_FIELDS as readonly string[]).includes(s);

export type Token =
  | {
      readonly type: 'term';
      readonly start: number;
      readonly end: number;
      readonly text: string;
      readonly prefix: boolean;
    }
  | { readonly type: 'phrase'; readonly start: number; readonly end: number; readonly text: string }
  | {
      readonly type: 'filter';
      readonly start: number;
      readonly end: number;
      readonly field: FilterField;
      readonly values: readonly string[];
    }
  | {
      readonly type: 'lparen' | 'rparen' | 'minus' | 'and' | 'or' | 'not' | 'eof';
      readonly start: number;
      readonly end: number;
    };

export class QueryLexer {
  private pos = 0;
  private peeked: Token | undefined;

  constructor(private readonly text: string) {}

  peek(): Token {
    this.peeked ??= this.lex();
    return this.peeked;
  }

  next(): Token {
    const t = this.peek();
    this.peeked = undefined;
    return t;
  }

  private lex(): Token {
    const s = this.text;
    let i = this.pos;
    while (i < s.length && isSpace(s.charAt(i))) i++;
    if (i >= s.length) {
      this.pos = s.length;
      return { type: 'eof', start: s.length, end: s.length };
    }
    const c = s.charAt(i);
    if (c === '(' || c === ')') {
      this.pos = i + 1;
      return { type: c === '(' ? 'lparen' : 'rparen', start: i, end: i + 1 };
    }
    if (isQuote(c)) return this.lexPhrase(i);
    if (c === '-') {
      const after = s.charAt(i + 1);
      if (after === '' || isSpace(after) || after === ')') {
        throw loneMinus(i);
      }
      this.pos = i + 1;
      return { type: 'minus', start: i, end: i + 1 };
    }
    const field = filterNameAt(s, i);
    if (field !== null) return this.lexFilter(i, field);

    let j = i;
    while (j < s.length && !endsTerm(s.charAt(j))) j++;
    this.pos = j;
    const word = s.slice(i, j);
    if (word === 'AND') return { type: 'and', start: i, end: j };
    if (word === 'OR') return { type: 'or', start: i, end: j };
    if (word === 'NOT') return { type: 'not', start: i, end: j };
    const star = word.indexOf('*');
    if (star === -1) return { type: 'term', start: i, end: j, text: word, prefix: false };
    if (star !== word.length - 1) throw invalidQuery("a '*' can only end a word", i + star);
    const stem = word.slice(0, -1);
    if (codePoints(stem) < QUERY_LIMITS.minPrefix) {
      throw invalidQuery(
        `a '*' needs at least ${QUERY_LIMITS.minPrefix} characters before it (e.g. disarm*)`,
        i + star,
      );
    }
    return { type: 'term', start: i, end: j, text: stem, prefix: true };
  }

  /** The text between the quote at `open` and its closing quote; `pos` moves past the latter. */
  private quoted(open: number): string {
    const s = this.text;
    const close = s.indexOf(PHRASE_QUOTES[s.charAt(open)] ?? '"', open + 1);
    if (close === -1) {
      throw invalidQuery(`the quote at character ${open + 1} is never closed`, open);
    }
    this.pos = close + 1;
    return s.slice(open + 1, close);
  }

  private lexPhrase(open: number): Token {
    const text = this.quoted(open);
    if (text.trim() === '') throw invalidQuery('the phrase is empty', open);
    return { type: 'phrase', start: open, end: this.pos, text };
  }

  private lexFilter(start: number, name: string): Token {
    const s = this.text;
    const field = name.toLowerCase();
    if (!isFilterField(field)) {
      throw invalidQuery(`unknown filter '${name}' (filters: ${FILTER_FIELDS.join(', ')})`, start);
    }
    const values: string[] = [];
    let p = start + name.length + 1;
    for (;;) {
      const at = p;
      let value: string;
      if (p < s.length && isQuote(s.charAt(p))) {
        value = this.quoted(p);
        p = this.pos;
      } else {
        while (p < s.length && !endsValue(s.charAt(p))) p++;
        value = s.slice(at, p);
      }
      if (value.trim() === '') {
        throw invalidQuery(
          values.length === 0
            ? `the filter ${field}: needs a value`
            : `the filter ${field}: has an empty value in its list`,
          at,
        );
      }
      values.push(checkValue(field, value, at));
      if (s.charAt(p) !== ',') break;
      p++;
    }
    this.pos = p;
    return { type: 'filter', start, end: p, field, values };
  }
}

export const loneMinus = (at: number) =>
  invalidQuery(
    "a '-' must be attached to the word, phrase or group it excludes (e.g. -weapons)",
    at,
  );

/** Checks one filter value; returns it normalised (lower-case language, plain action number). */
function checkValue(field: FilterField, value: string, at: number): string {
  switch (field) {
    case 'lang': {
      const lang = value.toLowerCase();
      if (!QUERY_LANGUAGES.includes(lang)) {
        throw invalidQuery(
          `unknown language '${value}' in lang: (languages: ${QUERY_LANGUAGES.join(', ')})`,
          at,
        );
      }
      return lang;
    }
    case 'year': {
      const range = /^(\d{4})\.\.(\d{4})$/.exec(value);
      if (range !== null) {
        if (Number(range[1]) > Number(range[2])) {
          throw invalidQuery(`the year range ${value} ends before it starts`, at);
        }
        return value;
      }
      if (/^\d{4}$/.test(value)) return value;
      throw invalidQuery(
        `year: takes a 4-digit year or a range like 2010..2015, not '${value}'`,
        at,
      );
    }
    case 'action': {
      const n = /^\d{1,3}$/.test(value) ? Number(value) : NaN;
      if (!(n >= 1 && n <= 64)) {
        throw invalidQuery(`action: takes an action number from 1 to 64, not '${value}'`, at);
      }
      return String(n);
    }
    default:
      return value;
  }
}
