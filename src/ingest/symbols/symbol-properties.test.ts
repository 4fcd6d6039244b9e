/**
 * Properties of the parser and the formatter, over generated symbols:
 * (1) a valid structure survives format → parse unchanged;
 * (2) any string at all is parsed or refused, quickly and without throwing, and whatever is
 *     accepted is a fixed point (its canonical form parses to the same symbol);
 * (3) liberal spellings of a symbol parse to the same canonical form, and formatting the parsed
 *     fields spells that form again (the parser and the formatter spell symbols independently).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromRoman, toRoman } from './roman-numerals.js';
import {
  formatSymbol,
  parseSymbol,
  REVISION_KINDS,
  type SymbolFields,
  type UnSymbol,
} from './un-symbol.js';

type Fields = { -readonly [K in keyof SymbolFields]: SymbolFields[K] };

const num = (max = 99_999) => fc.integer({ min: 1, max }).map(String);
const year = fc.integer({ min: 1946, max: 2099 });
const session123 = fc.constantFrom(1 as const, 2 as const, 3 as const);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof(fc.constant(undefined), arb);
/** Suffixes are the exception: most generated symbols should have none, some several. */
const rarely = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });

/** Removes keys whose value is undefined, as the parser leaves them out. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const nptHead = fc
  .record({
    conference: fc.integer({ min: 1995, max: 2099 }),
    place: fc.oneof(
      fc.constant({}),
      session123.map((prepCom) => ({ prepCom })),
      fc.record({
        mainCommittee: session123,
        subsidiaryBody: maybe(fc.integer({ min: 1, max: 9 })),
      }),
    ),
    doc: fc.record({
      series: fc.constantFrom('main', 'WP', 'L', 'SR', 'CRP', 'DEC', 'R', 'INF'),
      number: num(),
    }),
  })
  .map(({ conference, place, doc }) => ({ body: 'NPT' as const, conference, ...place, ...doc }));

const GA_ORGANS = ['C.1', 'C.2', 'C.3', 'C.4', 'C.5', 'C.6', 'HRC', 'AC.291', 'CONF.229', 'CN.10'];

const gaHead = fc
  .record({
    committee: maybe(fc.constantFrom(...GA_ORGANS)),
    resolution: fc.boolean(),
    when: fc.oneof(
      fc.integer({ min: 1, max: 999 }).map((session) => ({ session })),
      fc.record({
        specialSession: fc.constantFrom('S' as const, 'ES' as const),
        session: fc.integer({ min: 1, max: 40 }),
      }),
      year.map((y) => ({ year: y })),
      fc.constant({}),
    ),
    doc: fc.record({
      series: fc.constantFrom('main', 'L', 'PV', 'SR', 'WP', 'CRP', 'INF'),
      number: num(),
    }),
  })
  .filter(({ committee, resolution, when }) => {
    // A year or no session at all only follows an organ; a resolution always has a session.
    if ('year' in when || !('session' in when)) return committee !== undefined && !resolution;
    return true;
  })
  .map(({ committee, resolution, when, doc }) => ({
    body: 'A' as const,
    committee,
    ...when,
    ...(resolution ? { series: 'RES', number: doc.number } : doc),
  }));

const scHead = fc
  .oneof(
    fc.record({ series: fc.constant('RES'), number: num(), year: maybe(year) }),
    fc.record({ series: fc.constant('PRST'), year, number: num() }),
    fc.record({ series: fc.constant('PV'), number: num() }),
    fc.record({ series: fc.constant('main'), year, number: num() }),
  )
  .map((fields) => ({ body: 'S' as const, ...fields }));

const govHead = fc
  .record({ series: fc.constantFrom('main', 'INF'), year, number: num() })
  .map((fields) => ({ body: 'GOV' as const, ...fields }));

const gcHead = fc
  .record({
    session: fc.oneof(
      fc.integer({ min: 1, max: 99 }).map((session) => ({ session })),
      fc
        .integer({ min: 1, max: 9 })
        .map((session) => ({ session, specialSession: 'SPL' as const })),
    ),
    doc: fc.oneof(
      fc.record({ series: fc.constantFrom('main', 'RES', 'INF', 'DEC'), number: num() }),
      year.map((y) => ({ series: 'RES/DEC', year: y, number: null })),
    ),
  })
  .map(({ session, doc }) => ({ body: 'GC' as const, ...session, ...doc }));

const infcircHead = num().map((number) => ({ body: 'INFCIRC' as const, series: 'main', number }));

const cdHead = fc
  .record({
    committee: maybe(fc.constantFrom('NTB', 'CW')),
    series: fc.constantFrom('main', 'WP', 'PV', 'L', 'CRP', 'SR'),
    number: num(),
  })
  .map((fields) => ({ body: 'CD' as const, ...fields }));

const ctbtHead = fc
  .oneof(
    fc.record({ year, number: num() }).map((f) => ({ committee: 'Art.XIV', series: 'main', ...f })),
    fc.record({
      committee: fc.constantFrom('PC', 'WGA', 'WGB', 'PTS', 'MSS'),
      session: maybe(fc.integer({ min: 1, max: 99 })),
      series: fc.constantFrom('main', 'RES', 'INF', 'WP'),
      number: num(),
    }),
  )
  .map((fields) => ({ body: 'CTBT' as const, ...fields }));

const revision = fc.record({
  kind: fc.constantFrom(...REVISION_KINDS),
  number: fc.integer({ min: 1, max: 30 }),
});

const suffixes = fc.record({
  revisions: fc.oneof(
    { weight: 2, arbitrary: fc.constant([]) },
    { weight: 1, arbitrary: fc.array(revision, { minLength: 1, maxLength: 3 }) },
  ),
  volume: rarely(fc.integer({ min: 1, max: 12 }).map(toRoman)),
  part: rarely(fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 2 })),
  resumption: rarely(fc.integer({ min: 1, max: 5 })),
  corrected: rarely(fc.constant(true as const)),
  reissued: rarely(fc.constant(true as const)),
});

/** Any structure the grammar can express, with only the keys that apply. */
const symbolFields: fc.Arbitrary<SymbolFields> = fc
  .tuple(
    fc.oneof(nptHead, gaHead, scHead, govHead, gcHead, infcircHead, cdHead, ctbtHead),
    suffixes,
  )
  .map(([head, { part, ...rest }]) => {
    const fields: Fields = { ...(head as Fields), ...rest };
    if (part !== undefined) {
      // INFCIRC prints one Arabic part after the revisions (`/Part 1`); others `(Parts I and II)`.
      fields.part = fields.body === 'INFCIRC' ? String(part[0]) : part.map(toRoman).join(' and ');
    }
    return compact(fields);
  });

