/**
 * `/instruments`: the treaties, protocols and agreement types the data refers to, with their
 * entry into force. Each links to its own page; the P5 × protocols matrix spans several, so it
 * is linked from here.
 */
import { api } from '../api-client.js';
import type { Instrument } from '../api-types.js';
import { Link } from '../components/link.js';
import { Async } from '../components/status-views.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useApi } from '../use-api.js';
import { useDocumentTitle } from '../use-document-title.js';

export function InstrumentsPage() {
  const { t } = useI18n();
  useDocumentTitle(t('instruments.title'));
  const [instruments, retry] = useApi('instruments', (signal) => api.instruments(signal));
  return (
    <div>
      <h1>{t('instruments.title')}</h1>
      <p className="lede">{t('instruments.intro')}</p>
      <p className="see-also">
        <Link href="/treaties/nwfz-protocols">{t('nwfz.link')}</Link>
      </p>
      <Async remote={instruments} retry={retry}>
        {(data) => <InstrumentTable instruments={data} />}
      </Async>
    </div>
  );
}

function InstrumentTable({ instruments }: { readonly instruments: readonly Instrument[] }) {
  const { t, lang, formatDate, formatNumber } = useI18n();
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption>{t('common.shown', { count: formatNumber(instruments.length) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('col.instrument')}</th>
            <th scope="col">{t('col.kind')}</th>
            <th scope="col">{t('col.entryIntoForce')}</th>
          </tr>
        </thead>
        <tbody>
          {instruments.map((instrument) => (
            <tr key={instrument.id}>
              <th scope="row">
                <Link href={`/instruments/${instrument.id}`}>{instrument.names[lang].short}</Link>
                <span className="cell-note">{instrument.names[lang].full}</span>
              </th>
              <td>{t(`instrument.kind.${instrument.kind}`)}</td>
              <td className="nowrap">
                {instrument.entryIntoForce === null ? (
                  <span className="muted">{t('instrument.notInForce')}</span>
                ) : (
                  formatDate(instrument.entryIntoForce)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
