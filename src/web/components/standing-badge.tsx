/**
 * A State's standing towards an instrument as a coloured badge, and the legend that names every
 * colour with its count. The colours are the server's map palette, so the badges, the legend and
 * the map read alike; the words carry the meaning, the colour only helps the eye.
 */
import { STATUS_COLORS } from '../../contract/status-colors.js';
import type { Standing } from '../api-types.js';
import { useI18n } from '../i18n/i18n-context.js';

/** From the strongest tie to none, the order the legend and the status filter use. */
export const STANDINGS: readonly Standing[] = [
  'party',
  'consented',
  'signed',
  'withdrawal-pending',
  'withdrawn',
  'ratification-withdrawn',
  'expired',
  'not-signed',
];

export const isStanding = (value: string): value is Standing =>
  (STANDINGS as readonly string[]).includes(value);

function Swatch({ standing }: { readonly standing: Standing }) {
  return (
    <span
      className="standing-swatch"
      aria-hidden="true"
      style={{ backgroundColor: STATUS_COLORS[standing] }}
    />
  );
}

export function StandingBadge({ standing }: { readonly standing: Standing }) {
  const { t } = useI18n();
  return (
    <span className="standing-badge">
      <Swatch standing={standing} />
      {t(`standing.${standing}`)}
    </span>
  );
}

export function StandingLegend({
  counts,
  labelledBy,
}: {
  readonly counts: Readonly<Record<Standing, number>>;
  readonly labelledBy: string;
}) {
  const { t, formatNumber } = useI18n();
  return (
    <ul className="standing-legend" aria-labelledby={labelledBy}>
      {/* Only instruments with a term can expire: the others' legends need not say so. */}
      {STANDINGS.filter((standing) => standing !== 'expired' || counts.expired > 0).map(
        (standing) => (
          <li key={standing}>
            <Swatch standing={standing} />
            <span className="standing-legend-label">{t(`standing.${standing}`)}</span>
            <span className="standing-legend-count">{formatNumber(counts[standing])}</span>
          </li>
        ),
      )}
    </ul>
  );
}
