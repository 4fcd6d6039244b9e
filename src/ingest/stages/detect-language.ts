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

const FRANC_TO_LANG: Record<string, Lang> = { eng: 'en', fra: 'fr', spa: 'es' };
// Close neighbours are on the list so that German or Portuguese text is not forced into the six.
const FRANC_ONLY = ['eng', 'fra', 'spa', 'deu', 'ita', 'por', 'nld'];

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

/** Letters of each script in the sample, counted in one pass over the UTF-16 code units. */
function countScripts(sample: string): { letters: number; zh: number; ar: number; ru: number } {
  const counts = { letters: 0, zh: 0, ar: 0, ru: 0 };
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (
      (c >= 0x61 && c <= 0x7a) ||
      (c >= 0x41 && c <= 0x5a) ||
      (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)
    )
      counts.letters++;
    else if (
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0xf900 && c <= 0xfaff)
    ) {
      counts.letters++;
      counts.zh++;
    } else if (
      (c >= 0x0621 && c <= 0x064a) ||
      (c >= 0x066e && c <= 0x06d3) ||
      (c >= 0x0750 && c <= 0x077f) ||
      (c >= 0xfb50 && c <= 0xfdff) ||
      (c >= 0xfe70 && c <= 0xfefc)
    ) {
      counts.letters++;
      counts.ar++;
    } else if (c >= 0x0400 && c <= 0x04ff) {
      counts.letters++;
      counts.ru++;
    }
  }
  return counts;
}

export function detectLanguage(text: string): LanguageGuess {
  const sample = text.slice(0, SCRIPT_SAMPLE);
  const counts = countScripts(sample);
  const letters = counts.letters;
  if (letters < 10) return { lang: 'und', reason: 'too little text to tell the language' };
  const top = (['zh', 'ar', 'ru'] as const)
    .map((lang) => [lang, counts[lang]] as const)
    .sort((x, y) => y[1] - x[1])[0]!;
  // Han characters carry a word each, so a smaller share already means Chinese text.
  if (top[1] / letters > (top[0] === 'zh' ? 0.2 : 0.4)) return { lang: top[0] };
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
