/**
 * @module Evidence and assessments in the store: scanning current language versions for the
 * actions their paragraphs bear on (again whenever the suggester or the action descriptors
 * change), reviewing evidence (suggested → confirmed | rejected, each move a revision), evidence
 * made by hand, assessments per action × State × cycle (revisions), and the action × State matrix.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  ASSESSMENT_STATUSES,
  REVIEW_MOVES,
  STANCES,
  type AssessmentStatus,
  type EvidenceStatus,
  type MatchReason,
  type Stance,
} from '../domain/evidence.js';
import { invalidParameter, notFound } from '../domain/errors.js';
import type { Lang } from '../domain/language-codes.js';
import type { Action } from '../domain/model.js';
import { getExpression } from '../documents/document-queries.js';
import type { Database } from '../store/database.js';
import { canonicalActionId, listActions } from '../store/repositories/actions-repository.js';
import { listSegments } from '../store/repositories/documents-read.js';
import { listGroups, memberIdsOn } from '../store/repositories/groups-repository.js';
import { listMeetings } from '../store/repositories/meetings-repository.js';
import { insertChunked, insertNewChunked } from '../store/write-helpers.js';
import { descriptorsFrom, descriptorsHash } from './action-descriptors.js';
import { speakersOf } from './speakers.js';
import { createActionMatcher, SUGGESTER_VERSION, type ActionMatcher } from './suggest-actions.js';

/** Segments of these kinds are not statements of a position. */
const SKIPPED_KINDS = new Set(['title', 'heading', 'footnote']);
/** Suggestions kept per paragraph. */
const PER_PARAGRAPH = 5;

export function evidenceIdFor(actionId: string, expressionId: string, eId: string): string {
  return `ev_${createHash('sha256').update(`${actionId}|${expressionId}|${eId}`).digest('hex').slice(0, 24)}`;
}

const matchers = new Map<string, ActionMatcher>();

async function suggester(
  db: Kysely<Database>,
): Promise<{ method: string; matcher: ActionMatcher; actions: Action[] }> {
  const actions = await listActions(db, {});
  const descriptors = descriptorsFrom(actions);
  const method = `${SUGGESTER_VERSION}:${descriptorsHash(descriptors).slice(0, 16)}`;
  let matcher = matchers.get(method);
  if (!matcher) {
    matcher = createActionMatcher(descriptors);
    matchers.set(method, matcher);
  }
  return { method, matcher, actions };
}

export interface ScanResult {
  readonly scanned: number;
  readonly suggestions: number;
}

/**
 * Suggests evidence for every current language version not yet scanned by this suggester (all of
 * them with `force`). Reviewed and hand-made evidence stays as it is; suggestions for texts that
 * are no longer current go.
 */
export async function scanEvidence(
  db: Kysely<Database>,
  options: { force?: boolean } = {},
): Promise<ScanResult> {
  const { method, matcher } = await suggester(db);
  const [groups, meetings] = await Promise.all([listGroups(db), listMeetings(db)]);
  const cycleOf = new Map(meetings.map((m) => [m.id, m.cycle]));
  const stale = await db
    .selectFrom('expressions')
    .innerJoin('works', 'works.id', 'expressions.work_id')
    .leftJoin('evidence_scans', 'evidence_scans.expression_id', 'expressions.id')
    .select([
      'expressions.id',
      'expressions.work_id',
      'expressions.lang',
      'expressions.title',
      'expressions.date',
      'works.meeting_id',
      'evidence_scans.method',
    ])
    .where('expressions.current', '=', 1)
    .orderBy('expressions.id')
    .execute();
  const todo = stale.filter((row) => options.force === true || row.method !== method);
  let suggestions = 0;
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    // Suggestions for superseded texts are not evidence of anything current.
    const superseded = trx.selectFrom('expressions').select('id').where('current', '=', 0);
    await trx
      .deleteFrom('evidence')
      .where('expression_id', 'in', superseded)
      .where('status', '=', 'suggested')
      .where('origin', '=', 'suggested')
      .execute();
  });
  for (const row of todo) {
    const [segments, authors] = await Promise.all([
      listSegments(db, row.id),
      db
        .selectFrom('work_authors')
        .select(['kind', 'author_id as id'])
        .where('work_id', '=', row.work_id)
        .orderBy('position')
        .execute(),
    ]);
    const states = speakersOf({ authors, title: row.title, date: row.date }, groups);
    const cycle = row.meeting_id !== null ? (cycleOf.get(row.meeting_id) ?? null) : null;
    const found = segments.flatMap((segment) =>
      SKIPPED_KINDS.has(segment.kind)
        ? []
        : matcher.suggest(segment.text, row.lang as never, PER_PARAGRAPH).map((s) => ({
            id: evidenceIdFor(s.actionId, row.id, segment.eId),
            segment,
            suggestion: s,
          })),
    );
    suggestions += found.length;
    await db.transaction().execute(async (trx) => {
      const existing = new Map(
        (
          await trx
            .selectFrom('evidence')
            .select(['id', 'status', 'origin'])
            .where('expression_id', '=', row.id)
            .execute()
        ).map((e) => [e.id, e]),
      );
      const keep = new Set(found.map((f) => f.id));
      const gone = [...existing.values()]
        .filter((e) => !keep.has(e.id) && e.status === 'suggested' && e.origin === 'suggested')
        .map((e) => e.id);
      for (let i = 0; i < gone.length; i += 500)
        await trx
          .deleteFrom('evidence')
          .where('id', 'in', gone.slice(i, i + 500))
          .execute();
      const fresh = found.filter((f) => !existing.has(f.id));
      await insertNewChunked(
        trx,
        'evidence',
        fresh.map((f) => ({
          id: f.id,
          action_id: f.suggestion.actionId,
          work_id: row.work_id,
          expression_id: row.id,
          eid: f.segment.eId,
          lang: row.lang,
          cycle,
          score: f.suggestion.score,
          reasons: JSON.stringify(f.suggestion.reasons),
          status: 'suggested',
          stance: null,
          origin: 'suggested',
          updated_at: now,
        })),
      );
      await insertNewChunked(
        trx,
        'evidence_states',
        fresh.flatMap((f) => states.map((state) => ({ evidence_id: f.id, state_id: state }))),
      );
      for (const f of found.filter((x) => existing.has(x.id))) {
        await trx
          .updateTable('evidence')
          .set({ score: f.suggestion.score, reasons: JSON.stringify(f.suggestion.reasons) })
          .where('id', '=', f.id)
          .execute();
      }
      await trx
        .insertInto('evidence_scans')
        .values({ expression_id: row.id, method, scanned_at: now })
        .onConflict((oc) => oc.column('expression_id').doUpdateSet({ method, scanned_at: now }))
        .execute();
    });
  }
  return { scanned: todo.length, suggestions };
}

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

