import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PillarsError } from '../../domain/errors.js';
import { formatQuery } from './format-query.js';
import { parseQuery } from './parse-query.js';
import { QUERY_LANGUAGES, codePoints } from './query-lexer.js';
import {
  FILTER_FIELDS,
  QUERY_LIMITS,
  type ParsedQuery,
  type QueryFilter,
  type QueryNode,
} from './query-ast.js';

// ---- helpers ----

type Bare =
  | { kind: 'term'; text: string; prefix: boolean }
  | { kind: 'phrase'; text: string }
  | { kind: 'and' | 'or'; children: Bare[] }
  | { kind: 'not'; child: Bare };
interface BareFilter {
  field: string;
  values: string[];
  negated: boolean;
}
interface BareQuery {
  text: Bare | null;
  filters: BareFilter[];
}

const term = (text: string, prefix = false): Bare => ({ kind: 'term', text, prefix });
const phrase = (text: string): Bare => ({ kind: 'phrase', text });
const and = (...children: Bare[]): Bare => ({ kind: 'and', children });
const or = (...children: Bare[]): Bare => ({ kind: 'or', children });
const not = (child: Bare): Bare => ({ kind: 'not', child });
const filter = (field: string, values: string[], negated = false): BareFilter => ({
  field,
  values,
  negated,
});

/** The tree without spans. */
function bareNode(n: QueryNode): Bare {
  switch (n.kind) {
    case 'term':
      return term(n.text, n.prefix);
    case 'phrase':
      return phrase(n.text);
    case 'not':
      return not(bareNode(n.child));
    case 'and':
    case 'or':
      return { kind: n.kind, children: n.children.map(bareNode) };
  }
}
const bareFilter = (f: QueryFilter): BareFilter => filter(f.field, [...f.values], f.negated);
const bare = (q: ParsedQuery): BareQuery => ({
  text: q.text === null ? null : bareNode(q.text),
  filters: q.filters.map(bareFilter),
});

/** What the parser should make of a hand-built tree: spans gone, same-kind nesting flattened. */
function normalize(n: QueryNode): Bare {
  switch (n.kind) {
    case 'not':
      return n.child.kind === 'not' ? normalize(n.child.child) : not(normalize(n.child));
    case 'and':
    case 'or': {
      const children = n.children
        .map(normalize)
        .flatMap((c) => (c.kind === n.kind ? c.children : [c]));
      return children.length === 1 ? (children[0] as Bare) : { kind: n.kind, children };
    }
    default:
      return bareNode(n);
  }
}

const parsed = (q: string) => bare(parseQuery(q));
const text = (q: string) => parsed(q).text;

function parseError(q: string): PillarsError {
  try {
    parseQuery(q);
  } catch (e) {
    if (e instanceof PillarsError) return e;
    throw e;
  }
  throw new Error(`expected ${JSON.stringify(q)} to be refused`);
}

// ---- examples ----

describe('parseQuery: filters beside OR at the top level', () => {
  it('apply to the whole query, as a facet appended to an OR query expects', () => {
    const q = parseQuery('nuclear OR atomic year:2015');
    expect(q.text?.kind).toBe('or');
    expect(q.filters.map((f) => [f.field, f.values])).toEqual([['year', ['2015']]]);
    const negated = parseQuery('a OR -lang:en b');
    expect(negated.text?.kind).toBe('or');
    expect(negated.filters.map((f) => [f.field, f.negated])).toEqual([['lang', true]]);
  });
});

