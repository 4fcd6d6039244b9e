/**
 * @module Glossary terms in stored paragraphs: each current language version is annotated with the
 * matcher built from the glossary at a given hash, and the annotations are stored with that hash.
 * When the glossary changes, the hash moves and annotations are recomputed on the next scan or
 * the next time a document's terms are asked for; stale ones are never shown.
 */
import type { Kysely } from 'kysely';
import type { Concept, TermMatch } from '../domain/glossary.js';
import { isLang, type Lang } from '../domain/language-codes.js';
import type { Database } from '../store/database.js';
import { insertChunked } from '../store/write-helpers.js';
import { buildTermMatcher, type TermMatcher } from './annotate/term-matcher.js';
import { readConceptRows, readGlossaryHash } from './glossary-rows.js';

/** Raise when the matcher's behaviour changes: every stored annotation is then recomputed. */
export const ANNOTATOR_VERSION = '2';
const CHUNK = 100;

export interface GlossaryMatcher {
  /** Glossary hash and annotator version: what stored annotations are checked against. */
  readonly key: string;
  readonly matcher: TermMatcher;
  readonly concepts: ReadonlyMap<string, Concept>;
}

let cached: GlossaryMatcher | undefined;

/** The matcher for the store's current glossary, built once per glossary hash in this process. */
export async function glossaryMatcher(db: Kysely<Database>): Promise<GlossaryMatcher> {
  const key = `${ANNOTATOR_VERSION}:${await readGlossaryHash(db)}`;
  if (cached?.key === key) return cached;
  const concepts = (await readConceptRows(db)).map((r) => r.concept);
  cached = {
    key,
    matcher: buildTermMatcher(concepts),
    concepts: new Map(concepts.map((c) => [c.id, c])),
  };
  return cached;
}

export interface AnnotateResult {
  readonly annotated: number;
  readonly terms: number;
}

async function annotate(
  db: Kysely<Database>,
  expressions: readonly { id: string; lang: string }[],
  glossary: GlossaryMatcher,
): Promise<number> {
  let found = 0;
  const stamp = new Date().toISOString();
  for (let i = 0; i < expressions.length; i += CHUNK) {
    const chunk = expressions.slice(i, i + CHUNK);
    const ids = chunk.map((e) => e.id);
    const langOf = new Map(chunk.map((e) => [e.id, e.lang]));
    const segments = await db
      .selectFrom('segments')
      .select(['expression_id', 'position', 'text'])
      .where('expression_id', 'in', ids)
      .execute();
    const rows = segments.flatMap((s) => {
      const lang = langOf.get(s.expression_id);
      if (lang === undefined || !isLang(lang)) return [];
      return glossary.matcher.find(s.text, { lang }).map((m) => ({
        expression_id: s.expression_id,
        position: Number(s.position),
        start: m.start,
        end: m.end,
        concept_id: m.conceptId,
        lang: m.lang,
        status: m.status,
        term: m.term,
      }));
    });
    found += rows.length;
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('term_annotations').where('expression_id', 'in', ids).execute();
      await trx.deleteFrom('term_annotation_scans').where('expression_id', 'in', ids).execute();
      await insertChunked(trx, 'term_annotations', rows);
      await insertChunked(
        trx,
        'term_annotation_scans',
        ids.map((id) => ({ expression_id: id, glossary_hash: glossary.key, scanned_at: stamp })),
        { skipExisting: true },
      );
    });
  }
  return found;
}

/** Annotates every current language version whose annotations are missing or stale. */
export async function annotateStale(
  db: Kysely<Database>,
  options: { force?: boolean } = {},
): Promise<AnnotateResult> {
  const glossary = await glossaryMatcher(db);
  const rows = await db
    .selectFrom('expressions')
    .leftJoin('term_annotation_scans as s', 's.expression_id', 'expressions.id')
    .select(['expressions.id', 'expressions.lang', 's.glossary_hash'])
    .where('expressions.current', '=', 1)
    .orderBy('expressions.id')
    .execute();
  const stale = rows.filter((r) => options.force === true || r.glossary_hash !== glossary.key);
  const terms = await annotate(db, stale, glossary);
  return { annotated: stale.length, terms };
}

export interface SegmentTerms {
  readonly eId: string;
  readonly position: number;
  readonly terms: readonly TermMatch[];
}

/** One language version's annotations by paragraph, recomputed first if they are stale. */
export async function expressionTerms(
  db: Kysely<Database>,
  expressionId: string,
  lang: Lang,
): Promise<{ segments: SegmentTerms[]; glossary: GlossaryMatcher }> {
  const glossary = await glossaryMatcher(db);
  const scan = await db
    .selectFrom('term_annotation_scans')
    .select('glossary_hash')
    .where('expression_id', '=', expressionId)
    .executeTakeFirst();
  if (scan?.glossary_hash !== glossary.key)
    await annotate(db, [{ id: expressionId, lang }], glossary);
  const [segments, annotations] = await Promise.all([
    db
      .selectFrom('segments')
      .select(['position', 'eid'])
      .where('expression_id', '=', expressionId)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('term_annotations')
      .selectAll()
      .where('expression_id', '=', expressionId)
      .orderBy('position')
      .orderBy('start')
      .execute(),
  ]);
  const byPosition = new Map<number, TermMatch[]>();
  for (const a of annotations) {
    const list = byPosition.get(Number(a.position)) ?? [];
    list.push({
      start: Number(a.start),
      end: Number(a.end),
      conceptId: a.concept_id,
      lang: a.lang as Lang,
      status: a.status as TermMatch['status'],
      term: a.term,
    });
    byPosition.set(Number(a.position), list);
  }
  return {
    glossary,
    segments: segments.map((s) => ({
      eId: s.eid,
      position: Number(s.position),
      terms: byPosition.get(Number(s.position)) ?? [],
    })),
  };
}
