/**
 * @module Rebuilds paragraphs from physical lines (text extracted from PDFs, or typed with hard
 * wraps): decides for each line break whether it ends a paragraph (hard) or only a printed line
 * (soft), and joins soft breaks the way the script wants (a space in Latin and Cyrillic text,
 * nothing between Chinese characters, a kept hyphen in "non-\nproliferation").
 */

const TERMINAL = /[.!?:;。！？：；…»”"')\]）」』]$/u;
const CJK = /[\p{Script=Han}\u3000-\u303F\uFF00-\uFF0F\uFF1A-\uFF20]/u;
/** A line that opens a numbered paragraph, a lettered sub-paragraph, a bullet or a Roman heading. */
const PARAGRAPH_MARKER =
  /^\s*(?:\d{1,3}\s?[.．]\s|\d{1,3}\s+-\s|\(\s?[a-zа-яأ-ي]{1,2}\s?\)\s|[a-zа-я]\)\s|\([ivxlc]+\)\s|[IVXLC]+\.\s|[A-Z]\.\s|[–—•▪●-]\s)/u;
const OPENS_LOWER = /^\s*[\p{Ll}]/u;
const OPENS_UPPER = /^\s*[\p{Lu}]/u;

export interface LineBreakDecision {
  /** Index of the line after the break. */
  readonly before: number;
  readonly hard: boolean;
}

/**
 * Display width, as on the printed page: code points, with CJK ideographs, CJK punctuation and
 * full-width forms taking two columns. Code ranges, not a regex: this runs for every line.
 */
function width(text: string): number {
  const trimmed = text.trim();
  let columns = 0;
  for (let i = 0; i < trimmed.length; i++) {
    const c = trimmed.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) continue; // the second half of a surrogate pair
    columns +=
      (c >= 0x3000 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xff60)
        ? 2
        : 1;
  }
  return columns;
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

/** Extracted text often has a blank line after every printed line; then blanks mean nothing. */
function blanksAreSpacing(lines: readonly string[]): boolean {
  let content = 0;
  let followedByBlank = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() === '') continue;
    content++;
    if (i + 1 < lines.length && lines[i + 1]!.trim() === '') followedByBlank++;
  }
  return content >= 6 && followedByBlank / content > 0.6;
}

/** Text whose lines are already whole paragraphs (no wrapping at a page width). */
function isUnwrapped(widths: number[]): boolean {
  return percentile(widths, 0.5) > 160 || percentile(widths, 0.9) > 400;
}

function isHardBreak(prev: string, next: string, lineWidth: number): boolean {
  if (PARAGRAPH_MARKER.test(next)) return true;
  const prevText = prev.trimEnd();
  const ends = TERMINAL.test(prevText);
  const indented = /^\s+\S/u.test(next);
  if (indented && ends) return true;
  const prevWidth = width(prevText);
  if (ends && OPENS_UPPER.test(next) && prevWidth < 0.9 * lineWidth) return true;
  if (prevWidth < 0.6 * lineWidth) {
    // A short line: the end of a paragraph or a heading, unless the sentence visibly runs on.
    if (OPENS_LOWER.test(next) && !ends) return false;
    if (CJK.test(prevText.at(-1) ?? '') && !ends && CJK.test(next.trim()[0] ?? ''))
      return prevWidth < 0.35 * lineWidth;
    return true;
  }
  return false;
}

/** Decides every break between consecutive non-blank lines. */
export function decideLineBreaks(lines: readonly string[]): LineBreakDecision[] {
  const spacing = blanksAreSpacing(lines);
  const content = lines.map((text, index) => ({ text, index })).filter((l) => l.text.trim() !== '');
  const widths = content.map((l) => width(l.text));
  const unwrapped = isUnwrapped(widths);
  const lineWidth = percentile(widths, 0.9);
  const decisions: LineBreakDecision[] = [];
  for (let k = 1; k < content.length; k++) {
    const prev = content[k - 1]!;
    const next = content[k]!;
    const blankBetween = next.index - prev.index > 1;
    const separatedByBlanks = spacing ? next.index - prev.index > 2 : blankBetween;
    const hard = unwrapped || separatedByBlanks || isHardBreak(prev.text, next.text, lineWidth);
    decisions.push({ before: next.index, hard });
  }
  return decisions;
}

/** Joins two pieces of one paragraph across a soft break. */
export function joinSoft(left: string, right: string): string {
  const a = left.replace(/\u00AD$/u, '').trimEnd();
  const b = right.trimStart();
  if (a === '') return b;
  if (left.trimEnd().endsWith('\u00AD')) return a + b;
  const last = a.at(-1) ?? '';
  const first = b[0] ?? '';
  if (last === '-' && /\p{L}/u.test(a.at(-2) ?? '') && /\p{Ll}/u.test(first)) return a + b;
  if (CJK.test(last) && CJK.test(first)) return a + b;
  return `${a} ${b}`;
}

/** Tabs, no-break spaces or two spaces in a row: what collapsing a paragraph's blanks changes. */
const BLANK_RUN = /[\t\u00A0]| {2}/;

/** Runs of spaces, tabs and no-break spaces as one space, none at the ends. */
export function collapseBlanks(text: string): string {
  // Most paragraphs have nothing to collapse: the check spares them a replacement.
  return (BLANK_RUN.test(text) ? text.replace(/[ \t\u00A0]+/gu, ' ') : text).trim();
}

/** Paragraph texts, white space inside each collapsed, from physical lines. */
export function assembleParagraphs(lines: readonly string[]): string[] {
  const decisions = new Map(decideLineBreaks(lines).map((d) => [d.before, d.hard]));
  const paragraphs: string[] = [];
  let current: string | null = null;
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    if (current === null || decisions.get(index) !== false) {
      if (current !== null) paragraphs.push(current);
      current = line.trim();
    } else {
      current = joinSoft(current, line);
    }
  });
  if (current !== null) paragraphs.push(current);
  return paragraphs.map(collapseBlanks);
}
