/**
 * @module Changing reports: start one (blank or from a previous cycle's), edit a section (against
 * the revision it was based on; a stale edit is refused with both texts), and move a version
 * through the workflow. Each change and its audit entry commit in one transaction, under a
 * per-report lock so two processes cannot both take the next revision.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendAudit } from '../audit/audit-log.js';
import { actorName, type Principal, type User } from '../domain/accounts.js';
import { invalidParameter, notFound, PillarsError } from '../domain/errors.js';
import { isLang } from '../domain/language-codes.js';
import {
  cycleSchema,
  REPORT_VISIBILITIES,
  SECTION_TEXT_MAX,
  type ReportSections,
  type ReportTransition,
  type ReportVersion,
  type ReportVisibility,
} from '../domain/reporting.js';
import type { Database, ReportVersionsTable } from '../store/database.js';
import { findStateByCode } from '../store/repositories/states-repository.js';
import { lockKey } from '../store/write-helpers.js';
import { carryOver, contentHash } from './report-content.js';
import { getReport, loadReport, versionFromRow, type StoredReport } from './report-queries.js';
import { getTemplate, latestTemplateOfKind } from './report-templates.js';
import { checkTransition, EDITABLE } from './report-workflow.js';

const NWS = new Set(['CHN', 'FRA', 'GBR', 'RUS', 'USA']);

function delegateOf(principal: Principal): User & { stateCode: string } {
  if (
    principal.kind !== 'user' ||
    principal.user.role !== 'delegate' ||
    principal.user.stateCode === null
  )
    throw new PillarsError('forbidden', 'only a delegate writes a report, for their own State');
  return principal.user as User & { stateCode: string };
}

/** The report's newest version, locked against other writers until the transaction ends. */
async function lockNewestVersion(trx: Kysely<Database>, reportId: string): Promise<ReportVersion> {
  await lockKey(trx, `report:${reportId}`);
  const row = await trx
    .selectFrom('report_versions')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow();
  return versionFromRow(row);
}

/** A new version row: a draft, with nothing submitted or published yet. */
function draftVersion(
  reportId: string,
  version: number,
  revision: number,
  sections: ReportSections,
  actor: string,
  now: string,
): ReportVersionsTable {
  return {
    report_id: reportId,
    version,
    status: 'draft',
    revision,
    sections: JSON.stringify(sections),
    content_hash: null,
    created_at: now,
    created_by: actor,
    updated_at: now,
    updated_by: actor,
    submitted_at: null,
    published_at: null,
    published_symbol: null,
  };
}

export interface NewReport {
  readonly cycle: string;
  readonly visibility?: ReportVisibility | undefined;
  readonly lang?: string | undefined;
  readonly title?: string | undefined;
  /** A previous report of the same State to start from. */
  readonly from?: string | undefined;
}

export async function createReport(
  db: Kysely<Database>,
  principal: Principal,
  input: NewReport,
): Promise<StoredReport> {
  const user = delegateOf(principal);
  const cycle = cycleSchema.safeParse(input.cycle);
  if (!cycle.success) throw invalidParameter('cycle', cycle.error.issues[0]!.message);
  const visibility = input.visibility ?? 'public';
  if (!REPORT_VISIBILITIES.includes(visibility))
    throw invalidParameter('visibility', `expected ${REPORT_VISIBILITIES.join(' or ')}`);
  const lang = input.lang ?? 'en';
  if (!isLang(lang)) throw invalidParameter('lang', 'expected one of ar, zh, en, fr, ru, es');
  const template = await latestTemplateOfKind(db, NWS.has(user.stateCode) ? 'nws' : 'nnws');
  let sections: Record<string, string> = {};
  if (input.from !== undefined) {
    const previous = await getReport(db, principal, input.from);
    if (previous.stateCode !== user.stateCode) throw notFound('report', input.from);
    const source = previous.versions.at(-1)!;
    sections = carryOver(source.sections, template);
  }
  const state = await findStateByCode(db, user.stateCode);
  const title =
    input.title?.trim() ||
    `National report of ${state?.names.en?.short ?? user.stateCode} on the implementation of the Treaty (${cycle.data} review cycle)`;
  const id = randomUUID();
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await lockKey(trx, `reports:${user.stateCode}:${cycle.data}`);
    const versions = await trx
      .selectFrom('reports')
      .innerJoin('report_versions', 'report_versions.report_id', 'reports.id')
      .select(['reports.id', 'report_versions.version', 'report_versions.status'])
      .where('reports.state_code', '=', user.stateCode)
      .where('reports.cycle', '=', cycle.data)
      .execute();
    // A report makes way for a new one only when its newest version was withdrawn and nothing of
    // it was ever published: a published report revised into a withdrawn draft still stands.
    const standing = new Map<string, { newest: number; status: string; published: boolean }>();
    for (const v of versions) {
      const seen = standing.get(v.id) ?? { newest: 0, status: 'draft', published: false };
      const newer = Number(v.version) > seen.newest;
      standing.set(v.id, {
        newest: newer ? Number(v.version) : seen.newest,
        status: newer ? v.status : seen.status,
        published: seen.published || v.status === 'published',
      });
    }
    const live = [...standing]
      .map(([id, r]) => ({ id, ...r }))
      .find((r) => r.published || r.status !== 'withdrawn');
    if (live)
      throw new PillarsError(
        'conflict',
        `${user.stateCode} already has a report for the ${cycle.data} cycle`,
        {
          field: 'cycle',
          detail: { report: live.id },
        },
      );
    await trx
      .insertInto('reports')
      .values({
        id,
        state_code: user.stateCode,
        cycle: cycle.data,
        title: title.slice(0, 500),
        lang,
        template_id: template.id,
        template_version: template.version,
        visibility,
        derived_from: input.from ?? null,
        created_at: now,
        created_by: user.username,
      })
      .execute();
    await trx
      .insertInto('report_versions')
      .values(draftVersion(id, 1, 0, sections, user.username, now))
      .execute();
    await appendAudit(trx, {
      actor: user.username,
      action: 'report.create',
      target: `report:${id}`,
      detail: {
        state: user.stateCode,
        cycle: cycle.data,
        template: `${template.id}@${template.version}`,
        from: input.from ?? null,
      },
    });
  });
  return (await loadReport(db, id))!;
}

