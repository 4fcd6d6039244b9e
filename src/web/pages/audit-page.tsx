/**
 * `/admin/audit?actor=&action=&target=&page=`: the audit log for administrators — every sign-in
 * and change, newest first, filtered by who, what and on what, paged; and "Verify the chain",
 * which recomputes every entry's hash and link to the one before and says whether the log is
 * intact (or where it is not). Everyone else is told who may read it.
 */
import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../api-client.js';
import {
  fetchAudit,
  verifyAudit,
  type AuditEntry,
  type AuditPage as AuditPageData,
  type AuditVerification,
} from '../components/audit-api.js';
import { Link } from '../components/link.js';
import { MonitoringError } from '../components/monitoring-error.js';
import { useDateTimeFormats } from '../components/report-bits.js';
import { WriteGate } from '../components/sign-in-note.js';
import { Async } from '../components/status-views.js';
import { useI18n } from '../i18n/i18n-context.js';
import { auditHref, navigate, readAuditQuery, useLocation, type AuditAddress } from '../router.js';
import { useApi } from '../use-api.js';
import { useDocumentTitle } from '../use-document-title.js';

const PAGE_SIZE = 50;

export function AuditPage() {
  const { t } = useI18n();
  useDocumentTitle(t('audit.title'));
  return (
    <div className="audit-page">
      <h1>{t('audit.title')}</h1>
      <p className="lede">{t('audit.intro')}</p>
      <WriteGate area="audit">{(user) => <AuditLog who={user.username} />}</WriteGate>
    </div>
  );
}

function AuditLog({ who }: { readonly who: string }) {
  const { t, formatNumber } = useI18n();
  const { query } = useLocation();
  const address = readAuditQuery(query);
  const page = address.page ?? 1;
  // Verifying adds an entry to the log: the list is loaded again after each check.
  const [checks, setChecks] = useState(0);
  const request = {
    actor: address.actor,
    action: address.action,
    target: address.target,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const [entries, retry] = useApi(`audit:${who}:${JSON.stringify(request)}:${checks}`, (signal) =>
    fetchAudit(request, signal),
  );
  const shown =
    entries.status === 'loading' && entries.stale !== undefined
      ? ({ status: 'ok', data: entries.stale } as const)
      : entries;
  return (
    <>
      <VerifyChain onChecked={() => setChecks((n) => n + 1)} />
      <AuditFilters key={auditHref({ ...address, page: undefined })} address={address} />
      <Async remote={shown} retry={retry}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="empty">{t('audit.none')}</p>
          ) : (
            <>
              <AuditTable
                data={data}
                busy={entries.status === 'loading'}
                caption={t('audit.range', {
                  from: formatNumber(data.offset + 1),
                  to: formatNumber(data.offset + data.items.length),
                  total: formatNumber(data.total),
                })}
              />
              <Pager address={address} page={page} total={data.total} />
            </>
          )
        }
      </Async>
    </>
  );
}

