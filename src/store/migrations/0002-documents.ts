/**
 * @module Documents: works (one per UN symbol), expressions (language × revision × version),
 * manifestations (source files, content-addressed), segments, authors and recorded votes.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('works')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('symbol', 'text', (c) => c.unique())
    .addColumn('body', 'text')
    .addColumn('doc_type', 'text')
    .addColumn('meeting_id', 'text', (c) => c.references('meetings.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('works_meeting_idx').on('works').column('meeting_id').execute();

  await db.schema
    .createTable('manifestations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The id is the SHA-256 itself; the column says so explicitly for readers of the table.
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('extractor', 'text', (c) => c.notNull())
    .addColumn('ingested_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('expressions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('work_id', 'text', (c) => c.notNull().references('works.id').onDelete('cascade'))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('revision', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('current', 'integer', (c) => c.notNull())
    .addColumn('manifestation_id', 'text', (c) =>
      c.notNull().unique().references('manifestations.id'),
    )
    .addColumn('title', 'text')
    .addColumn('date', 'text')
    .addColumn('original_lang', 'text')
    .addColumn('place', 'text')
    .addColumn('distribution', 'text')
    .addColumn('agenda_item', 'text')
    .addColumn('segment_count', 'integer', (c) => c.notNull())
    .addColumn('warnings', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('expressions_version_unique', ['work_id', 'lang', 'revision', 'version'])
    .execute();
  await db.schema
    .createIndex('expressions_work_idx')
    .on('expressions')
    .columns(['work_id', 'lang'])
    .execute();

  await db.schema
    .createTable('segments')
    .addColumn('expression_id', 'text', (c) =>
      c.notNull().references('expressions.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('eid', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('num', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    // One index: segments are found by eId, and an expression's few hundred are sorted by position.
    .addPrimaryKeyConstraint('segments_pk', ['expression_id', 'eid'])
    .execute();

  await db.schema
    .createTable('work_authors')
    .addColumn('work_id', 'text', (c) => c.notNull().references('works.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('work_authors_pk', ['work_id', 'position'])
    .execute();

  await db.schema
    .createTable('vote_entries')
    .addColumn('expression_id', 'text', (c) =>
      c.notNull().references('expressions.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('choice', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('state_id', 'text', (c) => c.references('states.id'))
    .addPrimaryKeyConstraint('vote_entries_pk', ['expression_id', 'position'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'vote_entries',
    'work_authors',
    'segments',
    'expressions',
    'manifestations',
    'works',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
