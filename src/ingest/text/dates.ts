/**
 * @module Dates and date ranges as UN document headers print them, in the six languages:
 * "22 April–3 May 2013", "22 avril-3 mai 2013", "22 de abril a 3 de mayo de 2013",
 * "22 апреля — 3 мая 2013 года", "2013 年 4 月 22 日至 5 月 3 日", "22 نيسان/أبريل - 3 أيار/مايو 2013".
 */
import type { LanguageProfile } from '../languages/language-profile.js';

export interface DateRange {
  readonly start: string;
  readonly end: string;
}

interface Part {
  day?: number;
  month?: number;
  year?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

function iso(part: Required<Part>): string | null {
  const date = new Date(Date.UTC(part.year, part.month - 1, part.day));
  if (date.getUTCMonth() !== part.month - 1 || date.getUTCDate() !== part.day) return null;
  return `${part.year}-${pad(part.month)}-${pad(part.day)}`;
}

/** Month names longest first, so "кардинально" rules like "мая"/"май" and Arabic pairs match whole. */
function monthPattern(profile: LanguageProfile): RegExp {
  const names = [...profile.months.keys()]
    .sort((a, b) => b.length - a.length)
    .map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  return new RegExp(`(${names.join('|')})`, 'iu');
}

function chineseParts(text: string): Part[] {
  const parts: Part[] = [];
  const re = /(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日/gu;
  for (const m of text.matchAll(re)) {
    parts.push({
      ...(m[1] ? { year: Number(m[1]) } : {}),
      ...(m[2] ? { month: Number(m[2]) } : {}),
      day: Number(m[3]),
    });
  }
  return parts;
}

const tokenPatterns = new WeakMap<LanguageProfile, RegExp>();

/** Years, days (with ordinal endings) and month names: one pattern per language, built once. */
function tokenPattern(profile: LanguageProfile): RegExp {
  let pattern = tokenPatterns.get(profile);
  if (!pattern) {
    const month = monthPattern(profile);
    pattern = new RegExp(
      `(\\d{4})|(\\d{1,2})(?:-?(?:st|nd|rd|th|er|e|a\\.?))?|${month.source}`,
      'giu',
    );
    tokenPatterns.set(profile, pattern);
  }
  return pattern;
}

function alphabeticParts(text: string, profile: LanguageProfile): Part[] {
  const tokens = tokenPattern(profile);
  const parts: Part[] = [];
  let current: Part = {};
  const flush = () => {
    if (current.day !== undefined || current.month !== undefined || current.year !== undefined)
      parts.push(current);
    current = {};
  };
  for (const m of text.matchAll(tokens)) {
    if (m[1]) {
      current.year = Number(m[1]);
      flush();
    } else if (m[2]) {
      if (current.day !== undefined) flush();
      current.day = Number(m[2]);
    } else if (m[3]) {
      current.month = profile.months.get(m[3].toLowerCase());
      if (current.day === undefined) current.day = undefined;
    }
  }
  flush();
  return parts.filter((p) => p.day !== undefined || p.year !== undefined);
}

/**
 * The first date or date range in the text. A range's missing month or year is taken from the
 * other end ("18–19 April 2013", "22 April–3 May 2013"). Null when there is no complete date.
 */
export function parseDateRange(text: string, profile: LanguageProfile): DateRange | null {
  const raw = profile.lang === 'zh' ? chineseParts(text) : alphabeticParts(text, profile);
  // "the 81st plenary meeting" has a number that is no day of the month.
  const parts = raw.filter((p) => p.day !== undefined && p.day >= 1 && p.day <= 31);
  if (parts.length === 0) return null;
  const first = parts[0]!;
  const second = parts[1];
  const year = first.year ?? second?.year;
  const startMonth = first.month ?? second?.month;
  if (year === undefined || startMonth === undefined) return null;
  const start = iso({ day: first.day!, month: startMonth, year });
  if (start === null) return null;
  if (!second) return { start, end: start };
  const end = iso({
    day: second.day!,
    month: second.month ?? startMonth,
    year: second.year ?? year,
  });
  return end !== null && end >= start ? { start, end } : { start, end: start };
}

/** The place of a "Geneva, 22 April–3 May 2013" line (or "…，日内瓦" in Chinese); null if none. */
export function placeOfDateline(text: string, profile: LanguageProfile): string | null {
  const pieces = text
    .split(/\s*[,，،]\s*/u)
    .map((p) => p.trim())
    .filter(Boolean);
  if (pieces.length < 2) return null;
  const candidate = profile.lang === 'zh' ? pieces.at(-1)! : pieces[0]!;
  return /\d/u.test(candidate) || candidate.length > 40 ? null : candidate;
}
