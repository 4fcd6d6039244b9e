/**
 * `/reports/{id}`: one national report. Everyone reads the newest version they may see (title,
 * State, cycle, status, published symbol, content hash, the sections in the template's order) and
 * downloads it (HTML, PDF, .docx); the versions are listed, each comparable with the one before,
 * and the report with another. The delegates of its State edit it here (section editor with
 * autosave) and move it through the workflow; the secretariat publishes it. A report the reader
 * may not see does not exist for them (the API answers 404), and the page says just that.
 */
import { isLang } from '../../domain/language-codes.js';
import { documentHref } from '../document-names.js';
import { Link } from '../components/link.js';
import { ReportStatusBadge } from '../components/report-bits.js';
import { ReportEditor } from '../components/report-editor.js';
import { ReportSections } from '../components/report-sections.js';
import {
  CompareOtherForm,
  ReportComparison,
  ReportVersions,
} from '../components/report-versions.js';
import { ReportWorkflow } from '../components/report-workflow.js';
import {
  fetchReport,
  fetchTemplate,
  reportExportUrl,
  type ExportFormat,
  type Report,
  type ReportTemplate,
  type ReportVersion,
} from '../components/reports-api.js';
import { ErrorView, LoadingView, NotFoundView } from '../components/status-views.js';
import { dirOf, useI18n } from '../i18n/i18n-context.js';
import { readReportQuery, reportHref, reportsHref, useLocation } from '../router.js';
import { useSession } from '../session.js';
import { useApi } from '../use-api.js';
import { useDocumentTitle } from '../use-document-title.js';
import { useStateNames, type NameOf } from '../use-names.js';

export function ReportPage({ id }: { readonly id: string }) {
  const session = useSession();
  // What the server shows depends on who asks: wait for the session, and load again on a change.
  if (session.status === 'loading') return <LoadingView />;
  return <LoadedReport id={id} who={session.user?.username ?? ''} />;
}

function LoadedReport({ id, who }: { readonly id: string; readonly who: string }) {
  const { t } = useI18n();
  const [remote, retry] = useApi(`report:${id}:${who}`, (signal) => fetchReport(id, signal));
  // While it loads again (after a step of the workflow, a new version), the report stays on
  // screen, and the editor with it, so nothing typed is lost.
  const report =
    remote.status === 'ok' ? remote.data : remote.status === 'loading' ? remote.stale : undefined;
  const notFound = remote.status === 'error' && remote.error.isNotFound;
  useDocumentTitle(
    report?.id === id ? report.title : notFound ? t('view.notFound.title') : t('reports.title'),
  );
  if (remote.status === 'error') {
    if (notFound) return <NotFoundView message={t('report.notFound', { id })} />;
    return <ErrorView error={remote.error} onRetry={retry} />;
  }
  if (report === undefined || report.id !== id) return <LoadingView />;
  return <ReportWithTemplate report={report} who={who} reload={retry} />;
}

function ReportWithTemplate({
  report,
  who,
  reload,
}: {
  readonly report: Report;
  readonly who: string;
  readonly reload: () => void;
}) {
  const key = `template:${report.templateId}@${report.templateVersion}`;
  const [template, retry] = useApi(key, (signal) =>
    fetchTemplate(report.templateId, report.templateVersion, signal),
  );
  if (template.status === 'loading') return <LoadingView />;
  if (template.status === 'error') return <ErrorView error={template.error} onRetry={retry} />;
  return <ReportView report={report} template={template.data} who={who} reload={reload} />;
}

