/**
 * @module Which 2010 Action Plan actions a paragraph cites by wording: "Action 21", "actions 5,
 * 20 and 21", "actions 1 to 22", "mesure 21", "medida 21", "действие 21", "الإجراء 21", "行动21".
 * Lists and ranges are read; numbers outside 1–64 are not actions.
 */
import type { AnalysisLang } from '../analysis/analyzer.js';

const NUMBER_LIST = String.raw`(\d{1,2}(?:\s*(?:,|，|and|et|y|и|و|、|和|及|至|to|à|a|до|-|–|—)\s*\d{1,2})*)`;

const CITATION: Readonly<Record<AnalysisLang, RegExp>> = {
  en: new RegExp(String.raw`\bactions?\s+(?:nos?\.?\s*)?${NUMBER_LIST}`, 'giu'),
  fr: new RegExp(String.raw`\b(?:mesures?|actions?)\s+(?:n[°o]s?\s*)?${NUMBER_LIST}`, 'giu'),
  es: new RegExp(
    String.raw`\b(?:medidas?|acci[oó]n(?:es)?)\s+(?:n[°o]s?\s*)?${NUMBER_LIST}`,
    'giu',
  ),
  ru: new RegExp(String.raw`(?:действи[еяйю]|мер[аыу]?)\s+(?:№\s*)?${NUMBER_LIST}`, 'giu'),
  ar: new RegExp(
    String.raw`(?:الإجراء(?:ات|ين)?|الاجراء(?:ات|ين)?)\s+(?:رقم\s+)?${NUMBER_LIST}`,
    'gu',
  ),
  zh: new RegExp(String.raw`(?:第\s*${NUMBER_LIST}\s*项行动|行动\s*${NUMBER_LIST})`, 'gu'),
  und: new RegExp(String.raw`\bactions?\s+${NUMBER_LIST}`, 'giu'),
};

const ARABIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/g;
const asciiDigits = (text: string) =>
  text.replace(ARABIC_DIGITS, (d) => String((d.codePointAt(0)! - 0x0660) % 0x90));

function numbersIn(list: string): number[] {
  const found: number[] = [];
  const re = /(\d{1,2})(?:\s*(to|à|a|до|至|-|–|—)\s*(?=\d))?/gu;
  let range: number | undefined;
  for (const m of list.matchAll(re)) {
    const n = Number(m[1]);
    if (range !== undefined && n >= range && n - range <= 64) {
      for (let i = range + 1; i < n; i++) found.push(i);
    }
    found.push(n);
    range = m[2] !== undefined ? n : undefined;
  }
  return found;
}

export function citedActions(text: string, lang: AnalysisLang): number[] {
  const re = CITATION[lang];
  re.lastIndex = 0;
  const actions = new Set<number>();
  for (const m of asciiDigits(text).matchAll(re)) {
    for (const group of m.slice(1)) {
      if (group === undefined) continue;
      for (const n of numbersIn(group)) if (n >= 1 && n <= 64) actions.add(n);
    }
  }
  return [...actions].sort((a, b) => a - b);
}
