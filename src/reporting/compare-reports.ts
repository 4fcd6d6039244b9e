/**
 * @module Two report versions, of one report or of two cycles, compared paragraph by paragraph
 * with the same engine as documents, in the shape the document comparison has.
 */
import { compareSegments, summarizeChanges } from '../diff/compare-segments.js';
import type { Comparison, ComparedText } from '../diff/compare-documents.js';
import { isLang, type Lang } from '../domain/language-codes.js';
import type { ReportTemplate, ReportVersion } from '../domain/reporting.js';
import type { StoredReport } from './report-queries.js';
import { reportSegments } from './report-document.js';

export interface ReportSide {
  readonly report: StoredReport;
  readonly version: ReportVersion;
  readonly template: ReportTemplate;
}

function textOf(side: ReportSide): ComparedText {
  const lang: Lang = isLang(side.report.lang) ? side.report.lang : 'en';
  return {
    label: `${side.report.stateCode} ${side.report.cycle}, version ${side.version.version} (${side.version.status.replace('_', ' ')})`,
    symbol: side.version.publishedSymbol,
    lang,
    title: side.report.title,
    segments: reportSegments(side.report.title, side.version, side.template, lang),
  };
}

export function compareReportVersions(older: ReportSide, newer: ReportSide): Comparison {
  const a = textOf(older);
  const b = textOf(newer);
  const changes = compareSegments(a.segments, b.segments, b.lang);
  return { older: a, newer: b, changes, summary: summarizeChanges(changes) };
}
