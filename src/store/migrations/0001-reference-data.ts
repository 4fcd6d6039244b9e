/**
 * @module Reference tables: states and their names, groups with dated membership, instruments,
 * meetings and the 2010 Action Plan.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('states')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('alpha2', 'text', (c) => c.notNull().unique())
    .addColumn('numeric', 'text', (c) => c.notNull())
    .addColumn('m49', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('state_names')
    .addColumn('state_id', 'text', (c) => c.notNull().references('states.id').onDelete('cascade'))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('state_names_pk', ['state_id', 'position'])
    .execute();
  await db.schema
    .createIndex('state_names_lang_idx')
    .on('state_names')
    .columns(['lang', 'kind'])
    .execute();

  await db.schema
    .createTable('groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('names', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('instrument_id', 'text')
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('group_members')
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('state_id', 'text', (c) => c.notNull().references('states.id'))
    .addColumn('from_date', 'text')
    .addColumn('to_date', 'text')
    .addColumn('note', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('group_members_pk', ['group_id', 'position'])
    .execute();
  await db.schema
    .createIndex('group_members_state_idx')
    .on('group_members')
    .column('state_id')
    .execute();

  await db.schema
    .createTable('instruments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'text')
    .addColumn('names', 'text', (c) => c.notNull())
    .addColumn('depositaries', 'text', (c) => c.notNull())
    .addColumn('opened_date', 'text')
    .addColumn('opened_place', 'text')
    .addColumn('entry_into_force', 'text')
    .addColumn('entry_into_force_rule', 'text', (c) => c.notNull())
    .addColumn('text_reference', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('cycle', 'integer')
    .addColumn('session', 'integer')
    .addColumn('names', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('host', 'text')
    .addColumn('symbol_prefix', 'text')
    .addColumn('note', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meetings_start_idx').on('meetings').column('start_date').execute();

  await db.schema
    .createTable('actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'integer')
    .addColumn('pillar', 'text', (c) => c.notNull())
    .addColumn('subsection_code', 'text', (c) => c.notNull())
    .addColumn('subsection_title', 'text', (c) => c.notNull())
    .addColumn('addressees', 'text', (c) => c.notNull())
    .addColumn('articles', 'text', (c) => c.notNull())
    .addColumn('instruments', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('keywords', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'actions',
    'meetings',
    'instruments',
    'group_members',
    'groups',
    'state_names',
    'states',
    'meta',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
