/**
 * The search page's state and the filters written in its query text. The whole state lives in the
 * address (`/search?q=&langs=&across=&cursor=`) so a search can be shared and the back button
 * works. A facet the reader picks is written into the query text itself (`… year:2015`), where it
 * is visible and editable, rather than kept in a hidden parameter; these functions add and remove
 * such filters without touching the rest of what was typed.
 */
import { isLang, LANGUAGES, type Lang } from '../domain/language-codes.js';
import { FILTER_FIELDS, type FilterField } from '../domain/search-filters.js';
import type { SearchGroup, SearchResponse } from './api-types.js';

export interface SearchState {
  /** The query as typed: words, "phrases", OR, -exclusions, prefix*, field:value filters. */
  readonly q: string;
  /** The languages to search in (the API's `lang`); empty means all six. */
  readonly langs: readonly Lang[];
  /** Expand the query into the other languages and add aligned language versions. */
  readonly across: boolean;
  /** Where the first page shown starts (a `nextCursor` of the API). */
  readonly cursor: string | undefined;
}

/**
 * The page's own parameter for languages is `langs`, not `lang`: `?lang=` already chooses the
 * UI language when a page is opened, and choosing a UI language removes it from the address.
 */
const LANGS_PARAM = 'langs';

/** Known languages only, each once, in UN order (so equal selections give equal addresses). */
export function normalizeLangs(values: Iterable<string>): Lang[] {
  const wanted = new Set(values);
  return LANGUAGES.filter((code) => wanted.has(code));
}

export function readSearchState(params: URLSearchParams): SearchState {
  const across = params.get('across');
  const cursor = params.get('cursor') ?? '';
  return {
    q: params.get('q') ?? '',
    langs: normalizeLangs((params.get(LANGS_PARAM) ?? '').split(',').map((s) => s.trim())),
    across: across === 'true' || across === '1',
    cursor: cursor === '' ? undefined : cursor,
  };
}

/** `/search?q=nuclear+year%3A2015&langs=fr,es&across=true`; parameters at their defaults left out. */
export function searchHref(state: Partial<SearchState>): string {
  const params = new URLSearchParams();
  if (state.q !== undefined && state.q !== '') params.set('q', state.q);
  const langs = normalizeLangs(state.langs ?? []);
  const parts = [params.toString()];
  // Language codes need no escaping; a literal comma reads better than %2C.
  if (langs.length > 0) parts.push(`${LANGS_PARAM}=${langs.join(',')}`);
  if (state.across === true) parts.push('across=true');
  if (state.cursor !== undefined && state.cursor !== '') {
    parts.push(new URLSearchParams({ cursor: state.cursor }).toString());
  }
  const search = parts.filter((part) => part !== '').join('&');
  return search === '' ? '/search' : `/search?${search}`;
}

/** Adds the language to the selection, or removes it when already selected. */
export function toggleLang(langs: readonly Lang[], lang: string): Lang[] {
  if (!isLang(lang)) return [...langs];
  return langs.includes(lang)
    ? langs.filter((code) => code !== lang)
    : normalizeLangs([...langs, lang]);
}

/* ---- filters in the query text ---- */

/** The fields the query language knows; the six facets are among them. */
export { FILTER_FIELDS, type FilterField };

const isFilterField = (value: string): value is FilterField =>
  (FILTER_FIELDS as readonly string[]).includes(value);

interface ValueSpan {
  /** The value without its quotes. */
  readonly text: string;
  /** Offsets of the value as written, quotes included. */
  readonly start: number;
  readonly end: number;
}

/** One `field:value` or `-field:a,"b c"` as written, with its offsets in the query. */
export interface FilterToken {
  readonly field: FilterField;
  /** Excluded: after an odd number of `-` / `NOT`. */
  readonly negated: boolean;
  readonly values: readonly ValueSpan[];
  /** From its first `-` or `NOT`, if any, to the end of its last value. */
  readonly start: number;
  readonly end: number;
}

/*
 * The lexical rules of the query language, as src/search/query/parse-query.ts applies them (kept
 * here rather than imported, so the browser bundle does not carry the server's parser).
 */

