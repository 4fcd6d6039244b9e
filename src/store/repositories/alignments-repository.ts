/**
 * @module Stored alignments: one per pair of expressions (kept in one orientation, see
 * align-work.ts), its links in order, and the corrections people made, as numbered revisions.
 */
import type { Kysely } from 'kysely';
import type { AlignmentCorrection, LinkOrigin } from '../../domain/alignment.js';
import type { Database } from '../database.js';
import { insertChunked, lockKey } from '../write-helpers.js';

export interface AlignmentHeader {
  readonly id: string;
  readonly workId: string;
  readonly expressionA: string;
  readonly expressionB: string;
  readonly method: string;
  readonly corrections: number;
  readonly alignedAt: string;
}

/** A link as stored: segment positions of each side (consecutive), score and origin. */
export interface StoredLink {
  readonly a: readonly number[];
  readonly b: readonly number[];
  readonly score: number;
  readonly origin: LinkOrigin;
}

export interface CorrectionRecord {
  readonly revision: number;
  readonly correction: AlignmentCorrection;
  readonly actor: string;
  readonly comment: string | null;
  readonly createdAt: string;
}

/** The id of the alignment of two expressions (expression ids are content hashes already). */
export function alignmentIdFor(expressionA: string, expressionB: string): string {
  return `al_${expressionA}_${expressionB}`;
}

export async function findAlignment(
  db: Kysely<Database>,
  id: string,
): Promise<AlignmentHeader | undefined> {
  const row = await db.selectFrom('alignments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    workId: row.work_id,
    expressionA: row.expression_a,
    expressionB: row.expression_b,
    method: row.method,
    corrections: Number(row.corrections),
    alignedAt: row.aligned_at,
  };
}

function range(from: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => from + i);
}

export async function listLinks(db: Kysely<Database>, alignmentId: string): Promise<StoredLink[]> {
  const rows = await db
    .selectFrom('alignment_links')
    .selectAll()
    .where('alignment_id', '=', alignmentId)
    .orderBy('position')
    .execute();
  return rows.map((row) => ({
    a: range(Number(row.a_from), Number(row.a_count)),
    b: range(Number(row.b_from), Number(row.b_count)),
    score: Number(row.score),
    origin: row.origin === 'manual' ? 'manual' : 'auto',
  }));
}

export async function listCorrections(
  db: Kysely<Database>,
  alignmentId: string,
): Promise<CorrectionRecord[]> {
  const rows = await db
    .selectFrom('alignment_corrections')
    .selectAll()
    .where('alignment_id', '=', alignmentId)
    .orderBy('revision')
    .execute();
  return rows.map((row) => ({
    revision: Number(row.revision),
    correction: {
      op: row.op === 'unlink' ? 'unlink' : 'link',
      a: JSON.parse(row.a_eids) as string[],
      b: JSON.parse(row.b_eids) as string[],
    },
    actor: row.actor,
    comment: row.comment,
    createdAt: row.created_at,
  }));
}

/**
 * Replaces the alignment's links (creating the alignment on first use). Runs in the caller's
 * transaction: links and header change together or not at all.
 */
export async function saveAlignment(
  db: Kysely<Database>,
  header: AlignmentHeader & { langA: string; langB: string },
  links: readonly StoredLink[],
): Promise<void> {
  const values = {
    work_id: header.workId,
    expression_a: header.expressionA,
    expression_b: header.expressionB,
    lang_a: header.langA,
    lang_b: header.langB,
    method: header.method,
    corrections: header.corrections,
    aligned_at: header.alignedAt,
  };
  await db
    .insertInto('alignments')
    .values({ id: header.id, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
  await db.deleteFrom('alignment_links').where('alignment_id', '=', header.id).execute();
  await insertChunked(
    db,
    'alignment_links',
    links.map((link, position) => ({
      alignment_id: header.id,
      position,
      a_from: link.a[0] ?? firstAfter(links, position, 'a'),
      a_count: link.a.length,
      b_from: link.b[0] ?? firstAfter(links, position, 'b'),
      b_count: link.b.length,
      score: link.score,
      origin: link.origin,
    })),
  );
}

/** Where an empty side of a link sits: the next position that side uses (order is kept). */
function firstAfter(links: readonly StoredLink[], position: number, side: 'a' | 'b'): number {
  for (let i = position + 1; i < links.length; i++) {
    const first = links[i]?.[side][0];
    if (first !== undefined) return first;
  }
  for (let i = position - 1; i >= 0; i--) {
    const units = links[i]?.[side] ?? [];
    if (units.length > 0) return (units[units.length - 1] ?? 0) + 1;
  }
  return 0;
}

/** Adds a correction as the next revision; returns its number. */
export async function addCorrection(
  db: Kysely<Database>,
  alignmentId: string,
  record: Omit<CorrectionRecord, 'revision'>,
): Promise<number> {
  await lockKey(db, `alignment:${alignmentId}`);
  const last = await db
    .selectFrom('alignment_corrections')
    .select((eb) => eb.fn.max('revision').as('revision'))
    .where('alignment_id', '=', alignmentId)
    .executeTakeFirst();
  const revision = Number(last?.revision ?? 0) + 1;
  await db
    .insertInto('alignment_corrections')
    .values({
      alignment_id: alignmentId,
      revision,
      op: record.correction.op,
      a_eids: JSON.stringify(record.correction.a),
      b_eids: JSON.stringify(record.correction.b),
      actor: record.actor,
      comment: record.comment,
      created_at: record.createdAt,
    })
    .execute();
  return revision;
}