/** The structured fields alone, without the two spellings derived from them. */
function withoutSpelling(symbol: UnSymbol): SymbolFields {
  return Object.fromEntries(
    Object.entries(symbol).filter(([key]) => key !== 'canonical' && key !== 'base'),
  ) as unknown as SymbolFields;
}

function parsed(input: string): UnSymbol {
  const result = parseSymbol(input);
  if (!result.ok) throw new Error(`${JSON.stringify(input)}: ${result.error.message}`);
  return result.symbol;
}

describe('property 1: format, then parse, gives the structure back', () => {
  it('for generated symbols of every body', () => {
    fc.assert(
      fc.property(symbolFields, (fields) => {
        const text = formatSymbol(fields);
        const symbol = parsed(text);
        expect(withoutSpelling(symbol)).toEqual(fields);
        expect(symbol.canonical).toBe(text);
        expect(symbol.base).toBe(
          formatSymbol({ ...fields, revisions: [], corrected: undefined, reissued: undefined }),
        );
      }),
      { numRuns: 3_000 },
    );
  });
});

/** Characters symbols are made of, so that random strings get deep into the grammar. */
const SYMBOL_CHARS = [
  ...'ACDEGIMNOPRSTVX0123456789/.()-* ',
  '／',
  '．',
  '\u00a0',
  '–',
  'f',
  'l',
  '\n',
];
const symbolish = fc.string({ unit: fc.constantFrom(...SYMBOL_CHARS), maxLength: 60 });

