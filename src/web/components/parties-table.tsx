/**
 * The States an instrument's events concern, with their standing on the day, sorted by name in
 * the UI language and filterable by status (`?standing=`, so a filtered list can be shared).
 */
import { useMemo } from 'react';
import type { StateStanding } from '../api-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { setQuery, useLocation } from '../router.js';
import type { NameOf } from '../use-names.js';
import { Link } from './link.js';
import { isStanding, STANDINGS } from './standing-badge.js';
import { StandingCells, standingColumns, useStandingHeaders } from './standing-cells.js';

export function PartiesTable({
  rows,
  stateName,
  busy,
}: {
  readonly rows: readonly StateStanding[];
  readonly stateName: NameOf;
  readonly busy: boolean;
}) {
  const { t, compare, formatNumber } = useI18n();
  const { query } = useLocation();
  const requested = query.get('standing') ?? '';
  const filter = isStanding(requested) ? requested : '';
  const sorted = useMemo(
    () => [...rows].sort((a, b) => compare(stateName(a.state), stateName(b.state))),
    [rows, stateName, compare],
  );
  const shown = filter === '' ? sorted : sorted.filter((row) => row.status === filter);
  // The columns follow all rows, not the filtered ones, so filtering does not reshape the table.
  const columns = standingColumns(rows);
  const standingHeaders = useStandingHeaders(columns);
  const headers = [t('col.state'), ...standingHeaders];
  const present = STANDINGS.filter((s) => s === filter || rows.some((row) => row.status === s));
  return (
    <section className="section" aria-labelledby="parties-title">
      <h3 id="parties-title">{t('parties.title')}</h3>
      <div className="filters">
        <div className="field">
          <label htmlFor="parties-standing">{t('parties.filter')}</label>
          <select
            id="parties-standing"
            value={filter}
            onChange={(event) => setQuery({ standing: event.target.value })}
          >
            <option value="">{t('parties.allStandings')}</option>
            {present.map((standing) => (
              <option key={standing} value={standing}>
                {t(`standing.${standing}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {shown.length === 0 ? (
        <p className="empty">{t('parties.none')}</p>
      ) : (
        <div className="table-wrap" aria-busy={busy}>
          <table className="data-table parties-table">
            <caption>{t('common.shown', { count: formatNumber(shown.length) })}</caption>
            <thead>
              <tr>
                {headers.map((header) => (
                  <th scope="col" key={header}>
                    {header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr key={row.state}>
                  <th scope="row">
                    <Link href={`/states/${row.state}`}>{stateName(row.state)}</Link>
                  </th>
                  <StandingCells row={row} columns={columns} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
