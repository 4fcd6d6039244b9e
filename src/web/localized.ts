/**
 * Picking text for the UI language out of the data's per-language fields. Some fields are only
 * partly translated (English always present); the fallback is reported so the UI can mark it.
 */
import type { Lang } from './api-types.js';

export type PartlyLocalized<T> = { readonly en: T } & { readonly [L in Lang]?: T | undefined };

export interface Picked<T> {
  readonly value: T;
  /** The language the value is actually in. */
  readonly lang: Lang;
  readonly fallback: boolean;
}

export function pick<T>(values: PartlyLocalized<T>, lang: Lang): Picked<T> {
  const value = values[lang];
  if (value !== undefined) return { value, lang, fallback: false };
  return { value: values.en, lang: 'en', fallback: true };
}
