/**
 * @module Participation events in the store: read by instrument, State and date; imported files
 * written whole, in one transaction.
 */
import type { Kysely } from 'kysely';
import type { EventKind, ParticipationEvent } from '../../domain/treaty-events.js';
import type { Database } from '../database.js';
import { insertChunked } from '../write-helpers.js';

export interface EventFilter {
  instrument?: string | undefined;
  state?: string | undefined;
  since?: string | undefined;
  until?: string | undefined;
}

export type StoredEvent = ParticipationEvent & { readonly origin: string };

export async function listEvents(
  db: Kysely<Database>,
  filter: EventFilter = {},
): Promise<StoredEvent[]> {
  let query = db.selectFrom('participation_events').selectAll();
  if (filter.instrument !== undefined) query = query.where('instrument_id', '=', filter.instrument);
  if (filter.state !== undefined) query = query.where('state_id', '=', filter.state);
  if (filter.since !== undefined) query = query.where('date', '>=', filter.since);
  if (filter.until !== undefined) query = query.where('date', '<=', filter.until);
  const rows = await query
    .orderBy('date')
    .orderBy('state_id')
    .orderBy('origin')
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    instrument: r.instrument_id,
    state: r.state_id,
    kind: r.kind as EventKind,
    date: r.date,
    source: r.source,
    ...(r.note !== null ? { note: r.note } : {}),
    origin: r.origin,
  }));
}

/** The row of an event: `origin` says where it came from, `position` orders it within that origin. */
export function eventRow(origin: string, position: number, e: ParticipationEvent) {
  return {
    origin,
    position,
    instrument_id: e.instrument,
    state_id: e.state,
    kind: e.kind,
    date: e.date,
    source: e.source,
    note: e.note ?? null,
  };
}

/** Stores an imported file's events under its origin, replacing an earlier import of the same file. */
export async function replaceImportedEvents(
  db: Kysely<Database>,
  origin: string,
  events: readonly ParticipationEvent[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('participation_events').where('origin', '=', origin).execute();
    await insertChunked(
      trx,
      'participation_events',
      events.map((e, position) => eventRow(origin, position, e)),
    );
  });
}
