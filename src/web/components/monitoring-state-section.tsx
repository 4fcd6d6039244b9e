/**
 * The State page's "Monitoring" section: the actions for which the documents on record hold
 * evidence about the State (confirmed / suggested, from the matrix) and its latest assessments,
 * each linking to that evidence.
 */
import { useI18n } from '../i18n/i18n-context.js';
import { evidenceHref } from '../router.js';
import { useApi } from '../use-api.js';
import { useActionLabel } from './action-labels.js';
import { Link } from './link.js';
import { AssessmentBadge } from './monitoring-badges.js';
import { fetchAssessments, fetchMatrix, type Assessment, type Matrix } from './monitoring-api.js';
import { actionNumberOf } from './monitoring-terms.js';
import { Async } from './status-views.js';

interface Row {
  readonly action: string;
  readonly number: number | null;
  readonly confirmed: number;
  readonly suggested: number;
  readonly assessments: readonly Assessment[];
}

export function StateMonitoring({ stateId }: { readonly stateId: string }) {
  const { t } = useI18n();
  const [matrix, retry] = useApi('matrix:all', (signal) => fetchMatrix({}, signal));
  const [assessments] = useApi(`assessments:state:${stateId}`, (signal) =>
    fetchAssessments({ state: stateId }, false, signal),
  );
  const latest = assessments.status === 'ok' ? assessments.data : [];
  return (
    <section className="section monitoring-section" aria-labelledby="state-monitoring-title">
      <h2 id="state-monitoring-title">{t('stateMonitoring.title')}</h2>
      <p className="muted">{t('stateMonitoring.intro')}</p>
      <Async remote={matrix} retry={retry}>
        {(data) => {
          const rows = stateRows(data, stateId, latest);
          return rows.length === 0 ? (
            <p className="empty">{t('stateMonitoring.none')}</p>
          ) : (
            <StateMonitoringTable stateId={stateId} rows={rows} />
          );
        }}
      </Async>
    </section>
  );
}

/** One row per action with evidence about the State or an assessment of it, in plan order. */
function stateRows(matrix: Matrix, stateId: string, latest: readonly Assessment[]): Row[] {
  const rows = new Map<
    string,
    { confirmed: number; suggested: number; assessments: Assessment[] }
  >();
  const rowOf = (action: string) => {
    const row = rows.get(action) ?? { confirmed: 0, suggested: 0, assessments: [] };
    rows.set(action, row);
    return row;
  };
  for (const cell of matrix.cells) {
    if (cell.state !== stateId) continue;
    const row = rowOf(cell.action);
    row.confirmed += cell.confirmed;
    row.suggested += cell.suggested;
  }
  for (const assessment of latest) rowOf(assessment.actionId).assessments.push(assessment);
  const order = new Map(matrix.actions.map((a, index) => [a.id, index]));
  return [...rows]
    .map(([action, row]) => ({ action, number: actionNumberOf(action), ...row }))
    .sort(
      (a, b) =>
        (order.get(a.action) ?? order.size) - (order.get(b.action) ?? order.size) ||
        a.action.localeCompare(b.action),
    );
}

function StateMonitoringTable({
  stateId,
  rows,
}: {
  readonly stateId: string;
  readonly rows: readonly Row[];
}) {
  const { t, formatNumber } = useI18n();
  const label = useActionLabel();
  return (
    <div className="table-wrap">
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('monitoring.action')}</th>
            <th scope="col" className="numeric">
              {t('evidence.status.confirmed')}
            </th>
            <th scope="col" className="numeric">
              {t('evidence.status.suggested')}
            </th>
            <th scope="col">{t('stateMonitoring.assessment')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.action}>
              <th scope="row">
                <Link href={evidenceHref({ action: row.action, state: stateId })}>
                  {label(row)}
                </Link>
              </th>
              <td className="numeric">{formatNumber(row.confirmed)}</td>
              <td className="numeric">{formatNumber(row.suggested)}</td>
              <td>
                {row.assessments.length === 0 ? (
                  <span className="muted">{t('assessment.none')}</span>
                ) : (
                  <ul className="plain-list">
                    {[...row.assessments]
                      .sort((a, b) => b.cycle - a.cycle)
                      .map((a) => (
                        <li key={a.cycle}>
                          <Link
                            href={evidenceHref({
                              action: row.action,
                              state: stateId,
                              cycle: a.cycle,
                            })}
                          >
                            {t('monitoring.cycleOf', { cycle: a.cycle })}
                          </Link>{' '}
                          <AssessmentBadge status={a.status} />
                        </li>
                      ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
