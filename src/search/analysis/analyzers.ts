/**
 * @module The analyzer registry: one {@link Analyzer} per language, created once and shared by
 * indexing and querying.
 *
 * Words are runs of letters and digits (`\p{L}\p{N}`, with the combining marks `\p{M}` and the
 * invisible characters PDF text keeps inside words — soft hyphen, zero-width (non-)joiner, word
 * joiner, BOM — inside them); everything else separates. Offsets are UTF-16 offsets into the text
 * given, so `text.slice(start, end)` is the word as written. French
 * drops elided articles and pronouns (`l'arme` → `arme`). Runs of Han characters are cut into
 * words by the ICU dictionary in every language, so Chinese quoted in any document (or a document
 * of undetermined language that is Chinese) is searchable the same way.
 *
 * Each word becomes zero or more terms (NFKC can make several words of one character):
 * NFKC → lower case → Arabic-Indic digits as ASCII → language normalisation → fold diacritics →
 * stem → letters and digits only. Diacritics are folded BEFORE stemming, not after: the Snowball
 * French and Spanish stemmers stem `sécurité` to `sécur` but `securite` to `securit`, and
 * `energía` to `energ` but `energia` to `energi`, so only folding first makes a word typed
 * without accents find it written with them. To win back what folding costs the stemmers, a few
 * unambiguous endings get their accent back before stemming (Spanish `-ion` → `-ión`, French
 * `-ee(s)` → `-ée(s)`); that is a function of the folded word, so accent-invariance still holds.
 *
 * Arabic: see {@link arabicRule} for why a final ه reaches the stemmer as ة. Russian keeps й.
 * Terms contain letters and digits only — no `_` (reserved for internal tokens), no marks — and
 * each is one token for SQLite FTS5 unicode61 (tested against SQLite itself).
 *
 * Results are cached per word (a bounded map per analyzer, cleared when full): the vocabulary of a
 * corpus is small next to its word count, so the pipeline above runs for few words.
 */
import { LANGUAGES } from '../../domain/language-codes.js';
import type { AnalysisLang, AnalyzedToken, Analyzer } from './analyzer.js';
import { containsHan, eachHanCharacter, hanTerm, hanWordsOf, splitHan } from './chinese.js';
import {
  foldDiacritics,
  foldDiacriticsKeepingShortI,
  isApostrophe,
  isAsciiDigits,
  isFrenchElision,
  isIgnorable,
  keepLettersAndDigits,
  normalizeArabic,
  normalizeRussian,
  wordPieces,
} from './normalize.js';
import { createStemmer, type StemmerAlgorithm } from './stemmers.js';

/** Every language an analyzer exists for: the six UN languages and `und` (undetermined). */
export const ANALYSIS_LANGS: readonly AnalysisLang[] = [...LANGUAGES, 'und'];

export function isAnalysisLang(value: string): value is AnalysisLang {
  return (ANALYSIS_LANGS as readonly string[]).includes(value);
}

/** Words whose terms each analyzer remembers before it starts over. */
export const DEFAULT_WORD_CACHE_SIZE = 50_000;

// The invisible characters are those of IGNORABLE_CHARS (normalize.ts), ZWJ last for eslint.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}\u00AD\u200C\u2060\uFEFF\u200D]*/gu;
const LETTER_OR_DIGIT_AT = /[\p{L}\p{N}]/uy;
const LEADING_NON_BASE = /[\p{M}\u00AD\u200C\u2060\uFEFF\u200D]*/uy;

/**
 * One piece of a word (NFKC, lower case, letters and digits with their marks) → its term, or ''
 * when nothing is left.
 */
type TermRule = (piece: string) => string;

interface LanguageProfile {
  readonly term: TermRule;
  /** French: `l'`, `qu'`, … before a word are not words of their own. */
  readonly elision: boolean;
  /** Offers {@link Analyzer.characters}. */
  readonly characters: boolean;
}

/** English, French, Spanish: fold, give back unambiguous accents, stem. */
function latinRule(algorithm: StemmerAlgorithm, reaccent?: (word: string) => string): TermRule {
  const stem = createStemmer(algorithm);
  return (piece) => {
    const folded = foldDiacritics(piece);
    if (folded === '' || isAsciiDigits(folded)) return folded;
    return keepLettersAndDigits(foldDiacritics(stem(reaccent ? reaccent(folded) : folded)));
  };
}