describe('parseQuery: valid queries', () => {
  it.each<[string, Bare]>([
    ['nuclear', term('nuclear')],
    ['nuclear weapons', and(term('nuclear'), term('weapons'))],
    ['nuclear AND weapons', and(term('nuclear'), term('weapons'))],
    ['a OR b', or(term('a'), term('b'))],
    ['a b OR c', or(and(term('a'), term('b')), term('c'))],
    ['a OR b c', or(term('a'), and(term('b'), term('c')))],
    ['a AND b OR c AND d', or(and(term('a'), term('b')), and(term('c'), term('d')))],
    ['a (b OR c)', and(term('a'), or(term('b'), term('c')))],
    ['(a OR b) OR c', or(term('a'), term('b'), term('c'))],
    ['a (b c) d', and(term('a'), term('b'), term('c'), term('d'))],
    ['((a))', term('a')],
    ['nuclear -weapons', and(term('nuclear'), not(term('weapons')))],
    ['nuclear NOT weapons', and(term('nuclear'), not(term('weapons')))],
    ['nuclear AND NOT weapons', and(term('nuclear'), not(term('weapons')))],
    ['a -"b c"', and(term('a'), not(phrase('b c')))],
    ['a -(b OR c)', and(term('a'), not(or(term('b'), term('c'))))],
    ['a NOT (b c)', and(term('a'), not(and(term('b'), term('c'))))],
    ['a OR -b', or(term('a'), not(term('b')))],
    ['--a', term('a')],
    ['NOT -a', term('a')],
    ['a -(-b)', and(term('a'), term('b'))],
    ['well-known non-proliferation', and(term('well-known'), term('non-proliferation'))],
    ['a-', term('a-')],
    [
      'nuclear and weapons or not',
      and(term('nuclear'), term('and'), term('weapons'), term('or'), term('not')),
    ],
    ['And Or Not', and(term('And'), term('Or'), term('Not'))],
    ['ANDROID ORBIT', and(term('ANDROID'), term('ORBIT'))],
    ['AND*', term('AND', true)],
    ['disarm*', term('disarm', true)],
    ['ab*', term('ab', true)],
    ['核裁*', term('核裁', true)],
    ['x -disarm*', and(term('x'), not(term('disarm', true)))],
    ['"nuclear weapons"', phrase('nuclear weapons')],
    ['"a (b) OR -c*"', phrase('a (b) OR -c*')],
    ['\u201cnuclear weapons\u201d', phrase('nuclear weapons')],
    ['\u00ab armes nucléaires \u00bb', phrase(' armes nucléaires ')],
    ['\u201ca "b" c\u201d', phrase('a "b" c')],
    ['a"b c"d', and(term('a'), phrase('b c'), term('d'))],
    ['a\u201d b\u00bb', and(term('a\u201d'), term('b\u00bb'))],
    ['10:30', term('10:30')],
    ['a1:b', term('a1:b')],
    [':x', term(':x')],
    ['x-lang:en', term('x-lang:en')],
    ['核裁军 附加议定书', and(term('核裁军'), term('附加议定书'))],
    ['核裁军\u3000附加议定书', and(term('核裁军'), term('附加议定书'))],
    ['\u00a0a\tb\nc\u2003', and(term('a'), term('b'), term('c'))],
    ['(a)(b)', and(term('a'), term('b'))],
    ['a😀 😀😀*', and(term('a😀'), term('😀😀', true))],
  ])('%s', (q, expected) => {
    expect(text(q)).toEqual(expected);
  });

  it.each<[string, BareQuery]>([
    ['action:21', { text: null, filters: [filter('action', ['21'])] }],
    ['action:07', { text: null, filters: [filter('action', ['7'])] }],
    [
      'lang:fr year:2015',
      { text: null, filters: [filter('lang', ['fr']), filter('year', ['2015'])] },
    ],
    [
      'action:21 -lang:en',
      { text: null, filters: [filter('action', ['21']), filter('lang', ['en'], true)] },
    ],
    ['LANG:EN,Fr nuclear', { text: term('nuclear'), filters: [filter('lang', ['en', 'fr'])] }],
    ['lang:und', { text: null, filters: [filter('lang', ['und'])] }],
    ['year:2010..2015', { text: null, filters: [filter('year', ['2010..2015'])] }],
    ['year:2010..2010,1995', { text: null, filters: [filter('year', ['2010..2010', '1995'])] }],
    ['action:1,64', { text: null, filters: [filter('action', ['1', '64'])] }],
    [
      'state:"United Kingdom",FRA',
      { text: null, filters: [filter('state', ['United Kingdom', 'FRA'])] },
    ],
    [
      'symbol:NPT/CONF.2010/50* type:\u00abworking paper\u00bb',
      {
        text: null,
        filters: [filter('symbol', ['NPT/CONF.2010/50*']), filter('type', ['working paper'])],
      },
    ],
    ['NOT lang:en a', { text: term('a'), filters: [filter('lang', ['en'], true)] }],
    ['--lang:en', { text: null, filters: [filter('lang', ['en'])] }],
    ['-nuclear lang:en', { text: not(term('nuclear')), filters: [filter('lang', ['en'])] }],
    [
      'a lang:en b AND -state:FRA c',
      {
        text: and(term('a'), term('b'), term('c')),
        filters: [filter('lang', ['en']), filter('state', ['FRA'], true)],
      },
    ],
    [
      '(a OR b) meeting:2015-RevCon',
      { text: or(term('a'), term('b')), filters: [filter('meeting', ['2015-RevCon'])] },
    ],
    ['series:a:b', { text: null, filters: [filter('series', ['a:b'])] }],
    ['lang:en(a)', { text: term('a'), filters: [filter('lang', ['en'])] }],
  ])('%s', (q, expected) => {
    expect(parsed(q)).toEqual(expected);
  });

  it('records spans as UTF-16 offsets', () => {
    const q = parseQuery('核 -"a b" (c OR dd*) -lang:en');
    expect(q.text).toMatchObject({ kind: 'and', start: 0, end: 19 });
    const children = q.text?.kind === 'and' ? q.text.children : [];
    expect(children.map((c) => [c.kind, c.start, c.end])).toEqual([
      ['term', 0, 1],
      ['not', 2, 8],
      ['or', 9, 19],
    ]);
    const group = children[2];
    expect(group?.kind === 'or' && group.children.map((c) => [c.start, c.end])).toEqual([
      [10, 11],
      [15, 18],
    ]);
    expect(q.filters).toEqual([
      { field: 'lang', values: ['en'], negated: true, start: 20, end: 28 },
    ]);
    expect(parseQuery('😀😀 x').text).toMatchObject({
      children: [
        { start: 0, end: 4 },
        { start: 5, end: 6 },
      ],
    });
  });

  it('accepts limits exactly reached', () => {
    expect(() => parseQuery('a'.repeat(QUERY_LIMITS.maxLength))).not.toThrow();
    const words = Array.from({ length: QUERY_LIMITS.maxClauses }, (_, i) => `w${i}`);
    expect(() => parseQuery(words.join(' '))).not.toThrow();
    const d = QUERY_LIMITS.maxDepth;
    expect(text('('.repeat(d) + 'a' + ')'.repeat(d))).toEqual(term('a'));
  });
});

