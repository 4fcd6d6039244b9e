/**
 * @module Treaties, protocols and agreement types.
 */
import type { Kysely } from 'kysely';
import type { Instrument } from '../../domain/model.js';
import type { Database, InstrumentsTable } from '../database.js';

function toInstrument(row: InstrumentsTable): Instrument {
  return {
    id: row.id,
    kind: row.kind as Instrument['kind'],
    parent: row.parent_id,
    names: JSON.parse(row.names) as Instrument['names'],
    depositaries: JSON.parse(row.depositaries) as string[],
    openedForSignature:
      row.opened_date !== null ? { date: row.opened_date, place: row.opened_place ?? '' } : null,
    entryIntoForce: row.entry_into_force,
    entryIntoForceRule: row.entry_into_force_rule,
    textReference: row.text_reference,
    source: row.source,
  };
}

export async function listInstruments(db: Kysely<Database>): Promise<Instrument[]> {
  const rows = await db.selectFrom('instruments').selectAll().execute();
  const instruments = rows.map(toInstrument);
  // Parents first, each followed by its protocols, in the order of the data file's ids.
  const order = (i: Instrument) => `${i.parent ?? i.id}\u0000${i.parent === null ? '' : i.id}`;
  return instruments.sort((a, b) => order(a).localeCompare(order(b)));
}

export async function findInstrument(db: Kysely<Database>, id: string): Promise<Instrument | null> {
  const row = await db
    .selectFrom('instruments')
    .selectAll()
    .where('id', '=', id.toUpperCase())
    .executeTakeFirst();
  return row ? toInstrument(row) : null;
}
