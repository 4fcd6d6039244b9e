/**
 * @module Script-aware text folding used to compare names typed by people or extracted from PDFs.
 */

const APOSTROPHES = /[\u2018\u2019\u02BC\u02B9\u0060\u00B4\u2032]/g;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const COMBINING_MARKS = /\p{M}/gu;
const HAN = /\p{Script=Han}/u;
// Bidi controls and zero-width characters that PDF extraction leaves behind.
const INVISIBLES = /[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u00AD]/g;
const ARABIC_TATWEEL = /\u0640/g;

/** Unicode NFKC, invisible characters removed, quotes and dashes unified. */
export function cleanText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLES, '')
    .replace(APOSTROPHES, "'")
    .replace(DASHES, '-');
}

/** Removes accents and other combining marks (é→e, ё→е, Arabic short vowels). */
export function stripMarks(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '').normalize('NFC');
}

/** Folds the letter variants Arabic spelling allows (hamza carriers, alef maqsura, ta marbuta). */
export function foldArabic(text: string): string {
  return text
    .replace(ARABIC_TATWEEL, '')
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
    .replace(/\u0649/g, '\u064A')
    .replace(/\u0629/g, '\u0647')
    .replace(/\u0624/g, '\u0648')
    .replace(/\u0626/g, '\u064A');
}

export function containsHan(text: string): boolean {
  return HAN.test(text);
}

/** Collapses runs of white space to one space and trims. */
export function collapseSpace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