describe('parseQuery: errors', () => {
  const words65 = Array.from({ length: QUERY_LIMITS.maxClauses + 1 }, (_, i) => `w${i}`);
  const depth9 =
    '('.repeat(QUERY_LIMITS.maxDepth + 1) + 'a' + ')'.repeat(QUERY_LIMITS.maxDepth + 1);
  const notPositive = 'a query needs at least one word, phrase or filter that is not excluded';
  const misplaced = 'filters apply to the whole query; put lang:… outside parentheses and OR';
  const tooShort = "a '*' needs at least 2 characters before it (e.g. disarm*)";
  const loneMinus =
    "a '-' must be attached to the word, phrase or group it excludes (e.g. -weapons)";
  const unknownFoo =
    "unknown filter 'foo' (filters: lang, symbol, series, year, meeting, type, state, action)";

  it.each<[string, number, string]>([
    // empty
    ['', 0, 'the query is empty'],
    ['   \u3000\t', 0, 'the query is empty'],
    // quotes
    ['"abc', 0, 'the quote at character 1 is never closed'],
    ['a "b" "c', 6, 'the quote at character 7 is never closed'],
    ['\u201cabc"', 0, 'the quote at character 1 is never closed'],
    ['\u00ababc', 0, 'the quote at character 1 is never closed'],
    ['(a "b)', 3, 'the quote at character 4 is never closed'],
    ['a ""', 2, 'the phrase is empty'],
    ['a "  "', 2, 'the phrase is empty'],
    ['\u201c\u201d', 0, 'the phrase is empty'],
    // parentheses
    ['(a', 0, "the '(' at character 1 is never closed"],
    ['((a) b', 0, "the '(' at character 1 is never closed"],
    ['a (b (c)', 2, "the '(' at character 3 is never closed"],
    ['a)', 1, "this ')' has no matching '('"],
    [') a', 0, "this ')' has no matching '('"],
    ['(a)) b', 3, "this ')' has no matching '('"],
    ['a ()', 2, 'the parentheses are empty'],
    ['(', 0, "the '(' at character 1 is never closed"],
    // operators
    ['AND a', 0, 'AND needs a term on both sides'],
    ['OR a', 0, 'OR needs a term on both sides'],
    ['a AND', 2, 'AND needs a term on both sides'],
    ['a OR', 2, 'OR needs a term on both sides'],
    ['a OR OR b', 5, 'OR needs a term on both sides'],
    ['a AND OR b', 6, 'OR needs a term on both sides'],
    ['a OR AND b', 5, 'AND needs a term on both sides'],
    ['(OR a)', 1, 'OR needs a term on both sides'],
    ['(a OR) b', 3, 'OR needs a term on both sides'],
    ['OR', 0, 'OR needs a term on both sides'],
    ['NOT', 0, 'NOT needs a term after it'],
    ['a NOT', 2, 'NOT needs a term after it'],
    ['(a NOT) b', 3, 'NOT needs a term after it'],
    ['NOT OR a', 4, 'OR needs a term on both sides'],
    ['-OR a', 1, 'OR needs a term on both sides'],
    ['-', 0, loneMinus],
    ['a - b', 2, loneMinus],
    ['a -', 2, loneMinus],
    ['(a -) b', 3, loneMinus],
    ['a -\u3000b', 2, loneMinus],
    // unknown filters
    ['foo:bar', 0, unknownFoo],
    ['a -foo:bar', 3, unknownFoo],
    ['(x foo:bar)', 3, unknownFoo],
    [
      'http://example.org',
      0,
      "unknown filter 'http' (filters: lang, symbol, series, year, meeting, type, state, action)",
    ],
    // empty filter values
    ['lang:', 5, 'the filter lang: needs a value'],
    ['lang: en', 5, 'the filter lang: needs a value'],
    ['a lang:) b', 7, 'the filter lang: needs a value'],
    ['state:""', 6, 'the filter state: needs a value'],
    ['lang:en,,fr', 8, 'the filter lang: has an empty value in its list'],
    ['lang:en,', 8, 'the filter lang: has an empty value in its list'],
    ['state:"a', 6, 'the quote at character 7 is never closed'],
    // misplaced filters
    ['(lang:en)', 1, misplaced],
    ['a (b lang:en)', 5, misplaced],
    ['-(lang:en a)', 2, misplaced],
    ['a OR lang:en', 5, misplaced],
    ['lang:en OR a', 0, misplaced],
    ['x (a OR b lang:en)', 10, misplaced],
    // prefixes and stars
    ['*', 0, tooShort],
    ['a*', 1, tooShort],
    ['x a*', 3, tooShort],
    ['核*', 1, tooShort],
    ['😀*', 2, tooShort],
    ['-*', 1, tooShort],
    ['"a" *', 4, tooShort],
    ['ab*c', 2, "a '*' can only end a word"],
    ['ab**', 2, "a '*' can only end a word"],
    ['*ab', 0, "a '*' can only end a word"],
    // limits
    [
      words65.join(' '),
      words65.join(' ').lastIndexOf('w64'),
      'the query has more than 64 words and phrases',
    ],
    [
      `${words65.slice(0, 64).join(' ')} "x y"`,
      words65.slice(0, 64).join(' ').length + 1,
      'the query has more than 64 words and phrases',
    ],
    [depth9, QUERY_LIMITS.maxDepth, 'parentheses are nested more than 8 deep'],
    ['a'.repeat(1001), 1000, 'the query is 1001 characters long; the limit is 1000'],
    // nothing positive
    ['-nuclear', 0, notPositive],
    ['  -nuclear -weapons', 2, notPositive],
    ['NOT nuclear', 0, notPositive],
    ['-"a b"', 0, notPositive],
    ['-(a OR b)', 0, notPositive],
    ['-(-a b)', 0, notPositive],
    ['-lang:en', 0, notPositive],
    ['-a -lang:en', 0, notPositive],
    ['-a OR -b', 3, 'OR needs a word or phrase that is not excluded on at least one side'],
    [
      'x (-a OR -b OR NOT c)',
      6,
      'OR needs a word or phrase that is not excluded on at least one side',
    ],
    [
      'x (-a OR -(b OR c))',
      6,
      'OR needs a word or phrase that is not excluded on at least one side',
    ],
    // filter values
    ['lang:xx', 5, "unknown language 'xx' in lang: (languages: ar, zh, en, fr, ru, es, und)"],
    [
      'lang:en,english',
      8,
      "unknown language 'english' in lang: (languages: ar, zh, en, fr, ru, es, und)",
    ],
    ['lang:"en "', 5, "unknown language 'en ' in lang: (languages: ar, zh, en, fr, ru, es, und)"],
    ['year:15', 5, "year: takes a 4-digit year or a range like 2010..2015, not '15'"],
    ['year:2010-2015', 5, "year: takes a 4-digit year or a range like 2010..2015, not '2010-2015'"],
    ['year:2010..', 5, "year: takes a 4-digit year or a range like 2010..2015, not '2010..'"],
    [
      'year:2010,２０１５',
      10,
      "year: takes a 4-digit year or a range like 2010..2015, not '２０１５'",
    ],
    ['year:2015..2010', 5, 'the year range 2015..2010 ends before it starts'],
    ['action:0', 7, "action: takes an action number from 1 to 64, not '0'"],
    ['action:65', 7, "action: takes an action number from 1 to 64, not '65'"],
    ['action:3,x', 9, "action: takes an action number from 1 to 64, not 'x'"],
    ['action:1.5', 7, "action: takes an action number from 1 to 64, not '1.5'"],
  ])('%j → at %i: %s', (q, position, message) => {
    const e = parseError(q);
    expect(e.code).toBe('invalid_query');
    expect(e.position).toBe(position);
    expect(e.field).toBe('q');
    expect(e.message).toBe(`q: ${message} (at character ${position + 1})`);
  });

  it('refuses a 10 kB query within a few milliseconds', () => {
    const q = 'nuclear (weapons OR "test ban") -lang:en '.repeat(250);
    expect(q.length).toBeGreaterThan(10_000);
    const started = performance.now();
    const e = parseError(q);
    const elapsed = performance.now() - started;
    expect(e.position).toBe(QUERY_LIMITS.maxLength);
    expect(e.message).toContain(`the query is ${q.length} characters long; the limit is 1000`);
    expect(elapsed).toBeLessThan(20);
    const again = performance.now();
    for (let i = 0; i < 100; i++) parseError(q);
    expect((performance.now() - again) / 100).toBeLessThan(1);
  });

  it('parses a query at the length limit quickly', () => {
    const groups = '((((((((a OR b)))))))) '.repeat(8);
    const q = `${groups}${'-'.repeat(QUERY_LIMITS.maxLength - groups.length - 10)}x lang:en`;
    expect(q.length).toBe(QUERY_LIMITS.maxLength - 1);
    const started = performance.now();
    const p = parseQuery(q);
    expect(performance.now() - started).toBeLessThan(50);
    expect(p.filters).toHaveLength(1);
    expect(p.text?.kind).toBe('and');
  });
});

