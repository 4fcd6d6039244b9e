/**
 * The search page's address and the facet filters it writes into the query text: a facet click
 * must add exactly one visible filter, and a second click must give back what was typed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../domain/language-codes.js';
import type { SearchGroup, SearchHit, SearchResponse } from './api-types.js';
import {
  addFilter,
  FILTER_FIELDS,
  findFilters,
  formatFilter,
  hasFilter,
  mergeSearchPages,
  readSearchState,
  removeFilter,
  searchHref,
  splitAtPosition,
  toggleFilter,
  toggleLang,
} from './search-query.js';

/** Queries built from the pieces that matter to the scanner: fields, quotes, lists, negation. */
const pieces = fc.oneof(
  fc.constantFrom(
    'year:',
    'lang:',
    'state:',
    'action:',
    'meeting:',
    'type:',
    'symbol:',
    '"',
    '“',
    '”',
    '«',
    '»',
    ' ',
    '  ',
    ',',
    '(',
    ')',
    '-',
    'NOT ',
    ' OR ',
    ':',
    '*',
    '2015',
    'fr',
    'FRA',
    '21',
    'WP',
    'désarmement',
    'ядерное',
    '核裁军',
    'نزع',
  ),
  fc.string({ maxLength: 4 }),
);
const queries = fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join(''));
const fields = fc.constantFrom(...FILTER_FIELDS);
const values = fc.oneof(
  fc.constantFrom('2015', 'fr', 'FRA', '21', 'WP', 'NPT-2015-RC', 'a b', 'x,y', '(z)', 'ü'),
  fc.string({ minLength: 1, maxLength: 6 }),
);

describe('facet filters in the query text', () => {
  it('adds a filter at the end, quoted when it is not one bare word', () => {
    expect(addFilter('', 'year', '2015')).toBe('year:2015');
    expect(addFilter('nuclear disarmament', 'state', 'FRA')).toBe('nuclear disarmament state:FRA');
    expect(addFilter('safeguards', 'meeting', 'NPT 2015')).toBe('safeguards meeting:"NPT 2015"');
    expect(formatFilter('type', 'a,b')).toBe('type:"a,b"');
    expect(formatFilter('symbol', 'say "no"')).toBe('symbol:“say "no"”');
  });

  it('puts the filter first where the end of the query would swallow or negate it', () => {
    expect(addFilter('x NOT', 'year', '2015')).toBe('year:2015 x NOT');
    expect(addFilter('"open', 'year', '2015')).toBe('year:2015 "open');
    expect(addFilter('-NOT', 'year', '2015')).toBe('year:2015 -NOT');
    expect(removeFilter('year:2015 x NOT', 'year', '2015')).toBe('x NOT');
  });

  it('does not add a filter the query already has, in any case', () => {
    expect(addFilter('x lang:FR', 'lang', 'fr')).toBe('x lang:FR');
    expect(addFilter('x year:2010,2015', 'year', '2015')).toBe('x year:2010,2015');
  });

  it('removes the filter and one space beside it', () => {
    expect(removeFilter('nuclear year:2015', 'year', '2015')).toBe('nuclear');
    expect(removeFilter('year:2015 nuclear', 'year', '2015')).toBe('nuclear');
    expect(removeFilter('a year:2015 b', 'year', '2015')).toBe('a b');
    expect(removeFilter('a meeting:"NPT 2015" b', 'meeting', 'NPT 2015')).toBe('a b');
  });

  it('removes one value from a list and keeps the others', () => {
    expect(removeFilter('a year:2010,2015,2020', 'year', '2015')).toBe('a year:2010,2020');
    expect(removeFilter('a year:2010,2015', 'year', '2015')).toBe('a year:2010');
    expect(removeFilter('a state:FRA,"X Y"', 'state', 'FRA')).toBe('a state:"X Y"');
  });

  it('compares values as the index does, case and punctuation aside', () => {
    expect(hasFilter('x meeting:NPT-REVCON-2015', 'meeting', 'npt_revcon_2015')).toBe(true);
    expect(hasFilter('x state:fra', 'state', 'FRA')).toBe(true);
    expect(removeFilter('x state:fra', 'state', 'FRA')).toBe('x');
    expect(hasFilter('x year:2015', 'year', '2016')).toBe(false);
  });

  it('leaves exclusions and phrases alone', () => {
    expect(hasFilter('a -year:2015', 'year', '2015')).toBe(false);
    expect(removeFilter('a -year:2015', 'year', '2015')).toBe('a -year:2015');
    expect(hasFilter('"see year:2015 here"', 'year', '2015')).toBe(false);
    expect(addFilter('"see year:2015"', 'year', '2015')).toBe('"see year:2015" year:2015');
    expect(hasFilter('xyear:2015', 'year', '2015')).toBe(false);
    expect(hasFilter('(a OR b) (year:2015)', 'year', '2015')).toBe(true);
    expect(hasFilter('a NOT year:2015', 'year', '2015')).toBe(false);
    expect(hasFilter('a --year:2015', 'year', '2015')).toBe(true);
    expect(hasFilter('a NOT -year:2015', 'year', '2015')).toBe(true);
    expect(hasFilter('a x-year:2015', 'year', '2015')).toBe(false);
    expect(hasFilter('«a year:2015 b» c', 'year', '2015')).toBe(false);
    expect(hasFilter('"a"year:2015', 'year', '2015')).toBe(true);
    expect(hasFilter('YEAR:2015', 'year', '2015')).toBe(true);
  });

  it('reads the filters with their offsets', () => {
    expect(findFilters('war -lang:fr,"es" year:')).toEqual([
      {
        field: 'lang',
        negated: true,
        values: [
          { text: 'fr', start: 10, end: 12 },
          { text: 'es', start: 13, end: 17 },
        ],
        start: 4,
        end: 17,
      },
      {
        field: 'year',
        negated: false,
        values: [{ text: '', start: 23, end: 23 }],
        start: 18,
        end: 23,
      },
    ]);
    expect(findFilters('color:red words')).toEqual([]);
  });

  it('gives back the query when a filter is added, then removed', () => {
    fc.assert(
      fc.property(queries, fields, values, (q, field, value) => {
        fc.pre(!hasFilter(q, field, value));
        const added = addFilter(q, field, value);
        expect(hasFilter(added, field, value)).toBe(true);
        expect(removeFilter(added, field, value)).toBe(q);
        expect(toggleFilter(toggleFilter(q, field, value), field, value)).toBe(q);
      }),
      { numRuns: 2000 },
    );
  });

  it('removes every positive filter on the value', () => {
    fc.assert(
      fc.property(queries, fields, values, (q, field, value) => {
        expect(hasFilter(removeFilter(q, field, value), field, value)).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the error position', () => {
  it('cuts the query around the character at the position', () => {
    expect(splitAtPosition('a (b', 2)).toEqual({ before: 'a ', at: '(', after: 'b' });
    expect(splitAtPosition('"open', 5)).toEqual({ before: '"open', at: '', after: '' });
    expect(splitAtPosition('x', 99)).toEqual({ before: 'x', at: '', after: '' });
    expect(splitAtPosition('a😀b', 2)).toEqual({ before: 'a', at: '😀', after: 'b' });
  });

  it('always keeps the whole query', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.integer({ min: -5, max: 50 }), (q, at) => {
        const parts = splitAtPosition(q, at);
        expect(`${parts.before}${parts.at}${parts.after}`).toBe(q);
      }),
    );
  });
});

describe('the search address', () => {
  it('writes only what differs from the defaults', () => {
    expect(searchHref({})).toBe('/search');
    expect(searchHref({ q: 'nuclear year:2015', langs: ['fr', 'ar'], across: true })).toBe(
      '/search?q=nuclear+year%3A2015&langs=ar,fr&across=true',
    );
  });

  it('reads what it wrote', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.subarray([...LANGUAGES]),
        fc.boolean(),
        fc.option(fc.string({ minLength: 1 }), { nil: undefined }),
        (q, langs, across, cursor) => {
          const state = { q, langs, across, cursor };
          const url = new URL(searchHref(state), 'http://x');
          expect(url.pathname).toBe('/search');
          expect(readSearchState(url.searchParams)).toEqual(state);
        },
      ),
    );
  });

  it('drops unknown languages and keeps UN order', () => {
    const state = readSearchState(new URLSearchParams('q=x&langs=es,xx,ar,es&across=1'));
    expect(state).toEqual({ q: 'x', langs: ['ar', 'es'], across: true, cursor: undefined });
    expect(toggleLang(['ar', 'es'], 'fr')).toEqual(['ar', 'fr', 'es']);
    expect(toggleLang(['ar', 'es'], 'ar')).toEqual(['es']);
  });
});