function AuditFilters({ address }: { readonly address: AuditAddress }) {
  const { t } = useI18n();
  const id = useId();
  const [actor, setActor] = useState(address.actor ?? '');
  const [action, setAction] = useState(address.action ?? '');
  const [target, setTarget] = useState(address.target ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(auditHref({ actor: actor.trim(), action: action.trim(), target: target.trim() }));
  };
  const filtered =
    address.actor !== undefined || address.action !== undefined || address.target !== undefined;
  return (
    <form className="filters audit-filters" onSubmit={submit} role="search">
      <div className="field">
        <label htmlFor={`${id}-actor`}>{t('audit.actor')}</label>
        <input
          id={`${id}-actor`}
          type="text"
          dir="ltr"
          spellCheck={false}
          maxLength={100}
          value={actor}
          onChange={(event) => setActor(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-action`}>{t('audit.action')}</label>
        <input
          id={`${id}-action`}
          type="text"
          dir="ltr"
          spellCheck={false}
          maxLength={100}
          placeholder="report.submit"
          value={action}
          onChange={(event) => setAction(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-target`}>{t('audit.target')}</label>
        <input
          id={`${id}-target`}
          type="text"
          dir="ltr"
          spellCheck={false}
          maxLength={300}
          value={target}
          onChange={(event) => setTarget(event.target.value)}
        />
      </div>
      <div className="audit-filter-actions">
        <button type="submit" className="button">
          {t('audit.filter')}
        </button>
        {filtered && <Link href={auditHref()}>{t('audit.clear')}</Link>}
      </div>
    </form>
  );
}

function AuditTable({
  data,
  busy,
  caption,
}: {
  readonly data: AuditPageData;
  readonly busy: boolean;
  readonly caption: string;
}) {
  const { t } = useI18n();
  const { formatDateTime } = useDateTimeFormats();
  return (
    <div className="table-wrap" aria-busy={busy}>
      <table className="data-table audit-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.col.seq')}</th>
            <th scope="col">{t('audit.col.at')}</th>
            <th scope="col">{t('audit.col.actor')}</th>
            <th scope="col">{t('audit.col.action')}</th>
            <th scope="col">{t('audit.col.target')}</th>
            <th scope="col">{t('audit.col.detail')}</th>
            <th scope="col">{t('audit.col.hash')}</th>
          </tr>
        </thead>
        <tbody>
          {data.items.map((entry) => (
            <tr key={entry.seq}>
              <td className="numeric">{entry.seq}</td>
              <td className="nowrap">
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              </td>
              <td dir="ltr" className="code">
                {entry.actor}
              </td>
              <td dir="ltr" className="code nowrap">
                {entry.action}
              </td>
              <td dir="ltr" className="code audit-target">
                {entry.target}
              </td>
              <td dir="ltr">
                <Detail entry={entry} />
              </td>
              <td dir="ltr" className="code hash" title={entry.hash}>
                {entry.hash.slice(0, 10)}…
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The entry's details as `key: value` pairs (values as JSON), in the API's words. */
function Detail({ entry }: { readonly entry: AuditEntry }) {
  const pairs = Object.entries(entry.detail);
  if (pairs.length === 0) return <span className="muted">—</span>;
  return (
    <dl className="audit-detail">
      {pairs.map(([key, value]) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Pager({
  address,
  page,
  total,
}: {
  readonly address: AuditAddress;
  readonly page: number;
  readonly total: number;
}) {
  const { t } = useI18n();
  const pages = Math.ceil(total / PAGE_SIZE);
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={t('audit.pages')}>
      {page > 1 && <Link href={auditHref({ ...address, page: page - 1 })}>{t('audit.newer')}</Link>}
      {page < pages && (
        <Link href={auditHref({ ...address, page: page + 1 })}>{t('audit.older')}</Link>
      )}
    </nav>
  );
}

type Check =
  | { readonly kind: 'idle' }
  | { readonly kind: 'checking' }
  | { readonly kind: 'done'; readonly result: AuditVerification }
  | { readonly kind: 'failed'; readonly error: ApiError };

function VerifyChain({ onChecked }: { readonly onChecked: () => void }) {
  const { t, formatNumber } = useI18n();
  const [check, setCheck] = useState<Check>({ kind: 'idle' });
  const verify = () => {
    setCheck({ kind: 'checking' });
    verifyAudit().then(
      (result) => {
        setCheck({ kind: 'done', result });
        onChecked();
      },
      (error: unknown) =>
        setCheck({
          kind: 'failed',
          error: error instanceof ApiError ? error : new ApiError(0, 'client_error', String(error)),
        }),
    );
  };
  const result = check.kind === 'done' ? check.result : undefined;
  return (
    <section className="audit-verify" aria-labelledby="audit-verify-title">
      <h2 id="audit-verify-title">{t('audit.chain')}</h2>
      <div className="audit-verify-row">
        <button
          type="button"
          className="button"
          disabled={check.kind === 'checking'}
          onClick={verify}
        >
          {check.kind === 'checking' ? t('audit.verifying') : t('audit.verify')}
        </button>
        <p
          role="status"
          className={`audit-verdict${result ? (result.ok ? ' is-ok' : ' is-broken') : ''}`}
        >
          {result?.ok === true &&
            t('audit.intact', {
              entries: formatNumber(result.entries),
              seq: result.head.seq,
              hash: result.head.hash.slice(0, 12),
            })}
          {result?.ok === false &&
            t('audit.broken', {
              count: formatNumber(result.findings.length),
              entries: formatNumber(result.entries),
            })}
        </p>
      </div>
      {result !== undefined && result.findings.length > 0 && (
        <ul className="audit-findings">
          {result.findings.map((finding) => (
            <li key={`${finding.seq}-${finding.problem}`}>
              <strong>
                {t('audit.finding', {
                  seq: finding.seq,
                  problem: t(`audit.problem.${finding.problem}`),
                })}
              </strong>{' '}
              <span lang="en" dir="ltr">
                {finding.message}
              </span>
            </li>
          ))}
        </ul>
      )}
      {check.kind === 'failed' && (
        <MonitoringError title={t('audit.verifyFailed')} error={check.error} />
      )}
    </section>
  );
}
