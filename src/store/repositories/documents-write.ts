/**
 * @module Writes one ingested document: its file (manifestation), work, expression (a new
 * version when the work already has this language and revision), segments, authors and vote.
 * Called inside the caller's transaction, so a failure leaves nothing behind.
 */
import type { Kysely } from 'kysely';
import type { Lang } from '../../domain/language-codes.js';
import type { Segment } from '../../domain/documents.js';
import type { Database } from '../database.js';
import { preparedQuery } from '../prepared-query.js';
import { insertChunked, insertValueRows } from '../write-helpers.js';

export interface DocumentToStore {
  readonly sha256: string;
  readonly fileName: string;
  readonly format: string;
  readonly size: number;
  readonly extractor: string;
  readonly workId: string;
  readonly symbol: string | null;
  readonly body: string | null;
  readonly docType: string | null;
  readonly meetingId: string | null;
  readonly lang: Lang | 'und';
  readonly revision: string;
  readonly title: string | null;
  readonly date: string | null;
  readonly originalLang: Lang | null;
  readonly place: string | null;
  readonly distribution: string | null;
  readonly agendaItem: string | null;
  readonly segments: readonly Segment[];
  readonly authors: readonly { kind: 'state' | 'group'; id: string; name: string }[];
  readonly votes: readonly { choice: string; name: string; state: string | null }[];
  readonly warnings: readonly string[];
}

export interface StoredDocument {
  readonly workId: string;
  readonly expressionId: string;
  readonly version: number;
  /**
   * Whether something every language version carries changed (the meeting or the authors were
   * filled in), so the work's other versions need re-indexing.
   */
  readonly workChanged: boolean;
  /** The work did not exist before: this is its first and only language version. */
  readonly workCreated: boolean;
}

/**
 * Makes room for a new version of a work's language and revision: the earlier versions stop being
 * current, and the number the new one takes is returned.
 */
async function takeNextVersion(
  db: Kysely<Database>,
  workId: string,
  lang: string,
  revision: string,
): Promise<number> {
  const previous = await db
    .selectFrom('expressions')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('work_id', '=', workId)
    .where('lang', '=', lang)
    .where('revision', '=', revision)
    .executeTakeFirst();
  const version = Number(previous?.version ?? 0) + 1;
  if (version > 1) {
    await db
      .updateTable('expressions')
      .set({ current: 0 })
      .where('work_id', '=', workId)
      .where('lang', '=', lang)
      .where('revision', '=', revision)
      .execute();
  }
  return version;
}

export function expressionIdFor(sha256: string): string {
  return `x${sha256.slice(0, 24)}`;
}

const SEGMENT_COLUMNS = ['expression_id', 'position', 'eid', 'kind', 'num', 'text'].map((name) => ({
  name,
}));

/** What storing a document needs to know of its work, if the work exists. */
export interface StoredWork {
  readonly id: string;
  readonly meeting_id: string | null;
  readonly doc_type: string | null;
}

const selectWork = preparedQuery(1, (db, workId: string) =>
  db.selectFrom('works').select(['id', 'meeting_id', 'doc_type']).where('id', '=', workId),
);

/** The work as storeDocument reads it; `undefined` when there is none. */
export async function readWork(
  db: Kysely<Database>,
  workId: string,
): Promise<StoredWork | undefined> {
  return (await selectWork(db, workId))[0];
}

