/**
 * @module Reading reports as a given principal: only the versions they may see, and a report
 * with none is not found.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Principal } from '../domain/accounts.js';
import { notFound } from '../domain/errors.js';
import type { Report, ReportStatus, ReportVersion, ReportVisibility } from '../domain/reporting.js';
import type { Database, ReportsTable, ReportVersionsTable } from '../store/database.js';
import { canSeeVersion } from './report-access.js';

export interface StoredReport extends Report {
  readonly lang: string;
}

export function versionFromRow(row: Selectable<ReportVersionsTable>): ReportVersion {
  return {
    version: Number(row.version),
    status: row.status as ReportStatus,
    revision: Number(row.revision),
    sections: JSON.parse(row.sections) as Record<string, string>,
    contentHash: row.content_hash,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    submittedAt: row.submitted_at,
    publishedAt: row.published_at,
    publishedSymbol: row.published_symbol,
  };
}

function reportFromRows(
  row: Selectable<ReportsTable>,
  versions: readonly ReportVersion[],
): StoredReport {
  return {
    id: row.id,
    stateCode: row.state_code,
    cycle: row.cycle,
    title: row.title,
    lang: row.lang,
    templateId: row.template_id,
    templateVersion: Number(row.template_version),
    visibility: row.visibility as ReportVisibility,
    derivedFrom: row.derived_from,
    createdAt: row.created_at,
    createdBy: row.created_by,
    versions,
  };
}

/** The report with every version, whoever asks: for the service's own checks. */
export async function loadReport(db: Kysely<Database>, id: string): Promise<StoredReport | null> {
  const row = await db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const versions = await db
    .selectFrom('report_versions')
    .selectAll()
    .where('report_id', '=', id)
    .orderBy('version')
    .execute();
  return reportFromRows(row, versions.map(versionFromRow));
}

export function visibleTo(principal: Principal, report: StoredReport): StoredReport | null {
  const versions = report.versions.filter((v) => canSeeVersion(principal, report, v.status));
  return versions.length === 0 ? null : { ...report, versions };
}

/** The report as this principal may see it; 404 when they may see none of it. */
export async function getReport(
  db: Kysely<Database>,
  principal: Principal,
  id: string,
): Promise<StoredReport> {
  const report = await loadReport(db, id);
  const visible = report && visibleTo(principal, report);
  if (!visible) throw notFound('report', id);
  return visible;
}

export interface ReportListQuery {
  readonly state?: string | undefined;
  readonly cycle?: string | undefined;
  readonly status?: ReportStatus | undefined;
  readonly limit: number;
  readonly offset: number;
}

export interface ReportSummary {
  readonly id: string;
  readonly stateCode: string;
  readonly cycle: string;
  readonly title: string;
  readonly lang: string;
  readonly visibility: ReportVisibility;
  /** The newest version this principal may see. */
  readonly version: number;
  readonly status: ReportStatus;
  readonly updatedAt: string;
  readonly publishedSymbol: string | null;
}

/** Reports with something visible to the principal, newest first. */
export async function listReports(
  db: Kysely<Database>,
  principal: Principal,
  query: ReportListQuery,
): Promise<{ total: number; items: ReportSummary[] }> {
  let reports = db.selectFrom('reports').selectAll();
  if (query.state) reports = reports.where('state_code', '=', query.state);
  if (query.cycle) reports = reports.where('cycle', '=', query.cycle);
  const rows = await reports.orderBy('cycle', 'desc').orderBy('state_code').execute();
  const versions = rows.length
    ? await db
        .selectFrom('report_versions')
        .selectAll()
        .where(
          'report_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('version')
        .execute()
    : [];
  const byReport = new Map<string, ReportVersion[]>();
  for (const v of versions) {
    const list = byReport.get(v.report_id) ?? [];
    list.push(versionFromRow(v));
    byReport.set(v.report_id, list);
  }
  const items: ReportSummary[] = [];
  for (const row of rows) {
    const visible = visibleTo(principal, reportFromRows(row, byReport.get(row.id) ?? []));
    const latest = visible?.versions.at(-1);
    if (!visible || !latest) continue;
    if (query.status && latest.status !== query.status) continue;
    items.push({
      id: visible.id,
      stateCode: visible.stateCode,
      cycle: visible.cycle,
      title: visible.title,
      lang: visible.lang,
      visibility: visible.visibility,
      version: latest.version,
      status: latest.status,
      updatedAt: latest.updatedAt,
      publishedSymbol:
        visible.versions.findLast((v) => v.publishedSymbol !== null)?.publishedSymbol ?? null,
    });
  }
  return { total: items.length, items: items.slice(query.offset, query.offset + query.limit) };
}
