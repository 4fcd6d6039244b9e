/**
 * `/monitoring?cycle=&group=&pillar=`: the action × State matrix of the 2010 Action Plan — where
 * the documents on record carry evidence, how much of it reviewers have confirmed, and the latest
 * assessment — with its filters and the CSV downloads of the matrix and of the evidence.
 */
import { api } from '../api-client.js';
import { MonitoringFilters } from '../components/monitoring-filters.js';
import { MonitoringMatrix } from '../components/monitoring-matrix.js';
import {
  evidenceCsvUrl,
  fetchMatrix,
  matrixCsvUrl,
  type Matrix,
} from '../components/monitoring-api.js';
import { Async } from '../components/status-views.js';
import { useI18n } from '../i18n/i18n-context.js';
import { monitoringHref, readMonitoringQuery, useLocation } from '../router.js';
import { useApi } from '../use-api.js';
import { useDocumentTitle } from '../use-document-title.js';
import { useStateNames } from '../use-names.js';

export function MonitoringPage() {
  const { t } = useI18n();
  useDocumentTitle(t('monitoring.title'));
  const { query } = useLocation();
  const address = readMonitoringQuery(query);
  const [matrix, retry] = useApi(`matrix:${monitoringHref(address)}`, (signal) =>
    fetchMatrix(address, signal),
  );
  const [actions] = useApi('actions:', (signal) => api.actions({}, signal));
  const stateName = useStateNames();
  return (
    <div>
      <h1>{t('monitoring.title')}</h1>
      <p className="lede">{t('monitoring.intro')}</p>
      <MonitoringFilters address={address} />
      <div className="monitoring-bar">
        {matrix.status === 'ok' && matrix.data.cells.length > 0 && (
          <MatrixLegend matrix={matrix.data} />
        )}
        <p className="monitoring-downloads">
          <span className="muted">{t('monitoring.downloads')}:</span>
          <a className="download-link" href={matrixCsvUrl(address)} download>
            {t('monitoring.matrixCsv')}
          </a>
          <a className="download-link" href={evidenceCsvUrl({ cycle: address.cycle })} download>
            {t('monitoring.evidenceCsv')}
          </a>
        </p>
      </div>
      <Async remote={matrix} retry={retry}>
        {(data) =>
          data.cells.length === 0 ? (
            <p className="empty monitoring-empty">{t('monitoring.empty')}</p>
          ) : (
            <MonitoringMatrix
              matrix={data}
              actions={actions.status === 'ok' ? actions.data : []}
              stateName={stateName}
              cycle={address.cycle}
            />
          )
        }
      </Async>
    </div>
  );
}

/** What the table holds, and how to read a cell. */
function MatrixLegend({ matrix }: { readonly matrix: Matrix }) {
  const { t, formatNumber } = useI18n();
  return (
    <div className="monitoring-legend">
      <p className="count">
        {t('monitoring.shown', {
          actions: formatNumber(matrix.actions.length),
          states: formatNumber(matrix.states.length),
        })}
      </p>
      <p className="muted">{t('monitoring.legend')}</p>
    </div>
  );
}