// Once per stored file: built and compiled once (prepared-query.ts).
const insertManifestation = preparedQuery(
  7,
  (
    db,
    id: string,
    fileName: string,
    format: string,
    size: number,
    extractor: string,
    at: string,
    sha256: string,
  ) =>
    db.insertInto('manifestations').values({
      id,
      sha256,
      file_name: fileName,
      format,
      size,
      extractor,
      ingested_at: at,
    }),
);
const insertWork = preparedQuery(
  6,
  (
    db,
    id: string,
    symbol: string | null,
    body: string | null,
    docType: string | null,
    meetingId: string | null,
    at: string,
  ) =>
    db.insertInto('works').values({
      id,
      symbol,
      body,
      doc_type: docType,
      meeting_id: meetingId,
      created_at: at,
    }),
);
const insertExpression = preparedQuery(
  16,
  (
    db,
    id: string,
    workId: string,
    lang: string,
    revision: string,
    version: number,
    current: number,
    manifestationId: string,
    title: string | null,
    date: string | null,
    originalLang: string | null,
    place: string | null,
    distribution: string | null,
    agendaItem: string | null,
    segmentCount: number,
    warnings: string,
    at: string,
  ) =>
    db.insertInto('expressions').values({
      id,
      work_id: workId,
      lang,
      revision,
      version,
      current,
      manifestation_id: manifestationId,
      title,
      date,
      original_lang: originalLang,
      place,
      distribution,
      agenda_item: agendaItem,
      segment_count: segmentCount,
      warnings,
      created_at: at,
    }),
);

/**
 * Stores a document as a new language version of its work. `known`: the work as the caller
 * has just read it in the same transaction (readWork), so it is not read twice.
 */
export async function storeDocument(
  db: Kysely<Database>,
  doc: DocumentToStore,
  now = new Date().toISOString(),
  known?: { readonly work: StoredWork | undefined },
): Promise<StoredDocument> {
  await insertManifestation(
    db,
    doc.sha256,
    doc.fileName,
    doc.format,
    doc.size,
    doc.extractor,
    now,
    doc.sha256,
  );
  const work = known ? known.work : await readWork(db, doc.workId);
  if (!work) {
    await insertWork(db, doc.workId, doc.symbol, doc.body, doc.docType, doc.meetingId, now);
  }
  let workChanged = false;
  if (work && work.meeting_id === null && doc.meetingId !== null) {
    workChanged = true;
    await db
      .updateTable('works')
      .set({ meeting_id: doc.meetingId })
      .where('id', '=', doc.workId)
      .execute();
  }
  // A work created just now has no earlier version to look for.
  const version = work ? await takeNextVersion(db, doc.workId, doc.lang, doc.revision) : 1;
  const expressionId = expressionIdFor(doc.sha256);
  await insertExpression(
    db,
    expressionId,
    doc.workId,
    doc.lang,
    doc.revision,
    version,
    1,
    doc.sha256,
    doc.title,
    doc.date,
    doc.originalLang,
    doc.place,
    doc.distribution,
    doc.agendaItem,
    doc.segments.length,
    JSON.stringify(doc.warnings),
    now,
  );
  await insertValueRows(
    db,
    'segments',
    SEGMENT_COLUMNS,
    doc.segments.map((s, position) => [expressionId, position, s.eId, s.kind, s.num, s.text]),
  );
  await insertChunked(
    db,
    'vote_entries',
    doc.votes.map((v, position) => ({
      expression_id: expressionId,
      position,
      choice: v.choice,
      name: v.name,
      state_id: v.state,
    })),
  );
  if (doc.authors.length > 0) {
    const existing = await db
      .selectFrom('work_authors')
      .select('position')
      .where('work_id', '=', doc.workId)
      .limit(1)
      .execute();
    if (existing.length === 0) {
      workChanged ||= work !== undefined;
      await insertChunked(
        db,
        'work_authors',
        doc.authors.map((a, position) => ({
          work_id: doc.workId,
          position,
          kind: a.kind,
          author_id: a.id,
          name: a.name,
        })),
      );
    }
  }
  return { workId: doc.workId, expressionId, version, workChanged, workCreated: !work };
}

