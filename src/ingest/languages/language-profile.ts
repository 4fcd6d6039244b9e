/**
 * @module How UN documents are written in each of the six languages: month names, ordinal
 * session words, header labels, vote labels, the word for "and" in lists of sponsors, and the
 * letters of lettered sub-paragraphs. Stages look these up by language instead of branching.
 */
import type { Lang } from '../../domain/language-codes.js';
import { ARABIC, CHINESE, ENGLISH, FRENCH, RUSSIAN, SPANISH } from './profiles.js';

export interface LanguageProfile {
  readonly lang: Lang;
  /** Month names (and common abbreviations) → month number 1–12; lower case. */
  readonly months: ReadonlyMap<string, number>;
  /** Words for "first", "second", "third" … sessions → number; lower case. */
  readonly sessionOrdinals: ReadonlyMap<string, number>;
  /** "Second session", "第二届会议": the session line, capturing the ordinal word. */
  readonly sessionLine: RegExp;
  /** "Original: English", capturing the language name. */
  readonly originalLine: RegExp;
  /** Names of the six languages as this language writes them after "Original:", → code. */
  readonly languageNames: ReadonlyMap<string, Lang>;
  /** "Distr.: General", capturing the distribution. */
  readonly distributionLine: RegExp;
  /** "Item 5 of the provisional agenda", capturing the item. */
  readonly agendaLine: RegExp;
  /** Recorded-vote labels, as they open a line: in favour, against, abstaining. */
  readonly voteLabels: {
    readonly inFavour: RegExp;
    readonly against: RegExp;
    readonly abstaining: RegExp;
  };
  /** The conjunction before the last name of a list ("Ghana and Honduras"). */
  readonly listConjunction: RegExp;
  /** "sponsored … by:", "submitted by": capturing the names that follow. */
  readonly sponsorLine: RegExp;
  /** Lettered sub-paragraph letters in alphabet order, so (б) ↦ b and (ب) ↦ b in eIds. */
  readonly subparagraphLetters: string;
  /** "RESOLUTION 55/100", "第55/100号决议": a General Assembly resolution heading. */
  readonly resolutionHeading: RegExp;
}

export const LANGUAGE_PROFILES: Readonly<Record<Lang, LanguageProfile>> = {
  en: ENGLISH,
  fr: FRENCH,
  es: SPANISH,
  ru: RUSSIAN,
  zh: CHINESE,
  ar: ARABIC,
};

export function profileFor(lang: Lang): LanguageProfile {
  return LANGUAGE_PROFILES[lang];
}
