/**
 * @module Small text helpers shared by the HTML walker: whitespace collapsing that respects
 * Chinese line wrapping, list-number formatting, and the footnote vocabulary of the HTML that
 * Word, mammoth, pandoc and hand-written pages produce.
 */

const CJK_CHAR =
  /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]$/u;

function codePointBefore(text: string, offset: number): string {
  const low = text.charCodeAt(offset - 1);
  if (low >= 0xdc00 && low <= 0xdfff && offset >= 2) return text.slice(offset - 2, offset);
  return text.slice(offset - 1, offset);
}

function codePointAt(text: string, offset: number): string {
  const cp = text.codePointAt(offset);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/**
 * Collapses runs of HTML whitespace (and no-break spaces, which Word uses as padding) to one
 * space and trims. A run that contains a line break between two CJK characters disappears
 * instead: Chinese is written without spaces, so a newline there is only source wrapping (the
 * same rule as CSS Text's segment-break transformation), and "核武器\n国家" must read "核武器国家".
 */
export function collapseWhitespace(raw: string): string {
  return raw
    .replace(/[ \t\n\r\f\u00a0]+/gu, (run: string, offset: number, all: string) => {
      if (
        /[\n\r]/u.test(run) &&
        CJK_CHAR.test(codePointBefore(all, offset)) &&
        CJK_CHAR.test(codePointAt(all, offset + run.length))
      ) {
        return '';
      }
      return ' ';
    })
    .trim();
}

function toRoman(n: number): string {
  const table: [number, string][] = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let out = '';
  let rest = n;
  for (const [value, letters] of table) {
    while (rest >= value) {
      out += letters;
      rest -= value;
    }
  }
  return out;
}

/** Bijective base 26, as CSS `lower-alpha` counts: z, aa, ab. */
function toLetters(n: number): string {
  let out = '';
  let rest = n;
  while (rest > 0) {
    rest--;
    out = String.fromCharCode(97 + (rest % 26)) + out;
    rest = Math.floor(rest / 26);
  }
  return out;
}

/** The label an `<ol type>` prints for item `n` ("1", "b", "iv", "IV"), without punctuation. */
export function formatListNumber(n: number, type: string): string {
  if (n < 1 || n > 3999 || type === '1' || type === '') return String(n);
  switch (type) {
    case 'a':
      return toLetters(n);
    case 'A':
      return toLetters(n).toUpperCase();
    case 'i':
      return toRoman(n);
    case 'I':
      return toRoman(n).toUpperCase();
    default:
      return String(n);
  }
}

/** Reference marks and back-links: their text ("[1]", "↑") is not part of any paragraph. */
const NOTE_REFERENCE =
  /^(?:mso)?(?:foot|end)note-?(?:ref|reference|anchor|call|back)|^_?(?:fn|ftn|edn)ref|noteref|backlink/iu;
/** Footnote bodies: `div.footnotes`, `li#fn1`, Word's `div#ftn1` and `p.MsoFootnoteText`. */
const NOTE_BODY =
  /^(?:mso)?(?:foot|end)notes?|^doc-(?:foot|end)notes?|^_?(?:fn|ftn|edn)(?:\d|[-_:.]|$)/iu;
const NOTE_HREF = /^#_?(?:fn|ftn|edn|footnote|endnote)/iu;

export type NoteRole = 'reference' | 'body' | null;

/** Whether an element is a footnote reference mark, a footnote body, or neither. */
export function noteRole(name: string, attrs: Readonly<Record<string, string>>): NoteRole {
  if (name === 'a' && attrs['href'] !== undefined && NOTE_HREF.test(attrs['href'])) {
    return 'reference';
  }
  const tokens = [
    attrs['id'],
    attrs['name'],
    attrs['role'],
    attrs['epub:type'],
    ...(attrs['class'] ?? '').split(/\s+/u),
  ].filter((token): token is string => token !== undefined && token !== '');
  if (tokens.some((token) => NOTE_REFERENCE.test(token))) return 'reference';
  if (name === 'aside' || tokens.some((token) => NOTE_BODY.test(token))) return 'body';
  return null;
}

/** The note number an id such as `fn3`, `footnote-3` or `_ftn3` carries. */
export function noteNumberFromId(attrs: Readonly<Record<string, string>>): string | undefined {
  const id = attrs['id'] ?? attrs['name'];
  return id === undefined ? undefined : /(\d+)$/u.exec(id)?.[1];
}

/**
 * Brackets a paragraph number docx.ts computed from Word's numbering, placed in front of the
 * paragraph's text for the HTML walker to take out again: noncharacters, which Unicode reserves
 * for exactly this kind of internal use and which no document text contains.
 */
export const NUM_MARK_START = '\ufdd0';
export const NUM_MARK_END = '\ufdd1';
const LEADING_NUM_MARK = /^\ufdd0([^\ufdd1]*)\ufdd1\s*/u;
const ANY_NUM_MARK = /\ufdd0([^\ufdd1]*)\ufdd1/gu;

/** Splits a leading number mark off collapsed text; marks elsewhere are printed as text. */
export function takeNumberMark(text: string): { text: string; num?: string } {
  const mark = LEADING_NUM_MARK.exec(text);
  const rest = collapseWhitespace(printNumberMarks(mark ? text.slice(mark[0].length) : text));
  return mark ? { text: rest, num: mark[1]! } : { text: rest };
}

/** Replaces number marks by the number they carry, as it would be printed. */
export function printNumberMarks(text: string): string {
  return text.replace(ANY_NUM_MARK, '$1 ');
}