/** Phrase delimiters: the opening character and the one that closes it. */
const PHRASE_QUOTES: Readonly<Record<string, string>> = { '"': '"', '“': '”', '«': '»' };
const isQuote = (c: string) => Object.hasOwn(PHRASE_QUOTES, c);
const isSpace = (c: string) => /\s/u.test(c);
/** What ends a word: space, a parenthesis or an opening quote. */
const endsTerm = (c: string) => isSpace(c) || c === '(' || c === ')' || isQuote(c);
/** What ends an unquoted filter value: the same, and a list's comma. */
const endsValue = (c: string) => endsTerm(c) || c === ',';
/** A filter starts with letters and a colon (`10:30` is a word). */
const FIELD_PREFIX = /\p{L}+:/uy;

/** Where the phrase opening at `open` ends (after its closing quote, or at the end if none). */
function phraseEnd(q: string, open: number): number {
  const close = q.indexOf(PHRASE_QUOTES[q.charAt(open)] ?? '"', open + 1);
  return close === -1 ? q.length : close + 1;
}

/** The values after `field:`, a comma-separated list of bare or quoted values. */
function readValues(q: string, from: number): { values: ValueSpan[]; end: number } {
  const values: ValueSpan[] = [];
  let at = from;
  for (;;) {
    if (at < q.length && isQuote(q.charAt(at))) {
      const close = q.indexOf(PHRASE_QUOTES[q.charAt(at)] ?? '"', at + 1);
      const end = close === -1 ? q.length : close + 1;
      values.push({ text: q.slice(at + 1, close === -1 ? q.length : close), start: at, end });
      at = end;
    } else {
      let end = at;
      while (end < q.length && !endsValue(q.charAt(end))) end += 1;
      values.push({ text: q.slice(at, end), start: at, end });
      at = end;
    }
    if (q.charAt(at) !== ',') return { values, end: at };
    at += 1;
  }
}

/**
 * The filters written in a query, in order, read as the server's parser reads them: not inside
 * a "phrase", not inside a word (`x-year:2015`), and negated by the `-` or `NOT` before them.
 */
export function findFilters(q: string): FilterToken[] {
  const tokens: FilterToken[] = [];
  // The `-` and `NOT` waiting for their operand: where the first began, and how many.
  let negations = 0;
  let negationStart = -1;
  const negate = (at: number) => {
    if (negations === 0) negationStart = at;
    negations += 1;
  };
  let at = 0;
  while (at < q.length) {
    const c = q.charAt(at);
    if (isSpace(c)) {
      at += 1;
      continue;
    }
    if (c === '-' && at + 1 < q.length && !isSpace(q.charAt(at + 1)) && q.charAt(at + 1) !== ')') {
      negate(at);
      at += 1;
      continue;
    }
    FIELD_PREFIX.lastIndex = at;
    const prefix = FIELD_PREFIX.exec(q)?.[0];
    const field = prefix?.slice(0, -1).toLowerCase();
    if (prefix !== undefined && field !== undefined && isFilterField(field)) {
      const { values, end } = readValues(q, at + prefix.length);
      const start = negations > 0 ? negationStart : at;
      tokens.push({ field, negated: negations % 2 === 1, values, start, end });
      at = end;
    } else if (isQuote(c)) {
      at = phraseEnd(q, at);
    } else if (c === '(' || c === ')') {
      at += 1;
    } else {
      let end = at;
      // A word (an unknown `field:value` too, which the server refuses with its position).
      while (end < q.length && !endsTerm(q.charAt(end))) end += 1;
      if (q.slice(at, end) === 'NOT') {
        negate(at);
        at = end;
        continue;
      }
      at = end;
    }
    negations = 0;
  }
  return tokens;
}

/**
 * Values compare as the index stores them: case and punctuation aside (`NPT-REVCON-2015` is
 * `npt_revcon_2015`, `FRA` is `fra`), so a facet is marked chosen however its filter was typed.
 */
export function filterKey(value: string): string {
  const key = value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
  return key === '' ? value.toLowerCase() : key;
}

const sameValue = (a: string, b: string) => filterKey(a) === filterKey(b);

/** Whether the query keeps only results with this value (a `-field:value` excludes, so no). */
export function hasFilter(q: string, field: FilterField, value: string): boolean {
  return findFilters(q).some(
    (token) =>
      !token.negated && token.field === field && token.values.some((v) => sameValue(v.text, value)),
  );
}

/**
 * `year:2015`, `meeting:"NPT 2015"`: a value that would not read as one bare value is quoted,
 * with the first kind of quotes it does not contain.
 */
