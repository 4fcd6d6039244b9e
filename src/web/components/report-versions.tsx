/**
 * A report's versions, newest first (status, last change and by whom, content hash, symbol), each
 * readable and comparable with the one before; a form to compare the report with another one the
 * reader may see (the previous cycle's, say); and the comparison itself, in the comparison page's
 * view. The address holds what is compared (?from=&to= or ?against=), so it can be shared.
 */
import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import { navigate, reportHref, type ReportAddress } from '../router.js';
import { useApi } from '../use-api.js';
import type { NameOf } from '../use-names.js';
import { CompareResult } from './compare-result.js';
import { Link } from './link.js';
import { ReportStatusBadge, useDateTimeFormats } from './report-bits.js';
import { fetchReportComparison, fetchReports, type Report } from './reports-api.js';
import { Async } from './status-views.js';

export function ReportVersions({
  report,
  shown,
}: {
  readonly report: Report;
  /** The version on screen. */
  readonly shown: number;
}) {
  const { t, formatNumber } = useI18n();
  const { formatDateTime } = useDateTimeFormats();
  const versions = [...report.versions].reverse();
  return (
    <section className="section report-versions" aria-labelledby="report-versions-title">
      <h2 id="report-versions-title">{t('report.versions')}</h2>
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('versions.col.version')}</th>
              <th scope="col">{t('versions.col.status')}</th>
              <th scope="col">{t('versions.col.changed')}</th>
              <th scope="col">{t('versions.col.hash')}</th>
              <th scope="col">{t('versions.col.compare')}</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((version) => {
              const earlier = report.versions.filter((v) => v.version < version.version).at(-1);
              return (
                <tr key={version.version}>
                  <th scope="row" className="nowrap">
                    {version.version === shown ? (
                      <span aria-current="true">
                        {t('report.versionOf', { number: formatNumber(version.version) })}
                      </span>
                    ) : (
                      <Link
                        href={reportHref(report.id, {
                          version: version === report.versions.at(-1) ? undefined : version.version,
                        })}
                      >
                        {t('report.versionOf', { number: formatNumber(version.version) })}
                      </Link>
                    )}
                  </th>
                  <td className="nowrap">
                    <ReportStatusBadge status={version.status} />
                    {version.publishedSymbol !== null && (
                      <span className="cell-note symbol" dir="ltr">
                        {version.publishedSymbol}
                      </span>
                    )}
                  </td>
                  <td>
                    <time dateTime={version.updatedAt}>{formatDateTime(version.updatedAt)}</time>
                    <span className="cell-note" dir="auto">
                      {t('versions.by', { name: version.updatedBy })}
                    </span>
                  </td>
                  <td>
                    {version.contentHash === null ? (
                      <span className="muted">—</span>
                    ) : (
                      <span className="code hash" title={version.contentHash}>
                        {version.contentHash.slice(0, 12)}…
                      </span>
                    )}
                  </td>
                  <td>
                    {earlier === undefined ? (
                      <span className="muted">—</span>
                    ) : (
                      <Link
                        href={reportHref(report.id, {
                          from: earlier.version,
                          to: version.version,
                        })}
                      >
                        {t('report.compareWithPrevious', {
                          number: formatNumber(earlier.version),
                        })}
                      </Link>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** "Compare with another report": the reports the reader may see, but this one. */
export function CompareOtherForm({
  report,
  who,
  stateName,
}: {
  readonly report: Report;
  readonly who: string;
  readonly stateName: NameOf;
}) {
  const { t } = useI18n();
  const id = useId();
  const [others] = useApi(`reports:all:${who}`, (signal) => fetchReports({}, signal));
  const [choice, setChoice] = useState('');
  const options =
    others.status === 'ok' ? others.data.items.filter((item) => item.id !== report.id) : [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (choice !== '') navigate(reportHref(report.id, { against: choice }));
  };
  return (
    <form className="compare-other" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('report.compareOther')}</h3>
      {others.status === 'ok' && options.length === 0 ? (
        <p className="empty">{t('report.noOther')}</p>
      ) : (
        <div className="filters">
          <div className="field field-wide">
            <label htmlFor={`${id}-other`}>{t('report.compareWith')}</label>
            <select
              id={`${id}-other`}
              value={choice}
              onChange={(event) => setChoice(event.target.value)}
            >
              <option value="">{t('report.compareChoose')}</option>
              {options.map((item) => (
                <option key={item.id} value={item.id}>
                  {t('report.otherOption', {
                    state: stateName(item.stateCode),
                    cycle: item.cycle,
                    status: t(`reportStatus.${item.status}`),
                  })}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button" disabled={choice === ''}>
            {t('report.compareSubmit')}
          </button>
        </div>
      )}
    </form>
  );
}

export function ReportComparison({
  report,
  address,
}: {
  readonly report: Report;
  readonly address: ReportAddress;
}) {
  const { t } = useI18n();
  const query =
    address.against !== undefined
      ? { against: address.against }
      : { from: address.from, to: address.to };
  const [comparison, retry] = useApi(
    `report-compare:${report.id}:${JSON.stringify(query)}`,
    (signal) => fetchReportComparison(report.id, query, signal),
  );
  return (
    <section className="section report-comparison" aria-labelledby="report-comparison-title">
      <div className="page-head">
        <h2 id="report-comparison-title">{t('report.comparison')}</h2>
        <Link href={reportHref(report.id)}>{t('report.closeComparison')}</Link>
      </div>
      {comparison.status === 'error' && comparison.error.isNotFound ? (
        <p className="empty">{t('report.noComparison')}</p>
      ) : (
        <Async remote={comparison} retry={retry}>
          {(data) => <CompareResult comparison={data} />}
        </Async>
      )}
    </section>
  );
}
