/**
 * @module The six official UN languages, the only languages Pillars stores text in. Free of
 * dependencies so the web bundle can import it without zod.
 */

export const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type Lang = (typeof LANGUAGES)[number];

/** Languages written right to left; the UI flips `dir` for these. */
export const RTL_LANGUAGES: ReadonlySet<Lang> = new Set<Lang>(['ar']);

export function isLang(value: string): value is Lang {
  return (LANGUAGES as readonly string[]).includes(value);
}

/** Each language's name in itself: what a reader recognises whatever the page's language. */
export const ENDONYMS: Readonly<Record<Lang, string>> = {
  ar: 'العربية',
  zh: '中文',
  en: 'English',
  fr: 'Français',
  ru: 'Русский',
  es: 'Español',
};
