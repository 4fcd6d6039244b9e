/**
 * @module Every name a State goes by, and the resolver built from them.
 */
import { LANGUAGES, type Lang } from '../domain/languages.js';
import type { State, StateRef } from '../domain/model.js';
import { displayName } from '../domain/model.js';
import { createNameResolver, type NameEntry, type NameResolver } from './name-resolver.js';

export function stateRef(state: State): StateRef {
  return { id: state.id, alpha2: state.alpha2, name: displayName(state.names.en.short) };
}

export function allNames(state: State): { lang: Lang; name: string }[] {
  return [
    ...LANGUAGES.flatMap((lang) => [
      { lang, name: state.names[lang].short },
      { lang, name: state.names[lang].formal },
    ]),
    ...state.variants,
  ];
}

export function resolverFromStates(states: readonly State[]): NameResolver {
  const entries: NameEntry[] = states.flatMap((state) => {
    const ref = stateRef(state);
    return allNames(state).map(({ lang, name }) => ({ state: ref, lang, name }));
  });
  return createNameResolver(entries);
}
