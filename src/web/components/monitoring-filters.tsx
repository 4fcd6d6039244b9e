/**
 * The matrix's filters: review cycle, group of States (its members become the columns) and
 * pillar. They write the address, so a filtered matrix can be shared.
 */
import { api } from '../api-client.js';
import { useI18n } from '../i18n/i18n-context.js';
import { PILLARS } from '../pillars.js';
import { setQuery, type MonitoringAddress } from '../router.js';
import { useApi } from '../use-api.js';
import { CycleSelect } from './monitoring-cycle-select.js';

export function MonitoringFilters({ address }: { readonly address: MonitoringAddress }) {
  const { t, lang, compare } = useI18n();
  const [groups] = useApi('groups', (signal) => api.groups(signal));
  const known = groups.status === 'ok' ? groups.data : [];
  const sorted = [...known].sort((a, b) => compare(a.names[lang], b.names[lang]));
  const group = address.group;
  return (
    <form className="filters" onSubmit={(event) => event.preventDefault()}>
      <CycleSelect
        id="monitoring-cycle"
        value={address.cycle}
        onChange={(cycle) => setQuery({ cycle: cycle === undefined ? undefined : String(cycle) })}
      />
      <div className="field">
        <label htmlFor="monitoring-group">{t('monitoring.group')}</label>
        <select
          id="monitoring-group"
          value={group ?? ''}
          onChange={(event) => setQuery({ group: event.target.value })}
        >
          <option value="">{t('monitoring.allGroups')}</option>
          {/* The group in the address is offered before the list loads, so it stays selected. */}
          {group !== undefined && !known.some((g) => g.id === group) && (
            <option value={group}>{group}</option>
          )}
          {sorted.map((g) => (
            <option key={g.id} value={g.id}>
              {g.names[lang]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="monitoring-pillar">{t('actions.pillar')}</label>
        <select
          id="monitoring-pillar"
          value={address.pillar ?? ''}
          onChange={(event) => setQuery({ pillar: event.target.value })}
        >
          <option value="">{t('actions.allPillars')}</option>
          {PILLARS.map((value) => (
            <option key={value} value={value}>
              {t(`pillar.${value}`)}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
