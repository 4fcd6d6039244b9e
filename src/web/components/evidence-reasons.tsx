/**
 * Why the computer suggested a paragraph: each of the paragraph's words that matched, the
 * action's term it matched and how (a cited action number, a keyword, words of our summary, a
 * concept), both in the paragraph’s language (the matcher compares within one language).
 */
import { useI18n } from '../i18n/i18n-context.js';
import type { MatchReason } from './monitoring-api.js';

export function EvidenceReasons({
  reasons,
  textAttrs,
}: {
  readonly reasons: readonly MatchReason[];
  /** `lang` and `dir` of the paragraph, which the matched words come from. */
  readonly textAttrs: { readonly lang: string; readonly dir?: 'ltr' | 'rtl' | 'auto' };
}) {
  const { t, dir } = useI18n();
  if (reasons.length === 0) return null;
  // Strongest first: the reader wants the main reason, not the order of the matcher.
  const sorted = [...reasons].sort((a, b) => b.weight - a.weight);
  return (
    <div className="evidence-reasons">
      <h4>{t('evidence.why')}</h4>
      <ul>
        {sorted.map((reason, index) => (
          <li key={`${reason.kind}:${reason.term}:${index}`}>
            <q {...textAttrs}>{reason.matched}</q>{' '}
            <span aria-hidden="true">{dir === 'rtl' ? '←' : '→'}</span>
            <span className="visually-hidden">{t('evidence.matches')}</span>{' '}
            <span className="reason-term" {...textAttrs}>
              {reason.term}
            </span>{' '}
            <span className="reason-kind">({t(`reason.${reason.kind}`)})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
