/**
 * The "status as of" date field. It edits a draft and writes the address only once the draft is a
 * whole, plausible day, so typing a year digit by digit does not send requests for year 0002.
 */
import { useState } from 'react';
import { EARLIEST_AS_OF, isAsOfDate, LATEST_AS_OF, setAsOf, useAsOf } from '../as-of.js';
import { useI18n } from '../i18n/i18n-context.js';

export function AsOfControl({
  id,
  hint = true,
}: {
  readonly id: string;
  /** The note on how status is computed; a page whose introduction says so leaves it out. */
  readonly hint?: boolean;
}) {
  const { t } = useI18n();
  const { asOf, isToday } = useAsOf();
  const [draft, setDraft] = useState(asOf);
  const [shown, setShown] = useState(asOf);
  // The address can change under the field (back button, "today"): follow it.
  if (asOf !== shown) {
    setShown(asOf);
    setDraft(asOf);
  }
  return (
    <div className="filters as-of">
      <div className="field field-narrow">
        <label htmlFor={id}>{t('asOf.label')}</label>
        <input
          id={id}
          type="date"
          min={EARLIEST_AS_OF}
          max={LATEST_AS_OF}
          value={draft}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onChange={(event) => {
            const value = event.target.value;
            setDraft(value);
            if (isAsOfDate(value)) setAsOf(value);
          }}
        />
      </div>
      {!isToday && (
        <button type="button" className="button button-quiet" onClick={() => setAsOf(undefined)}>
          {t('asOf.today')}
        </button>
      )}
      {hint && (
        <p id={`${id}-hint`} className="as-of-hint muted">
          {t('asOf.hint')}
        </p>
      )}
    </div>
  );
}