// ---- formatting ----

describe('formatQuery', () => {
  it.each<[string, string]>([
    ['nuclear AND weapons', 'nuclear weapons'],
    ['a NOT b', 'a -b'],
    ['a AND (b OR c)', 'a (b OR c)'],
    ['(a b) OR c', 'a b OR c'],
    ['a -(b c)', 'a -(b c)'],
    ['NOT (b OR c) a', '-(b OR c) a'],
    ['\u201ca b\u201d', '"a b"'],
    ['\u201ca "b"\u201d', '\u201ca "b"\u201d'],
    ['\u00aba "b\u201d\u00bb', '\u00aba "b\u201d\u00bb'],
    ['LANG:EN,Fr (a OR b)', '(a OR b) lang:en,fr'],
    ['state:"United Kingdom" -action:07 x', 'x state:"United Kingdom" -action:7'],
    ['state:\u201ca"b\u201d x', 'x state:\u201ca"b\u201d'],
    ['disarm*', 'disarm*'],
    ['--a', 'a'],
  ])('%s → %s', (q, expected) => {
    expect(formatQuery(parseQuery(q))).toBe(expected);
  });

  it('refuses trees no query text can express', () => {
    const q = (t: QueryNode): ParsedQuery => ({ text: t, filters: [] });
    const s = { start: 0, end: 0 };
    expect(() => formatQuery(q({ kind: 'term', text: 'a b', prefix: false, ...s }))).toThrow();
    expect(() => formatQuery(q({ kind: 'term', text: 'OR', prefix: false, ...s }))).toThrow();
    expect(() => formatQuery(q({ kind: 'term', text: 'lang:en', prefix: false, ...s }))).toThrow();
    expect(() => formatQuery(q({ kind: 'term', text: '-a', prefix: false, ...s }))).toThrow();
    expect(() => formatQuery(q({ kind: 'phrase', text: '"\u201d\u00bb', ...s }))).toThrow();
    expect(() => formatQuery(q({ kind: 'and', children: [], ...s }))).toThrow();
    expect(formatQuery(q({ kind: 'term', text: 'OR', prefix: true, ...s }))).toBe('OR*');
  });
});

