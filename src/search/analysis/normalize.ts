/**
 * @module Character-level normalisation for index terms: Unicode folding, digits, Arabic letter
 * variants, Russian ё, French elision. Kept apart from `lib/text-normalize.ts` on purpose: index
 * terms must stay stable (changing any rule here means re-indexing), so search owns its rules.
 */

const ASCII_ALNUM = /^[A-Za-z0-9]*$/;
const ASCII_DIGITS = /^[0-9]+$/;
const NON_ASCII = /[\u0080-\uffff]/;
const MARKS = /\p{M}/gu;
/**
 * Not letters or digits — or letters only since Unicode 8 (New Tai Lue vowel signs, two Vedic
 * signs, formerly spacing marks), which SQLite's unicode61 tables still treat as separators.
 */
const NOT_TERM_CHAR = /[^\p{L}\p{N}]|[\u19b0-\u19c9\u1cf2\u1cf3]/gu;
const NO_LATE_LETTERS = /^[^\u19b0-\u19c9\u1cf2\u1cf3]*$/;
const ONLY_LETTERS_AND_DIGITS = /^[\p{L}\p{N}]*$/u;
/** Letters and digits, with the combining marks that follow them. */
const TERM_PIECE = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

/**
 * Invisible characters that may sit inside a word (soft hyphen, zero-width (non-)joiner, word
 * joiner, BOM, as PDF extraction leaves them): they do not split the word and are dropped from
 * its term. The zero-width space is a word break, so it is not among them.
 */
export const IGNORABLE_CHARS = '\u00AD\u200C\u2060\uFEFF\u200D';
const IGNORABLES = new RegExp(`[${IGNORABLE_CHARS}]`, 'g');

export function isIgnorable(code: number): boolean {
  return (
    code === 0x00ad || code === 0x200c || code === 0x200d || code === 0x2060 || code === 0xfeff
  );
}

/** True when `word` is plain ASCII letters and digits (the fast path: no NFKC, no folding). */
export function isAsciiWord(word: string): boolean {
  return ASCII_ALNUM.test(word);
}

export function isAsciiDigits(word: string): boolean {
  return ASCII_DIGITS.test(word);
}

/**
 * NFKC, invisible characters removed, lower case (locale-independent; final ς as σ, as case
 * folding and SQLite's unicode61 have it), Arabic-Indic digits as ASCII; then split into runs of letters and digits (with their combining marks), because NFKC
 * can turn one character into several words (ﷺ) or put punctuation inside a word (½ → 1⁄2).
 */
export function wordPieces(word: string): string[] {
  if (isAsciiWord(word)) return [word.toLowerCase()];
  const lower = word.replace(IGNORABLES, '').normalize('NFKC').toLowerCase();
  const text = normalizeDigits(lower.includes('ς') ? lower.replaceAll('ς', 'σ') : lower);
  return text.match(TERM_PIECE) ?? [];
}

/** Arabic-Indic (٠-٩) and Extended Arabic-Indic (۰-۹) digits as ASCII 0-9. */
export function normalizeDigits(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  let out = '';
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x0660 && code <= 0x0669) {
      out += String.fromCharCode(code - 0x0660 + 0x30);
      changed = true;
    } else if (code >= 0x06f0 && code <= 0x06f9) {
      out += String.fromCharCode(code - 0x06f0 + 0x30);
      changed = true;
    } else {
      out += text[i];
    }
  }
  return changed ? out : text;
}

/** Removes accents and every other combining mark: NFD, drop \p{M}, NFC. */
export function foldDiacritics(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  return text.normalize('NFD').replace(MARKS, '').normalize('NFC');
}

/**
 * {@link foldDiacritics} for Russian: й is a letter of its own (every Russian keyboard has it),
 * not an accented и, so its breve is kept; stress marks and the like still go.
 */
export function foldDiacriticsKeepingShortI(text: string): string {
  if (!NON_ASCII.test(text)) return text;
  return text
    .normalize('NFD')
    .replace(MARKS, (mark: string, offset: number, whole: string) =>
      mark === '\u0306' && (whole[offset - 1] === 'и' || whole[offset - 1] === 'И') ? mark : '',
    )
    .normalize('NFC');
}

const ARABIC = /[\u0600-\u06ff]/;
// Tatweel, tanween and harakat (U+064B–U+065F), superscript alef, Quranic annotation marks.
const ARABIC_REMOVED = /[\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
const ARABIC_LETTER_VARIANTS = /[\u0622\u0623\u0625\u0671\u0624\u0626\u0629\u0649\u06cc\u06a9]/g;
const ARABIC_LETTER_MAP: Readonly<Record<string, string>> = {
  '\u0622': '\u0627', // آ → ا
  '\u0623': '\u0627', // أ → ا
  '\u0625': '\u0627', // إ → ا
  '\u0671': '\u0627', // ٱ → ا
  '\u0624': '\u0648', // ؤ → و
  '\u0626': '\u064a', // ئ → ي
  '\u0629': '\u0647', // ة → ه
  '\u0649': '\u064a', // ى → ي
  // Persian yeh and keheh, which Arabic PDFs and Persian keyboards put in Arabic words.
  '\u06cc': '\u064a', // ی → ي
  '\u06a9': '\u0643', // ک → ك
};

/**
 * The spelling variants Arabic allows, folded to one form: tatweel and harakat removed; alef
 * forms (أ إ آ ٱ) as ا; ؤ → و; ئ → ي; ta marbuta ة → ه; alef maqsura ى → ي.
 */
export function normalizeArabic(text: string): string {
  if (!ARABIC.test(text)) return text;
  return text
    .replace(ARABIC_REMOVED, '')
    .replace(ARABIC_LETTER_VARIANTS, (letter: string) => ARABIC_LETTER_MAP[letter] ?? letter);
}

/** Russian ё as е (Ё is lower-cased before this runs). */
export function normalizeRussian(text: string): string {
  return text.includes('ё') ? text.replaceAll('ё', 'е') : text;
}

/**
 * Whatever is not a letter or digit removed (combining marks included), so a term survives the
 * SQLite unicode61 tokenizer and a tsvector literal as exactly one token.
 */
export function keepLettersAndDigits(text: string): string {
  return ONLY_LETTERS_AND_DIGITS.test(text) && NO_LATE_LETTERS.test(text)
    ? text
    : text.replace(NOT_TERM_CHAR, '');
}

/** ' ’ ʼ: the apostrophes French elision is written with. */
export function isApostrophe(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x02bc;
}

/** Elided French words: `l'arme` is indexed as `arme`. */
const FRENCH_ELISIONS: ReadonlySet<string> = new Set([
  'l',
  'd',
  'j',
  'm',
  'n',
  's',
  't',
  'c',
  'qu',
  'jusqu',
  'lorsqu',
  'puisqu',
]);

/** Compared folded, so that the elision of `ç'a` (ça) is one, and accents never decide it. */
export function isFrenchElision(word: string): boolean {
  return word.length <= 12 && FRENCH_ELISIONS.has(foldDiacritics(word).toLowerCase());
}
