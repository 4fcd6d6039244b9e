/**
 * The typed message catalogue. Keys come from the English file; every language must give all of
 * them (a missing key fails `npm run typecheck`), and `t()` demands exactly the parameters the
 * English string names, so `{count}` cannot be forgotten at a call site.
 */
import type { Lang } from '../../domain/language-codes.js';
import { ar } from './ar.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { ru } from './ru.js';
import { zh } from './zh.js';

export type MessageKey = keyof typeof en;
export type Messages = Readonly<Record<MessageKey, string>>;

type Placeholders<S extends string> = S extends `${string}{${infer P}}${infer Rest}`
  ? P | Placeholders<Rest>
  : never;
export type ParamsOf<K extends MessageKey> = Placeholders<(typeof en)[K]>;
/** Keys whose string has no parameters: the only keys `t(key)` accepts without params. */
export type PlainKey = { [K in MessageKey]: [ParamsOf<K>] extends [never] ? K : never }[MessageKey];
export type ParamKey = Exclude<MessageKey, PlainKey>;
export interface Translate {
  (key: PlainKey): string;
  <K extends ParamKey>(key: K, params: Readonly<Record<ParamsOf<K>, string | number>>): string;
}

export const CATALOGUE: Readonly<Record<Lang, Messages>> = { ar, zh, en, fr, ru, es };

/** Each language's name in itself, as the language menu shows it. */
export { ENDONYMS } from '../../domain/language-codes.js';

export function interpolate(template: string, params: Readonly<Record<string, string | number>>) {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
