/**
 * @module Glossary rows in and out: concepts at their current revision with their flattened terms,
 * the append-only revision log, editions, and the glossary hash (meta `glossary_hash`) that every
 * change moves, so annotations computed under another hash are known to be stale.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  conceptSchema,
  type Concept,
  type ConceptRevision,
  type GlossaryEdition,
} from '../domain/glossary.js';
import { LANGUAGES } from '../domain/language-codes.js';
import { canonicalConcept, conceptHash, foldTerm } from './concept-content.js';
import type { Database } from '../store/database.js';
import { readMeta, writeMeta } from '../store/meta.js';
import { insertChunked } from '../store/write-helpers.js';

export const GLOSSARY_HASH_KEY = 'glossary_hash';

export interface ConceptRow {
  readonly concept: Concept;
  readonly revision: number;
  readonly updatedAt: string;
  readonly hash: string;
}

function parseConcept(json: string): Concept {
  return conceptSchema.parse(JSON.parse(json));
}

export async function readConceptRows(
  db: Kysely<Database>,
  ids?: readonly string[],
): Promise<ConceptRow[]> {
  if (ids && ids.length === 0) return [];
  let query = db
    .selectFrom('glossary_concepts')
    .select(['content', 'revision', 'updated_at', 'content_hash'])
    .orderBy('id');
  if (ids) query = query.where('id', 'in', [...ids]);
  const rows = await query.execute();
  return rows.map((r) => ({
    concept: parseConcept(r.content),
    revision: Number(r.revision),
    updatedAt: r.updated_at,
    hash: r.content_hash,
  }));
}

/** Who made each concept's latest revision (to tell bundled content from people's edits). */
export async function latestActors(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('glossary_revisions as r')
    .innerJoin('glossary_concepts as c', (j) =>
      j.onRef('c.id', '=', 'r.concept_id').onRef('c.revision', '=', 'r.revision'),
    )
    .select(['r.concept_id', 'r.actor'])
    .execute();
  return new Map(rows.map((r) => [r.concept_id, r.actor]));
}

/** Concepts that were removed and not added again, with who removed them. */
export async function removedConcepts(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('glossary_revisions as r')
    .leftJoin('glossary_concepts as c', 'c.id', 'r.concept_id')
    .select(['r.concept_id', 'r.actor', 'r.revision'])
    .where('r.content', 'is', null)
    .where('c.id', 'is', null)
    .orderBy('r.revision')
    .execute();
  return new Map(rows.map((r) => [r.concept_id, r.actor]));
}

export interface RevisionMeta {
  readonly actor: string;
  readonly comment: string;
  readonly at: string;
}

