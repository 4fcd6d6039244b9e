/**
 * The sources (and notes) behind a status, folded away until asked for: a table of 180 States
 * stays readable, and every figure is still one click from its record. The records are English.
 */
import { useI18n, useTextAttrs } from '../i18n/i18n-context.js';

/** The API repeats a source once per event it backs (signature and ratification on one line). */
export const distinct = (values: readonly string[]) => [...new Set(values)];

export function SourcesDisclosure({
  sources,
  notes,
}: {
  readonly sources: readonly string[];
  readonly notes: readonly string[];
}) {
  const { t, formatNumber } = useI18n();
  const textAttrs = useTextAttrs();
  const unique = distinct(sources);
  if (unique.length === 0 && notes.length === 0) return <span className="muted">—</span>;
  const count = formatNumber(unique.length);
  return (
    <details className="sources">
      <summary>
        {notes.length > 0 ? t('sources.withNotes', { count }) : t('sources.show', { count })}
      </summary>
      <ul className="sources-list" {...textAttrs('en')}>
        {unique.map((source) => (
          <li key={source}>{source}</li>
        ))}
      </ul>
      {notes.length > 0 && (
        <>
          <p className="sources-heading">{t('sources.notes')}</p>
          <ul className="sources-list" {...textAttrs('en')}>
            {notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </>
      )}
    </details>
  );
}
