/**
 * `/states`: search by name in any language and filter by group or UN status. The filters live in
 * the address (?q=&group=&status=) so a filtered list can be shared and the back button works.
 */
import { useMemo } from 'react';
import { stateName } from '../../domain/model.js';
import { api } from '../api-client.js';
import type { GroupSummary, State, StateStatus } from '../api-types.js';
import { Link } from '../components/link.js';
import { Async } from '../components/status-views.js';
import { useI18n } from '../i18n/i18n-context.js';
import { setQuery, useLocation } from '../router.js';
import { useApi } from '../use-api.js';
import { useDebounced } from '../use-debounced.js';
import { useDocumentTitle } from '../use-document-title.js';

const STATUSES: readonly StateStatus[] = ['member', 'observer', 'non-member'];
const isStatus = (value: string): value is StateStatus =>
  (STATUSES as readonly string[]).includes(value);

export function StatesPage() {
  const { t } = useI18n();
  useDocumentTitle(t('states.title'));
  const { query } = useLocation();
  const q = query.get('q') ?? '';
  const group = query.get('group') ?? '';
  const rawStatus = query.get('status') ?? '';
  const status = isStatus(rawStatus) ? rawStatus : undefined;
  const search = useDebounced(q.trim(), 250);
  const [groups] = useApi('groups', (signal) => api.groups(signal));
  const request = { q: search || undefined, group: group || undefined, status };
  const [states, retry] = useApi(JSON.stringify(request), (signal) => api.states(request, signal));
  const groupList = groups.status === 'ok' ? groups.data : [];
  const shown =
    states.status === 'loading' && states.stale !== undefined
      ? ({ status: 'ok', data: states.stale } as const)
      : states;

  return (
    <div>
      <h1>{t('states.title')}</h1>
      <p className="lede">{t('states.intro')}</p>
      <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
        <div className="field field-wide">
          <label htmlFor="states-q">{t('states.search')}</label>
          <input
            id="states-q"
            type="search"
            value={q}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setQuery({ q: event.target.value })}
          />
        </div>
        <GroupSelect groups={groupList} value={group} />
        <div className="field">
          <label htmlFor="states-status">{t('states.status')}</label>
          <select
            id="states-status"
            value={status ?? ''}
            onChange={(event) => setQuery({ status: event.target.value })}
          >
            <option value="">{t('states.allStatuses')}</option>
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`status.${value}`)}
              </option>
            ))}
          </select>
        </div>
      </form>
      <Async remote={shown} retry={retry}>
        {(data) => <StatesTable states={data} busy={states.status === 'loading'} />}
      </Async>
    </div>
  );
}

function GroupSelect({
  groups,
  value,
}: {
  readonly groups: readonly GroupSummary[];
  readonly value: string;
}) {
  const { t, lang } = useI18n();
  return (
    <div className="field">
      <label htmlFor="states-group">{t('states.group')}</label>
      <select
        id="states-group"
        value={value}
        onChange={(event) => setQuery({ group: event.target.value })}
      >
        <option value="">{t('states.allGroups')}</option>
        {/* Keep an unknown ?group= selectable so the select shows what the list is filtered by. */}
        {value !== '' && !groups.some((g) => g.id === value) && (
          <option value={value}>{value}</option>
        )}
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.names[lang]}
          </option>
        ))}
      </select>
    </div>
  );
}

function StatesTable({
  states,
  busy,
}: {
  readonly states: readonly State[];
  readonly busy: boolean;
}) {
  const { t, lang, compare, formatNumber } = useI18n();
  const rows = useMemo(
    () =>
      states
        .map((state) => ({ state, name: stateName(state, lang) }))
        .sort((a, b) => compare(a.name, b.name)),
    [states, lang, compare],
  );
  if (rows.length === 0) return <p className="empty">{t('states.none')}</p>;
  return (
    <div className="table-wrap" aria-busy={busy}>
      <table className="data-table">
        <caption>{t('common.shown', { count: formatNumber(rows.length) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('col.code')}</th>
            <th scope="col">{t('col.name')}</th>
            <th scope="col">{t('col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ state, name }) => (
            <tr key={state.id}>
              <td>
                <span className="code">{state.id}</span>
              </td>
              <th scope="row">
                <Link href={`/states/${state.id}`}>{name}</Link>
              </th>
              <td>{t(`status.${state.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
