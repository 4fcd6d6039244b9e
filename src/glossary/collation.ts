/**
 * @module A–Z per language: the letter a term is filed under and the key it sorts by. Arabic
 * files a term under its first letter after the article (الوكالة under و), Chinese under the Latin
 * initial of its pinyin (found by collating against the first syllable of each letter), the
 * alphabetic languages under their first letter without accents (Spanish keeps Ñ).
 */
import type { Lang } from '../domain/language-codes.js';
import { foldArabic, stripMarks } from '../lib/text-normalize.js';

const ARABIC_ARTICLE = /^(ال)(?=\p{L}{2})/u;

/** The first character of each pinyin initial letter's range (A 阿 … Z 帀), for zh-u-co-pinyin. */
const PINYIN_BOUNDARIES: readonly [string, string][] = [
  ['A', '阿'],
  ['B', '八'],
  ['C', '嚓'],
  ['D', '咑'],
  ['E', '妸'],
  ['F', '发'],
  ['G', '旮'],
  ['H', '哈'],
  ['J', '丌'],
  ['K', '咔'],
  ['L', '垃'],
  ['M', '妈'],
  ['N', '拏'],
  ['O', '噢'],
  ['P', '妑'],
  ['Q', '七'],
  ['R', '呥'],
  ['S', '仨'],
  ['T', '他'],
  ['W', '屲'],
  ['X', '夕'],
  ['Y', '丫'],
  ['Z', '帀'],
];

const pinyinCollator = new Intl.Collator('zh-u-co-pinyin');

function pinyinInitial(ch: string): string {
  let letter = '#';
  for (const [l, first] of PINYIN_BOUNDARIES) {
    if (pinyinCollator.compare(ch, first) >= 0) letter = l;
    else break;
  }
  return letter;
}

/** The key a term sorts by in its language's collator. */
export function sortKeyOf(term: string, lang: Lang): string {
  const t = term.normalize('NFC').replace(/^[\s《「"'“(（]+/u, '');
  return lang === 'ar' ? foldArabic(t).replace(ARABIC_ARTICLE, '') : t;
}

/** The letter a term is filed under in the A–Z of its language. */
export function initialOf(term: string, lang: Lang): string {
  const key = sortKeyOf(term, lang);
  const first = [...key][0] ?? '#';
  if (lang === 'zh') {
    if (/\p{Script=Han}/u.test(first)) return pinyinInitial(first);
    return /[a-z]/i.test(first) ? first.toUpperCase() : '#';
  }
  if (lang === 'es' && (first === 'ñ' || first === 'Ñ')) return 'Ñ';
  if (lang === 'ar') return /\p{L}/u.test(first) ? first : '#';
  const base = stripMarks(first).toUpperCase();
  return /\p{L}/u.test(base) ? base : '#';
}
