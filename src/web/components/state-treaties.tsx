/**
 * The State page's "Treaties" section: its standing towards every instrument it has events for,
 * on the as-of day. One request for the State's events says which instruments those are, then
 * one status request per instrument (a handful), narrowed to this State.
 */
import { api } from '../api-client.js';
import type { StateStanding } from '../api-types.js';
import { useAsOf } from '../as-of.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useApi } from '../use-api.js';
import { useInstrumentNames } from '../use-names.js';
import { AsOfControl } from './as-of-control.js';
import { Link } from './link.js';
import { StandingCells, standingColumns, useStandingHeaders } from './standing-cells.js';
import { Async } from './status-views.js';

interface TreatyRow {
  readonly instrument: string;
  readonly standing: StateStanding;
}

async function loadTreaties(stateId: string, asOf: string, signal: AbortSignal) {
  const events = await api.events({ state: stateId }, signal);
  // Instruments it did nothing about by that day (a treaty not yet opened) are left out.
  const ids = [...new Set(events.filter((e) => e.date <= asOf).map((e) => e.instrument))];
  const statuses = await Promise.all(
    ids.map((id) => api.instrumentStatus(id, { asOf, state: stateId }, signal)),
  );
  return statuses.flatMap((status): TreatyRow[] =>
    status.states.map((standing) => ({ instrument: status.instrument.id, standing })),
  );
}

export function StateTreaties({ stateId }: { readonly stateId: string }) {
  const { t } = useI18n();
  const { asOf } = useAsOf();
  const [rows, retry] = useApi(`state-treaties:${stateId}:${asOf}`, (signal) =>
    loadTreaties(stateId, asOf, signal),
  );
  const shown =
    rows.status === 'loading' && rows.stale !== undefined
      ? ({ status: 'ok', data: rows.stale } as const)
      : rows;
  return (
    <section className="section" aria-labelledby="treaties-title">
      <h2 id="treaties-title">{t('state.treaties')}</h2>
      <AsOfControl id="state-as-of" />
      <Async remote={shown} retry={retry}>
        {(data) => <TreatiesTable rows={data} busy={rows.status === 'loading'} />}
      </Async>
    </section>
  );
}

function TreatiesTable({
  rows,
  busy,
}: {
  readonly rows: readonly TreatyRow[];
  readonly busy: boolean;
}) {
  const { t, compare } = useI18n();
  const instrumentName = useInstrumentNames();
  const columns = standingColumns(rows.map((row) => row.standing));
  const standingHeaders = useStandingHeaders(columns);
  if (rows.length === 0) return <p className="empty">{t('state.noTreaties')}</p>;
  const sorted = [...rows].sort((a, b) =>
    compare(instrumentName(a.instrument), instrumentName(b.instrument)),
  );
  return (
    <div className="table-wrap" aria-busy={busy}>
      <table className="data-table parties-table">
        <thead>
          <tr>
            {[t('col.instrument'), ...standingHeaders].map((header) => (
              <th scope="col" key={header}>
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.instrument}>
              <th scope="row">
                <Link href={`/instruments/${row.instrument}`}>
                  {instrumentName(row.instrument)}
                </Link>
              </th>
              <StandingCells row={row.standing} columns={columns} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