/** Removes a document stored earlier in the same batch (a conflict found later undoes it). */
export async function removeStoredDocument(db: Kysely<Database>, sha256: string): Promise<void> {
  const expression = await db
    .selectFrom('expressions')
    .select(['id', 'work_id', 'lang', 'revision', 'version'])
    .where('manifestation_id', '=', sha256)
    .executeTakeFirst();
  if (!expression) return;
  await db.deleteFrom('segments').where('expression_id', '=', expression.id).execute();
  await db.deleteFrom('vote_entries').where('expression_id', '=', expression.id).execute();
  await db.deleteFrom('expressions').where('id', '=', expression.id).execute();
  await db.deleteFrom('manifestations').where('id', '=', sha256).execute();
  await db
    .updateTable('expressions')
    .set({ current: 1 })
    .where('work_id', '=', expression.work_id)
    .where('lang', '=', expression.lang)
    .where('revision', '=', expression.revision)
    .where('version', '=', expression.version - 1)
    .execute();
  const left = await db
    .selectFrom('expressions')
    .select('id')
    .where('work_id', '=', expression.work_id)
    .limit(1)
    .execute();
  if (left.length === 0) {
    await db.deleteFrom('work_authors').where('work_id', '=', expression.work_id).execute();
    await db.deleteFrom('works').where('id', '=', expression.work_id).execute();
  }
}

/** Gives a document stored without a symbol (or with another) a symbol: its work takes the new id. */
export async function assignSymbol(
  db: Kysely<Database>,
  sha256: string,
  work: { id: string; symbol: string; body: string | null; docType: string | null },
): Promise<string | null> {
  const expression = await db
    .selectFrom('expressions')
    .select(['id', 'work_id', 'lang', 'revision'])
    .where('manifestation_id', '=', sha256)
    .executeTakeFirst();
  if (!expression || expression.work_id === work.id) return null;
  const old = expression.work_id;
  const target = await db
    .selectFrom('works')
    .select('id')
    .where('id', '=', work.id)
    .executeTakeFirst();
  const now = new Date().toISOString();
  if (!target) {
    const previous = await db
      .selectFrom('works')
      .selectAll()
      .where('id', '=', old)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('works')
      .values({
        ...previous,
        id: work.id,
        symbol: work.symbol,
        body: work.body,
        doc_type: work.docType,
        created_at: now,
      })
      .execute();
  }
  // In the renamed work this text becomes the newest version of its language and revision.
  const version = await takeNextVersion(db, work.id, expression.lang, expression.revision);
  await db
    .updateTable('expressions')
    .set({ work_id: work.id, version, current: 1 })
    .where('id', '=', expression.id)
    .execute();
  // What hangs on the text follows it: its evidence, and its alignments (whose corrections
  // would otherwise go with the old work).
  await db
    .updateTable('evidence')
    .set({ work_id: work.id })
    .where('expression_id', '=', expression.id)
    .execute();
  await db
    .updateTable('alignments')
    .set({ work_id: work.id })
    .where((eb) =>
      eb.or([eb('expression_a', '=', expression.id), eb('expression_b', '=', expression.id)]),
    )
    .execute();
  // The renamed work takes the authors along unless it has its own; the old work keeps them
  // while other language versions remain in it (its row and authors go when none does).
  const targetAuthors = await db
    .selectFrom('work_authors')
    .select('position')
    .where('work_id', '=', work.id)
    .limit(1)
    .execute();
  if (targetAuthors.length === 0) {
    const authors = await db
      .selectFrom('work_authors')
      .selectAll()
      .where('work_id', '=', old)
      .orderBy('position')
      .execute();
    await insertChunked(
      db,
      'work_authors',
      authors.map((a) => ({ ...a, work_id: work.id })),
    );
  }
  const left = await db
    .selectFrom('expressions')
    .select('id')
    .where('work_id', '=', old)
    .limit(1)
    .execute();
  if (left.length === 0) {
    await db.deleteFrom('work_authors').where('work_id', '=', old).execute();
    await db.deleteFrom('works').where('id', '=', old).execute();
  }
  return old;
}