// ---- properties ----

const SPAN = { start: 0, end: 0 };

const TERM_CHARS = [
  'a',
  'b',
  'z',
  'A',
  'N',
  'D',
  'O',
  'R',
  'T',
  'é',
  'É',
  'ж',
  'Ж',
  '核',
  '军',
  'ب',
  'ي',
  'ñ',
  '😀',
  '1',
  '0',
  '-',
  "'",
  '.',
  '/',
  ':',
  '_',
  '&',
  '\u201d',
  '\u00bb',
  '+',
  '#',
];
const TEXT_CHARS = [
  ...TERM_CHARS,
  ' ',
  ' ',
  '"',
  '(',
  ')',
  '*',
  '\u201c',
  '\u00ab',
  '\u3000',
  ',',
  'OR ',
  'AND ',
  'NOT ',
  '-',
  'lang:en',
];
const OPERATORS = new Set(['AND', 'OR', 'NOT']);

const termArb = fc
  .tuple(
    fc.string({ unit: fc.constantFrom(...TERM_CHARS), minLength: 1, maxLength: 6 }),
    fc.boolean(),
  )
  .filter(
    ([t, prefix]) =>
      !t.startsWith('-') &&
      !/^\p{L}+:/u.test(t) &&
      (prefix ? codePoints(t) >= QUERY_LIMITS.minPrefix : !OPERATORS.has(t)),
  )
  .map(([t, prefix]): QueryNode => ({ kind: 'term', text: t, prefix, ...SPAN }));

