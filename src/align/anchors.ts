/**
 * @module Anchors: the parts of a text that survive translation unchanged and so can be compared
 * across languages without a dictionary — numbers (with their digits normalised), UN document
 * symbols, and the States a text names. Tokens are prefixed by their kind (`n:55/100`,
 * `s:A/55/602/Add.2`, `st:CUB`) and kept as a sorted multiset: a vote list that names
 * Cuba once must not look like one that names it twice.
 */
import type { AlignLang } from '../domain/alignment.js';
import { findSymbols } from '../ingest/symbols/find-symbols.js';

/** Finds the States named in a text: ids, one per mention. */
export type MentionFinder = (text: string, lang: AlignLang) => readonly string[];

export interface AnchorOptions {
  readonly mentions?: MentionFinder;
}

/** ASCII, Arabic-Indic (٠-٩), Extended Arabic-Indic (۰-۹) and full-width (０-９) digits → 0-9, else −1. */
function digitValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x660 && code <= 0x669) return code - 0x660;
  if (code >= 0x6f0 && code <= 0x6f9) return code - 0x6f0;
  if (code >= 0xff10 && code <= 0xff19) return code - 0xff10;
  return -1;
}

/** Slash, full-width slash, fraction slash, division slash. */
function isSlash(code: number): boolean {
  return code === 0x2f || code === 0xff0f || code === 0x2044 || code === 0x2215;
}

/**
 * Separators of thousands groups: `1,500` (en), `1 500` (fr, ru: no-break or thin space),
 * `1.500` (es), `١٬٥٠٠` (ar). Joining the groups makes all of them the token `1500`.
 */
function isGroupSeparator(code: number): boolean {
  return (
    code === 0x2c ||
    code === 0x2e ||
    code === 0x20 ||
    code === 0xa0 ||
    code === 0x202f ||
    code === 0x2009 ||
    code === 0x66c
  );
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0xa0 || code === 0x202f || code === 0x2009 || code === 0x3000;
}

function isDash(code: number): boolean {
  return code === 0x2d || (code >= 0x2010 && code <= 0x2015) || code === 0x2212;
}

function stripZeros(digits: string): string {
  let i = 0;
  while (i < digits.length - 1 && digits.charCodeAt(i) === 0x30) i++;
  return i === 0 ? digits : digits.slice(i);
}

/**
 * Chinese writes a date's month as a number (`2000年12月4日`) where the other languages spell
 * it out, so a number followed by 月 would be a token only Chinese has.
 */
function isChineseMonth(text: string, end: number): boolean {
  let i = end;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  return text.charCodeAt(i) === 0x6708; // 月
}

/**
 * Arabic numbers a GA session in digits (`217 ألف (د - 3)`) where the other languages write
 * a Roman numeral (`217 A (III)`), so the number after `(د -` would be a token only Arabic has.
 */
function isArabicSession(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && (isSpace(text.charCodeAt(i)) || isDash(text.charCodeAt(i)))) i--;
  if (text.charCodeAt(i) !== 0x62f) return false; // د
  i--;
  while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
  return text.charCodeAt(i) === 0x28 || text.charCodeAt(i) === 0xff08;
}

/**
 * A footnote reference as Word exports leave it in Arabic text, `([1])`: not part of what the
 * text says, and the other languages lose theirs.
 */
function isFootnoteMark(text: string, start: number, end: number): boolean {
  return (
    text.charCodeAt(start - 1) === 0x5b &&
    text.charCodeAt(start - 2) === 0x28 &&
    text.charCodeAt(end) === 0x5d &&
    text.charCodeAt(end + 1) === 0x29
  );
}

/** Reads a run of digits from `i`; returns the digits (ASCII) and where the run ends. */
function readDigits(text: string, i: number): { digits: string; end: number } {
  let j = i;
  let ascii = true;
  for (; j < text.length; j++) {
    const code = text.charCodeAt(j);
    if (code >= 0x30 && code <= 0x39) continue;
    if (digitValue(code) < 0) break;
    ascii = false;
  }
  if (ascii) return { digits: text.slice(i, j), end: j };
  let digits = '';
  for (let k = i; k < j; k++) digits += String.fromCharCode(0x30 + digitValue(text.charCodeAt(k)));
  return { digits, end: j };
}