export interface SectionEdit {
  readonly text: string;
  readonly baseVersion: number;
  readonly baseRevision: number;
}

export interface EditResult {
  readonly version: number;
  readonly revision: number;
  readonly status: ReportVersion['status'];
  /** Whether this edit started a new version (the base had been submitted). */
  readonly newVersion: boolean;
  /** The server's time of the save, for "saved at". */
  readonly updatedAt: string;
}

export async function editSection(
  db: Kysely<Database>,
  principal: Principal,
  reportId: string,
  sectionId: string,
  edit: SectionEdit,
): Promise<EditResult> {
  const report = await getReport(db, principal, reportId);
  const user = delegateOf(principal);
  if (user.stateCode !== report.stateCode) throw notFound('report', reportId);
  const template = await getTemplate(db, report.templateId, report.templateVersion);
  if (!template.sections.some((s) => s.id === sectionId))
    throw invalidParameter('section', `the template has no section '${sectionId}'`);
  if (edit.text.length > SECTION_TEXT_MAX)
    throw invalidParameter('text', `a section holds at most ${SECTION_TEXT_MAX} characters`);
  return db.transaction().execute(async (trx) => {
    const latest = await lockNewestVersion(trx, reportId);
    // Stale only if this section changed since the base: two delegates on two sections of the
    // same version do not collide.
    const stale =
      latest.version !== edit.baseVersion ||
      (latest.revision !== edit.baseRevision &&
        (edit.baseRevision > latest.revision ||
          (await trx
            .selectFrom('report_edits')
            .select('revision')
            .where('report_id', '=', reportId)
            .where('version', '=', latest.version)
            .where('section_id', '=', sectionId)
            .where('revision', '>', edit.baseRevision)
            .executeTakeFirst()) !== undefined));
    if (stale)
      throw new PillarsError(
        'conflict',
        `this edit was based on version ${edit.baseVersion} revision ${edit.baseRevision}, but the report is at version ${latest.version} revision ${latest.revision} (changed by ${latest.updatedBy} at ${latest.updatedAt}); nothing was overwritten`,
        {
          field: 'baseRevision',
          detail: {
            current: {
              version: latest.version,
              revision: latest.revision,
              status: latest.status,
              text: latest.sections[sectionId] ?? '',
              updatedBy: latest.updatedBy,
              updatedAt: latest.updatedAt,
            },
            yours: { version: edit.baseVersion, revision: edit.baseRevision, text: edit.text },
          },
        },
      );
    if (latest.status === 'withdrawn')
      throw new PillarsError('invalid_transition', 'the report was withdrawn; start a new one');
    const now = new Date().toISOString();
    const sections = { ...latest.sections, [sectionId]: edit.text };
    let version = latest.version;
    let revision = latest.revision + 1;
    const newVersion = !EDITABLE.includes(latest.status);
    if (newVersion) {
      // A submitted or published version never changes: the edit starts the next version.
      version = latest.version + 1;
      revision = 1;
      await trx
        .insertInto('report_versions')
        .values(draftVersion(reportId, version, revision, sections, user.username, now))
        .execute();
    } else {
      const updated = await trx
        .updateTable('report_versions')
        .set({
          sections: JSON.stringify(sections),
          revision,
          updated_at: now,
          updated_by: user.username,
        })
        .where('report_id', '=', reportId)
        .where('version', '=', version)
        .where('status', 'in', [...EDITABLE])
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1)
        throw new PillarsError('conflict', 'the version changed state meanwhile');
    }
    await trx
      .insertInto('report_edits')
      .values({
        report_id: reportId,
        version,
        revision,
        section_id: sectionId,
        text: edit.text,
        actor: user.username,
        created_at: now,
      })
      .execute();
    await appendAudit(trx, {
      actor: user.username,
      action: newVersion ? 'report.version' : 'report.edit',
      target: `report:${reportId}`,
      detail: { version, revision, section: sectionId, characters: edit.text.length },
    });
    return {
      version,
      revision,
      status: newVersion ? 'draft' : latest.status,
      newVersion,
      updatedAt: now,
    };
  });
}

