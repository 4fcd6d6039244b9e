/**
 * @module Scanning current language versions for Action Plan evidence: each paragraph's suggested
 * actions (suggest-actions.ts) stored as evidence with the States that speak (speakers.ts), again
 * whenever the suggester or the action descriptors change. Reviewed and hand-made evidence stays.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../store/database.js';
import { listActions } from '../store/repositories/actions-repository.js';
import { groupBy } from '../lib/collections.js';
import { listGroups } from '../store/repositories/groups-repository.js';
import { listMeetings } from '../store/repositories/meetings-repository.js';
import { insertChunked } from '../store/write-helpers.js';
import type { Action } from '../domain/model.js';
import { descriptorsFrom, descriptorsHash } from './action-descriptors.js';
import { speakersOf } from './speakers.js';
import { createActionMatcher, SUGGESTER_VERSION, type ActionMatcher } from './suggest-actions.js';

/** Segments of these kinds are not statements of a position. */
const SKIPPED_KINDS = new Set(['title', 'heading', 'footnote']);
/** Language versions read and written together. */
const SCAN_CHUNK = 200;
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
      'expressions.revision',
      'expressions.title',
      'expressions.date',
      'works.meeting_id',
      'evidence_scans.method',
    ])
    .where('expressions.current', '=', 1)
    .orderBy('expressions.id')
    .execute();
  // A revision supersedes the text before it (both stay current for reading): only the latest
  // revision of each language speaks, ordered as findExpression orders them.
  const latest = new Map<string, (typeof stale)[number]>();
  for (const row of stale) {
    const key = `${row.work_id}|${row.lang}`;
    const seen = latest.get(key);
    if (!seen || row.revision > seen.revision) latest.set(key, row);
  }
  const speaking = new Set([...latest.values()].map((row) => row.id));
  const revised = stale.filter((row) => !speaking.has(row.id)).map((row) => row.id);
  const todo = stale.filter(
    (row) => speaking.has(row.id) && (options.force === true || row.method !== method),
  );
  // Suggestions an assessment cites stay, found again or not.
  const cited = new Set(
    (await db.selectFrom('assessments').select('evidence_ids').execute()).flatMap(
      (a) => JSON.parse(a.evidence_ids) as string[],
    ),
  );
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
    for (let i = 0; i < revised.length; i += 500)
      await trx
        .deleteFrom('evidence')
        .where('expression_id', 'in', revised.slice(i, i + 500))
        .where('status', '=', 'suggested')
        .where('origin', '=', 'suggested')
        .execute();
  });
  // Chunks of language versions share their reads and one transaction: a transaction per text
  // cost more than the suggesting.
  for (let c = 0; c < todo.length; c += SCAN_CHUNK) {
    const chunk = todo.slice(c, c + SCAN_CHUNK);
    const ids = chunk.map((row) => row.id);
    const [segmentRows, authorRows] = await Promise.all([
      db
        .selectFrom('segments')
        .select(['expression_id', 'eid', 'kind', 'text'])
        .where('expression_id', 'in', ids)
        .orderBy('expression_id')
        .orderBy('position')
        .execute(),
      db
        .selectFrom('work_authors')
        .select(['work_id', 'kind', 'author_id as id'])
        .where('work_id', 'in', [...new Set(chunk.map((row) => row.work_id))])
        .orderBy('work_id')
        .orderBy('position')
        .execute(),
    ]);
    const segmentsOf = groupBy(segmentRows, (r) => r.expression_id);
    const authorsOf = groupBy(authorRows, (r) => r.work_id);
    const scanned = chunk.map((row) => {
      const states = speakersOf(
        { authors: authorsOf.get(row.work_id) ?? [], title: row.title, date: row.date },
        groups,
      );
      const cycle = row.meeting_id !== null ? (cycleOf.get(row.meeting_id) ?? null) : null;
      const found = (segmentsOf.get(row.id) ?? []).flatMap((segment) =>
        SKIPPED_KINDS.has(segment.kind)
          ? []
          : matcher.suggest(segment.text, row.lang as never, PER_PARAGRAPH).map((s) => ({
              id: evidenceIdFor(s.actionId, row.id, segment.eid),
              eId: segment.eid,
              suggestion: s,
            })),
      );
      suggestions += found.length;
      return { row, states, cycle, found };
    });
    await db.transaction().execute(async (trx) => {
      const existing = new Map(
        (
          await trx
            .selectFrom('evidence')
            .select(['id', 'status', 'origin'])
            .where('expression_id', 'in', ids)
            .execute()
        ).map((e) => [e.id, e]),
      );
      const keep = new Set(scanned.flatMap((x) => x.found.map((f) => f.id)));
      const gone = [...existing.values()]
        .filter(
          (e) =>
            !keep.has(e.id) &&
            !cited.has(e.id) &&
            e.status === 'suggested' &&
            e.origin === 'suggested',
        )
        .map((e) => e.id);
      // The status is checked again in the delete: a reviewer may have confirmed one meanwhile.
      for (let i = 0; i < gone.length; i += 500)
        await trx
          .deleteFrom('evidence')
          .where('id', 'in', gone.slice(i, i + 500))
          .where('status', '=', 'suggested')
          .where('origin', '=', 'suggested')
          .execute();
      const fresh = scanned.flatMap((x) =>
        x.found.filter((f) => !existing.has(f.id)).map((f) => ({ ...x, f })),
      );
      await insertChunked(
        trx,
        'evidence',
        fresh.map(({ row, cycle, f }) => ({
          id: f.id,
          action_id: f.suggestion.actionId,
          work_id: row.work_id,
          expression_id: row.id,
          eid: f.eId,
          lang: row.lang,
          cycle,
          score: f.suggestion.score,
          reasons: JSON.stringify(f.suggestion.reasons),
          status: 'suggested',
          stance: null,
          origin: 'suggested',
          updated_at: now,
        })),
        { skipExisting: true },
      );
      await insertChunked(
        trx,
        'evidence_states',
        fresh.flatMap(({ states, f }) =>
          states.map((state) => ({ evidence_id: f.id, state_id: state })),
        ),
        { skipExisting: true },
      );
      // Suggestions found again take the document's present speakers and meeting; reviewed
      // evidence keeps what the reviewer saw.
      for (const { f, states, cycle } of scanned.flatMap((x) =>
        x.found.filter((f) => existing.has(f.id)).map((f) => ({ ...x, f })),
      )) {
        await trx
          .updateTable('evidence')
          .set({ score: f.suggestion.score, reasons: JSON.stringify(f.suggestion.reasons) })
          .where('id', '=', f.id)
          .execute();
        if (existing.get(f.id)?.status !== 'suggested') continue;
        await trx.updateTable('evidence').set({ cycle }).where('id', '=', f.id).execute();
        await trx.deleteFrom('evidence_states').where('evidence_id', '=', f.id).execute();
        await insertChunked(
          trx,
          'evidence_states',
          states.map((state) => ({ evidence_id: f.id, state_id: state })),
          { skipExisting: true },
        );
      }
      for (const row of chunk) {
        await trx
          .insertInto('evidence_scans')
          .values({ expression_id: row.id, method, scanned_at: now })
          .onConflict((oc) => oc.column('expression_id').doUpdateSet({ method, scanned_at: now }))
          .execute();
      }
    });
  }
  return { scanned: todo.length, suggestions };
}
