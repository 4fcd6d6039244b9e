/**
 * The action page's "Status of the instruments" section: for each instrument the action names,
 * today's counts of parties, ratifications not yet in force and signatures, and its entry into
 * force — computed by the treaties module from the participation events on record.
 */
import { api } from '../api-client.js';
import type { Action } from '../api-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useApi } from '../use-api.js';
import { Link } from './link.js';

function InstrumentRow({ id, asOf }: { readonly id: string; readonly asOf: string }) {
  const { t, formatNumber } = useI18n();
  const [status] = useApi(`action-instrument-status:${id}:${asOf}`, (signal) =>
    api.instrumentStatus(id, { asOf }, signal),
  );
  if (status.status !== 'ok') return null;
  const { instrument, counts, entryIntoForce, expiry } = status.data;
  const force =
    expiry && expiry.date <= asOf
      ? t('actionInstruments.expired', { date: expiry.date })
      : entryIntoForce === null
        ? ''
        : entryIntoForce.date !== null
          ? t('actionInstruments.inForce', { date: entryIntoForce.date })
          : t('actionInstruments.notInForce');
  return (
    <tr>
      <th scope="row">
        <Link href={`/instruments/${id}`}>{instrument.name}</Link>
      </th>
      <td>{formatNumber(counts.party + counts['withdrawal-pending'])}</td>
      <td>{formatNumber(counts.consented)}</td>
      <td>{formatNumber(counts.signed)}</td>
      <td>{force}</td>
    </tr>
  );
}

export function ActionInstrumentStatus({ action }: { readonly action: Action }) {
  const { t } = useI18n();
  if (action.instruments.length === 0) return null;
  const asOf = new Date().toISOString().slice(0, 10);
  return (
    <section className="section" aria-labelledby="action-instruments-title">
      <h2 id="action-instruments-title">{t('actionInstruments.title')}</h2>
      <p className="muted">{t('actionInstruments.note', { date: asOf })}</p>
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('action.instruments')}</th>
              <th scope="col">{t('standing.party')}</th>
              <th scope="col">{t('standing.consented')}</th>
              <th scope="col">{t('standing.signed')}</th>
              <th scope="col">{t('actionInstruments.force')}</th>
            </tr>
          </thead>
          <tbody>
            {action.instruments.map((id) => (
              <InstrumentRow key={id} id={id} asOf={asOf} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