describe('pages of results', () => {
  const hit = (eId: string, via: SearchHit['via'] = 'query'): SearchHit => ({
    expressionId: 'e',
    eId,
    kind: 'paragraph',
    num: null,
    position: 0,
    score: 1,
    snippet: [{ text: eId, hit: false }],
    via,
  });
  const group = (expressionId: string, hits: SearchHit[]): SearchGroup => ({
    workId: 'w',
    symbol: null,
    expressionId,
    lang: 'en',
    title: null,
    date: null,
    docType: null,
    meetingId: null,
    hits,
  });
  const page = (groups: SearchGroup[], nextCursor: string | null): SearchResponse => ({
    query: 'q',
    total: { value: 9, exact: true },
    groups,
    facets: null,
    expansions: [],
    nextCursor,
    tookMs: 1,
  });

  it('keeps a group that goes on over a page break as one, and the last cursor', () => {
    const merged = mergeSearchPages(
      page([group('a', [hit('p1')]), group('b', [hit('p1')])], 'c1'),
      [
        page(
          [group('b', [hit('p1'), hit('p2'), hit('p1', 'aligned')]), group('c', [hit('p3')])],
          null,
        ),
      ],
    );
    expect(
      merged.groups.map((g) => [g.expressionId, g.hits.map((h) => `${h.via}:${h.eId}`)]),
    ).toEqual([
      ['a', ['query:p1']],
      ['b', ['query:p1', 'query:p2', 'aligned:p1']],
      ['c', ['query:p3']],
    ]);
    expect(merged.nextCursor).toBeNull();
    expect(merged.total).toEqual({ value: 9, exact: true });
  });
});
