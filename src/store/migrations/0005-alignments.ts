/**
 * @module Stored alignments of two language versions (expressions) of a work, and the corrections
 * people made to them. Links are rewritten whenever alignment runs again; corrections are never
 * rewritten (each is a revision with actor, time and comment) and are replayed as fixed links, so
 * a person's decision wins over the aligner's. Both are keyed by the expressions, whose segments
 * never change: a new version of a text starts a new alignment.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('alignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('work_id', 'text', (c) => c.notNull().references('works.id').onDelete('cascade'))
    .addColumn('expression_a', 'text', (c) =>
      c.notNull().references('expressions.id').onDelete('cascade'),
    )
    .addColumn('expression_b', 'text', (c) =>
      c.notNull().references('expressions.id').onDelete('cascade'),
    )
    .addColumn('lang_a', 'text', (c) => c.notNull())
    .addColumn('lang_b', 'text', (c) => c.notNull())
    /** The aligner that made the automatic links; a newer one re-aligns on the next read. */
    .addColumn('method', 'text', (c) => c.notNull())
    /** How many corrections were replayed into the stored links. */
    .addColumn('corrections', 'integer', (c) => c.notNull())
    .addColumn('aligned_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('alignments_pair_unique', ['expression_a', 'expression_b'])
    .execute();
  await db.schema
    .createTable('alignment_links')
    .addColumn('alignment_id', 'text', (c) =>
      c.notNull().references('alignments.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    // Segment positions: the first of each side and how many (0–2 from the aligner, any from a person).
    .addColumn('a_from', 'integer', (c) => c.notNull())
    .addColumn('a_count', 'integer', (c) => c.notNull())
    .addColumn('b_from', 'integer', (c) => c.notNull())
    .addColumn('b_count', 'integer', (c) => c.notNull())
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('alignment_links_pk', ['alignment_id', 'position'])
    .execute();
  await db.schema
    .createTable('alignment_corrections')
    .addColumn('alignment_id', 'text', (c) =>
      c.notNull().references('alignments.id').onDelete('cascade'),
    )
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('op', 'text', (c) => c.notNull())
    /** JSON arrays of segment eIds of each side. */
    .addColumn('a_eids', 'text', (c) => c.notNull())
    .addColumn('b_eids', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('alignment_corrections_pk', ['alignment_id', 'revision'])
    .execute();
  await db.schema
    .createIndex('alignments_work_idx')
    .on('alignments')
    .columns(['work_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['alignment_corrections', 'alignment_links', 'alignments']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
