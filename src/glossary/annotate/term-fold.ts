/**
 * @module Character folding for the glossary annotator, one UTF-16 code unit at a time so that
 * every folded character keeps the offset of the character it came from.
 *
 * The fold of a code unit is computed once per process into a table (65,536 entries):
 * - invisible characters (soft hyphen, zero-width (non-)joiners, word joiner, BOM, bidi controls)
 *   and combining marks (accents, Arabic harakat, the breve of й, the diaeresis of ё) are
 *   skipped, as are the Arabic tatweel and superscript alef;
 * - white space, no-break spaces, hyphens and dashes become one space (runs are collapsed by the
 *   scanner); apostrophes (’ ‘ ʼ ʹ ` ´ ′) become `'`;
 * - otherwise NFKC (full-width forms, ligatures, compatibility ideographs, Arabic presentation
 *   forms), lower case (final ς as σ), diacritics removed, Arabic letter variants folded as
 *   `search/analysis/normalize.ts` folds them (أ إ آ ٱ → ا, ؤ → و, ئ ى ی → ي, ة → ه, ک → ك),
 *   Arabic-Indic digits as ASCII.
 *
 * Diacritics are folded in every language: French and Spanish capitals often lose their accents
 * ("Etats", "ETATS"), and no two glossary terms differ only by an accent. Russian ё is е; й is и
 * here (unlike the search index, which keeps й): a decomposed й (и + U+0306) must fold like the
 * precomposed one, and no two forms of our Russian terms differ by it.
 *
 * A code unit whose fold is several characters (ﬁ, …, ½, the lam-alef ligatures) is an
 * expansion; the scanner feeds its characters one by one, all at the offset of the one unit.
 */

/** Table value: the code unit is skipped (it folds to nothing). */
export const FOLD_SKIP = 0xffff;
/** Table value: the code unit folds to several characters, see {@link FoldTables.expansions}. */
export const FOLD_EXPAND = 0xfffe;

/** What a character of the original text is when deciding word boundaries. */
export const CharKind = {
  /** Not part of a word: spaces, punctuation, symbols. */
  Other: 0,
  /** A letter or digit of an alphabetic script (Latin, Cyrillic, Arabic, Greek, …). */
  Word: 1,
  /** A letter of a script written without spaces between words (Han, kana, Hangul). */
  Cjk: 2,
  /** A combining mark or the Arabic tatweel: belongs to the letter before it. */
  Attached: 3,
  /** An invisible character (soft hyphen, zero-width characters, bidi controls). */
  Ignorable: 4,
  /** Half of a surrogate pair: decode to decide. */
  Surrogate: 5,
} as const;
export type CharKind = (typeof CharKind)[keyof typeof CharKind];

export interface FoldTables {
  /** Code unit → folded code unit, {@link FOLD_SKIP} or {@link FOLD_EXPAND}. */
  readonly fold: Uint16Array;
  /** Folded text of the code units marked {@link FOLD_EXPAND}. */
  readonly expansions: ReadonlyMap<number, string>;
  /** Code unit → {@link CharKind}. */
  readonly kind: Uint8Array;
  /** 1 for lower-case letters (\p{Ll}): an abbreviation's capitals may not be written with them. */
  readonly lower: Uint8Array;
}

const IGNORABLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
const APOSTROPHE = /['\u2018\u2019\u02BC\u02B9\u0060\u00B4\u2032\uFF07]/;
const SPACE_LIKE = /[\s\p{Zs}\p{Pd}\u2212]/u;
const MARK = /\p{M}/u;
const MARKS = /\p{M}/gu;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const CJK_CHAR =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u;
const LOWER = /\p{Ll}/u;
const TATWEEL = 0x0640;
const SUPERSCRIPT_ALEF = 0x0670;

const ARABIC_LETTERS: Readonly<Record<string, string>> = {
  '\u0671': '\u0627', // ٱ → ا
  '\u0629': '\u0647', // ة → ه
  '\u0649': '\u064A', // ى → ي
  '\u06CC': '\u064A', // ی → ي
  '\u06A9': '\u0643', // ک → ك
};

function foldOneChar(ch: string): string {
  if (IGNORABLE.test(ch)) return '';
  if (APOSTROPHE.test(ch)) return "'";
  if (SPACE_LIKE.test(ch)) return ' ';
  if (MARK.test(ch)) return '';
  const code = ch.charCodeAt(0);
  if (code >= 0x0660 && code <= 0x0669) return String.fromCharCode(code - 0x0660 + 0x30);
  if (code >= 0x06f0 && code <= 0x06f9) return String.fromCharCode(code - 0x06f0 + 0x30);
  const mapped = ARABIC_LETTERS[ch];
  if (mapped !== undefined) return mapped;
  if (ch === 'ς') return 'σ';
  return ch;
}

/**
 * The fold of one UTF-16 code unit ('' when it is skipped). Surrogates fold to themselves.
 * This is the definition; the tables below are its cache.
 */
export function foldCodeUnit(code: number): string {
  if (code >= 0xd800 && code <= 0xdfff) return String.fromCharCode(code);
  if (code === TATWEEL || code === SUPERSCRIPT_ALEF) return '';
  const ch = String.fromCharCode(code);
  if (IGNORABLE.test(ch) || APOSTROPHE.test(ch) || SPACE_LIKE.test(ch) || MARK.test(ch)) {
    return foldOneChar(ch);
  }
  const folded = ch
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(MARKS, '')
    .normalize('NFC');
  let out = '';
  for (const c of folded) out += c.length === 1 ? foldOneChar(c) : c;
  return out;
}

function kindOf(code: number): CharKind {
  if (code >= 0xd800 && code <= 0xdfff) return CharKind.Surrogate;
  const ch = String.fromCharCode(code);
  if (IGNORABLE.test(ch)) return CharKind.Ignorable;
  if (code === TATWEEL || MARK.test(ch)) return CharKind.Attached;
  if (CJK_CHAR.test(ch)) return CharKind.Cjk;
  if (WORD_CHAR.test(ch)) return CharKind.Word;
  return CharKind.Other;
}

let tables: FoldTables | undefined;

/** The per-code-unit tables, built on first use (about 100 ms) and shared. */
export function foldTables(): FoldTables {
  if (tables) return tables;
  const fold = new Uint16Array(0x10000);
  const kind = new Uint8Array(0x10000);
  const lower = new Uint8Array(0x10000);
  const expansions = new Map<number, string>();
  for (let code = 0; code < 0x10000; code++) {
    let f: string;
    if (code < 0x80) {
      // ASCII fast path: the general rule gives the same.
      const ch = String.fromCharCode(code);
      f = SPACE_LIKE.test(ch) ? ' ' : ch === '`' ? "'" : ch.toLowerCase();
    } else {
      f = foldCodeUnit(code);
    }
    if (f.length === 0) fold[code] = FOLD_SKIP;
    else if (f.length === 1 && f.charCodeAt(0) < FOLD_EXPAND) fold[code] = f.charCodeAt(0);
    else {
      fold[code] = FOLD_EXPAND;
      expansions.set(code, f);
    }
    kind[code] = kindOf(code);
    lower[code] =
      code < 0xd800 || code > 0xdfff ? (LOWER.test(String.fromCharCode(code)) ? 1 : 0) : 0;
  }
  tables = { fold, expansions, kind, lower };
  return tables;
}

/** The kind of the character at `index` (a surrogate pair decoded). */
export function kindAt(text: string, index: number): CharKind {
  const code = text.charCodeAt(index);
  const k = foldTables().kind[code] as CharKind;
  if (k !== CharKind.Surrogate) return k;
  const cp = text.codePointAt(index > 0 && code >= 0xdc00 ? index - 1 : index)!;
  if (cp < 0x10000) return CharKind.Other; // a lone surrogate
  const ch = String.fromCodePoint(cp);
  if (MARK.test(ch)) return CharKind.Attached;
  if (CJK_CHAR.test(ch)) return CharKind.Cjk;
  return WORD_CHAR.test(ch) ? CharKind.Word : CharKind.Other;
}

export interface FoldedText {
  /** The folded text: spaces collapsed, no leading or trailing space. */
  readonly text: string;
  /** For each folded UTF-16 unit, the offset of the original unit it came from. */
  readonly offsets: readonly number[];
}

/**
 * Folds a whole string, keeping where each folded character came from. The matcher never calls
 * this (it folds on the fly); patterns, tests and reference implementations do.
 */
export function foldWithOffsets(text: string): FoldedText {
  const { fold, expansions } = foldTables();
  let out = '';
  const offsets: number[] = [];
  let prevSpace = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const f = fold[code]!;
    if (f === FOLD_SKIP) continue;
    const piece = f === FOLD_EXPAND ? expansions.get(code)! : String.fromCharCode(f);
    for (let j = 0; j < piece.length; j++) {
      const space = piece.charCodeAt(j) === 0x20;
      if (space && prevSpace) continue;
      prevSpace = space;
      out += piece[j];
      offsets.push(i);
    }
  }
  if (out.endsWith(' ')) {
    out = out.slice(0, -1);
    offsets.pop();
  }
  return { text: out, offsets };
}

/** The folded form of a text (see the module comment): what glossary terms are compared in. */
export function foldText(text: string): string {
  return foldWithOffsets(text).text;
}
