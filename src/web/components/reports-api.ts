/**
 * The national-reporting endpoints as the report pages use them: templates, the lists, one
 * report, starting one, saving a section (409 with both texts when stale), workflow transitions,
 * the export addresses and the comparisons. Types are inferred from the server's zod schemas
 * (type-only imports, so no zod code reaches the bundle).
 */
import type { z } from 'zod';
import type {
  ComparisonResponse,
  newReportBodySchema,
  reportListSchema,
  reportWireSchema,
  sectionEditResultSchema,
  templateWireSchema,
  transitionBodySchema,
  transitionResultSchema,
} from '../../contract/api-schemas.js';
import type { ReportStatus, ReportTransition } from '../../domain/reporting.js';
import { apiUrl, getJson, sendJson } from '../api-client.js';

export type { ReportStatus, ReportTransition };
export type ReportTemplate = z.infer<typeof templateWireSchema>;
export type TemplateSection = ReportTemplate['sections'][number];
export type Report = z.infer<typeof reportWireSchema>;
export type ReportVersion = Report['versions'][number];
export type ReportVisibility = Report['visibility'];
export type ReportList = z.infer<typeof reportListSchema>;
export type ReportSummary = ReportList['items'][number];
export type NewReport = z.input<typeof newReportBodySchema>;
export type SectionEditResult = z.infer<typeof sectionEditResultSchema>;
export type TransitionBody = z.input<typeof transitionBodySchema>;
export type TransitionResult = z.infer<typeof transitionResultSchema>;
export type ExportFormat = 'html' | 'pdf' | 'docx';

/** The statuses in workflow order (the filters and badges list them so). */
export const REPORT_STATUS_ORDER: readonly ReportStatus[] = [
  'draft',
  'in_clearance',
  'submitted',
  'published',
  'withdrawn',
];

export interface ReportListQuery {
  readonly state?: string | undefined;
  readonly cycle?: string | undefined;
  readonly status?: ReportStatus | undefined;
}

const path = (id: string) => `/reports/${encodeURIComponent(id)}`;

/** The reports the asker may see; a list is short (a report per State and cycle), so 500 at most. */
export function fetchReports(query: ReportListQuery, signal?: AbortSignal) {
  return getJson<ReportList>(
    apiUrl('/reports', {
      state: query.state,
      cycle: query.cycle,
      status: query.status,
      limit: 500,
    }),
    signal,
  );
}

export function fetchReport(id: string, signal?: AbortSignal) {
  return getJson<Report>(apiUrl(path(id)), signal);
}

export function fetchTemplate(id: string, version: number, signal?: AbortSignal) {
  return getJson<ReportTemplate>(
    apiUrl(`/report-templates/${encodeURIComponent(id)}`, { version }),
    signal,
  );
}

/** Starts the signed-in delegate's report for a cycle; 409 when their State has one already. */
export function createReport(body: NewReport) {
  return sendJson<Report>('POST', apiUrl('/reports'), body);
}

/** Saves one section against the version and revision it was based on. */
export function saveSection(
  id: string,
  section: string,
  body: { readonly text: string; readonly baseVersion: number; readonly baseRevision: number },
) {
  return sendJson<SectionEditResult>(
    'PUT',
    apiUrl(`${path(id)}/sections/${encodeURIComponent(section)}`),
    body,
  );
}

export function postTransition(id: string, body: TransitionBody) {
  return sendJson<TransitionResult>('POST', apiUrl(`${path(id)}/transitions`), body);
}

/** Where a version is downloaded as HTML, PDF or .docx. */
export function reportExportUrl(id: string, format: ExportFormat, version?: number): string {
  return apiUrl(`${path(id)}/export`, { format, version });
}

export type ReportComparisonQuery =
  | { readonly from?: number | undefined; readonly to?: number | undefined }
  | { readonly against: string };

/** Two versions of the report, or the report beside another: the comparison page's shape. */
export function fetchReportComparison(
  id: string,
  query: ReportComparisonQuery,
  signal?: AbortSignal,
) {
  return getJson<ComparisonResponse>(apiUrl(`${path(id)}/compare`, { ...query }), signal);
}