/** A valid symbol with a few characters inserted, deleted or replaced. */
const mutated = fc
  .tuple(
    symbolFields.map(formatSymbol),
    fc.array(fc.tuple(fc.nat(), fc.nat(2), fc.constantFrom(...SYMBOL_CHARS)), { maxLength: 4 }),
  )
  .map(([text, edits]) =>
    edits.reduce((t, [at, op, ch]) => {
      const i = t.length === 0 ? 0 : at % t.length;
      return op === 0
        ? t.slice(0, i) + ch + t.slice(i)
        : op === 1
          ? t.slice(0, i) + t.slice(i + 1)
          : t.slice(0, i) + ch + t.slice(i + 1);
    }, text),
  );

function checkTotal(input: string): void {
  const started = performance.now();
  const result = parseSymbol(input);
  expect(performance.now() - started).toBeLessThan(100);
  if (result.ok) {
    // Accepted input is a fixed point: its canonical spelling means the same symbol.
    expect(formatSymbol(result.symbol)).toBe(result.symbol.canonical);
    expect(parsed(result.symbol.canonical)).toEqual(result.symbol);
  } else {
    expect(result.error.position).toBeGreaterThanOrEqual(0);
    expect(result.error.position).toBeLessThanOrEqual(input.length);
    expect(result.error.message).toMatch(/^expected .* at position \d+, found /);
  }
}

describe('property 2: any string is parsed or refused, quickly, without throwing', () => {
  it('arbitrary Unicode strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), checkTotal), {
      numRuns: 2_000,
    });
  });

  it('strings made of symbol characters', () => {
    fc.assert(fc.property(symbolish, checkTotal), { numRuns: 5_000 });
  });

  it('valid symbols with a few characters inserted, deleted or replaced', () => {
    fc.assert(fc.property(mutated, checkTotal), { numRuns: 3_000 });
  });
});

/** Ways people and PDFs misspell a symbol without changing what it means. */
const liberalSpelling = fc.record({
  lowerCase: fc.boolean(),
  spacedSlashes: fc.boolean(),
  fullWidthSlashes: fc.boolean(),
  fullWidthDots: fc.boolean(),
  revisionsWithoutDot: fc.boolean(),
  enDashes: fc.boolean(),
  noSpaceBeforeParenthesis: fc.boolean(),
  fullWidthParentheses: fc.boolean(),
  nonBreakingSpaces: fc.boolean(),
  arabicVolumes: fc.boolean(),
  padding: fc.constantFrom('', ' ', '\t', '\u3000', '\n  '),
});

type Spelling = typeof liberalSpelling extends fc.Arbitrary<infer T> ? T : never;

function respell(text: string, s: Spelling): string {
  let t = text;
  if (s.arabicVolumes)
    t = t.replace(/\(Vol\. ([IVXLC]+)\)/, (_, r: string) => `(Volume ${fromRoman(r)})`);
  if (s.revisionsWithoutDot) t = t.replace(/\b(Rev|Corr|Add|Amend|Mod)\.(\d)/g, '$1 $2');
  if (s.noSpaceBeforeParenthesis) t = t.replace(/ \(/g, '(');
  if (s.nonBreakingSpaces) t = t.replace(/ /g, '\u00a0');
  if (s.spacedSlashes) t = t.replace(/\//g, ' / ');
  if (s.fullWidthSlashes) t = t.replace(/\//g, '／');
  if (s.fullWidthDots) t = t.replace(/\./g, '．');
  if (s.fullWidthParentheses) t = t.replace(/\(/g, '（').replace(/\)/g, '）');
  if (s.enDashes) t = t.replace(/-/g, '–');
  if (s.lowerCase) t = t.toLowerCase();
  return s.padding + t + s.padding;
}

describe('property 3: liberal spellings parse to the same canonical symbol', () => {
  it('and formatting the parsed fields spells that symbol again', () => {
    fc.assert(
      fc.property(symbolFields, liberalSpelling, (fields, spelling) => {
        const canonical = formatSymbol(fields);
        const symbol = parsed(respell(canonical, spelling));
        expect(formatSymbol(symbol)).toBe(symbol.canonical);
        expect(symbol.canonical).toBe(canonical);
        expect(withoutSpelling(symbol)).toEqual(fields);
      }),
      { numRuns: 3_000 },
    );
  });
});
