/**
 * `/treaties/nwfz-protocols`: the five nuclear-weapon States against the protocols to the
 * nuclear-weapon-free-zone treaties — who had signed and ratified what on the as-of day, each cell
 * with its sources and notes. The protocols are where those States give their security assurances.
 */
import type { CSSProperties } from 'react';
import { STATUS_COLORS } from '../../contract/status-colors.js';
import { api } from '../api-client.js';
import type { ProtocolCell, ProtocolMatrix } from '../api-types.js';
import { useAsOf } from '../as-of.js';
import { AsOfControl } from '../components/as-of-control.js';
import { Link } from '../components/link.js';
import { SourceTip } from '../components/source-tip.js';
import { Async } from '../components/status-views.js';
import { useI18n } from '../i18n/i18n-context.js';
import { useApi } from '../use-api.js';
import { useDocumentTitle } from '../use-document-title.js';
import { useInstrumentNames, useStateNames } from '../use-names.js';

/** A ratified protocol is in force for the State (it is per-State); the map's colours say so. */
const RATIFIED = STATUS_COLORS.party;
const SIGNED = STATUS_COLORS.signed;
/** The colour of a cell's bar, as a custom property the stylesheet draws on the start side. */
const mark = (color: string) => ({ '--mark': color }) as CSSProperties;

export function NwfzProtocolsPage() {
  const { t } = useI18n();
  useDocumentTitle(t('nwfz.title'));
  const { asOf } = useAsOf();
  const [matrix, retry] = useApi(`nwfz-protocols:${asOf}`, (signal) =>
    api.nwfzProtocols(asOf, signal),
  );
  const shown =
    matrix.status === 'loading' && matrix.stale !== undefined
      ? ({ status: 'ok', data: matrix.stale } as const)
      : matrix;
  return (
    <div>
      <p className="breadcrumb">
        <Link href="/instruments">{t('instruments.back')}</Link>
      </p>
      <h1>{t('nwfz.title')}</h1>
      <p className="lede">{t('nwfz.intro')}</p>
      <div className="matrix-toolbar">
        <AsOfControl id="nwfz-as-of" hint={false} />
        <ul className="matrix-legend">
          <li>
            <span className="matrix-key" style={mark(RATIFIED)} aria-hidden="true" />
            {t('nwfz.legendRatified')}
          </li>
          <li>
            <span className="matrix-key" style={mark(SIGNED)} aria-hidden="true" />
            {t('nwfz.legendSigned')}
          </li>
        </ul>
      </div>
      <Async remote={shown} retry={retry}>
        {(data) => <MatrixTable matrix={data} busy={matrix.status === 'loading'} />}
      </Async>
    </div>
  );
}

function MatrixTable({
  matrix,
  busy,
}: {
  readonly matrix: ProtocolMatrix;
  readonly busy: boolean;
}) {
  const { t, formatDate } = useI18n();
  const stateName = useStateNames();
  const instrumentName = useInstrumentNames();
  if (matrix.protocols.length === 0) return <p className="empty">{t('nwfz.empty')}</p>;
  return (
    <div className="table-wrap matrix-wrap" aria-busy={busy}>
      <table className="data-table matrix-table">
        <caption>{t('nwfz.caption', { date: formatDate(matrix.asOf) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('col.protocol')}</th>
            {matrix.states.map((state) => (
              <th scope="col" key={state}>
                <Link href={`/states/${state}`}>{stateName(state)}</Link>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.protocols.map((protocol) => (
            <tr key={protocol.id}>
              <th scope="row">
                <Link href={`/instruments/${protocol.id}`}>{instrumentName(protocol.id)}</Link>
              </th>
              {matrix.states.map((state) => (
                <MatrixCell
                  key={state}
                  cell={protocol.cells[state]}
                  label={t('nwfz.details', {
                    protocol: instrumentName(protocol.id),
                    state: stateName(state),
                  })}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MatrixCell({
  cell,
  label,
}: {
  readonly cell: ProtocolCell | undefined;
  readonly label: string;
}) {
  const { t, formatDate } = useI18n();
  if (cell === undefined || (cell.signed === null && cell.consented === null)) {
    return (
      <td className="matrix-cell">
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{t('nwfz.neither')}</span>
        {cell !== undefined && (
          <SourceTip label={label} sources={cell.sources} notes={cell.notes} />
        )}
      </td>
    );
  }
  return (
    <td
      className="matrix-cell matrix-filled"
      style={mark(cell.consented === null ? SIGNED : RATIFIED)}
    >
      {/* First, so that it floats beside the first line rather than below the last. */}
      <SourceTip label={label} sources={cell.sources} notes={cell.notes} />
      <dl className="matrix-dates">
        {cell.signed !== null && (
          <div>
            <dt>{t('nwfz.signed')}</dt>
            <dd>{formatDate(cell.signed)}</dd>
          </div>
        )}
        {cell.consented !== null && (
          <div>
            <dt>{t('nwfz.ratified')}</dt>
            <dd>{formatDate(cell.consented)}</dd>
          </div>
        )}
      </dl>
    </td>
  );
}
