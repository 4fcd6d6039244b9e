/**
 * @module Action Plan monitoring: evidence (a paragraph of a current language version linked to
 * an action, with the States it speaks for), its review history, the record of which expressions
 * were scanned by which suggester, and assessments per action, State and cycle. Suggestions are
 * rewritten when the suggester or the descriptors change; reviewed and hand-made evidence never.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('action_id', 'text', (c) => c.notNull().references('actions.id').onDelete('cascade'))
    .addColumn('work_id', 'text', (c) => c.notNull())
    .addColumn('expression_id', 'text', (c) =>
      c.notNull().references('expressions.id').onDelete('cascade'),
    )
    .addColumn('eid', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('cycle', 'integer')
    .addColumn('score', 'double precision', (c) => c.notNull())
    /** JSON array of MatchReason. */
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('stance', 'text')
    /** `suggested` by the suggester or `manual`. */
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('evidence_action_idx')
    .on('evidence')
    .columns(['action_id', 'status'])
    .execute();
  await db.schema
    .createIndex('evidence_expression_idx')
    .on('evidence')
    .columns(['expression_id'])
    .execute();
  await db.schema
    .createTable('evidence_states')
    .addColumn('evidence_id', 'text', (c) =>
      c.notNull().references('evidence.id').onDelete('cascade'),
    )
    .addColumn('state_id', 'text', (c) => c.notNull().references('states.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('evidence_states_pk', ['evidence_id', 'state_id'])
    .execute();
  await db.schema
    .createIndex('evidence_states_state_idx')
    .on('evidence_states')
    .columns(['state_id'])
    .execute();
  await db.schema
    .createTable('evidence_revisions')
    .addColumn('evidence_id', 'text', (c) =>
      c.notNull().references('evidence.id').onDelete('cascade'),
    )
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('stance', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('evidence_revisions_pk', ['evidence_id', 'revision'])
    .execute();
  await db.schema
    .createTable('evidence_scans')
    .addColumn('expression_id', 'text', (c) =>
      c.primaryKey().references('expressions.id').onDelete('cascade'),
    )
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('scanned_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('assessments')
    .addColumn('action_id', 'text', (c) => c.notNull().references('actions.id').onDelete('cascade'))
    .addColumn('state_id', 'text', (c) => c.notNull().references('states.id').onDelete('cascade'))
    .addColumn('cycle', 'integer', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rationale', 'text', (c) => c.notNull())
    /** JSON array of evidence ids. */
    .addColumn('evidence_ids', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('assessments_pk', ['action_id', 'state_id', 'cycle', 'revision'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'assessments',
    'evidence_scans',
    'evidence_revisions',
    'evidence_states',
    'evidence',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
