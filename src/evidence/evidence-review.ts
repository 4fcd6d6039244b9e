/**
 * @module People's decisions on evidence: review moves (suggested → confirmed | rejected, and
 * back) and evidence linked by hand, each kept as a revision with actor, time and comment.
 */
import type { Kysely } from 'kysely';
import { REVIEW_MOVES, STANCES, type EvidenceStatus, type Stance } from '../domain/evidence.js';
import { invalidParameter, notFound } from '../domain/errors.js';
import { getExpression } from '../documents/document-queries.js';
import type { Database } from '../store/database.js';
import { listGroups } from '../store/repositories/groups-repository.js';
import { listMeetings } from '../store/repositories/meetings-repository.js';
import { insertChunked, lockKey } from '../store/write-helpers.js';
import { actionIdOf, evidenceHistory, type EvidenceRevision } from './evidence-queries.js';
import { evidenceIdFor } from './scan-evidence.js';
import { speakersOf } from './speakers.js';

export function checkActor(actor: string): string {
  const trimmed = actor.trim();
  if (trimmed === '') throw invalidParameter('actor', 'say who makes this decision');
  return trimmed;
}

function checkStance(stance: string | null | undefined): Stance | null {
  if (stance === undefined || stance === null) return null;
  if (!(STANCES as readonly string[]).includes(stance))
    throw invalidParameter('stance', `expected one of ${STANCES.join(', ')}, got '${stance}'`);
  return stance as Stance;
}

async function addRevision(
  trx: Kysely<Database>,
  id: string,
  values: { status: EvidenceStatus; stance: Stance | null; actor: string; comment: string | null },
  now: string,
): Promise<void> {
  const last = await trx
    .selectFrom('evidence_revisions')
    .select((eb) => eb.fn.max('revision').as('revision'))
    .where('evidence_id', '=', id)
    .executeTakeFirst();
  await trx
    .insertInto('evidence_revisions')
    .values({
      evidence_id: id,
      revision: Number(last?.revision ?? 0) + 1,
      ...values,
      created_at: now,
    })
    .execute();
}

export interface ReviewRequest {
  readonly id: string;
  readonly status: EvidenceStatus;
  readonly stance?: string | null;
  readonly actor: string;
  readonly comment?: string | null;
}

/** Moves evidence to a new status (or gives it a stance), as a new revision. */
export async function reviewEvidence(
  db: Kysely<Database>,
  request: ReviewRequest,
): Promise<EvidenceRevision[]> {
  const actor = checkActor(request.actor);
  const stance = checkStance(request.stance);
  return db.transaction().execute(async (trx) => {
    await lockKey(trx, `evidence:${request.id}`);
    const row = await trx
      .selectFrom('evidence')
      .select(['status', 'stance'])
      .where('id', '=', request.id)
      .executeTakeFirst();
    if (!row) throw notFound('evidence', request.id);
    const from = row.status as EvidenceStatus;
    const nextStance = request.stance === undefined ? (row.stance as Stance | null) : stance;
    if (from === request.status && nextStance === row.stance)
      throw invalidParameter('status', `the evidence is already ${from}`);
    if (from !== request.status && !REVIEW_MOVES[from].includes(request.status))
      throw invalidParameter('status', `evidence that is ${from} cannot become ${request.status}`);
    const now = new Date().toISOString();
    await trx
      .updateTable('evidence')
      .set({ status: request.status, stance: nextStance, updated_at: now })
      .where('id', '=', request.id)
      .execute();
    await addRevision(
      trx,
      request.id,
      { status: request.status, stance: nextStance, actor, comment: request.comment ?? null },
      now,
    );
    return evidenceHistory(trx, request.id);
  });
}

export interface ManualEvidence {
  readonly symbol: string;
  readonly lang: string;
  readonly eId: string;
  readonly action: string;
  readonly stance?: string | null;
  /** The States it speaks for; the document's speakers by default. */
  readonly states?: readonly string[];
  readonly actor: string;
  readonly comment?: string | null;
}

/** Evidence a person links by hand: confirmed at once, kept through every re-scan. */
export async function addEvidence(db: Kysely<Database>, input: ManualEvidence): Promise<string> {
  const actor = checkActor(input.actor);
  const stance = checkStance(input.stance);
  const actionId = actionIdOf(input.action);
  const { work, expression, segments } = await getExpression(db, input.symbol, input.lang);
  const segment = segments.find((s) => s.eId === input.eId);
  if (!segment) throw notFound('segment', `${input.symbol} ${input.lang} ${input.eId}`);
  const [groups, meetings] = await Promise.all([listGroups(db), listMeetings(db)]);
  const states =
    (input.states ? [...new Set(input.states.map((s) => s.toUpperCase()))] : undefined) ??
    speakersOf(
      {
        authors: work.authors.map((a) => ({ kind: a.kind, id: a.id })),
        title: expression.title,
        date: expression.date,
      },
      groups,
    );
  const known = new Set((await db.selectFrom('states').select('id').execute()).map((s) => s.id));
  for (const s of states) if (!known.has(s)) throw invalidParameter('states', `no State '${s}'`);
  const cycle = meetings.find((m) => m.id === work.meetingId)?.cycle ?? null;
  const id = evidenceIdFor(actionId, expression.id, segment.eId);
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await lockKey(trx, `evidence:${id}`);
    const existing = await trx
      .selectFrom('evidence')
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    if (existing) {
      await trx
        .updateTable('evidence')
        .set({ status: 'confirmed', stance, origin: 'manual', updated_at: now })
        .where('id', '=', id)
        .execute();
      await trx.deleteFrom('evidence_states').where('evidence_id', '=', id).execute();
    } else {
      await trx
        .insertInto('evidence')
        .values({
          id,
          action_id: actionId,
          work_id: work.id,
          expression_id: expression.id,
          eid: segment.eId,
          lang: expression.lang,
          cycle,
          score: 1,
          reasons: '[]',
          status: 'confirmed',
          stance,
          origin: 'manual',
          updated_at: now,
        })
        .execute();
    }
    await insertChunked(
      trx,
      'evidence_states',
      states.map((state) => ({ evidence_id: id, state_id: state })),
    );
    await addRevision(
      trx,
      id,
      { status: 'confirmed', stance, actor, comment: input.comment ?? null },
      now,
    );
  });
  return id;
}
