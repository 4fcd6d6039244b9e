/**
 * @module Feature queries over States that the CLI and the API share: filtered, paged lists,
 * lookup by code or name, and the name resolver.
 */
import type { Kysely } from 'kysely';
import { invalidParameter, notFound } from '../domain/errors.js';
import type { Page, State } from '../domain/model.js';
import type { Database } from '../store/database.js';
import { findGroup, memberIdsOn } from '../store/repositories/groups-repository.js';
import { primaryKey } from './name-key.js';
import type { NameResolver } from './name-resolver.js';
import { loadStateCatalog } from './state-catalog.js';

export { allNames, resolverFromStates, stateRef } from './state-names.js';

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

export async function queryStates(
  db: Kysely<Database>,
  filter: StateFilter = {},
): Promise<Page<State>> {
  const catalog = await loadStateCatalog(db);
  let states = catalog.states;
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
      catalog.searchKeys.get(s.id)?.some((key) => key.includes(needle)),
    );
  }
  const offset = filter.offset ?? 0;
  const limit = filter.limit ?? states.length;
  return { items: states.slice(offset, offset + limit), total: states.length, limit, offset };
}

export async function getState(db: Kysely<Database>, idOrName: string): Promise<State> {
  const catalog = await loadStateCatalog(db);
  const code = idOrName.trim().toUpperCase();
  const byCode = catalog.byId.get(code) ?? catalog.states.find((s) => s.alpha2 === code);
  if (byCode) return byCode;
  const resolution = catalog.resolver.resolve(idOrName);
  const state =
    resolution.status === 'resolved' ? catalog.byId.get(resolution.state.id) : undefined;
  if (state) return state;
  throw notFound('state', idOrName);
}

export async function loadNameResolver(db: Kysely<Database>): Promise<NameResolver> {
  return (await loadStateCatalog(db)).resolver;
}
