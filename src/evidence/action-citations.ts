/**
 * @module Explicit citations of Action Plan actions in a paragraph, with their offsets (so the
 * suggester can quote the words that matched): "Action 21", "actions 5, 20 and 21", "mesure 21",
 * "行动 5、20 和 21", "الإجراء ٢١". Numbers outside 1–64 are not actions.
 */
import { LANGUAGES, type Lang } from '../domain/language-codes.js';

const CITED_NUMBER = String.raw`[0-9\u0660-\u0669\u06F0-\u06F9]{1,2}(?![0-9\u0660-\u0669\u06F0-\u06F9])`;
/** Lists and ranges; Chinese joins the last number with 和/及/与. */
const LIST_SEPARATOR = String.raw`\s*(?:,|،|、|，|and|et|y|и|و|和|及|与|to|à|a|до|至|到|-|–|—)\s*`;
const RANGE_SEPARATOR = /^\s*(?:to|à|a|до|至|到|-|–|—)\s*$/iu;
const NUMBER_LIST = `${CITED_NUMBER}(?:${LIST_SEPARATOR}${CITED_NUMBER})*`;
const NOT_AFTER_LETTER = String.raw`(?<![\p{L}])`;

const CITATION_PREFIX: Readonly<Record<Exclude<Lang, 'zh'>, string>> = {
  en: String.raw`actions?\s+(?:nos?\.?\s*)?`,
  fr: String.raw`(?:mesures?|actions?)\s+(?:n[°o]s?\s*)?`,
  es: String.raw`(?:medidas?|acci[oó]n(?:es)?)\s+(?:n[°o]s?\s*)?`,
  ru: String.raw`(?:действи(?:е|я|й|ю|ем|и|ями|ях|ям)|мер(?:а|ы|у|е|ой|ами|ах|ам)?)\s+(?:№\s*)?`,
  ar: String.raw`(?:[وفبك]?(?:ال|لل)|[وفبكل])?[إا]جراء(?:ات|ين|ان)?\s+(?:(?:رقم|رقما|أرقام|ارقام)\s+)?`,
};

function citationPattern(lang: Lang): RegExp {
  if (lang === 'zh') {
    return new RegExp(`第\\s*(${NUMBER_LIST})\\s*项行动|行动\\s*(${NUMBER_LIST})`, 'gu');
  }
  return new RegExp(`${NOT_AFTER_LETTER}${CITATION_PREFIX[lang]}(${NUMBER_LIST})`, 'giu');
}

const CITATION_PATTERNS = new Map(LANGUAGES.map((lang) => [lang, citationPattern(lang)]));

function numberValue(digits: string): number {
  let value = 0;
  for (const c of digits) {
    const code = c.codePointAt(0)!;
    const digit = code >= 0x06f0 ? code - 0x06f0 : code >= 0x0660 ? code - 0x0660 : code - 0x30;
    value = value * 10 + digit;
  }
  return value;
}

const NUMBER_IN_LIST = new RegExp(CITED_NUMBER, 'gu');

/** The action numbers of a list such as "5, 20 and 21" or "1 to 22". */
function numbersOfList(list: string): number[] {
  const found = new Set<number>();
  let previous: { value: number; end: number } | undefined;
  for (const m of list.matchAll(NUMBER_IN_LIST)) {
    const value = numberValue(m[0]);
    if (previous !== undefined && RANGE_SEPARATOR.test(list.slice(previous.end, m.index))) {
      for (let i = previous.value + 1; i < value && i - previous.value <= 64; i++) found.add(i);
    }
    found.add(value);
    previous = { value, end: m.index + m[0].length };
  }
  return [...found].filter((v) => v >= 1 && v <= 64);
}

export interface Citation {
  readonly numbers: number[];
  readonly start: number;
  readonly end: number;
}

export function citationsIn(text: string, langs: readonly Lang[]): Citation[] {
  const out: Citation[] = [];
  for (const lang of langs) {
    const re = CITATION_PATTERNS.get(lang)!;
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) {
      const list = m[1] ?? m[2] ?? '';
      const numbers = numbersOfList(list);
      if (numbers.length > 0) {
        out.push({ numbers, start: m.index, end: m.index + m[0].length });
      }
    }
  }
  return out;
}
