/**
 * @module Which of the six languages a text is in. Scripts decide Arabic, Chinese and Russian
 * outright; franc-min, restricted to a short list, tells English, French and Spanish apart and
 * notices Latin-script text in none of them. Anything else is `und`, with a reason.
 */
import { franc } from 'franc-min';
import type { Lang } from '../../domain/language-codes.js';

export interface LanguageGuess {
  readonly lang: Lang | 'und';
  /** Why the guess is `und`, for the user's warning. */
  readonly reason?: string;
}

const SCRIPTS: [RegExp, Lang][] = [
  [/\p{Script=Han}/gu, 'zh'],
  [/\p{Script=Arabic}/gu, 'ar'],
  [/\p{Script=Cyrillic}/gu, 'ru'],
];
const FRANC_TO_LANG: Record<string, Lang> = { eng: 'en', fra: 'fr', spa: 'es' };
// Close neighbours are on the list so that German or Portuguese text is not forced into the six.
const FRANC_ONLY = ['eng', 'fra', 'spa', 'deu', 'ita', 'por', 'nld'];

const LETTER = /\p{L}/gu;

/**
 * The commonest function words of English, French and Spanish prose. Counting them settles
 * nearly every real document in one pass; franc (trigram profiles, far slower) decides the rest.
 */
const FUNCTION_WORDS: [Lang, ReadonlySet<string>][] = [
  [
    'en',
    new Set([
      'the',
      'of',
      'and',
      'to',
      'in',
      'that',
      'is',
      'for',
      'with',
      'on',
      'its',
      'by',
      'which',
      'be',
      'are',
      'has',
    ]),
  ],
  [
    'fr',
    new Set([
      'de',
      'la',
      'le',
      'les',
      'des',
      'et',
      'du',
      'que',
      'pour',
      'dans',
      'une',
      'qui',
      'sur',
      'aux',
      'est',
      'au',
    ]),
  ],
  [
    'es',
    new Set([
      'de',
      'la',
      'el',
      'los',
      'las',
      'y',
      'del',
      'que',
      'para',
      'en',
      'una',
      'con',
      'por',
      'se',
      'sus',
      'al',
    ]),
  ],
];

function byFunctionWords(sample: string): Lang | null {
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < 40) return null;
  const scores = FUNCTION_WORDS.map(
    ([lang, set]) => [lang, words.filter((w) => set.has(w)).length] as const,
  ).sort((a, b) => b[1] - a[1]);
  const [first, second] = scores;
  // Only a clear winner among enough words: French and Spanish share "de", "la", "que", "en".
  return first &&
    second &&
    first[1] >= 8 &&
    first[1] >= 1.5 * second[1] &&
    first[1] / words.length > 0.12
    ? first[0]
    : null;
}
const SCRIPT_SAMPLE = 3_000;

export function detectLanguage(text: string): LanguageGuess {
  // Scripts settle within a few thousand characters; counting with one global match per script
  // is far cheaper than testing every character.
  const sample = text.slice(0, SCRIPT_SAMPLE);
  const letters = sample.match(LETTER)?.length ?? 0;
  if (letters < 10) return { lang: 'und', reason: 'too little text to tell the language' };
  let top: [Lang, number] | undefined;
  for (const [script, lang] of SCRIPTS) {
    const count = sample.match(script)?.length ?? 0;
    if (!top || count > top[1]) top = [lang, count];
  }
  // Han characters carry a word each, so a smaller share already means Chinese text.
  if (top && top[1] / letters > (top[0] === 'zh' ? 0.2 : 0.4)) return { lang: top[0] };
  const quick = byFunctionWords(sample.slice(0, 2_000));
  if (quick) return { lang: quick };
  // A thousand characters of prose tell English, French and Spanish apart; more only costs time.
  const code = franc(sample.slice(0, 1_200), { only: FRANC_ONLY, minLength: 10 });
  const lang = FRANC_TO_LANG[code];
  if (lang) return { lang };
  return {
    lang: 'und',
    reason:
      code === 'und'
        ? 'language not recognised'
        : `the text looks like ${code}, not one of the six UN languages`,
  };
}
