/**
 * @module The action × State matrix: per cell, the evidence counts (rejected left out) and the
 * latest assessment, filtered by cycle, group (members on the cycle's date) and pillar.
 */
import type { Kysely } from 'kysely';
import type { AssessmentStatus } from '../domain/evidence.js';
import { invalidParameter } from '../domain/errors.js';
import type { Database } from '../store/database.js';
import { listActions } from '../store/repositories/actions-repository.js';
import { listGroups, memberIdsOn } from '../store/repositories/groups-repository.js';
import { listAssessments } from './assessments.js';

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
