/**
 * The instrument page's participation section: the as-of day, entry into force on that day,
 * States by status (the badges' legend), the map and timeline, and the table of States. One
 * status request per day; the previous day's figures stay on screen, marked busy, while it loads.
 */
import { api } from '../api-client.js';
import type { Instrument, InstrumentStatus } from '../api-types.js';
import { useAsOf } from '../as-of.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useApi } from '../use-api.js';
import { useStateNames, type NameOf } from '../use-names.js';
import { AsOfControl } from './as-of-control.js';
import { EntryIntoForcePanel } from './entry-into-force-panel.js';
import { ParticipationCharts } from './participation-charts.js';
import { PartiesTable } from './parties-table.js';
import { StandingLegend } from './standing-badge.js';
import { Async } from './status-views.js';

export function InstrumentParticipation({ instrument }: { readonly instrument: Instrument }) {
  const { t, formatDate } = useI18n();
  const { asOf } = useAsOf();
  const stateName = useStateNames();
  const [status, retry] = useApi(`instrument-status:${instrument.id}:${asOf}`, (signal) =>
    api.instrumentStatus(instrument.id, { asOf }, signal),
  );
  const shown =
    status.status === 'loading' && status.stale !== undefined
      ? ({ status: 'ok', data: status.stale } as const)
      : status;
  return (
    <section className="section participation" aria-labelledby="participation-title">
      <h2 id="participation-title">{t('participation.title', { date: formatDate(asOf) })}</h2>
      <AsOfControl id="as-of" />
      <Async remote={shown} retry={retry}>
        {(data) => (
          <ParticipationView
            instrument={instrument}
            status={data}
            stateName={stateName}
            busy={status.status === 'loading'}
          />
        )}
      </Async>
    </section>
  );
}

function ParticipationView({
  instrument,
  status,
  stateName,
  busy,
}: {
  readonly instrument: Instrument;
  readonly status: InstrumentStatus;
  readonly stateName: NameOf;
  readonly busy: boolean;
}) {
  const { t, lang, formatNumber } = useI18n();
  return (
    <div className="participation-body" aria-busy={busy}>
      <div className="participation-summary">
        {status.entryIntoForce !== null && (
          <EntryIntoForcePanel
            entry={status.entryIntoForce}
            asOf={status.asOf}
            stateName={stateName}
          />
        )}
        {status.events > 0 && (
          <section className="standing-summary" aria-labelledby="legend-title">
            <h3 id="legend-title">{t('participation.legend')}</h3>
            <StandingLegend counts={status.counts} labelledBy="legend-title" />
            <p className="muted small">
              {t('participation.basis', { count: formatNumber(status.events) })}
            </p>
          </section>
        )}
      </div>
      {status.events === 0 ? (
        <p className="empty">{t('participation.none')}</p>
      ) : (
        <>
          <ParticipationCharts
            instrumentId={instrument.id}
            instrumentName={instrument.names[lang].short}
            asOf={status.asOf}
          />
          <PartiesTable rows={status.states} stateName={stateName} busy={busy} />
        </>
      )}
    </div>
  );
}
