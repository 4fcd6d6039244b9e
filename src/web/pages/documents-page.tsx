/**
 * `/documents`: the documents on record, filtered by language, meeting, series and year and paged
 * by the server. Filters and page live in the address (?lang=&meeting=&type=&year=&page=) so a
 * filtered list can be shared and the back button works.
 */
import { isLang } from '../../domain/language-codes.js';
import { api } from '../api-client.js';
import type { DocumentsQuery, DocumentSummary, Meeting, PageOf } from '../api-types.js';
import { LanguageBadges } from '../components/language-badges.js';
import { Link } from '../components/link.js';
import { Async } from '../components/status-views.js';
import { documentHref, documentLabel, summaryTitleLang, textLangAttrs } from '../document-names.js';
import { DocumentFilters, readDocumentFilters } from '../components/document-filters.js';
import { useI18n, useTextAttrs } from '../i18n/i18n-context.js';
import { meetingHref, shortMeetingName } from '../meeting-names.js';
import { useLocation } from '../router.js';
import { useApi } from '../use-api.js';
import { useDocumentTitle } from '../use-document-title.js';

const PAGE_SIZE = 25;

export function DocumentsPage() {
  const { t } = useI18n();
  useDocumentTitle(t('documents.title'));
  const { query } = useLocation();
  const filters = readDocumentFilters(query);
  const rawPage = Number(query.get('page') ?? '1');
  const page = Number.isInteger(rawPage) && rawPage > 1 ? rawPage : 1;
  const request: DocumentsQuery = {
    lang: isLang(filters.lang) ? filters.lang : undefined,
    meeting: filters.meeting || undefined,
    type: filters.type || undefined,
    year: filters.year === '' ? undefined : Number(filters.year),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const [documents, retry] = useApi(JSON.stringify(request), (signal) =>
    api.documents(request, signal),
  );
  const [meetings] = useApi('meetings', (signal) => api.meetings({}, signal));
  const meetingList = meetings.status === 'ok' ? meetings.data : [];
  // While a new filter loads, keep showing the last list (dimmed) rather than a spinner.
  const shown =
    documents.status === 'loading' && documents.stale !== undefined
      ? ({ status: 'ok', data: documents.stale } as const)
      : documents;

  return (
    <div>
      <div className="page-head">
        <h1>{t('documents.title')}</h1>
        <Link href="/documents/upload" className="button">
          {t('documents.upload')}
        </Link>
      </div>
      <p className="lede">{t('documents.intro')}</p>
      <DocumentFilters filters={filters} meetings={meetingList} />
      <Async remote={shown} retry={retry}>
        {(data) => (
          <DocumentsTable
            page={data}
            meetings={meetingList}
            busy={documents.status === 'loading'}
            pageNumber={page}
          />
        )}
      </Async>
    </div>
  );
}

function DocumentsTable({
  page,
  meetings,
  busy,
  pageNumber,
}: {
  readonly page: PageOf<DocumentSummary>;
  readonly meetings: readonly Meeting[];
  readonly busy: boolean;
  readonly pageNumber: number;
}) {
  const { t, lang, formatDate, formatNumber } = useI18n();
  const textAttrs = useTextAttrs();
  if (page.items.length === 0) return <p className="empty">{t('documents.none')}</p>;
  const range = t('documents.range', {
    from: formatNumber(page.offset + 1),
    to: formatNumber(page.offset + page.items.length),
    total: formatNumber(page.total),
  });
  return (
    <>
      <div className="table-wrap" aria-busy={busy}>
        <table className="data-table documents-table">
          <caption>{range}</caption>
          <thead>
            <tr>
              <th scope="col">{t('col.document')}</th>
              <th scope="col">{t('col.title')}</th>
              <th scope="col">{t('col.date')}</th>
              <th scope="col">{t('col.languages')}</th>
              <th scope="col">{t('col.meeting')}</th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((doc) => {
              const meeting = meetings.find((m) => m.id === doc.meetingId);
              const meetingName = meeting && shortMeetingName(meeting, t, lang);
              return (
                <tr key={doc.id}>
                  <th scope="row" className="nowrap">
                    <Link href={documentHref(doc.id)} className="symbol" dir="ltr">
                      {documentLabel(doc)}
                    </Link>
                    {doc.symbol === null && (
                      <span className="cell-note">{t('documents.noSymbol')}</span>
                    )}
                  </th>
                  <td {...textLangAttrs(summaryTitleLang(doc), lang)}>
                    {doc.title ?? <span className="muted">—</span>}
                  </td>
                  <td className="nowrap">
                    {doc.date === null ? <span className="muted">—</span> : formatDate(doc.date)}
                  </td>
                  <td>
                    <LanguageBadges languages={doc.languages} original={doc.originalLang} />
                  </td>
                  <td>
                    {meetingName ? (
                      <Link href={meetingHref(meeting)} {...textAttrs(meetingName.lang)}>
                        {meetingName.value}
                      </Link>
                    ) : (
                      <span className="muted">{doc.meetingId ?? '—'}</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Pager page={page} pageNumber={pageNumber} />
    </>
  );
}

function Pager({
  page,
  pageNumber,
}: {
  readonly page: PageOf<DocumentSummary>;
  readonly pageNumber: number;
}) {
  const { t } = useI18n();
  const { query } = useLocation();
  const pages = Math.ceil(page.total / PAGE_SIZE);
  if (pages <= 1) return null;
  const hrefFor = (n: number) => {
    const next = new URLSearchParams(query);
    if (n === 1) next.delete('page');
    else next.set('page', String(n));
    const search = next.toString();
    return `/documents${search === '' ? '' : `?${search}`}`;
  };
  return (
    <nav className="pager" aria-label={t('documents.pages')}>
      {pageNumber > 1 && <Link href={hrefFor(pageNumber - 1)}>{t('documents.previous')}</Link>}
      {pageNumber < pages && <Link href={hrefFor(pageNumber + 1)}>{t('documents.next')}</Link>}
    </nav>
  );
}