export interface TransitionRequest {
  readonly transition: ReportTransition;
  /** The version the asker saw: a transition of a version that moved on is refused. */
  readonly version: number;
  /**
   * The revision the asker saw: a submission of text someone changed after the asker last
   * looked is refused (409), so nobody submits words they have not read.
   */
  readonly baseRevision?: number | undefined;
  readonly comment?: string | undefined;
}

export interface TransitionResult {
  readonly version: number;
  readonly status: ReportVersion['status'];
  readonly contentHash: string | null;
}

/** Every transition but publish (publish-report.ts adds the document first). */
export async function transitionReport(
  db: Kysely<Database>,
  principal: Principal,
  reportId: string,
  request: TransitionRequest,
  extra: { publishedSymbol?: string } = {},
): Promise<TransitionResult> {
  const report = await getReport(db, principal, reportId);
  if (principal.kind !== 'user') throw new PillarsError('unauthenticated', 'sign in first');
  const user = principal.user;
  const template = await getTemplate(db, report.templateId, report.templateVersion);
  return db.transaction().execute(async (trx) => {
    const newest = await lockNewestVersion(trx, reportId);
    const { version, status, revision, sections } = newest;
    if (version !== request.version)
      throw new PillarsError(
        'conflict',
        `version ${request.version} is not the latest (${version} is)`,
        {
          field: 'version',
          detail: { current: { version, status } },
        },
      );
    if (request.baseRevision !== undefined && request.baseRevision !== revision)
      throw new PillarsError(
        'conflict',
        `version ${version} changed since you read it (revision ${request.baseRevision}, now ${revision} by ${newest.updatedBy}); read it again before you ${request.transition.replace(/_/g, ' ')}`,
        {
          field: 'baseRevision',
          detail: { current: { version, revision, status } },
        },
      );
    const check = checkTransition(request.transition, status, user, report.stateCode);
    if (!check.ok) {
      if (check.reason === 'not_allowed') throw new PillarsError('forbidden', check.message);
      throw new PillarsError('invalid_transition', check.message, {
        detail: { status },
      });
    }
    const now = new Date().toISOString();
    let hash = newest.contentHash;
    const changes: Partial<
      Record<
        'status' | 'content_hash' | 'submitted_at' | 'published_at' | 'published_symbol',
        string
      >
    > = {
      status: check.to,
    };
    if (request.transition === 'submit') {
      if (Object.values(sections).every((t) => t.trim() === ''))
        throw new PillarsError(
          'invalid_transition',
          'an empty report cannot be submitted: write at least one section',
        );
      hash = contentHash(sections, template);
      changes.content_hash = hash;
      changes.submitted_at = now;
    }
    if (request.transition === 'publish') {
      // Published content must be what was submitted, byte for byte.
      if (newest.contentHash !== contentHash(sections, template))
        throw new PillarsError(
          'conflict',
          `version ${version} no longer matches the hash it was submitted with`,
        );
      changes.published_at = now;
      if (extra.publishedSymbol) changes.published_symbol = extra.publishedSymbol;
    }
    await trx
      .updateTable('report_versions')
      .set({ ...changes, updated_at: now, updated_by: user.username })
      .where('report_id', '=', reportId)
      .where('version', '=', version)
      .where('status', '=', status)
      .execute();
    await appendAudit(trx, {
      actor: actorName(principal),
      action: `report.${request.transition}`,
      target: `report:${reportId}`,
      detail: {
        version,
        from: status,
        to: check.to,
        ...(hash && request.transition === 'submit' ? { contentHash: hash } : {}),
        ...(extra.publishedSymbol ? { symbol: extra.publishedSymbol } : {}),
        ...(request.comment ? { comment: request.comment } : {}),
      },
    });
    return { version, status: check.to, contentHash: hash };
  });
}
