/**
 * @module The six official UN languages, the only languages Pillars stores text in.
 */
import { z } from 'zod';

export const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const langSchema = z.enum(LANGUAGES);

/** Languages written right to left; the UI flips `dir` for these. */
export const RTL_LANGUAGES: ReadonlySet<Lang> = new Set<Lang>(['ar']);

export function isLang(value: string): value is Lang {
  return (LANGUAGES as readonly string[]).includes(value);
}

/** A value given in every one of the six languages. */
export function localized<T extends z.ZodType>(value: T) {
  return z.object({ ar: value, zh: value, en: value, fr: value, ru: value, es: value });
}

/** A value given in some of the six languages, English always among them. */
export function partlyLocalized<T extends z.ZodType>(value: T) {
  return z.object({
    en: value,
    ar: value.optional(),
    zh: value.optional(),
    fr: value.optional(),
    ru: value.optional(),
    es: value.optional(),
  });
}
