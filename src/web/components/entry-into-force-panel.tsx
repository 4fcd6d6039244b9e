/**
 * Whether the instrument is in force on the day, as computed by the server under its rule: since
 * when (and whether that date is computed or only recorded by the depositary), or how far it is
 * from entering into force — for the CTBT, which Annex 2 States are still missing.
 */
import type { EntryIntoForce } from '../api-types.js';
import { useI18n, useTextAttrs } from '../i18n/i18n-context.js';
import type { NameOf } from '../use-names.js';
import { Link } from './link.js';

export function EntryIntoForcePanel({
  entry,
  asOf,
  stateName,
}: {
  readonly entry: EntryIntoForce;
  readonly asOf: string;
  readonly stateName: NameOf;
}) {
  const { t, formatDate, formatNumber } = useI18n();
  const textAttrs = useTextAttrs();
  const inForce = entry.date !== null;
  return (
    <section
      className={`eif-panel ${inForce || entry.rule === 'per-state' ? 'eif-in-force' : 'eif-not-in-force'}`}
      aria-labelledby="eif-title"
    >
      <h3 id="eif-title">{t('eif.title')}</h3>
      {entry.rule === 'per-state' ? (
        <p className="eif-headline">{t('eif.perState')}</p>
      ) : entry.date !== null ? (
        <>
          <p className="eif-headline">{t('eif.inForce', { date: formatDate(entry.date) })}</p>
          <p>{t(entry.basis === 'computed' ? 'eif.computed' : 'eif.recorded')}</p>
        </>
      ) : (
        <>
          <p className="eif-headline">{t('eif.notInForce', { date: formatDate(asOf) })}</p>
          {entry.rule === 'annex' && entry.required !== null ? (
            <MissingStates entry={entry} required={entry.required} stateName={stateName} />
          ) : (
            entry.required !== null && (
              <p>
                {t('eif.count', {
                  consents: formatNumber(entry.consents),
                  required: formatNumber(entry.required),
                })}
                {entry.consents >= entry.required && <> {t('eif.pending')}</>}
              </p>
            )
          )}
        </>
      )}
      <p className="eif-rule">
        {t('eif.rule')}: <span {...textAttrs('en')}>{entry.source}</span>
      </p>
    </section>
  );
}

function MissingStates({
  entry,
  required,
  stateName,
}: {
  readonly entry: EntryIntoForce;
  readonly required: number;
  readonly stateName: NameOf;
}) {
  const { t, formatNumber, compare } = useI18n();
  // Sorted by name in the UI language: the API sorts by code, which reads as no order at all.
  const missing = [...entry.missing].sort((a, b) => compare(stateName(a), stateName(b)));
  return (
    <>
      <p>
        {t('eif.annex', {
          done: formatNumber(required - missing.length),
          required: formatNumber(required),
        })}
      </p>
      {missing.length > 0 && (
        <>
          <p className="eif-missing-title" id="eif-missing-title">
            {t('eif.missing', { count: formatNumber(missing.length) })}
          </p>
          <ul className="eif-missing" aria-labelledby="eif-missing-title">
            {missing.map((id) => (
              <li key={id}>
                <Link href={`/states/${id}`}>{stateName(id)}</Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
