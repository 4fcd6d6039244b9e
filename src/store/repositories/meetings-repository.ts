/**
 * @module Meetings of the review cycle, in date order.
 */
import type { Kysely } from 'kysely';
import type { Meeting } from '../../domain/model.js';
import type { Database, MeetingsTable } from '../database.js';

function toMeeting(row: MeetingsTable): Meeting {
  return {
    id: row.id,
    kind: row.kind as Meeting['kind'],
    cycle: row.cycle,
    session: row.session,
    names: JSON.parse(row.names) as Meeting['names'],
    startDate: row.start_date,
    endDate: row.end_date,
    city: row.city,
    country: row.country,
    host: row.host,
    symbolPrefix: row.symbol_prefix,
    ...(row.note !== null ? { note: row.note } : {}),
    source: row.source,
  };
}

export interface MeetingFilter {
  cycle?: number | undefined;
  kind?: Meeting['kind'] | undefined;
}

export async function listMeetings(
  db: Kysely<Database>,
  filter: MeetingFilter = {},
): Promise<Meeting[]> {
  let query = db.selectFrom('meetings').selectAll();
  if (filter.cycle !== undefined) query = query.where('cycle', '=', filter.cycle);
  if (filter.kind !== undefined) query = query.where('kind', '=', filter.kind);
  const rows = await query.orderBy('start_date').orderBy('id').execute();
  return rows.map(toMeeting);
}

export async function findMeeting(db: Kysely<Database>, id: string): Promise<Meeting | null> {
  const row = await db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toMeeting(row) : null;
}
