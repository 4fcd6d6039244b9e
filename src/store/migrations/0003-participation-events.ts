/**
 * @module Participation events: bundled ones (origin `bundled:<file>`, replaced on every seed) and
 * imported ones (origin `import:<file sha-256>`, kept).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('participation_events')
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('instrument_id', 'text', (c) => c.notNull().references('instruments.id'))
    .addColumn('state_id', 'text', (c) => c.notNull().references('states.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('participation_events_pk', ['origin', 'position'])
    .execute();
  await db.schema
    .createIndex('participation_events_instrument_idx')
    .on('participation_events')
    .columns(['instrument_id', 'date'])
    .execute();
  await db.schema
    .createIndex('participation_events_state_idx')
    .on('participation_events')
    .columns(['state_id', 'date'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('participation_events').ifExists().execute();
}