function ReportView({
  report,
  template,
  who,
  reload,
}: {
  readonly report: Report;
  readonly template: ReportTemplate;
  readonly who: string;
  readonly reload: () => void;
}) {
  const { t, lang, formatNumber } = useI18n();
  const { query } = useLocation();
  const stateName = useStateNames();
  const address = readReportQuery(query);
  const latest = report.versions.at(-1)!;
  const shown = report.versions.find((v) => v.version === address.version) ?? latest;
  const comparing =
    address.against !== undefined || address.from !== undefined || address.to !== undefined;
  const editing = report.canEdit && shown === latest;
  const textLang = isLang(report.lang) ? report.lang : 'en';
  return (
    <article className="report-page">
      <p className="breadcrumb">
        <Link href={reportsHref()}>{t('report.back')}</Link>
      </p>
      <header className="record-header">
        <h1 lang={textLang} dir={dirOf(textLang)}>
          {report.title}
        </h1>
        <p className="record-subtitle">{template.title[lang]}</p>
      </header>
      <ReportFacts report={report} version={shown} stateName={stateName} />
      <Exports report={report} version={shown} />
      {shown !== latest && (
        <p className="notice">
          {t('report.oldVersion', {
            number: formatNumber(shown.version),
            latest: formatNumber(latest.version),
          })}{' '}
          <Link href={reportHref(report.id)}>{t('report.readLatest')}</Link>
        </p>
      )}
      {comparing && <ReportComparison report={report} address={address} />}
      {editing ? (
        // Keyed by the report: a new version or status keeps the editor (and what is typed).
        <ReportEditor key={report.id} report={report} template={template} onChanged={reload} />
      ) : (
        <>
          {shown === latest && <ReportWorkflow report={report} unsaved={false} onDone={reload} />}
          <ReportSections version={shown} template={template} reportLang={report.lang} />
        </>
      )}
      <ReportVersions report={report} shown={shown.version} />
      <CompareOtherForm report={report} who={who} stateName={stateName} />
    </article>
  );
}

function ReportFacts({
  report,
  version,
  stateName,
}: {
  readonly report: Report;
  readonly version: ReportVersion;
  readonly stateName: NameOf;
}) {
  const { t, formatNumber } = useI18n();
  const symbol = version.publishedSymbol;
  return (
    <dl className="facts facts-grid report-facts">
      <div>
        <dt>{t('report.state')}</dt>
        <dd>
          <Link href={`/states/${report.stateCode}`}>{stateName(report.stateCode)}</Link>
        </dd>
      </div>
      <div>
        <dt>{t('report.cycle')}</dt>
        <dd>{t('reports.cycleOf', { cycle: report.cycle })}</dd>
      </div>
      <div>
        <dt>{t('report.status')}</dt>
        <dd>
          <ReportStatusBadge status={version.status} />
        </dd>
      </div>
      <div>
        <dt>{t('report.version')}</dt>
        <dd>{formatNumber(version.version)}</dd>
      </div>
      <div>
        <dt>{t('report.readers')}</dt>
        <dd>{t(`visibility.${report.visibility}`)}</dd>
      </div>
      <div>
        <dt>{t('report.lang')}</dt>
        <dd>{isLang(report.lang) ? t(`langName.${report.lang}`) : report.lang}</dd>
      </div>
      {symbol !== null && (
        <div>
          <dt>{t('report.symbol')}</dt>
          <dd>
            {report.visibility === 'public' ? (
              <Link href={documentHref(symbol)} className="symbol" dir="ltr">
                {symbol}
              </Link>
            ) : (
              <span className="symbol" dir="ltr">
                {symbol}
              </span>
            )}
          </dd>
        </div>
      )}
      <div className="facts-full">
        <dt>{t('report.hash')}</dt>
        <dd>
          {version.contentHash === null ? (
            <span className="muted">{t('report.hashNone')}</span>
          ) : (
            <span className="code hash" dir="ltr">
              {version.contentHash}
            </span>
          )}
        </dd>
      </div>
    </dl>
  );
}

const FORMATS: readonly ExportFormat[] = ['html', 'pdf', 'docx'];

/** The version on screen, named (a newer one may be saved while the page is open). */
function Exports({
  report,
  version,
}: {
  readonly report: Report;
  readonly version: ReportVersion;
}) {
  const { t } = useI18n();
  const base = `report-${report.stateCode}-${report.cycle}-v${version.version}`;
  return (
    <p className="report-exports">
      <span className="report-exports-label">{t('report.exports')}</span>
      {FORMATS.map((format) => (
        <a
          key={format}
          className="download-link"
          href={reportExportUrl(report.id, format, version.version)}
          download={`${base}.${format}`}
        >
          {t(`report.export.${format}`)}
        </a>
      ))}
    </p>
  );
}
