/**
 * `/reports?cycle=&state=`: national reports. Everyone sees the published ones, filtered by cycle
 * and State (the filters live in the address). A signed-in delegate also sees their State's
 * reports in any status and can start one; the secretariat sees the submitted ones waiting for
 * publication. What the list holds is the server's decision: it answers with what the asker may see.
 */
import { useMemo } from 'react';
import { stateName as nameInLang } from '../../domain/model.js';
import { api } from '../api-client.js';
import type { SessionUser } from '../api-types.js';
import { useCycles } from '../components/monitoring-cycles.js';
import { NewReportForm } from '../components/new-report-form.js';
import { ReportsTable } from '../components/report-bits.js';
import { fetchReports } from '../components/reports-api.js';
import { SignInNote } from '../components/sign-in-note.js';
import { Async } from '../components/status-views.js';
import { useI18n } from '../i18n/i18n-context.js';
import {
  navigate,
  readReportsQuery,
  reportsHref,
  useLocation,
  type ReportsAddress,
} from '../router.js';
import { useSession } from '../session.js';
import { useApi } from '../use-api.js';
import { useDocumentTitle } from '../use-document-title.js';
import { useStateNames, type NameOf } from '../use-names.js';

export function ReportsPage() {
  const { t } = useI18n();
  useDocumentTitle(t('reports.title'));
  const session = useSession();
  const stateName = useStateNames();
  const user = session.status === 'ready' ? session.user : null;
  return (
    <div className="reports-page">
      <h1>{t('reports.title')}</h1>
      <p className="lede">{t('reports.intro')}</p>
      {user?.role === 'delegate' && user.stateCode !== null && (
        <MyReports user={user} state={user.stateCode} stateName={stateName} />
      )}
      {user?.role === 'secretariat' && <Submitted who={user.username} stateName={stateName} />}
      <Published who={user?.username ?? ''} stateName={stateName} />
      {session.status === 'ready' && user === null && <SignInNote area="reports" user={null} />}
    </div>
  );
}

function MyReports({
  user,
  state,
  stateName,
}: {
  readonly user: SessionUser;
  readonly state: string;
  readonly stateName: NameOf;
}) {
  const { t } = useI18n();
  const [mine, retry] = useApi(`reports:mine:${user.username}`, (signal) =>
    fetchReports({ state }, signal),
  );
  const name = stateName(state);
  return (
    <section className="section my-reports" aria-labelledby="my-reports-title">
      <h2 id="my-reports-title">{t('reports.mine')}</h2>
      <p className="muted">{t('reports.mineIntro', { state: name })}</p>
      <Async remote={mine} retry={retry}>
        {(list) => (
          <>
            {list.items.length === 0 ? (
              <p className="empty">{t('reports.mineNone', { state: name })}</p>
            ) : (
              <ReportsTable
                items={list.items}
                stateName={stateName}
                caption={t('reports.mineCaption', { state: name })}
              />
            )}
            <NewReportForm user={user} stateName={name} previous={list.items} />
          </>
        )}
      </Async>
    </section>
  );
}

function Submitted({ who, stateName }: { readonly who: string; readonly stateName: NameOf }) {
  const { t } = useI18n();
  const [submitted, retry] = useApi(`reports:submitted:${who}`, (signal) =>
    fetchReports({ status: 'submitted' }, signal),
  );
  return (
    <section className="section" aria-labelledby="submitted-title">
      <h2 id="submitted-title">{t('reports.submitted')}</h2>
      <Async remote={submitted} retry={retry}>
        {(list) =>
          list.items.length === 0 ? (
            <p className="empty">{t('reports.submittedNone')}</p>
          ) : (
            <ReportsTable
              items={list.items}
              stateName={stateName}
              caption={t('reports.submittedCaption')}
            />
          )
        }
      </Async>
    </section>
  );
}

function Published({ who, stateName }: { readonly who: string; readonly stateName: NameOf }) {
  const { t, formatNumber } = useI18n();
  const { query } = useLocation();
  const address = readReportsQuery(query);
  const key = `reports:published:${who}:${reportsHref(address)}`;
  const [published, retry] = useApi(key, (signal) =>
    fetchReports({ status: 'published', cycle: address.cycle, state: address.state }, signal),
  );
  const shown =
    published.status === 'loading' && published.stale !== undefined
      ? ({ status: 'ok', data: published.stale } as const)
      : published;
  return (
    <section className="section" aria-labelledby="published-title">
      <h2 id="published-title">{t('reports.published')}</h2>
      <ReportFilters
        address={address}
        onChange={(next) => navigate(reportsHref(next), { replace: true })}
      />
      <Async remote={shown} retry={retry}>
        {(list) =>
          list.items.length === 0 ? (
            <p className="empty">{t('reports.none')}</p>
          ) : (
            <ReportsTable
              items={list.items}
              stateName={stateName}
              busy={published.status === 'loading'}
              caption={t('reports.count', { count: formatNumber(list.total) })}
            />
          )
        }
      </Async>
    </section>
  );
}

function ReportFilters({
  address,
  onChange,
}: {
  readonly address: ReportsAddress;
  readonly onChange: (next: ReportsAddress) => void;
}) {
  const { t, lang, compare } = useI18n();
  const cycles = useCycles();
  const [states] = useApi('states:all', (signal) => api.states({}, signal));
  const options = useMemo(
    () =>
      states.status === 'ok'
        ? states.data
            .map((s) => ({ id: s.id, name: nameInLang(s, lang) }))
            .sort((a, b) => compare(a.name, b.name))
        : [],
    [states, lang, compare],
  );
  const cycleOptions =
    address.cycle === undefined || cycles.includes(Number(address.cycle))
      ? cycles.map(String)
      : [address.cycle, ...cycles.map(String)];
  return (
    <form className="filters" onSubmit={(event) => event.preventDefault()}>
      <div className="field field-narrow">
        <label htmlFor="reports-cycle">{t('reports.cycle')}</label>
        <select
          id="reports-cycle"
          value={address.cycle ?? ''}
          onChange={(event) => onChange({ ...address, cycle: event.target.value || undefined })}
        >
          <option value="">{t('reports.allCycles')}</option>
          {cycleOptions.map((cycle) => (
            <option key={cycle} value={cycle}>
              {t('reports.cycleOf', { cycle })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="reports-state">{t('reports.state')}</label>
        <select
          id="reports-state"
          value={address.state ?? ''}
          onChange={(event) => onChange({ ...address, state: event.target.value || undefined })}
        >
          <option value="">{t('reports.allStates')}</option>
          {address.state !== undefined && !options.some((o) => o.id === address.state) && (
            <option value={address.state}>{address.state}</option>
          )}
          {options.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