/** Spanish never writes a final -ion without the accent (but the word `ion` itself). */
function reaccentSpanish(word: string): string {
  return word.length > 3 && word.endsWith('ion') ? `${word.slice(0, -3)}ión` : word;
}

/** French has no unaccented final -ee(s); participles are -ée(s). */
function reaccentFrench(word: string): string {
  if (word.endsWith('ees')) return `${word.slice(0, -3)}ées`;
  if (word.endsWith('ee')) return `${word.slice(0, -2)}ée`;
  return word;
}

const TEH_MARBUTA = '\u0629';
const HEH = '\u0647';

/**
 * Arabic: letter variants folded, then the Snowball Arabic stemmer. Ta marbuta and heh are one
 * letter after normalisation (ة → ه), but the stemmer strips a final ة (a noun ending) and treats
 * a final ه as the pronoun "his", which it does not strip after the article: `الأسلحة` would stem
 * to `اسلحه` and `أسلحة` to `اسلح`. So a final ه goes to the stemmer as ة, and the stem is
 * normalised again (ة → ه, and anything else the stemmer might write) — the same word spelt with
 * either letter, any alef form, harakat or tatweel gets the same term.
 */
function arabicRule(): TermRule {
  const stem = createStemmer('arabic');
  return (piece) => {
    let word = foldDiacritics(normalizeArabic(piece));
    if (word === '' || isAsciiDigits(word)) return word;
    if (word.endsWith(HEH)) word = word.slice(0, -1) + TEH_MARBUTA;
    return keepLettersAndDigits(foldDiacritics(normalizeArabic(stem(word))));
  };
}

/** Russian: ё → е, stress marks removed (й kept), then the Snowball Russian stemmer. */
function russianRule(): TermRule {
  const stem = createStemmer('russian');
  return (piece) => {
    const word = foldDiacriticsKeepingShortI(normalizeRussian(piece));
    if (word === '' || isAsciiDigits(word)) return word;
    return keepLettersAndDigits(foldDiacriticsKeepingShortI(stem(word)));
  };
}

/**
 * No stemming: lower case and folded. Arabic letter variants are folded too (a no-op for other
 * scripts), so an Arabic document of undetermined language still matches any alef form.
 */
function plainRule(): TermRule {
  return (piece) => keepLettersAndDigits(foldDiacritics(normalizeArabic(piece)));
}

function profileFor(lang: AnalysisLang): LanguageProfile {
  switch (lang) {
    case 'ar':
      return { term: arabicRule(), elision: false, characters: false };
    case 'en':
      return { term: latinRule('english'), elision: false, characters: false };
    case 'fr':
      return { term: latinRule('french', reaccentFrench), elision: true, characters: false };
    case 'es':
      return { term: latinRule('spanish', reaccentSpanish), elision: false, characters: false };
    case 'ru':
      return { term: russianRule(), elision: false, characters: false };
    case 'zh':
      return { term: plainRule(), elision: false, characters: true };
    case 'und':
      return { term: plainRule(), elision: false, characters: false };
  }
}

const NO_TERMS: readonly string[] = [];

/** word (as written) → its terms, remembered for up to `cacheSize` words. */
function cachedWordTerms(rule: TermRule, cacheSize: number): (word: string) => readonly string[] {
  const cache = new Map<string, readonly string[]>();
  return (word) => {
    let terms = cache.get(word);
    if (terms === undefined) {
      terms = NO_TERMS;
      for (const piece of wordPieces(word)) {
        const term = rule(piece);
        if (term !== '') terms = terms === NO_TERMS ? [term] : [...terms, term];
      }
      if (cacheSize > 0) {
        if (cache.size >= cacheSize) cache.clear();
        cache.set(word, terms);
      }
    }
    return terms;
  };
}

function pushTerms(
  out: AnalyzedToken[],
  terms: readonly string[],
  start: number,
  end: number,
): void {
  for (const term of terms) out.push({ term, start, end });
}

/**
 * `text.slice(start, end)` without the invisible joiners at either end, nor the combining marks
 * at its start (a piece of a word after its Han characters may start with them): [start, end].
 */
