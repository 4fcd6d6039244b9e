/**
 * @module Feature queries over States that the CLI and the API share: filtered, paged lists and
 * a name resolver built from the stored names.
 */
import type { Kysely } from 'kysely';
import { invalidParameter, notFound } from '../domain/errors.js';
import { LANGUAGES, type Lang } from '../domain/languages.js';
import type { Page, State, StateRef } from '../domain/model.js';
import { displayName } from '../domain/model.js';
import type { Database } from '../store/database.js';
import { findGroup, memberIdsOn } from '../store/repositories/groups-repository.js';
import { listAllStates } from '../store/repositories/states-repository.js';
import { primaryKey } from './name-key.js';
import { createNameResolver, type NameEntry, type NameResolver } from './name-resolver.js';

export interface StateFilter {
  group?: string | undefined;
  /** The day group membership is taken on; today by default. */
  at?: string | undefined;
  status?: State['status'] | undefined;
  /** Part of a name, in any language and any form. */
  q?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

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

export async function queryStates(
  db: Kysely<Database>,
  filter: StateFilter = {},
): Promise<Page<State>> {
  let states = await listAllStates(db);
  if (filter.group !== undefined) {
    const group = await findGroup(db, filter.group);
    if (!group) throw invalidParameter('group', `unknown group '${filter.group}'`);
    const members = memberIdsOn(group, filter.at ?? today());
    states = states.filter((s) => members.has(s.id));
  }
  if (filter.status !== undefined) states = states.filter((s) => s.status === filter.status);
  if (filter.q !== undefined && filter.q.trim() !== '') {
    const needle = primaryKey(filter.q);
    states = states.filter((s) =>
      allNames(s).some(({ name }) => primaryKey(name).includes(needle)),
    );
  }
  const offset = filter.offset ?? 0;
  const limit = filter.limit ?? states.length;
  return { items: states.slice(offset, offset + limit), total: states.length, limit, offset };
}

export async function getState(db: Kysely<Database>, idOrName: string): Promise<State> {
  const states = await listAllStates(db);
  const code = idOrName.trim().toUpperCase();
  const byCode = states.find((s) => s.id === code || s.alpha2 === code);
  if (byCode) return byCode;
  const resolution = resolverFromStates(states).resolve(idOrName);
  if (resolution.status === 'resolved') {
    const state = states.find((s) => s.id === resolution.state.id);
    if (state) return state;
  }
  throw notFound('state', idOrName);
}

export function resolverFromStates(states: State[]): NameResolver {
  const entries: NameEntry[] = states.flatMap((state) => {
    const ref = stateRef(state);
    return allNames(state).map(({ lang, name }) => ({ state: ref, lang, name }));
  });
  return createNameResolver(entries);
}

export async function loadNameResolver(db: Kysely<Database>): Promise<NameResolver> {
  return resolverFromStates(await listAllStates(db));
}
