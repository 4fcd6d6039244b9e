/**
 * Small pieces the report pages share: the status badge (its label always written out, colour
 * only repeating it), the table of reports, and a report's State named in the UI language.
 */
import { useMemo } from 'react';
import { localeOf, useI18n } from '../i18n/i18n-context.js';
import { reportHref } from '../router.js';
import type { NameOf } from '../use-names.js';
import { Link } from './link.js';
import type { ReportStatus, ReportSummary } from './reports-api.js';

export function ReportStatusBadge({ status }: { readonly status: ReportStatus }) {
  const { t } = useI18n();
  return (
    <span className={`report-badge report-${status.replace('_', '-')}`}>
      {t(`reportStatus.${status}`)}
    </span>
  );
}

/** Times of saves and changes, in the UI language and the reader's time zone. */
export function useDateTimeFormats(): {
  readonly formatDateTime: (iso: string) => string;
  readonly formatTime: (iso: string) => string;
} {
  const { lang } = useI18n();
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(localeOf(lang), {
      dateStyle: 'medium',
      timeStyle: 'short',
    });
    const time = new Intl.DateTimeFormat(localeOf(lang), { timeStyle: 'short' });
    return {
      formatDateTime: (iso: string) => dateTime.format(new Date(iso)),
      formatTime: (iso: string) => time.format(new Date(iso)),
    };
  }, [lang]);
}

export function ReportsTable({
  items,
  stateName,
  caption,
  busy = false,
}: {
  readonly items: readonly ReportSummary[];
  readonly stateName: NameOf;
  readonly caption: string;
  readonly busy?: boolean;
}) {
  const { t, formatNumber } = useI18n();
  const { formatDateTime: when } = useDateTimeFormats();
  return (
    <div className="table-wrap" aria-busy={busy}>
      <table className="data-table reports-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.col.report')}</th>
            <th scope="col">{t('reports.col.state')}</th>
            <th scope="col">{t('reports.col.cycle')}</th>
            <th scope="col">{t('reports.col.status')}</th>
            <th scope="col">{t('reports.col.symbol')}</th>
            <th scope="col">{t('reports.col.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((report) => (
            <tr key={report.id}>
              <th scope="row">
                <Link href={reportHref(report.id)} lang={report.lang} dir="auto">
                  {report.title}
                </Link>
              </th>
              <td>
                <Link href={`/states/${report.stateCode}`}>{stateName(report.stateCode)}</Link>
              </td>
              <td className="nowrap">{report.cycle}</td>
              <td className="nowrap">
                <ReportStatusBadge status={report.status} />
                <span className="cell-note">
                  {t('report.versionOf', { number: formatNumber(report.version) })}
                </span>
              </td>
              <td className="nowrap">
                {report.publishedSymbol === null ? (
                  <span className="muted">—</span>
                ) : (
                  <span className="symbol" dir="ltr">
                    {report.publishedSymbol}
                  </span>
                )}
              </td>
              <td className="nowrap">
                <time dateTime={report.updatedAt}>{when(report.updatedAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