function trimIgnorables(text: string, start: number, end: number): [number, number] {
  LEADING_NON_BASE.lastIndex = start;
  if (LEADING_NON_BASE.test(text)) start = Math.min(LEADING_NON_BASE.lastIndex, end);
  while (end > start && isIgnorable(text.charCodeAt(end - 1))) end--;
  return [start, end];
}

/** `l'`, `qu'`, … directly followed by a word. */
function isElided(text: string, word: string, end: number): boolean {
  if (!isApostrophe(text.charCodeAt(end)) || !isFrenchElision(word)) return false;
  LETTER_OR_DIGIT_AT.lastIndex = end + 1;
  return LETTER_OR_DIGIT_AT.test(text);
}

export interface AnalyzerOptions {
  /** Words whose terms are remembered; 0 turns the cache off. */
  readonly cacheSize?: number;
}

/**
 * A new analyzer with its own cache. Use {@link analyzerFor}, which shares one per language;
 * this is for tests and measurements.
 */
export function createAnalyzer(lang: AnalysisLang, options: AnalyzerOptions = {}): Analyzer {
  const profile = profileFor(lang);
  const wordTerms = cachedWordTerms(profile.term, options.cacheSize ?? DEFAULT_WORD_CACHE_SIZE);

  /** Calls `emit` with each word of `text` (trimmed of invisible joiners) and its offsets. */
  function eachWord(
    text: string,
    elision: boolean,
    emit: (word: string, start: number, end: number) => void,
  ): void {
    for (const match of text.matchAll(WORD)) {
      const start = match.index;
      let end = start + match[0].length;
      let word = match[0];
      if (isIgnorable(text.charCodeAt(end - 1))) {
        [, end] = trimIgnorables(text, start, end);
        word = text.slice(start, end);
      }
      if (elision && isElided(text, word, end)) continue;
      emit(word, start, end);
    }
  }

  /** A word with Han characters in it: Han runs one way, the rest the language's way. */
  function mixedRun(
    out: AnalyzedToken[],
    run: string,
    runStart: number,
    han: (out: AnalyzedToken[], hanRun: string, start: number) => void,
  ): void {
    for (const piece of splitHan(run)) {
      const pieceStart = runStart + piece.index;
      if (piece.han) {
        han(out, piece.text, pieceStart);
      } else {
        const [start, end] = trimIgnorables(run, piece.index, piece.index + piece.text.length);
        if (start < end) {
          pushTerms(out, wordTerms(run.slice(start, end)), runStart + start, runStart + end);
        }
      }
    }
  }

  function hanWordsIn(text: string): (out: AnalyzedToken[], hanRun: string, start: number) => void {
    const hanWords = hanWordsOf(text);
    return (out, hanRun, start) => {
      hanWords(hanRun, start, (word, index) => {
        const term = hanTerm(word);
        if (term !== '') out.push({ term, start: start + index, end: start + index + word.length });
      });
    };
  }

  function hanCharacters(out: AnalyzedToken[], hanRun: string, start: number): void {
    eachHanCharacter(hanRun, (character, index) => {
      const term = hanTerm(character);
      if (term !== '') {
        out.push({ term, start: start + index, end: start + index + character.length });
      }
    });
  }

  function analyze(text: string): AnalyzedToken[] {
    const out: AnalyzedToken[] = [];
    const hanWords = containsHan(text) ? hanWordsIn(text) : undefined;
    eachWord(text, profile.elision, (word, start, end) => {
      if (hanWords && containsHan(word)) mixedRun(out, word, start, hanWords);
      else pushTerms(out, wordTerms(word), start, end);
    });
    return out;
  }

  function characters(text: string): AnalyzedToken[] {
    const out: AnalyzedToken[] = [];
    const han = containsHan(text);
    eachWord(text, false, (word, start, end) => {
      if (han && containsHan(word)) mixedRun(out, word, start, hanCharacters);
      else pushTerms(out, wordTerms(word), start, end);
    });
    return out;
  }

  return profile.characters ? { lang, analyze, characters } : { lang, analyze };
}

const analyzers = new Map<AnalysisLang, Analyzer>();

/** The shared analyzer of a language (created on first use). */
export function analyzerFor(lang: AnalysisLang): Analyzer {
  let analyzer = analyzers.get(lang);
  if (analyzer === undefined) {
    analyzer = createAnalyzer(lang);
    analyzers.set(lang, analyzer);
  }
  return analyzer;
}
