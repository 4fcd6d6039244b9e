/**
 * @module Editing one concept through the CLI or the API: the edit names the revision it started
 * from, so two people editing the same concept cannot overwrite each other silently (a stale edit
 * is refused with 409 and the current revision); the edit becomes a revision with actor and comment.
 */
import type { Kysely } from 'kysely';
import { conceptSchema, type ConceptInput, type StoredConcept } from '../domain/glossary.js';
import { PillarsError, invalidData, notFound } from '../domain/errors.js';
import { formatIssuePath } from '../lib/issue-path.js';
import type { Database } from '../store/database.js';
import { applyConcepts, removeConcepts } from './apply-concepts.js';
import { getConcept } from './glossary-queries.js';
import { readConceptRows } from './glossary-rows.js';

export interface ConceptEdit {
  readonly concept: ConceptInput;
  readonly actor: string;
  readonly comment: string;
  /** The revision the edit started from; 0 for a new concept; omitted: no check. */
  readonly baseRevision?: number;
}

export async function saveConcept(db: Kysely<Database>, edit: ConceptEdit): Promise<StoredConcept> {
  const parsed = conceptSchema.safeParse(edit.concept);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalidData(`concept.${formatIssuePath(issue.path)}`, issue.message);
  }
  const concept = parsed.data;
  const [current] = await readConceptRows(db, [concept.id]);
  if (edit.baseRevision !== undefined && (current?.revision ?? 0) !== edit.baseRevision) {
    throw new PillarsError(
      'conflict',
      `concept "${concept.id}" is at revision ${current?.revision ?? 0}, the edit started from ${edit.baseRevision}; reload it and apply the edit again`,
      { field: 'baseRevision' },
    );
  }
  const report = await applyConcepts(db, [{ concept }], {
    actor: edit.actor,
    comment: edit.comment,
    mode: 'replace',
  });
  const rejected = report.results.find((r) => r.outcome === 'rejected');
  if (rejected) throw invalidData('concept', rejected.reason);
  return getConcept(db, concept.id);
}

export async function deleteConcept(
  db: Kysely<Database>,
  id: string,
  meta: { actor: string; comment: string },
): Promise<void> {
  const [current] = await readConceptRows(db, [id]);
  if (!current) throw notFound('concept', id);
  await removeConcepts(db, [id], meta);
}
