/**
 * @module Sentences: splits a paragraph into sentences the same way in all six languages, and
 * aligns the sentences of two translations of one paragraph with `alignUnits`. Splitting starts
 * from ICU's sentence boundaries (Intl.Segmenter) and undoes the ones that are not: inside a
 * token (`E.95.XIII.18`), after an abbreviation (`para. 94`, `M. Dupont`), after a paragraph
 * number (`1. `, `1． `). Semicolons never end a sentence. Joining the sentences always gives the
 * text back, character for character.
 */
import type { AlignLang, AlignLink } from '../domain/alignment.js';
import type { MentionFinder } from './anchors.js';
import { alignUnits } from './align-units.js';

/** Abbreviations (lower case, without their final full stop) after which a sentence does not end. */
const ABBREVIATIONS: Readonly<Record<AlignLang, ReadonlySet<string>>> = {
  en: new Set(
    'mr mrs ms dr prof st no nos para paras art arts chap vol vols p pp fig figs e.g i.e cf al corr add rev sect approx ibid op jan feb mar apr jun jul aug sep sept oct nov dec'.split(
      ' ',
    ),
  ),
  fr: new Set(
    'm mm mme mmes mlle dr pr no nos n° par art chap vol p pp cf éd av janv févr avr juil sept oct nov déc'.split(
      ' ',
    ),
  ),
  es: new Set(
    'sr sra sres srta dr dra no núm nos párr párrs art arts cap vol p pp pág págs cf ee.uu ej'.split(
      ' ',
    ),
  ),
  ru: new Set('см ст п пп г-н г-жа им рис табл тыс млн млрд'.split(' ')),
  ar: new Set<string>(),
  zh: new Set<string>(),
  und: new Set<string>(),
};

/** Marks that end a sentence without a space after them (Chinese, Japanese, Arabic). */
const TERMINATOR_AT_END = /[。！？．｡!?؟۔][\s"'”’」』）)\]»]*$/u;
const ABBREVIATION_AT_END = /(?:^|[\s(（[])([^\s(（[]+)\.\s+$/u;
/** A paragraph or list number on its own: `1. `, `1． `, `(a) `, `б) `, `(iv) `, `IV. `. */
const ENUMERATOR =
  /^\s*(?:\(?[0-9０-９٠-٩]{1,3}[.)．]|\(?[\p{L}]\)|\([ivxlcdmIVXLCDM]+\)|[IVXLCDM]+\.)\s*$/u;
const NOTHING_TO_SAY = /^[\s\p{P}]*$/u;

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(lang: AlignLang): Intl.Segmenter {
  const locale = lang === 'und' ? 'en' : lang;
  let found = segmenters.get(locale);
  if (!found) {
    found = new Intl.Segmenter(locale, { granularity: 'sentence' });
    segmenters.set(locale, found);
  }
  return found;
}

/** False when ICU's break between `before` and the next piece is not a sentence boundary. */
function isBoundary(before: string, lang: AlignLang): boolean {
  const last = before.charAt(before.length - 1);
  // A break with no space before it is inside a token (`E.95.|XIII.18`), unless the text
  // ends with a mark that needs no space after it (`。`).
  if (!/\s/u.test(last) && !TERMINATOR_AT_END.test(before)) return false;
  const abbreviation = ABBREVIATION_AT_END.exec(before);
  if (abbreviation && ABBREVIATIONS[lang].has(abbreviation[1]!.toLowerCase())) return false;
  return true;
}

/** The sentences of `text`, in order; `splitSentences(t, l).join('') === t` always holds. */
export function splitSentences(text: string, lang: AlignLang): string[] {
  const out: string[] = [];
  // A paragraph number waits for the sentence it numbers.
  let pending = '';
  for (const { segment } of segmenter(lang).segment(text)) {
    if (pending === '' && out.length > 0) {
      const previous = out[out.length - 1]!;
      if (NOTHING_TO_SAY.test(segment) || !isBoundary(previous, lang)) {
        out[out.length - 1] = previous + segment;
        continue;
      }
    }
    if (ENUMERATOR.test(segment)) {
      pending += segment;
      continue;
    }
    out.push(pending + segment);
    pending = '';
  }
  if (pending !== '') {
    if (out.length > 0) out[out.length - 1] += pending;
    else out.push(pending);
  }
  return out;
}

export interface SentenceAlignment {
  readonly a: string[];
  readonly b: string[];
  readonly links: AlignLink[];
}

/** Splits two translations of a paragraph into sentences and aligns them. */
export function alignSentences(
  a: string,
  b: string,
  langA: AlignLang,
  langB: AlignLang,
  mentions?: MentionFinder,
): SentenceAlignment {
  const sentencesA = splitSentences(a, langA);
  const sentencesB = splitSentences(b, langB);
  const links = alignUnits(
    sentencesA.map((text) => ({ text })),
    sentencesB.map((text) => ({ text })),
    { langA, langB, ...(mentions ? { mentions } : {}) },
  );
  return { a: sentencesA, b: sentencesB, links };
}