/** True when `text[i..i+3)` are three digits not followed by a fourth. */
function isThousandsGroup(text: string, i: number): boolean {
  return (
    digitValue(text.charCodeAt(i)) >= 0 &&
    digitValue(text.charCodeAt(i + 1)) >= 0 &&
    digitValue(text.charCodeAt(i + 2)) >= 0 &&
    digitValue(text.charCodeAt(i + 3)) < 0
  );
}

/**
 * The numbers of a text as tokens: digits normalised to ASCII, leading zeros dropped, thousands
 * groups joined, and parts joined by a slash kept together (`55/100`, `A/55/602` → `55/602`).
 * Letters around a number are ignored (`81st`, `81-м`, `第94段`), so are Roman numerals (`217
 * A (III)` → `217`). Years are numbers like any other.
 */
export function numberAnchors(text: string, lang: AlignLang): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (digitValue(text.charCodeAt(i)) < 0) {
      i++;
      continue;
    }
    const start = i;
    const parts: string[] = [];
    for (;;) {
      const first = readDigits(text, i);
      let digits = first.digits;
      i = first.end;
      if (digits.length <= 3) {
        while (isGroupSeparator(text.charCodeAt(i)) && isThousandsGroup(text, i + 1)) {
          digits += readDigits(text, i + 1).digits;
          i += 4;
        }
      }
      parts.push(stripZeros(digits));
      if (isSlash(text.charCodeAt(i)) && digitValue(text.charCodeAt(i + 1)) >= 0) {
        i++;
        continue;
      }
      break;
    }
    if (parts.length === 1 && isFootnoteMark(text, start, i)) continue;
    if (lang === 'zh' && parts.length === 1 && isChineseMonth(text, i)) continue;
    if (lang === 'ar' && parts.length === 1 && isArabicSession(text, start)) continue;
    out.push(`n:${parts.join('/')}`);
  }
  return out;
}

const SYMBOL_CHAR = /[A-Za-z0-9().\-_/\uff01-\uff5e\u2044\u2215]/;
/** How far past the last slash of a symbol its tail may run (`… (Resumption 1)`). */
const SYMBOL_TAIL = 48;

/**
 * The UN symbols of a text, canonical (`s:A/55/602/Add.2`). `findSymbols` is thorough but not
 * cheap on long paragraphs, and every symbol has a slash, so it only reads windows around the
 * slashes; each window starts and ends where a token does, so no symbol is cut or invented.
 */
export function symbolAnchors(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isSlash(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let start = i;
    let body = false;
    while (start > 0 && SYMBOL_CHAR.test(text.charAt(start - 1))) {
      start--;
      const code = text.charCodeAt(start);
      if ((code >= 0x41 && code <= 0x5a) || (code >= 0xff21 && code <= 0xff3a)) body = true;
    }
    // Every symbol starts with an upper-case body (A, S, NPT, GC(57) …) before its first slash:
    // `55/100` and `5/13` need no parsing.
    if (!body) {
      i++;
      continue;
    }
    let end = Math.min(text.length, i + SYMBOL_TAIL);
    for (let j = i + 1; j < end; j++) {
      if (isSlash(text.charCodeAt(j))) end = Math.min(text.length, j + SYMBOL_TAIL);
    }
    while (end < text.length && SYMBOL_CHAR.test(text.charAt(end))) end++;
    for (const found of findSymbols(text.slice(start, end)))
      out.push(`s:${found.symbol.canonical}`);
    i = end;
  }
  return out;
}

/** Every anchor of a text, sorted (a multiset: repeated anchors repeat). */
export function extractAnchors(
  text: string,
  lang: AlignLang,
  options: AnchorOptions = {},
): string[] {
  const anchors = [...numberAnchors(text, lang), ...symbolAnchors(text)];
  if (options.mentions) for (const id of options.mentions(text, lang)) anchors.push(`st:${id}`);
  return anchors.sort();
}

/** How many elements two sorted multisets share (each repeat counted once per side). */
export function sortedCommonCount<T extends string | number>(
  a: ArrayLike<T>,
  b: ArrayLike<T>,
): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return common;
}

/**
 * Dice coefficient of two sorted anchor multisets, in [0, 1]; `null` when neither side has any
 * anchor, because two texts without numbers or names say nothing about each other.
 */
export function anchorSimilarity(a: readonly string[], b: readonly string[]): number | null {
  if (a.length + b.length === 0) return null;
  return (2 * sortedCommonCount(a, b)) / (a.length + b.length);
}
