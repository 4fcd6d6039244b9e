/**
 * What became of each uploaded file — added, skipped (already there) or failed — with an icon and
 * a colour for each outcome (never colour alone), the server's reason, the document's link, and a
 * summary. The reasons and warnings come from the ingest in English and are marked so.
 */
import { useEffect, useRef } from 'react';
import type { ApiError } from '../api-client.js';
import type { IngestResponse, IngestResult } from '../api-types.js';
import { documentHref } from '../document-names.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { PlainKey } from '../i18n/messages.js';
import { Link } from './link.js';

const OUTCOME: Readonly<Record<IngestResult['status'], { icon: string; label: PlainKey }>> = {
  ok: { icon: '✓', label: 'upload.status.ok' },
  skipped: { icon: '↷', label: 'upload.status.skipped' },
  error: { icon: '✕', label: 'upload.status.error' },
};

export function UploadResults({ response }: { readonly response: IngestResponse }) {
  const { t, formatNumber } = useI18n();
  const { ok, skipped, error } = response.summary;
  const section = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // The results appear below the form: bring them into view, and move the focus there so a
  // screen reader reads them rather than staying on the Upload button.
  useEffect(() => {
    section.current?.scrollIntoView({ block: 'nearest' });
    heading.current?.focus({ preventScroll: true });
  }, [response]);

  return (
    <section
      ref={section}
      className="section upload-results-section"
      aria-labelledby="upload-results-title"
    >
      <h2 id="upload-results-title" ref={heading} tabIndex={-1}>
        {t('upload.results')}
      </h2>
      <p className="upload-summary" role="status">
        {t('upload.summary', {
          ok: formatNumber(ok),
          skipped: formatNumber(skipped),
          error: formatNumber(error),
        })}
      </p>
      <div className="table-wrap">
        <table className="data-table upload-results">
          <thead>
            <tr>
              <th scope="col">{t('col.file')}</th>
              <th scope="col">{t('col.result')}</th>
              <th scope="col">{t('col.details')}</th>
            </tr>
          </thead>
          <tbody>
            {response.results.map((result, index) => (
              <ResultRow key={`${index}:${result.file}`} result={result} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ResultRow({ result }: { readonly result: IngestResult }) {
  const { t, formatNumber } = useI18n();
  const outcome = OUTCOME[result.status];
  const lang = result.lang;
  const facts = [
    lang === undefined ? '' : t(`langName.${lang}`),
    result.version === undefined ? '' : t('upload.version', { number: result.version }),
    result.segments === undefined
      ? ''
      : t('upload.segments', { count: formatNumber(result.segments) }),
  ].filter((fact) => fact !== '');
  return (
    <tr className={`upload-${result.status}`}>
      <th scope="row">
        <span className="code" dir="ltr">
          {result.file}
        </span>
      </th>
      <td className="nowrap">
        <span className={`outcome outcome-${result.status}`}>
          <span aria-hidden="true" className="outcome-icon">
            {outcome.icon}
          </span>
          {t(outcome.label)}
        </span>
      </td>
      <td>
        {result.workId !== undefined && (
          <Link href={documentHref(result.workId, { lang })} className="symbol" dir="ltr">
            {result.symbol ?? result.workId}
          </Link>
        )}
        {facts.length > 0 && <span className="cell-note">{facts.join(' · ')}</span>}
        {result.reason !== undefined && (
          <span className="cell-note" lang="en" dir="ltr">
            {result.reason}
          </span>
        )}
        {result.warnings !== undefined && result.warnings.length > 0 && (
          <details className="upload-warnings">
            <summary>{t('upload.warnings')}</summary>
            <ul lang="en" dir="ltr">
              {result.warnings.map((warning, index) => (
                <li key={index}>{warning}</li>
              ))}
            </ul>
          </details>
        )}
      </td>
    </tr>
  );
}

/** The whole upload was refused: too large (413), not multipart (415), or anything else. */
export function UploadError({ error }: { readonly error: ApiError }) {
  const { t } = useI18n();
  const explanation =
    error.status === 413
      ? t('upload.tooLarge')
      : error.status === 415
        ? t('upload.unsupported')
        : null;
  return (
    <div className="status-error" role="alert">
      <h2>{t('upload.failed')}</h2>
      {explanation !== null && <p>{explanation}</p>}
      {/* The API's messages are English; marking them keeps screen readers from misreading. */}
      <p lang="en" dir="ltr" className="error-message">
        {error.message}
      </p>
      <p className="muted">{t('view.error.code', { code: error.code })}</p>
    </div>
  );
}
