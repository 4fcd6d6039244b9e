/**
 * @module What may follow a document number in any symbol: `/Rev.1`, `/Corr.2`, `/Add.1`,
 * `/Amend.1`, `/Mod.1`, `(Vol. I)`, `(Part I)`, `(Parts I and II)`, INFCIRC's `/Part 1`,
 * `(Resumption 1)`, `(Corrected)` and the reissue mark `*`. They are accepted in any order and
 * spelled out in the official one.
 */
import { fromRoman, toRoman } from './roman-numerals.js';
import type { Scanner } from './symbol-scanner.js';
import type { Revision, RevisionKind, SymbolFields } from './un-symbol.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
/** A symbol being read: the fields, writable, filled in as the grammar goes. */
export type Draft = Mutable<Omit<SymbolFields, 'revisions'>> & { revisions: Revision[] };

/** Canonical suffix text, with its place in the official order. */
export interface SuffixPiece {
  readonly rank: number;
  readonly text: string;
  /** Whether the piece belongs to the work (a volume does) or to one expression (Rev.1 does not). */
  readonly ofWork: boolean;
}

const REVISION_WORDS: readonly (readonly [string, RevisionKind])[] = [
  ['AMEND', 'Amend'],
  ['CORR', 'Corr'],
  ['REV', 'Rev'],
  ['ADD', 'Add'],
  ['MOD', 'Mod'],
];

/** A volume or part number, Roman (`II`) or Arabic (`2`). */
function readNumeral(sc: Scanner, expected: string): number {
  const start = sc.pos;
  const digits = sc.tryDigits();
  if (digits !== null) {
    const value = Number(digits);
    if (value >= 1 && value <= 3999) return value;
    sc.fail(expected, start);
  }
  const roman = sc.tryRomanLetters();
  const value = roman === null ? null : fromRoman(roman);
  return value ?? sc.fail(expected, start);
}

/** `(Part I)` is Roman everywhere except INFCIRC, which prints `/Part 1`. */
function partText(values: readonly number[], body: SymbolFields['body']): string {
  return values.map((v) => (body === 'INFCIRC' ? String(v) : toRoman(v))).join(' and ');
}

type Suffix =
  | { kind: 'revision'; revision: Revision }
  | { kind: 'volume'; value: number }
  | { kind: 'part'; values: number[] }
  | { kind: 'resumption'; value: number }
  | { kind: 'corrected' };

function readSlashSuffix(sc: Scanner): Suffix {
  for (const [word, kind] of REVISION_WORDS) {
    if (!sc.tryWord(word)) continue;
    sc.optionalDot();
    const number = sc.smallNumber(`expected a number after ${kind}.`);
    return { kind: 'revision', revision: { kind, number } };
  }
  if (sc.tryWord('PART')) {
    sc.skipSpace();
    return { kind: 'part', values: [readNumeral(sc, 'expected a part number after Part')] };
  }
  return sc.fail("expected Rev., Corr., Add., Amend., Mod. or Part after '/'");
}

function readParenthetical(sc: Scanner): Suffix {
  let suffix: Suffix;
  if (sc.tryWord('VOLUME') || sc.tryWord('VOL')) {
    sc.optionalDot();
    suffix = { kind: 'volume', value: readNumeral(sc, 'expected a volume number after Vol.') };
  } else if (sc.tryWord('PARTS') || sc.tryWord('PART')) {
    sc.skipSpace();
    const values = [readNumeral(sc, 'expected a part number after Part')];
    sc.skipSpace();
    if (sc.tryWord('AND')) {
      sc.skipSpace();
      values.push(readNumeral(sc, "expected a part number after 'and'"));
    }
    suffix = { kind: 'part', values };
  } else if (sc.tryWord('RESUMPTION')) {
    sc.skipSpace();
    suffix = { kind: 'resumption', value: sc.smallNumber('expected a number after Resumption') };
  } else if (sc.tryWord('CORRECTED')) {
    suffix = { kind: 'corrected' };
  } else {
    return sc.fail("expected Vol., Part, Resumption or Corrected after '('");
  }
  sc.punct(')', "expected ')'");
  return suffix;
}

/** One suffix, or null when none starts at the cursor. Throws on a suffix begun but malformed. */
function readSuffix(sc: Scanner): Suffix | null {
  if (sc.tryPunct('/')) return readSlashSuffix(sc);
  const mark = sc.mark();
  sc.skipSpace();
  if (sc.peek() === '(') {
    sc.pos++;
    sc.skipSpace();
    return readParenthetical(sc);
  }
  sc.reset(mark);
  return null;
}

/**
 * Reads suffixes into `draft` for as long as they parse (a malformed one is left unread, its
 * error kept by the scanner) and returns their canonical text pieces.
 */
export function scanSuffixes(sc: Scanner, draft: Draft): SuffixPiece[] {
  const pieces: SuffixPiece[] = [];
  for (;;) {
    const start = sc.pos;
    const suffix = sc.attempt(() => readSuffix(sc));
    if (suffix === undefined || suffix === null) break;
    const twice = (what: string) => sc.fail(`expected only one ${what}`, start);
    switch (suffix.kind) {
      case 'revision': {
        const { kind, number } = suffix.revision;
        draft.revisions.push(suffix.revision);
        pieces.push({ rank: 4, text: `/${kind}.${number}`, ofWork: false });
        break;
      }
      case 'volume':
        if (draft.volume !== undefined) twice('volume');
        draft.volume = toRoman(suffix.value);
        pieces.push({ rank: 1, text: ` (Vol. ${draft.volume})`, ofWork: true });
        break;
      case 'part': {
        if (draft.part !== undefined) twice('part');
        const text = partText(suffix.values, draft.body);
        draft.part = text;
        pieces.push(
          draft.body === 'INFCIRC'
            ? { rank: 5, text: `/Part ${text}`, ofWork: true }
            : {
                rank: 2,
                text: ` (Part${suffix.values.length > 1 ? 's' : ''} ${text})`,
                ofWork: true,
              },
        );
        break;
      }
      case 'resumption':
        if (draft.resumption !== undefined) twice('resumption number');
        draft.resumption = suffix.value;
        pieces.push({ rank: 3, text: ` (Resumption ${suffix.value})`, ofWork: true });
        break;
      case 'corrected':
        if (draft.corrected) twice('(Corrected)');
        draft.corrected = true;
        pieces.push({ rank: 6, text: ' (Corrected)', ofWork: false });
        break;
    }
  }
  const mark = sc.mark();
  if (sc.options.spacedStar) sc.skipSpace();
  if (sc.peek() === '*') {
    sc.pos++;
    draft.reissued = true;
    pieces.push({ rank: 7, text: '*', ofWork: false });
  } else sc.reset(mark);
  // A stable sort keeps revisions in the order printed.
  return pieces.sort((a, b) => a.rank - b.rank);
}