function actionIdOf(input: string): string {
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

function checkActor(actor: string): string {
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
    input.states?.map((s) => s.toUpperCase()) ??
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

export interface MatrixCell {
  readonly action: string;
  readonly state: string;
  readonly suggested: number;
  readonly confirmed: number;
  readonly assessment: {
    readonly status: AssessmentStatus;
    readonly actor: string;
    readonly at: string;
    readonly cycle: number;
  } | null;
}

export interface ActionStateMatrix {
  readonly actions: {
    readonly id: string;
    readonly number: number | null;
    readonly pillar: string;
  }[];
  readonly states: string[];
  /** Only cells with evidence or an assessment. */
  readonly cells: MatrixCell[];
}

export interface MatrixFilter {
  readonly cycle?: number | undefined;
  readonly group?: string | undefined;
  readonly pillar?: string | undefined;
}

export async function actionStateMatrix(
  db: Kysely<Database>,
  filter: MatrixFilter,
): Promise<ActionStateMatrix> {
  const actions = (await listActions(db, {})).filter(
    (a) => filter.pillar === undefined || a.pillar === filter.pillar,
  );
  const actionIds = new Set(actions.map((a) => a.id));
  let members: Set<string> | undefined;
  if (filter.group !== undefined) {
    const group = (await listGroups(db)).find((g) => g.id === filter.group!.toUpperCase());
    if (!group) throw invalidParameter('group', `no group '${filter.group}'`);
    members = memberIdsOn(
      group,
      filter.cycle !== undefined ? `${filter.cycle}-05-01` : new Date().toISOString().slice(0, 10),
    );
  }
  let counts = db
    .selectFrom('evidence')
    .innerJoin('evidence_states', 'evidence_states.evidence_id', 'evidence.id')
    .select([
      'evidence.action_id',
      'evidence_states.state_id',
      'evidence.status',
      (eb) => eb.fn.countAll<number>().as('n'),
    ])
    .where('evidence.status', '!=', 'rejected')
    .groupBy(['evidence.action_id', 'evidence_states.state_id', 'evidence.status']);
  if (filter.cycle !== undefined) counts = counts.where('evidence.cycle', '=', filter.cycle);
  const cells = new Map<
    string,
    {
      action: string;
      state: string;
      suggested: number;
      confirmed: number;
      assessment: MatrixCell['assessment'];
    }
  >();
  const cell = (action: string, state: string) => {
    const key = `${action}|${state}`;
    let c = cells.get(key);
    if (!c) {
      c = { action, state, suggested: 0, confirmed: 0, assessment: null };
      cells.set(key, c);
    }
    return c;
  };
  for (const row of await counts.execute()) {
    if (!actionIds.has(row.action_id) || (members && !members.has(row.state_id))) continue;
    const c = cell(row.action_id, row.state_id);
    if (row.status === 'confirmed') c.confirmed += Number(row.n);
    else c.suggested += Number(row.n);
  }
  for (const a of await listAssessments(
    db,
    filter.cycle !== undefined ? { cycle: filter.cycle } : {},
  )) {
    if (!actionIds.has(a.actionId) || (members && !members.has(a.stateId))) continue;
    const c = cell(a.actionId, a.stateId);
    if (!c.assessment || c.assessment.cycle <= a.cycle)
      c.assessment = { status: a.status, actor: a.actor, at: a.createdAt, cycle: a.cycle };
  }
  const states = [...new Set([...cells.values()].map((c) => c.state)), ...(members ?? [])];
  return {
    actions: actions.map((a) => ({ id: a.id, number: a.number, pillar: a.pillar })),
    states: [...new Set(states)].sort(),
    cells: [...cells.values()].sort(
      (x, y) => x.action.localeCompare(y.action) || x.state.localeCompare(y.state),
    ),
  };
}
