/**
 * @module What the action suggester knows about each action of the 2010 Action Plan: its number,
 * pillar, keywords, summary and subsection title in each language it is given in — and a hash of
 * all of it, stored beside suggestions so they can be recomputed when the descriptors change.
 */
import { createHash } from 'node:crypto';
import { LANGUAGES, type Lang } from '../domain/language-codes.js';
import type { Action } from '../domain/model.js';
import type { Pillar } from '../domain/reference-data.js';

/** Text per language; a language may be missing (the Arabic subsection titles are). */
export type PerLanguage<T> = Readonly<Partial<Record<Lang, T>>>;

export interface ActionDescriptor {
  /** `AP2010-A5`, `AP2010-ME`. */
  readonly id: string;
  /** 1–64; null for the Middle East section. */
  readonly number: number | null;
  readonly pillar: Pillar;
  /**
   * Keywords per language. The lists are parallel (the i-th keyword of every language names the
   * same thing), which lets the suggester count a keyword once however many languages match it.
   */
  readonly keywords: PerLanguage<readonly string[]>;
  readonly summary: PerLanguage<string>;
  /** The title of the subsection the action belongs to (e.g. "Nuclear testing"). */
  readonly subsection: PerLanguage<string>;
  /** NPT articles the action relates to, as Roman numerals (`VI`). */
  readonly articles: readonly string[];
}

function perLanguage<T>(values: Partial<Record<Lang, T | undefined>>): PerLanguage<T> {
  const out: Partial<Record<Lang, T>> = {};
  for (const lang of LANGUAGES) {
    const value = values[lang];
    if (value !== undefined) out[lang] = value;
  }
  return out;
}

export function descriptorsFrom(actions: readonly Action[]): ActionDescriptor[] {
  return actions.map((action) => ({
    id: action.id,
    number: action.number,
    pillar: action.pillar,
    keywords: perLanguage<readonly string[]>(action.keywords),
    summary: perLanguage<string>(action.summary),
    subsection: perLanguage<string>(action.subsection.title),
    articles: [...action.articles],
  }));
}

/** JSON with object keys sorted, so equal descriptors hash alike whatever their key order. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** SHA-256 (hex) of the descriptors as stable JSON. */
export function descriptorsHash(descriptors: readonly ActionDescriptor[]): string {
  return createHash('sha256').update(stableJson(descriptors)).digest('hex');
}
