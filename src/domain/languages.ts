/**
 * @module Schemas over the six UN languages (see language-codes.ts for the plain list).
 */
import { z } from 'zod';
import { LANGUAGES } from './language-codes.js';

export { LANGUAGES, RTL_LANGUAGES, isLang, type Lang } from './language-codes.js';

export const langSchema = z.enum(LANGUAGES);

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
