/**
 * The review-cycle select both monitoring pages share: "all cycles" or one cycle of the meetings
 * on record. The cycle in the address is offered even before the meetings have loaded, so the
 * select never shows a value other than the one applied.
 */
import { useI18n } from '../i18n/i18n-context.js';
import { useCycles } from './monitoring-cycles.js';

export function CycleSelect({
  id,
  value,
  onChange,
}: {
  readonly id: string;
  readonly value: number | undefined;
  readonly onChange: (cycle: number | undefined) => void;
}) {
  const { t } = useI18n();
  const known = useCycles();
  const cycles = value === undefined || known.includes(value) ? known : [value, ...known];
  return (
    <div className="field field-narrow">
      <label htmlFor={id}>{t('monitoring.cycle')}</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(event) =>
          onChange(event.target.value === '' ? undefined : Number(event.target.value))
        }
      >
        <option value="">{t('monitoring.allCycles')}</option>
        {cycles.map((cycle) => (
          <option key={cycle} value={cycle}>
            {cycle}
          </option>
        ))}
      </select>
    </div>
  );
}
