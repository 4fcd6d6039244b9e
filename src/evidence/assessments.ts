/**
 * @module Assessments per action × State × review cycle: judgements with a status, a rationale
 * and the evidence they cite, each a new revision; the latest one counts.
 */
import type { Kysely } from 'kysely';
import { ASSESSMENT_STATUSES, type AssessmentStatus } from '../domain/evidence.js';
import { invalidParameter } from '../domain/errors.js';
import type { Database } from '../store/database.js';
import { lockKey } from '../store/write-helpers.js';
import { actionIdOf } from './evidence-queries.js';
import { checkActor } from './evidence-review.js';

export interface Assessment {
  readonly actionId: string;
  readonly stateId: string;
  readonly cycle: number;
  readonly revision: number;
  readonly status: AssessmentStatus;
  readonly rationale: string;
  readonly evidenceIds: string[];
  readonly actor: string;
  readonly createdAt: string;
}

export interface AssessmentRequest {
  readonly action: string;
  readonly state: string;
  readonly cycle: number;
  readonly status: string;
  readonly rationale: string;
  readonly evidenceIds?: readonly string[];
  readonly actor: string;
}

/** Records an assessment as the next revision for its action, State and cycle. */
export async function assess(
  db: Kysely<Database>,
  request: AssessmentRequest,
): Promise<Assessment[]> {
  const actor = checkActor(request.actor);
  const actionId = actionIdOf(request.action);
  const stateId = request.state.toUpperCase();
  if (!(ASSESSMENT_STATUSES as readonly string[]).includes(request.status))
    throw invalidParameter(
      'status',
      `expected one of ${ASSESSMENT_STATUSES.join(', ')}, got '${request.status}'`,
    );
  if (!Number.isInteger(request.cycle) || request.cycle < 1995 || request.cycle > 2100)
    throw invalidParameter(
      'cycle',
      `expected a review cycle year such as 2015, got '${request.cycle}'`,
    );
  if (request.rationale.trim() === '')
    throw invalidParameter('rationale', 'give the reasons for the assessment');
  const state = await db
    .selectFrom('states')
    .select('id')
    .where('id', '=', stateId)
    .executeTakeFirst();
  if (!state) throw invalidParameter('state', `no State '${request.state}'`);
  const evidenceIds = [...(request.evidenceIds ?? [])];
  if (evidenceIds.length > 0) {
    const found = new Set(
      (await db.selectFrom('evidence').select('id').where('id', 'in', evidenceIds).execute()).map(
        (e) => e.id,
      ),
    );
    const missing = evidenceIds.find((id) => !found.has(id));
    if (missing) throw invalidParameter('evidenceIds', `no evidence '${missing}'`);
  }
  return db.transaction().execute(async (trx) => {
    await lockKey(trx, `assessment:${actionId}|${stateId}|${request.cycle}`);
    const last = await trx
      .selectFrom('assessments')
      .select((eb) => eb.fn.max('revision').as('revision'))
      .where('action_id', '=', actionId)
      .where('state_id', '=', stateId)
      .where('cycle', '=', request.cycle)
      .executeTakeFirst();
    await trx
      .insertInto('assessments')
      .values({
        action_id: actionId,
        state_id: stateId,
        cycle: request.cycle,
        revision: Number(last?.revision ?? 0) + 1,
        status: request.status,
        rationale: request.rationale.trim(),
        evidence_ids: JSON.stringify(evidenceIds),
        actor,
        created_at: new Date().toISOString(),
      })
      .execute();
    return listAssessments(trx, {
      action: actionId,
      state: stateId,
      cycle: request.cycle,
      history: true,
    });
  });
}

export async function listAssessments(
  db: Kysely<Database>,
  filter: { action?: string; state?: string; cycle?: number; history?: boolean },
): Promise<Assessment[]> {
  let query = db.selectFrom('assessments').selectAll();
  if (filter.action !== undefined) query = query.where('action_id', '=', actionIdOf(filter.action));
  if (filter.state !== undefined) query = query.where('state_id', '=', filter.state.toUpperCase());
  if (filter.cycle !== undefined) query = query.where('cycle', '=', filter.cycle);
  const rows = await query
    .orderBy('action_id')
    .orderBy('state_id')
    .orderBy('cycle')
    .orderBy('revision')
    .execute();
  const all = rows.map((r) => ({
    actionId: r.action_id,
    stateId: r.state_id,
    cycle: Number(r.cycle),
    revision: Number(r.revision),
    status: r.status as AssessmentStatus,
    rationale: r.rationale,
    evidenceIds: JSON.parse(r.evidence_ids) as string[],
    actor: r.actor,
    createdAt: r.created_at,
  }));
  if (filter.history === true) return all;
  // The latest revision of each action × State × cycle.
  const latest = new Map<string, Assessment>();
  for (const a of all) latest.set(`${a.actionId}|${a.stateId}|${a.cycle}`, a);
  return [...latest.values()];
}
