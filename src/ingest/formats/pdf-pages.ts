/**
 * @module From positioned pieces of text on PDF pages to `line` blocks: rebuilds physical lines
 * (pieces on one baseline, left to right), cleans their text, and marks paragraph breaks with a
 * blank line. Pure: both PDF readers (pdfjs, pdftotext) feed it the same {@link PageText}.
 *
 * A paragraph break goes between two lines when the vertical step between them is clearly larger
 * than the document's usual line spacing; when the first line stops short: the first word of the
 * next line would have fitted in the space left at its end, so the line was broken on purpose
 * (this also finds the paragraph that ends at the foot of a page); or when the first ends a
 * sentence and the second starts with a paragraph number (`5.`, `(a)`).
 */
import type { TextBlock } from '../extracted-document.js';
import { lineDirection, strongLetterCounts, visualToLogical } from './pdf-bidi.js';
import { RADICAL_EQUIVALENTS } from './pdf-radicals.js';

export interface TextFragment {
  /** The text as the reader gives it (logical order from pdfjs, visual order from pdftotext). */
  readonly text: string;
  /** Left and right edges, in page units from the left of the page. */
  readonly x0: number;
  readonly x1: number;
  /** Vertical position from the top of the page: baseline (pdfjs) or middle (pdftotext). */
  readonly y: number;
  /** Font size, or the height of the text's box; used as the unit of distances on its line. */
  readonly size: number;
  /** pdfjs: the piece ends a line (`hasEOL`); a following piece on the same line gets a space. */
  readonly eol?: boolean;
}

export interface PageText {
  /** 1-based page number. */
  readonly page: number;
  readonly width: number;
  readonly height: number;
  readonly fragments: readonly TextFragment[];
}

export interface LayoutOptions {
  /** `visual`: fragment text is in left-to-right page order and is reordered line by line. */
  readonly order: 'logical' | 'visual';
  /** A horizontal gap wider than this share of the text size is a space between two pieces. */
  readonly spaceGap: number;
  /** Base direction of lines without letters (page numbers), from the whole document. */
  readonly direction: 'ltr' | 'rtl';
}

export interface PositionedLine {
  readonly text: string;
  readonly page: number;
  readonly x0: number;
  readonly x1: number;
  readonly y: number;
  readonly size: number;
  readonly direction: 'ltr' | 'rtl';
}

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/gu;
/** Characters with no meaning in extracted text: controls, BOM, zero-width space, tatweel. */
const INVISIBLE = /[\p{Cc}\uFEFF\u200B\u0640]/gu;
/**
 * Compatibility characters that PDF text layers produce in place of ordinary ones: CJK radicals
 * and compatibility ideographs (⼒ U+2F12 for 力, ⻔ U+2ED4 for 门), Latin ligatures (ﬁ), Arabic
 * presentation forms, and the spaces of fixed width. NFKC (or, for the radicals NFKC leaves alone,
 * Unicode's equivalent ideograph) applies to these only: applied to the whole text NFKC would also
 * turn Chinese full-width punctuation (，：；（）) into ASCII and º, ª, ² into letters and digits.
 */
const COMPATIBILITY =
  /[\u2E80-\u2FDF\uF900-\uFAFF\uFB00-\uFDFF\uFE70-\uFEFE\u00A0\u2000-\u200A\u202F\u205F\u3000]|[\u{2F800}-\u{2FA1F}]/gu;

/** Han, kana, CJK punctuation and full-width forms: no spaces between them. */
const CJK =
  /[\u2E80-\u2FDF\u3001-\u30FF\u31C0-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF]|[\u{20000}-\u{3FFFF}]/u;

/** A space between two CJK characters: spacing of a justified line, not a word space. */
const CJK_SPACE = new RegExp(`(${CJK.source}) (?=${CJK.source})`, 'gu');

export function isCjk(char: string | undefined): boolean {
  return char !== undefined && CJK.test(char);
}

/** Cleans one line: compatibility forms, bidi controls and invisibles out, spaces collapsed. */
export function cleanLineText(text: string): string {
  return text
    .replace(/[\t\n\r\u2028\u2029]/gu, ' ')
    .replace(BIDI_CONTROLS, '')
    .replace(INVISIBLE, '')
    .replace(COMPATIBILITY, (c) => RADICAL_EQUIVALENTS.get(c) ?? c.normalize('NFKC'))
    .normalize('NFC')
    .replace(/ {2,}/gu, ' ')
    .replace(CJK_SPACE, '$1')
    .trim();
}

/** Groups a page's fragments into lines, top to bottom, each left to right. */
function groupLines(fragments: readonly TextFragment[]): TextFragment[][] {
  const sorted = fragments
    .filter((f) => f.text !== '' && Number.isFinite(f.y) && Number.isFinite(f.x0))
    .sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const lines: { y: number; size: number; items: TextFragment[] }[] = [];
  for (const f of sorted) {
    const line = lines[lines.length - 1];
    // Same line when the baselines are within half the larger size (a raised footnote mark too).
    if (line !== undefined && Math.abs(f.y - line.y) <= 0.5 * Math.max(f.size, line.size)) {
      line.items.push(f);
      if (f.size > line.size) {
        line.size = f.size;
        line.y = f.y;
      }
    } else {
      lines.push({ y: f.y, size: f.size, items: [f] });
    }
  }
  return lines.map((l) => l.items.sort((a, b) => a.x0 - b.x0));
}

const firstChar = (s: string) => String.fromCodePoint(s.codePointAt(0) ?? 32);
const lastChar = (s: string) => {
  const pair = s.codePointAt(s.length - 2);
  return pair !== undefined && pair > 0xffff ? String.fromCodePoint(pair) : s.slice(-1);
};