const quotable = (s: string) => !(s.includes('"') && s.includes('\u201d') && s.includes('\u00bb'));

const phraseArb = fc
  .string({ unit: fc.constantFrom(...TEXT_CHARS), minLength: 1, maxLength: 6 })
  .filter((t) => t.trim() !== '' && quotable(t))
  .map((t): QueryNode => ({ kind: 'phrase', text: t, ...SPAN }));

const negate = (n: QueryNode): QueryNode => ({ kind: 'not', child: n, ...SPAN });

/** Trees the parser accepts: each and/or has a child that is not an exclusion. */
const { pos: positiveArb } = fc.letrec<{
  pos: QueryNode;
  any: QueryNode;
  and: QueryNode;
  or: QueryNode;
}>((tie) => ({
  pos: fc.oneof({ maxDepth: 4 }, termArb, phraseArb, tie('and'), tie('or')),
  any: fc.oneof(tie('pos'), tie('pos').map(negate)),
  and: fc
    .tuple(tie('pos'), fc.array(tie('any'), { minLength: 1, maxLength: 3 }), fc.nat())
    .map(([p, rest, k]): QueryNode => {
      const children = [...rest];
      children.splice(k % (children.length + 1), 0, p);
      return { kind: 'and', children, ...SPAN };
    }),
  or: fc
    .tuple(tie('pos'), fc.array(tie('any'), { minLength: 1, maxLength: 2 }), fc.nat())
    .map(([p, rest, k]): QueryNode => {
      const children = [...rest];
      children.splice(k % (children.length + 1), 0, p);
      return { kind: 'or', children, ...SPAN };
    }),
}));

const valueArb = fc
  .string({ unit: fc.constantFrom(...TEXT_CHARS), minLength: 1, maxLength: 6 })
  .filter((v) => v.trim() !== '' && quotable(v));
const year = fc.integer({ min: 1000, max: 9999 });
const filterArb = fc
  .tuple(
    fc.oneof(
      fc.tuple(
        fc.constant('lang' as const),
        fc.array(fc.constantFrom(...QUERY_LANGUAGES), { minLength: 1, maxLength: 3 }),
      ),
      fc.tuple(
        fc.constant('year' as const),
        fc.array(
          fc.oneof(
            year.map(String),
            fc.tuple(year, year).map(([a, b]) => `${Math.min(a, b)}..${Math.max(a, b)}`),
          ),
          { minLength: 1, maxLength: 3 },
        ),
      ),
      fc.tuple(
        fc.constant('action' as const),
        fc.array(fc.integer({ min: 1, max: 64 }).map(String), { minLength: 1, maxLength: 3 }),
      ),
      fc.tuple(
        fc.constantFrom(...FILTER_FIELDS.filter((f) => !['lang', 'year', 'action'].includes(f))),
        fc.array(valueArb, { minLength: 1, maxLength: 3 }),
      ),
    ),
    fc.boolean(),
  )
  .map(([[field, values], negated]): QueryFilter => ({ field, values, negated, ...SPAN }));

