/**
 * @module Pieces of grammar several bodies share: the document element at the end of a symbol
 * (`150`, `WP.13`, `L.1`, `INF/1`), organ segments (`C.1`, `HRC`, `CONF.229`, `NTB`) and the
 * Roman session numbers of PrepComs and Main Committees.
 */
import { fromRoman } from './roman-numerals.js';
import type { Scanner } from './symbol-scanner.js';
import type { Draft } from './symbol-suffixes.js';

/** Dotted document series (`WP.13`); `INF` is written `INF/1` in New York and `INF.1` in Vienna. */
export const DOCUMENT_SERIES = ['CRP', 'DEC', 'INF', 'PV', 'SR', 'WP', 'L', 'R'] as const;
export type DocumentSeries = (typeof DOCUMENT_SERIES)[number];

/** Words that end the organ part of a symbol, since they begin its document element. */
const NOT_ORGANS = new Set<string>([...DOCUMENT_SERIES, 'RES', 'PRST']);

export interface DocumentStyle {
  /** The series this body uses, longest first. */
  readonly series: readonly DocumentSeries[];
  readonly inf: 'slash' | 'dot';
}

/**
 * The document element: a plain number (series `main`) or a series and number. Sets
 * `draft.series` and `draft.number` and emits the canonical spelling.
 */
export function scanDocument(sc: Scanner, draft: Draft, style: DocumentStyle): void {
  const digits = sc.tryDigits();
  if (digits !== null) {
    draft.series = 'main';
    draft.number = digits;
    sc.emit(digits);
    return;
  }
  const series = sc.tryWords(style.series);
  if (series === null) {
    const names = style.series.map((s) =>
      s === 'INF' && style.inf === 'slash' ? 'INF/' : `${s}.`,
    );
    sc.fail(`expected a document number or a series (${names.join(', ')})`);
  }
  if (series === 'INF' && !sc.tryPunct('/')) sc.optionalDot();
  else if (series !== 'INF') sc.optionalDot();
  const number = sc.digits(`expected a number after ${series}.`);
  draft.series = series;
  draft.number = number;
  sc.emit(series === 'INF' && style.inf === 'slash' ? `INF/${number}` : `${series}.${number}`);
}

/**
 * Organ segments after the body, each followed by `/`: `C.1/`, `HRC/`, `CONF.192/PC/`. Stops
 * (without reading) at a document series, `RES`, a number or a special session (`ES-10`).
 * Returns them joined by `/`, or undefined when there are none.
 */
export function scanOrgans(sc: Scanner): string | undefined {
  const organs: string[] = [];
  for (;;) {
    const mark = sc.mark();
    const word = sc.peekLetters();
    if (word === '' || NOT_ORGANS.has(word)) break;
    sc.pos += word.length;
    const afterWord = sc.mark();
    sc.skipSpace();
    if ((word === 'S' || word === 'ES') && sc.peek() === '-') {
      sc.reset(mark);
      break;
    }
    sc.reset(afterWord);
    let organ = word;
    const digits = sc.tryDigits(); // a missing dot, `C1` for `C.1`, only when nothing separates them
    if (digits !== null) organ += `.${digits}`;
    else if (sc.tryPunct('.')) organ += `.${sc.digits(`expected a number after ${word}.`)}`;
    organs.push(organ);
    sc.slash(organ);
  }
  if (organs.length === 0) return undefined;
  const joined = organs.join('/');
  sc.emit(`/${joined}`);
  return joined;
}

/** A session numbered I, II or III (also accepted as 1, 2 or 3): PrepComs and Main Committees. */
export function readSessionNumeral(sc: Scanner, expected: string): 1 | 2 | 3 {
  const start = sc.pos;
  const digits = sc.tryDigits();
  const roman = digits === null ? sc.tryRomanLetters() : null;
  const value = digits !== null ? Number(digits) : roman !== null ? fromRoman(roman) : null;
  if (value === 1 || value === 2 || value === 3) return value;
  return sc.fail(expected, start);
}
