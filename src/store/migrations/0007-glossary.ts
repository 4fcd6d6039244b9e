/**
 * @module The glossary: concepts at their current revision (content as JSON, terms flattened for
 * search and A–Z), every revision ever made (append-only; a removal is a revision without
 * content), published editions, and term annotations of paragraphs with the glossary hash they
 * were computed from (stale ones are recomputed, never trusted).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('glossary_concepts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('domain', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    /** JSON of the domain Concept. */
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('glossary_terms')
    .addColumn('concept_id', 'text', (c) =>
      c.notNull().references('glossary_concepts.id').onDelete('cascade'),
    )
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    /** Folded form (case, diacritics, Arabic letter forms) for search. */
    .addColumn('folded', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('glossary_terms_pk', ['concept_id', 'lang', 'position'])
    .execute();
  await db.schema
    .createIndex('glossary_terms_folded_idx')
    .on('glossary_terms')
    .columns(['lang', 'folded'])
    .execute();
  await db.schema
    .createTable('glossary_revisions')
    .addColumn('concept_id', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    /** JSON of the Concept; null when this revision removed it. */
    .addColumn('content', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('glossary_revisions_pk', ['concept_id', 'revision'])
    .execute();
  await db.schema
    .createTable('glossary_editions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('comment', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('glossary_edition_concepts')
    .addColumn('edition_id', 'text', (c) =>
      c.notNull().references('glossary_editions.id').onDelete('cascade'),
    )
    .addColumn('concept_id', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('glossary_edition_concepts_pk', ['edition_id', 'concept_id'])
    .execute();
  await db.schema
    .createTable('term_annotations')
    .addColumn('expression_id', 'text', (c) =>
      c.notNull().references('expressions.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('start', 'integer', (c) => c.notNull())
    .addColumn('end', 'integer', (c) => c.notNull())
    .addColumn('concept_id', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('term', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('term_annotations_pk', ['expression_id', 'position', 'start'])
    .execute();
  await db.schema
    .createIndex('term_annotations_concept_idx')
    .on('term_annotations')
    .columns(['concept_id'])
    .execute();
  await db.schema
    .createTable('term_annotation_scans')
    .addColumn('expression_id', 'text', (c) =>
      c.primaryKey().references('expressions.id').onDelete('cascade'),
    )
    .addColumn('glossary_hash', 'text', (c) => c.notNull())
    .addColumn('scanned_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'term_annotation_scans',
    'term_annotations',
    'glossary_edition_concepts',
    'glossary_editions',
    'glossary_revisions',
    'glossary_terms',
    'glossary_concepts',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
