/**
 * The evidence list's filters: action, State, review cycle and review status. They write the
 * address, so a cell of the matrix and a filtered list are the same kind of link.
 */
import { stateName } from '../../domain/model.js';
import { api } from '../api-client.js';
import type { Action } from '../api-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { setQuery, type EvidenceAddress } from '../router.js';
import { useApi } from '../use-api.js';
import { useActionLabel } from './action-labels.js';
import { CycleSelect } from './monitoring-cycle-select.js';
import { EVIDENCE_STATUSES } from './monitoring-terms.js';

export function EvidenceFilters({
  address,
  actions,
}: {
  /** With the action in its canonical form, so the select shows it. */
  readonly address: EvidenceAddress;
  readonly actions: readonly Action[];
}) {
  const { t, lang, compare } = useI18n();
  const label = useActionLabel();
  const [states] = useApi('states:all', (signal) => api.states({}, signal));
  const named = (states.status === 'ok' ? states.data : [])
    .map((state) => ({ id: state.id, name: stateName(state, lang) }))
    .sort((a, b) => compare(a.name, b.name));
  const { action, state } = address;
  return (
    <form className="filters" onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor="evidence-action">{t('evidence.action')}</label>
        <select
          id="evidence-action"
          value={action ?? ''}
          onChange={(event) => setQuery({ action: event.target.value })}
        >
          <option value="">{t('evidence.anyAction')}</option>
          {action !== undefined && !actions.some((a) => a.id === action) && (
            <option value={action}>{action}</option>
          )}
          {actions.map((a) => (
            <option key={a.id} value={a.id}>
              {label(a)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="evidence-state">{t('evidence.state')}</label>
        <select
          id="evidence-state"
          value={state ?? ''}
          onChange={(event) => setQuery({ state: event.target.value })}
        >
          <option value="">{t('evidence.anyState')}</option>
          {state !== undefined && !named.some((s) => s.id === state) && (
            <option value={state}>{state}</option>
          )}
          {named.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <CycleSelect
        id="evidence-cycle"
        value={address.cycle}
        onChange={(cycle) => setQuery({ cycle: cycle === undefined ? undefined : String(cycle) })}
      />
      <div className="field">
        <label htmlFor="evidence-status">{t('evidence.status')}</label>
        <select
          id="evidence-status"
          value={address.status ?? ''}
          onChange={(event) => setQuery({ status: event.target.value })}
        >
          <option value="">{t('evidence.openStatuses')}</option>
          {EVIDENCE_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`evidence.status.${status}`)}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
