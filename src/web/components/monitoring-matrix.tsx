/**
 * The action × State matrix: actions as rows (number and our short summary), States as columns
 * (ISO codes, the name in a tooltip). A cell shows its confirmed / suggested evidence and the
 * latest assessment as a labelled badge, and links to that action's evidence for that State.
 * The table scrolls inside its box, so its header row and action column stay in view both ways.
 */
import type { Action } from '../api-types.js';
import { useI18n, useTextAttrs } from '../i18n/i18n-context.js';
import { pick } from '../localized.js';
import { evidenceHref } from '../router.js';
import type { NameOf } from '../use-names.js';
import { useActionLabel } from './action-labels.js';
import { Link } from './link.js';
import { AssessmentBadge } from './monitoring-badges.js';
import type { Matrix, MatrixAction, MatrixCell } from './monitoring-api.js';

export function MonitoringMatrix({
  matrix,
  actions,
  stateName,
  cycle,
}: {
  readonly matrix: Matrix;
  /** The Action Plan, for the summaries; rows show the number alone until it loads. */
  readonly actions: readonly Action[];
  readonly stateName: NameOf;
  readonly cycle: number | undefined;
}) {
  const { t } = useI18n();
  const cells = new Map(matrix.cells.map((cell) => [`${cell.action}|${cell.state}`, cell]));
  return (
    <div className="monitoring-matrix-wrap" tabIndex={0} aria-labelledby="monitoring-caption">
      <table className="data-table monitoring-matrix">
        <caption id="monitoring-caption">{t('monitoring.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="matrix-corner">
              {t('monitoring.action')}
            </th>
            {matrix.states.map((state) => (
              <th key={state} scope="col" className="matrix-state">
                <abbr title={stateName(state)}>{state}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.actions.map((action) => (
            <tr key={action.id}>
              <ActionHeader action={action} details={actions.find((a) => a.id === action.id)} />
              {matrix.states.map((state) => (
                <MatrixCellView
                  key={state}
                  action={action}
                  state={state}
                  stateName={stateName(state)}
                  cell={cells.get(`${action.id}|${state}`)}
                  cycle={cycle}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ActionHeader({
  action,
  details,
}: {
  readonly action: MatrixAction;
  readonly details: Action | undefined;
}) {
  const { lang } = useI18n();
  const label = useActionLabel();
  const textAttrs = useTextAttrs();
  const summary = details === undefined ? undefined : pick(details.summary, lang);
  return (
    <th scope="row" className="matrix-action">
      <Link href={`/actions/${action.id}`} className="action-number">
        {label(action)}
      </Link>
      {summary !== undefined && (
        <span className="matrix-summary" {...textAttrs(summary.lang)} title={summary.value}>
          {summary.value}
        </span>
      )}
    </th>
  );
}

function MatrixCellView({
  action,
  state,
  stateName,
  cell,
  cycle,
}: {
  readonly action: MatrixAction;
  readonly state: string;
  readonly stateName: string;
  readonly cell: MatrixCell | undefined;
  readonly cycle: number | undefined;
}) {
  const { t, formatNumber } = useI18n();
  const label = useActionLabel();
  if (cell === undefined)
    return (
      <td className="matrix-empty">
        <span aria-hidden="true">·</span>
        <span className="visually-hidden">{t('monitoring.noCell')}</span>
      </td>
    );
  const counts = {
    action: label(action),
    state: stateName,
    confirmed: formatNumber(cell.confirmed),
    suggested: formatNumber(cell.suggested),
  };
  const description =
    cell.assessment === null
      ? t('monitoring.cell', counts)
      : t('monitoring.cellAssessed', {
          ...counts,
          status: t(`assessment.status.${cell.assessment.status}`),
        });
  return (
    <td
      className={cell.confirmed > 0 ? 'matrix-filled has-confirmed' : 'matrix-filled'}
      data-action={action.id}
      data-state={state}
    >
      <Link
        href={evidenceHref({ action: action.id, state, cycle })}
        className="matrix-link"
        aria-label={description}
        title={description}
      >
        <span className="matrix-counts" aria-hidden="true">
          <span className="n-confirmed">{formatNumber(cell.confirmed)}</span>
          <span className="n-sep">/</span>
          <span className="n-suggested">{formatNumber(cell.suggested)}</span>
        </span>
        {cell.assessment !== null && <AssessmentBadge status={cell.assessment.status} />}
      </Link>
    </td>
  );
}
