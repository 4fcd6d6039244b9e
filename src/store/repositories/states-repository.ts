/**
 * @module States and their names in six languages, rebuilt into domain `State` values.
 */
import type { Kysely } from 'kysely';
import { LANGUAGES, type Lang } from '../../domain/languages.js';
import type { State } from '../../domain/model.js';
import { groupBy } from '../../lib/collections.js';
import type { Database } from '../database.js';

type Names = State['names'];

export async function listAllStates(db: Kysely<Database>): Promise<State[]> {
  const [states, names] = await Promise.all([
    db.selectFrom('states').selectAll().orderBy('id').execute(),
    db.selectFrom('state_names').selectAll().orderBy('state_id').orderBy('position').execute(),
  ]);
  const byState = groupBy(names, (n) => n.state_id);
  return states.map((row) => {
    const rows = byState.get(row.id) ?? [];
    const official = Object.fromEntries(
      LANGUAGES.map((lang) => [lang, { short: '', formal: '' }]),
    ) as Names;
    const variants: State['variants'] = [];
    for (const n of rows) {
      const lang = n.lang as Lang;
      if (n.kind === 'short') official[lang].short = n.name;
      else if (n.kind === 'formal') official[lang].formal = n.name;
      else
        variants.push({
          lang,
          name: n.name,
          kind: n.kind as State['variants'][number]['kind'],
          source: n.source,
        });
    }
    return {
      id: row.id,
      alpha2: row.alpha2,
      numeric: row.numeric,
      m49: row.m49,
      status: row.status as State['status'],
      names: official,
      variants,
      source: row.source,
    };
  });
}

/** A State by alpha-3 or alpha-2 code, any case. */
export async function findStateByCode(db: Kysely<Database>, code: string): Promise<State | null> {
  const upper = code.trim().toUpperCase();
  if (!/^[A-Z]{2,3}$/.test(upper)) return null;
  const row = await db
    .selectFrom('states')
    .select('id')
    .where(upper.length === 3 ? 'id' : 'alpha2', '=', upper)
    .executeTakeFirst();
  if (!row) return null;
  const all = await listAllStates(db);
  return all.find((s) => s.id === row.id) ?? null;
}