export function formatFilter(field: FilterField, value: string): string {
  const bare = value !== '' && ![...value].some((c) => endsValue(c));
  if (bare) return `${field}:${value}`;
  const quotes = Object.entries(PHRASE_QUOTES).find(([, close]) => !value.includes(close));
  // A value holding every closing quote cannot be written; facet values are identifiers.
  const [open, close] = quotes ?? ['"', '"'];
  return `${field}:${open}${quotes === undefined ? value.replaceAll('"', '') : value}${close}`;
}

/**
 * The query with ` field:value` appended, unless it already filters on that value. Where the end
 * of the query would swallow the filter or bind to it (an open quote, a trailing `NOT` or `-`),
 * it goes first instead.
 */
export function addFilter(q: string, field: FilterField, value: string): string {
  if (hasFilter(q, field, value)) return q;
  const filter = formatFilter(field, value);
  if (q === '') return filter;
  const appended = `${q} ${filter}`;
  // It must read as a filter of its own: not inside an open phrase, not after a `-` or `NOT`.
  const fresh = findFilters(appended).some(
    (token) => token.start === q.length + 1 && !token.negated,
  );
  return fresh ? appended : `${filter} ${q}`;
}

/**
 * The query without the filters on this value: the whole `field:value` (and one space beside it)
 * or, from a list `field:a,b`, only that value and its comma. Exclusions are left alone.
 */
export function removeFilter(q: string, field: FilterField, value: string): string {
  const tokens = findFilters(q).filter((token) => !token.negated && token.field === field);
  let result = q;
  // From the end, so the earlier offsets stay valid.
  for (const token of tokens.reverse()) {
    const kept = token.values.filter((v) => !sameValue(v.text, value));
    if (kept.length === token.values.length) continue;
    if (kept.length > 0) {
      const head = result.slice(token.start, token.values[0]?.start ?? token.end);
      const list = kept.map((v) => result.slice(v.start, v.end)).join(',');
      result = `${result.slice(0, token.start)}${head}${list}${result.slice(token.end)}`;
      continue;
    }
    let from = token.start;
    let to = token.end;
    if (from > 0 && isSpace(result.charAt(from - 1))) from -= 1;
    else if (to < result.length && isSpace(result.charAt(to))) to += 1;
    result = `${result.slice(0, from)}${result.slice(to)}`;
  }
  return result;
}

/** A facet click: adds the filter, or removes it when the query already has it. */
export function toggleFilter(q: string, field: FilterField, value: string): string {
  return hasFilter(q, field, value) ? removeFilter(q, field, value) : addFilter(q, field, value);
}

/**
 * The query cut around the character an `invalid_query` error points at (a UTF-16 offset), so
 * the page can mark it. `at` is the whole character (both halves of a surrogate pair), or '' when
 * the error is at the end of the query.
 */
export function splitAtPosition(
  q: string,
  position: number,
): { before: string; at: string; after: string } {
  let start = Math.min(Math.max(Math.trunc(position), 0), q.length);
  const code = q.charCodeAt(start);
  // Inside a surrogate pair: mark the whole character.
  if (code >= 0xdc00 && code <= 0xdfff && start > 0) {
    const previous = q.charCodeAt(start - 1);
    if (previous >= 0xd800 && previous <= 0xdbff) start -= 1;
  }
  const point = q.codePointAt(start);
  const at = point === undefined ? '' : String.fromCodePoint(point);
  return { before: q.slice(0, start), at, after: q.slice(start + at.length) };
}

/* ---- pages of results ---- */

/**
 * The pages loaded so far as one result: the first page's totals, facets and expansions, every
 * page's groups in order, and the last page's cursor. A document's language version that goes on
 * from one page to the next stays one group, its paragraphs in the order they came.
 */
export function mergeSearchPages(
  first: SearchResponse,
  later: readonly SearchResponse[],
): SearchResponse {
  if (later.length === 0) return first;
  const groups = new Map<string, SearchGroup>();
  for (const page of [first, ...later]) {
    for (const group of page.groups) {
      const known = groups.get(group.expressionId);
      if (known === undefined) {
        groups.set(group.expressionId, group);
        continue;
      }
      const seen = new Set(known.hits.map((hit) => `${hit.via}:${hit.eId}`));
      const hits = group.hits.filter((hit) => !seen.has(`${hit.via}:${hit.eId}`));
      groups.set(group.expressionId, { ...known, hits: [...known.hits, ...hits] });
    }
  }
  return {
    ...first,
    groups: [...groups.values()],
    nextCursor: later.at(-1)?.nextCursor ?? null,
  };
}
