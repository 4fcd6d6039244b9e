/**
 * @module Publishing a submitted report (the secretariat's act). A public report becomes a
 * document: its Akoma Ntoso goes through the ordinary ingestion pipeline under the symbol the
 * secretariat gives it, so search, alignment, diff, glossary and monitoring see it like any other
 * document. A States-parties-only report is published inside the workspace and stays out of the
 * public corpus.
 */
import { isLang } from '../domain/language-codes.js';
import type { Principal } from '../domain/accounts.js';
import { invalidData, invalidParameter, PillarsError } from '../domain/errors.js';
import { scanEvidence } from '../evidence/scan-evidence.js';
import { annotateStale } from '../glossary/term-annotations.js';
import { exportAkn } from '../ingest/akn/akn-export.js';
import { ingestFiles } from '../ingest/ingest-files.js';
import { parseSymbol } from '../ingest/symbols/un-symbol.js';
import type { Store } from '../store/open-store.js';
import { getReport } from './report-queries.js';
import { getTemplate } from './report-templates.js';
import { transitionReport, type TransitionResult } from './report-commands.js';
import { reportSegments } from './report-document.js';

export interface PublishRequest {
  readonly version: number;
  /** The document symbol the report is issued under; required for a public report. */
  readonly symbol?: string | undefined;
  readonly comment?: string | undefined;
}

export async function publishReport(
  store: Store,
  principal: Principal,
  reportId: string,
  request: PublishRequest,
): Promise<TransitionResult & { symbol: string | null }> {
  const { db } = store;
  if (principal.kind !== 'user' || principal.user.role !== 'secretariat')
    throw new PillarsError('forbidden', 'only the secretariat may publish a report');
  const report = await getReport(db, principal, reportId);
  const version = report.versions.find((v) => v.version === request.version);
  if (!version || version !== report.versions.at(-1))
    throw new PillarsError(
      'conflict',
      `version ${request.version} is not the latest version of the report`,
      { field: 'version' },
    );
  if (version.status !== 'submitted')
    throw new PillarsError(
      'invalid_transition',
      `cannot publish a report that is ${version.status.replace('_', ' ')} (only a submitted one)`,
    );
  let symbol: string | null = null;
  if (report.visibility === 'public') {
    if (!request.symbol)
      throw invalidParameter('symbol', 'a public report is published under a document symbol');
    const parsed = parseSymbol(request.symbol);
    if (!parsed.ok) throw invalidParameter('symbol', parsed.error.message);
    symbol = parsed.symbol.canonical;
    const lang = isLang(report.lang) ? report.lang : 'en';
    const template = await getTemplate(db, report.templateId, report.templateVersion);
    const xml = exportAkn({
      symbol,
      workId: report.id,
      lang,
      revision: '',
      version: 1,
      title: report.title,
      date: new Date().toISOString().slice(0, 10),
      sha256: version.contentHash ?? '',
      segments: reportSegments(report.title, version, template, lang),
    });
    const [result] = await ingestFiles(
      store,
      [
        {
          name: `report-${report.stateCode}-${report.cycle}-v${version.version}.akn.xml`,
          bytes: Buffer.from(xml),
        },
      ],
      { symbol, lang, workers: 0 },
    );
    if (!result || result.status === 'error')
      throw invalidData(
        'report',
        `the report could not be stored as a document: ${result?.reason ?? 'no result'}`,
      );
    await scanEvidence(db);
    await annotateStale(db);
  }
  const done = await transitionReport(
    db,
    principal,
    reportId,
    { transition: 'publish', version: request.version, comment: request.comment },
    symbol ? { publishedSymbol: symbol } : {},
  );
  return { ...done, symbol };
}
