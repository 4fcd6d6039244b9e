/**
 * @module Resolves a State name, in any of the six languages and in any of its historic or variant
 * forms, to the State. Pure: built from the names, it holds no I/O. Ambiguous or unknown names give
 * an explicit result with candidates; the resolver never guesses.
 */
import type { Lang } from '../domain/languages.js';
import type { StateRef } from '../domain/model.js';
import { primaryKey, secondaryKeys } from './name-key.js';

export interface NameEntry {
  readonly state: StateRef;
  readonly lang: Lang;
  readonly name: string;
}

export type Resolution =
  | {
      readonly input: string;
      readonly status: 'resolved';
      readonly state: StateRef;
      readonly matched: string;
    }
  | {
      readonly input: string;
      readonly status: 'ambiguous';
      readonly state: null;
      readonly candidates: StateRef[];
    }
  | {
      readonly input: string;
      readonly status: 'unknown';
      readonly state: null;
      readonly candidates: StateRef[];
    };

type KeyIndex = Map<string, Map<string, { state: StateRef; name: string }>>;

export interface NameResolver {
  resolve(input: string, lang?: Lang): Resolution;
}

/** Index keys per language, and across all languages for input of unknown language. */
export function createNameResolver(entries: Iterable<NameEntry>): NameResolver {
  const primary = new Map<Lang | '*', KeyIndex>();
  const secondary = new Map<Lang | '*', KeyIndex>();
  const add = (
    index: Map<Lang | '*', KeyIndex>,
    scope: Lang | '*',
    key: string,
    entry: NameEntry,
  ) => {
    if (key === '') return;
    let keys = index.get(scope);
    if (!keys) {
      keys = new Map<string, Map<string, { state: StateRef; name: string }>>();
      index.set(scope, keys);
    }
    let states = keys.get(key);
    if (!states) {
      states = new Map<string, { state: StateRef; name: string }>();
      keys.set(key, states);
    }
    if (!states.has(entry.state.id))
      states.set(entry.state.id, { state: entry.state, name: entry.name });
  };
  for (const entry of entries) {
    for (const scope of [entry.lang, '*'] as const) {
      const lang = scope === '*' ? undefined : entry.lang;
      add(primary, scope, primaryKey(entry.name, lang), entry);
      for (const key of secondaryKeys(entry.name, lang)) add(secondary, scope, key, entry);
    }
  }

  function lookup(index: Map<Lang | '*', KeyIndex>, scope: Lang | '*', keys: string[]) {
    const found = new Map<string, { state: StateRef; name: string }>();
    for (const key of keys) {
      for (const [id, hit] of index.get(scope)?.get(key) ?? []) found.set(id, hit);
    }
    return [...found.values()];
  }

  return {
    resolve(input, lang) {
      const scope = lang ?? '*';
      const key = primaryKey(input, lang);
      const tiers = [
        lookup(primary, scope, [key]),
        lookup(secondary, scope, [key]),
        lookup(primary, scope, secondaryKeys(input, lang)),
        lookup(secondary, scope, secondaryKeys(input, lang)),
      ];
      for (const hits of tiers) {
        if (hits.length === 1) {
          const [hit] = hits as [{ state: StateRef; name: string }];
          return { input, status: 'resolved', state: hit.state, matched: hit.name };
        }
        if (hits.length > 1) {
          return { input, status: 'ambiguous', state: null, candidates: hits.map((h) => h.state) };
        }
      }
      return {
        input,
        status: 'unknown',
        state: null,
        candidates: suggest(primary.get(scope), key),
      };
    },
  };
}

/** Up to three States whose names are a small edit away: offered, never chosen. */
function suggest(index: KeyIndex | undefined, key: string): StateRef[] {
  if (!index || key.length < 4) return [];
  const budget = key.length < 8 ? 1 : 2;
  const scored: { state: StateRef; distance: number }[] = [];
  for (const [candidate, states] of index) {
    if (Math.abs(candidate.length - key.length) > budget) continue;
    const distance = editDistance(candidate, key, budget);
    if (distance <= budget)
      for (const { state } of states.values()) scored.push({ state, distance });
  }
  scored.sort((a, b) => a.distance - b.distance || a.state.id.localeCompare(b.state.id));
  return [...new Map(scored.map((s) => [s.state.id, s.state])).values()].slice(0, 3);
}

/** Levenshtein distance, giving up (returning budget + 1) once it must exceed the budget. */
export function editDistance(a: string, b: string, budget = Infinity): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > budget) return budget + 1;
    previous = current;
  }
  return previous[b.length]!;
}
