/**
 * @module Editions: a published, citable set of concept revisions. Publishing pins the current
 * revision of every concept; later edits do not change an edition, which can be read and
 * exported as it was.
 */
import type { Kysely } from 'kysely';
import type { Concept, GlossaryEdition } from '../domain/glossary.js';
import { invalidParameter, notFound } from '../domain/errors.js';
import type { Database } from '../store/database.js';
import { lockKey } from '../store/write-helpers.js';
import { GLOSSARY_LOCK } from './apply-concepts.js';
import {
  insertEdition,
  readConceptRows,
  readConceptsAt,
  readEditionPins,
  readEditions,
} from './glossary-rows.js';

const EDITION_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export async function publishEdition(
  db: Kysely<Database>,
  input: { id: string; title: string; actor: string; comment?: string; now?: Date },
): Promise<GlossaryEdition> {
  if (!EDITION_ID.test(input.id)) {
    throw invalidParameter('edition', 'letters, digits, ".", "_" and "-" only (e.g. "2026-1")');
  }
  return db.transaction().execute(async (trx) => {
    await lockKey(trx, GLOSSARY_LOCK);
    if ((await readEditions(trx)).some((e) => e.id === input.id)) {
      throw invalidParameter(
        'edition',
        `edition "${input.id}" exists already; editions never change`,
      );
    }
    const pins = (await readConceptRows(trx)).map((r) => ({
      conceptId: r.concept.id,
      revision: r.revision,
    }));
    if (pins.length === 0) throw invalidParameter('edition', 'the glossary is empty');
    const edition = {
      id: input.id,
      title: input.title,
      actor: input.actor,
      comment: input.comment ?? '',
      publishedAt: (input.now ?? new Date()).toISOString(),
    };
    await insertEdition(trx, edition, pins);
    return { ...edition, conceptCount: pins.length };
  });
}

export const listEditions = (db: Kysely<Database>) => readEditions(db);

/** The concepts of an edition as they were when it was published. */
export async function editionConcepts(db: Kysely<Database>, id: string): Promise<Concept[]> {
  const pins = await readEditionPins(db, id);
  if (pins.length === 0) throw notFound('glossary edition', id);
  return readConceptsAt(db, pins);
}

/** The current concepts, or an edition's. */
export async function glossaryConcepts(db: Kysely<Database>, edition?: string): Promise<Concept[]> {
  if (edition !== undefined) return editionConcepts(db, edition);
  return (await readConceptRows(db)).map((r) => r.concept);
}