function countClauses(n: QueryNode): number {
  switch (n.kind) {
    case 'term':
    case 'phrase':
      return 1;
    case 'not':
      return countClauses(n.child);
    default:
      return n.children.reduce((sum, c) => sum + countClauses(c), 0);
  }
}

const isPositive = (n: QueryNode): boolean =>
  n.kind === 'term' || n.kind === 'phrase' || (n.kind !== 'not' && n.children.some(isPositive));

const queryArb = fc
  .record({
    text: fc.oneof(fc.constant(null), positiveArb, positiveArb.map(negate)),
    filters: fc.array(filterArb, { maxLength: 3 }),
  })
  .filter(
    (q) =>
      ((q.text !== null && isPositive(q.text)) || q.filters.some((f) => !f.negated)) &&
      (q.text === null || countClauses(q.text) <= QUERY_LIMITS.maxClauses),
  )
  .map((q): ParsedQuery => q);

/** Strings made of query-ish pieces: most are invalid, some valid, all interesting. */
const queryishArb = fc
  .array(
    fc.constantFrom(
      'a',
      'bc',
      'nuclear',
      '核裁军',
      'AND',
      'OR',
      'NOT',
      'and',
      '-',
      '(',
      ')',
      '"',
      '\u201c',
      '\u201d',
      '\u00ab',
      '\u00bb',
      ' ',
      ' ',
      ' ',
      '\u3000',
      'lang:',
      'en',
      'fr',
      ',',
      'year:2010',
      '..2015',
      'action:',
      '21',
      'foo:',
      '*',
      ':',
      '10:30',
      'x*',
      'state:"a b"',
      '😀',
      '\t',
    ),
    { maxLength: 14 },
  )
  .map((parts) => parts.join(''));

const loneSurrogatesArb = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
});

function checkParse(q: string): void {
  let result: ParsedQuery;
  try {
    result = parseQuery(q);
  } catch (e) {
    expect(e).toBeInstanceOf(PillarsError);
    const err = e as PillarsError;
    expect(err.code).toBe('invalid_query');
    expect(Number.isInteger(err.position)).toBe(true);
    expect(err.position).toBeGreaterThanOrEqual(0);
    expect(err.position).toBeLessThanOrEqual(q.length);
    return;
  }
  const spans: { start: number; end: number }[] = [...result.filters];
  const walk = (n: QueryNode): void => {
    spans.push(n);
    if (n.kind === 'not') walk(n.child);
    else if (n.kind === 'and' || n.kind === 'or') n.children.forEach(walk);
  };
  if (result.text !== null) walk(result.text);
  for (const s of spans) {
    expect(0 <= s.start && s.start < s.end && s.end <= q.length).toBe(true);
  }
  // Whatever parses formats, and the formatted text parses back to the same tree.
  const formatted = formatQuery(result);
  expect(parsed(formatted)).toEqual(bare(result));
  expect(formatQuery(parseQuery(formatted))).toBe(formatted);
}

describe('properties', () => {
  it('throws nothing but invalid_query, for any string', () => {
    for (const arb of [
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.string({ unit: 'grapheme' }),
      loneSurrogatesArb,
      queryishArb,
    ]) {
      fc.assert(fc.property(arb, checkParse), { numRuns: 1000 });
    }
  });

  it('parses what formatQuery prints to the same tree (spans and nesting aside)', () => {
    fc.assert(
      fc.property(queryArb, (q) => {
        const printed = formatQuery(q);
        const back = parseQuery(printed);
        expect(bare(back)).toEqual({
          text: q.text === null ? null : normalize(q.text),
          filters: q.filters.map(bareFilter),
        });
        expect(bare(parseQuery(formatQuery(back)))).toEqual(bare(back));
      }),
      { numRuns: 500 },
    );
  });

  it('round-trips parsed query-ish strings', () => {
    let valid = 0;
    fc.assert(
      fc.property(queryishArb, (q) => {
        let p: ParsedQuery;
        try {
          p = parseQuery(q);
        } catch {
          return;
        }
        valid++;
        expect(bare(parseQuery(formatQuery(p)))).toEqual(bare(p));
      }),
      { numRuns: 2000 },
    );
    expect(valid).toBeGreaterThan(50);
  });
});
