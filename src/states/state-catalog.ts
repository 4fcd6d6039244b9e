/**
 * @module The States with their name keys and resolver, built once per version of the reference
 * data. Each call checks the stored reference hash (one indexed read), so every process sees a
 * reseed at once; nothing here needs sharing between processes.
 */
import { readMeta } from '../store/meta.js';
import type { Kysely } from 'kysely';
import type { State } from '../domain/model.js';
import { REFERENCE_HASH_KEY } from '../reference/reference-hash.js';
import type { Database } from '../store/database.js';
import { listAllStates } from '../store/repositories/states-repository.js';
import { primaryKey } from './name-key.js';
import type { NameResolver } from './name-resolver.js';
import { allNames, resolverFromStates } from './state-names.js';

export interface StateCatalog {
  readonly states: readonly State[];
  readonly byId: ReadonlyMap<string, State>;
  /** Every name of each State, folded for substring search. */
  readonly searchKeys: ReadonlyMap<string, readonly string[]>;
  readonly resolver: NameResolver;
}

const cache = new WeakMap<Kysely<Database>, { hash: string; catalog: StateCatalog }>();

export async function loadStateCatalog(db: Kysely<Database>): Promise<StateCatalog> {
  const hash = (await readMeta(db, REFERENCE_HASH_KEY)) ?? '';
  const cached = cache.get(db);
  if (cached && hash !== '' && cached.hash === hash) return cached.catalog;
  const states = await listAllStates(db);
  const catalog: StateCatalog = {
    states,
    byId: new Map(states.map((s) => [s.id, s])),
    searchKeys: new Map(
      states.map((s) => [s.id, [...new Set(allNames(s).map(({ name }) => primaryKey(name)))]]),
    ),
    resolver: resolverFromStates(states),
  };
  cache.set(db, { hash, catalog });
  return catalog;
}
