/**
 * The cells that describe one State's standing towards one instrument — badge, signature,
 * consent, entry into force for it, withdrawal, sources — shared by the instrument's table of
 * States and the State's table of instruments, so both read the same way.
 */
import type { StateStanding } from '../api-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { SourcesDisclosure } from './sources-disclosure.js';
import { StandingBadge } from './standing-badge.js';

const CONSENT_KINDS = [
  'ratification',
  'accession',
  'succession',
  'acceptance',
  'approval',
  'consent-to-be-bound',
] as const;
type ConsentKind = (typeof CONSENT_KINDS)[number];
const isConsentKind = (kind: string): kind is ConsentKind =>
  (CONSENT_KINDS as readonly string[]).includes(kind);

/** Which optional columns a set of rows needs: a column of dashes only takes room. */
export interface StandingColumns {
  readonly inForceFrom: boolean;
  readonly withdrawal: boolean;
}

export function standingColumns(rows: readonly StateStanding[]): StandingColumns {
  return {
    inForceFrom: rows.some((row) => row.inForceFrom !== null),
    withdrawal: rows.some((row) => row.withdrawal !== null),
  };
}

export function useStandingHeaders(columns: StandingColumns): string[] {
  const { t } = useI18n();
  return [
    t('col.standing'),
    t('col.signed'),
    t('col.consented'),
    ...(columns.inForceFrom ? [t('col.inForceFrom')] : []),
    ...(columns.withdrawal ? [t('col.withdrawal')] : []),
    t('col.sources'),
  ];
}

export function StandingCells({
  row,
  columns,
}: {
  readonly row: StateStanding;
  readonly columns: StandingColumns;
}) {
  const { t, formatDate } = useI18n();
  const date = (value: string | null) =>
    value === null ? <span className="muted">—</span> : formatDate(value);
  const kind = row.consented?.kind;
  return (
    <>
      <td>
        <StandingBadge standing={row.status} />
      </td>
      <td className="nowrap">{date(row.signed)}</td>
      <td className="nowrap">
        {date(row.consented?.date ?? null)}
        {kind !== undefined && (
          <span className="cell-note">{isConsentKind(kind) ? t(`consent.${kind}`) : kind}</span>
        )}
      </td>
      {columns.inForceFrom && <td className="nowrap">{date(row.inForceFrom)}</td>}
      {columns.withdrawal && (
        <td className="nowrap">
          {row.withdrawal === null ? (
            <span className="muted">—</span>
          ) : (
            <>
              {t('withdrawal.notice', { date: formatDate(row.withdrawal.notice) })}
              <span className="cell-note">
                {t('withdrawal.effective', { date: formatDate(row.withdrawal.effective) })}
              </span>
            </>
          )}
        </td>
      )}
      <td>
        <SourcesDisclosure sources={row.sources} notes={row.notes} />
      </td>
    </>
  );
}