/** Joins one line's fragments, left to right, with a space where there is a gap. */
function joinFragments(items: readonly TextFragment[], spaceGap: number): string {
  const parts: string[] = [];
  let prev: TextFragment | undefined;
  for (const f of items) {
    if (prev !== undefined) {
      const gap = f.x0 - prev.x1;
      const size = Math.max(prev.size, f.size);
      const last = lastChar(prev.text);
      const first = firstChar(f.text);
      const spaced = /\s/u.test(last) || /\s/u.test(first);
      // No space between CJK characters, however wide the gap (justified lines spread them).
      if (!spaced && !(isCjk(last) && isCjk(first))) {
        if (gap > spaceGap * size || prev.eol === true) parts.push(' ');
      }
    }
    parts.push(f.text);
    prev = f;
  }
  return parts.join('');
}

/** Rebuilds a page's lines; lines with no text left after cleaning are dropped. */
export function buildLines(page: PageText, options: LayoutOptions): PositionedLine[] {
  const result: PositionedLine[] = [];
  for (const items of groupLines(page.fragments)) {
    const joined = joinFragments(items, options.spaceGap).replace(BIDI_CONTROLS, '');
    const read =
      options.order === 'visual'
        ? visualToLogical(joined, options.direction)
        : { text: joined, direction: lineDirection(joined, 'ltr') };
    const direction = read.direction;
    const text = cleanLineText(read.text);
    if (text === '') continue;
    const main = items.reduce((m, i) => (i.size > m.size ? i : m));
    result.push({
      text,
      page: page.page,
      x0: items.reduce((x, i) => Math.min(x, i.x0), Infinity),
      x1: items.reduce((x, i) => Math.max(x, i.x1), -Infinity),
      y: main.y,
      size: main.size,
      direction,
    });
  }
  return result;
}

/** The document's main direction: right-to-left if most of its letters are. */
export function documentDirection(pages: readonly PageText[]): 'ltr' | 'rtl' {
  let rtl = 0;
  let ltr = 0;
  for (const page of pages) {
    for (const f of page.fragments) {
      const counts = strongLetterCounts(f.text);
      rtl += counts.rtl;
      ltr += counts.ltr;
    }
  }
  return rtl > ltr ? 'rtl' : 'ltr';
}

function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

/** A line that ends a sentence, perhaps inside brackets or quotes. */
const SENTENCE_END = /[.;:!?؛。；：！？]["'”’»)）\]]*$/u;
/**
 * A line that starts a numbered paragraph or sub-paragraph the way UN documents number them:
 * `5.`, `5 -` (Arabic), `(a)`, `a)`, `(أ)`, `IV.`. After a line that ends a sentence, a new
 * paragraph, even where nothing else shows it (a full last line at the foot of a page).
 */
const NUMBERED_START = /^(?:\p{Nd}{1,3}(?:\.|\s[-–])\s|\(?[\p{Ll}\p{Lo}]\)\s|[IVXL]{1,6}\.\s)/u;

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });
const graphemeCount = (s: string) => [...graphemes.segment(s)].length;

/**
 * Turns the pages' lines (running lines already removed) into `line` blocks, with a blank line
 * at each paragraph break. `fontSizes`: the lines' sizes are font sizes (pdfjs), so a change of
 * size (a heading above body text) is a break too; pdftotext's box heights depend on the font.
 */
export function linesToBlocks(
  pages: readonly (readonly PositionedLine[])[],
  options: { readonly fontSizes: boolean },
): TextBlock[] {
  const all = pages.flat();
  // Usual line spacing: a low percentile of the steps between lines, in units of their size.
  const steps: number[] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const a = lines[i - 1]!;
      const b = lines[i]!;
      const step = (b.y - a.y) / Math.max(a.size, b.size);
      if (step > 0) steps.push(step);
    }
  }
  const usualStep = percentile(steps, 0.3);
  // The text column: where most lines start and end.
  const left = percentile(
    all.map((l) => l.x0),
    0.1,
  );
  const right = percentile(
    all.map((l) => l.x1),
    0.9,
  );

  const endsShort = (a: PositionedLine, b: PositionedLine): boolean => {
    if (left === undefined || right === undefined) return false;
    const free = a.direction === 'rtl' ? a.x0 - left : right - a.x1;
    if (free <= 0) return false;
    // Would the next line's first word (for CJK: first character) have fitted here?
    const words = b.text.split(' ');
    const first = isCjk(firstChar(b.text)) ? 1 : graphemeCount(words[0] ?? '') + 1;
    const charWidth = (b.x1 - b.x0) / Math.max(1, graphemeCount(b.text));
    return free > first * charWidth * 1.15;
  };

  const isBreak = (a: PositionedLine, b: PositionedLine): boolean => {
    if (endsShort(a, b)) return true;
    if (SENTENCE_END.test(a.text) && NUMBERED_START.test(b.text)) return true;
    if (a.page !== b.page) return false;
    const size = Math.max(a.size, b.size);
    if (usualStep !== undefined && b.y - a.y > usualStep * size * 1.15) return true;
    return options.fontSizes && size > 1.15 * Math.min(a.size, b.size);
  };

  const blocks: TextBlock[] = [];
  let prev: PositionedLine | undefined;
  for (const lines of pages) {
    for (const line of lines) {
      if (prev !== undefined && isBreak(prev, line)) {
        blocks.push({ kind: 'line', text: '', page: prev.page });
      }
      blocks.push({ kind: 'line', text: line.text, page: line.page });
      prev = line;
    }
  }
  return blocks;
}
