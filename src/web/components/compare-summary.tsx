/**
 * The comparison in figures: how many paragraphs changed, were inserted, deleted, moved or stayed
 * the same, each figure in the colour its paragraphs are shown in below.
 */
import { useI18n } from '../i18n/i18n-context.js';
import type { ChangeKind, Comparison } from './compare-api.js';

const KINDS: readonly ChangeKind[] = ['changed', 'inserted', 'deleted', 'moved', 'equal'];

export function CompareSummary({ summary }: { readonly summary: Comparison['summary'] }) {
  const { t, formatNumber } = useI18n();
  return (
    <dl className="compare-summary">
      {KINDS.map((kind) => (
        <div key={kind} className={`summary-${kind}`}>
          <dt>{t(`compare.kind.${kind}`)}</dt>
          <dd>{formatNumber(summary[kind] ?? 0)}</dd>
        </div>
      ))}
    </dl>
  );
}
