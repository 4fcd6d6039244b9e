/**
 * @module Reading evidence back: filtered lists with the paragraph's text and the States, and the
 * review history of one piece of evidence.
 */
import type { Kysely } from 'kysely';
import type { EvidenceStatus, MatchReason, Stance } from '../domain/evidence.js';
import { invalidParameter } from '../domain/errors.js';
import type { Lang } from '../domain/language-codes.js';
import type { Database } from '../store/database.js';
import { canonicalActionId } from '../store/repositories/actions-repository.js';

export interface EvidenceItem {
  readonly id: string;
  readonly actionId: string;
  readonly document: string;
  /** The language version's title (what to cite a document without a symbol by). */
  readonly title: string | null;
  readonly workId: string;
  readonly expressionId: string;
  readonly eId: string;
  readonly lang: Lang | 'und';
  readonly text: string;
  readonly cycle: number | null;
  readonly score: number;
  readonly reasons: MatchReason[];
  readonly states: string[];
  readonly status: EvidenceStatus;
  readonly stance: Stance | null;
  readonly origin: 'suggested' | 'manual';
  readonly updatedAt: string;
}

export interface EvidenceFilter {
  readonly action?: string | undefined;
  readonly state?: string | undefined;
  readonly status?: EvidenceStatus | undefined;
  readonly cycle?: number | undefined;
  readonly document?: string | undefined;
  readonly limit: number;
  readonly offset: number;
}

export function actionIdOf(input: string): string {
  const id = canonicalActionId(input);
  if (!id)
    throw invalidParameter(
      'action',
      `'${input}' is not an action of the 2010 Action Plan (1–64, or ME)`,
    );
  return id;
}

export async function listEvidence(
  db: Kysely<Database>,
  filter: EvidenceFilter,
): Promise<{ items: EvidenceItem[]; total: number }> {
  let query = db
    .selectFrom('evidence')
    .innerJoin('works', 'works.id', 'evidence.work_id')
    .innerJoin('expressions', 'expressions.id', 'evidence.expression_id')
    .innerJoin('segments', (join) =>
      join
        .onRef('segments.expression_id', '=', 'evidence.expression_id')
        .onRef('segments.eid', '=', 'evidence.eid'),
    );
  if (filter.action !== undefined)
    query = query.where('evidence.action_id', '=', actionIdOf(filter.action));
  if (filter.status !== undefined) query = query.where('evidence.status', '=', filter.status);
  else query = query.where('evidence.status', '!=', 'rejected');
  if (filter.cycle !== undefined) query = query.where('evidence.cycle', '=', filter.cycle);
  if (filter.document !== undefined) query = query.where('works.symbol', '=', filter.document);
  if (filter.state !== undefined) {
    const state = filter.state.toUpperCase();
    query = query.where('evidence.id', 'in', (eb) =>
      eb.selectFrom('evidence_states').select('evidence_id').where('state_id', '=', state),
    );
  }
  const total = await query
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await query
    .select([
      'evidence.id',
      'evidence.action_id',
      'evidence.work_id',
      'evidence.expression_id',
      'evidence.eid',
      'evidence.lang',
      'evidence.cycle',
      'evidence.score',
      'evidence.reasons',
      'evidence.status',
      'evidence.stance',
      'evidence.origin',
      'evidence.updated_at',
      'works.symbol',
      'expressions.title',
      'segments.text',
      'segments.position',
    ])
    .orderBy('evidence.status')
    .orderBy('evidence.score', 'desc')
    .orderBy('evidence.id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  const states = await statesOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      id: r.id,
      actionId: r.action_id,
      document: r.symbol ?? r.work_id,
      title: r.title,
      workId: r.work_id,
      expressionId: r.expression_id,
      eId: r.eid,
      lang: r.lang as Lang | 'und',
      text: r.text,
      cycle: r.cycle === null ? null : Number(r.cycle),
      score: Number(r.score),
      reasons: JSON.parse(r.reasons) as MatchReason[],
      states: states.get(r.id) ?? [],
      status: r.status as EvidenceStatus,
      stance: r.stance as Stance | null,
      origin: r.origin === 'manual' ? 'manual' : 'suggested',
      updatedAt: r.updated_at,
    })),
  };
}

async function statesOf(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('evidence_states')
      .select(['evidence_id', 'state_id'])
      .where('evidence_id', 'in', ids.slice(i, i + 500))
      .orderBy('state_id')
      .execute();
    for (const row of rows)
      out.set(row.evidence_id, [...(out.get(row.evidence_id) ?? []), row.state_id]);
  }
  return out;
}

export interface EvidenceRevision {
  readonly revision: number;
  readonly status: EvidenceStatus;
  readonly stance: Stance | null;
  readonly actor: string;
  readonly comment: string | null;
  readonly createdAt: string;
}

export async function evidenceHistory(
  db: Kysely<Database>,
  id: string,
): Promise<EvidenceRevision[]> {
  const rows = await db
    .selectFrom('evidence_revisions')
    .selectAll()
    .where('evidence_id', '=', id)
    .orderBy('revision')
    .execute();
  return rows.map((r) => ({
    revision: Number(r.revision),
    status: r.status as EvidenceStatus,
    stance: r.stance as Stance | null,
    actor: r.actor,
    comment: r.comment,
    createdAt: r.created_at,
  }));
}