async function nextRevision(trx: Kysely<Database>, id: string): Promise<number> {
  const row = await trx
    .selectFrom('glossary_revisions')
    .select((eb) => eb.fn.max('revision').as('max'))
    .where('concept_id', '=', id)
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

/** Stores a concept as its next revision (added or changed). Call inside a transaction. */
export async function writeConcept(
  trx: Kysely<Database>,
  input: Concept,
  meta: RevisionMeta,
): Promise<number> {
  const concept = canonicalConcept(input);
  const content = JSON.stringify(concept);
  const revision = await nextRevision(trx, concept.id);
  await trx.deleteFrom('glossary_terms').where('concept_id', '=', concept.id).execute();
  await trx.deleteFrom('glossary_concepts').where('id', '=', concept.id).execute();
  await trx
    .insertInto('glossary_concepts')
    .values({
      id: concept.id,
      domain: concept.domain,
      revision,
      content,
      content_hash: conceptHash(concept),
      updated_at: meta.at,
    })
    .execute();
  const terms = LANGUAGES.flatMap((lang) =>
    (concept.languages[lang]?.terms ?? []).map((t, position) => ({
      concept_id: concept.id,
      lang,
      position,
      text: t.text,
      folded: foldTerm(t.text),
      status: t.status,
      type: t.type,
    })),
  );
  await insertChunked(trx, 'glossary_terms', terms);
  await trx
    .insertInto('glossary_revisions')
    .values({
      concept_id: concept.id,
      revision,
      content,
      actor: meta.actor,
      comment: meta.comment,
      created_at: meta.at,
    })
    .execute();
  return revision;
}

/** Removes a concept; its history stays, ending in a revision without content. */
export async function removeConcept(
  trx: Kysely<Database>,
  id: string,
  meta: RevisionMeta,
): Promise<number> {
  const revision = await nextRevision(trx, id);
  await trx.deleteFrom('glossary_concepts').where('id', '=', id).execute();
  await trx
    .insertInto('glossary_revisions')
    .values({
      concept_id: id,
      revision,
      content: null,
      actor: meta.actor,
      comment: meta.comment,
      created_at: meta.at,
    })
    .execute();
  return revision;
}

export async function readRevisions(db: Kysely<Database>, id: string): Promise<ConceptRevision[]> {
  const rows = await db
    .selectFrom('glossary_revisions')
    .selectAll()
    .where('concept_id', '=', id)
    .orderBy('revision')
    .execute();
  return rows.map((r) => ({
    conceptId: r.concept_id,
    revision: Number(r.revision),
    actor: r.actor,
    at: r.created_at,
    comment: r.comment,
    concept: r.content === null ? null : parseConcept(r.content),
  }));
}

/** The content of concepts at given revisions (an edition's view). */
export async function readConceptsAt(
  db: Kysely<Database>,
  pins: readonly { conceptId: string; revision: number }[],
): Promise<Concept[]> {
  const out: Concept[] = [];
  const byConcept = new Map(pins.map((p) => [p.conceptId, p.revision]));
  const ids = [...byConcept.keys()];
  for (let i = 0; i < ids.length; i += 400) {
    const rows = await db
      .selectFrom('glossary_revisions')
      .select(['concept_id', 'revision', 'content'])
      .where('concept_id', 'in', ids.slice(i, i + 400))
      .execute();
    for (const r of rows) {
      if (byConcept.get(r.concept_id) === Number(r.revision) && r.content !== null) {
        out.push(parseConcept(r.content));
      }
    }
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Recomputes the glossary hash from every concept's content hash. Call after any change. */
export async function updateGlossaryHash(trx: Kysely<Database>): Promise<string> {
  const rows = await trx
    .selectFrom('glossary_concepts')
    .select(['id', 'content_hash'])
    .orderBy('id')
    .execute();
  const hash = createHash('sha256');
  for (const r of rows) hash.update(`${r.id}\t${r.content_hash}\n`);
  const value = hash.digest('hex');
  await writeMeta(trx, GLOSSARY_HASH_KEY, value);
  return value;
}

export async function readGlossaryHash(db: Kysely<Database>): Promise<string> {
  return (await readMeta(db, GLOSSARY_HASH_KEY)) ?? 'empty';
}

export async function insertEdition(
  trx: Kysely<Database>,
  edition: Omit<GlossaryEdition, 'conceptCount'>,
  pins: readonly { conceptId: string; revision: number }[],
): Promise<void> {
  await trx
    .insertInto('glossary_editions')
    .values({
      id: edition.id,
      title: edition.title,
      actor: edition.actor,
      comment: edition.comment,
      published_at: edition.publishedAt,
    })
    .execute();
  await insertChunked(
    trx,
    'glossary_edition_concepts',
    pins.map((p) => ({ edition_id: edition.id, concept_id: p.conceptId, revision: p.revision })),
  );
}

export async function readEditions(db: Kysely<Database>): Promise<GlossaryEdition[]> {
  const rows = await db
    .selectFrom('glossary_editions as e')
    .leftJoin('glossary_edition_concepts as c', 'c.edition_id', 'e.id')
    .select((eb) => [
      'e.id',
      'e.title',
      'e.actor',
      'e.comment',
      'e.published_at',
      eb.fn.count<string | number>('c.concept_id').as('count'),
    ])
    .groupBy(['e.id', 'e.title', 'e.actor', 'e.comment', 'e.published_at'])
    .orderBy('e.published_at')
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    actor: r.actor,
    comment: r.comment,
    publishedAt: r.published_at,
    conceptCount: Number(r.count),
  }));
}

export async function readEditionPins(
  db: Kysely<Database>,
  editionId: string,
): Promise<{ conceptId: string; revision: number }[]> {
  const rows = await db
    .selectFrom('glossary_edition_concepts')
    .select(['concept_id', 'revision'])
    .where('edition_id', '=', editionId)
    .orderBy('concept_id')
    .execute();
  return rows.map((r) => ({ conceptId: r.concept_id, revision: Number(r.revision) }));
}
