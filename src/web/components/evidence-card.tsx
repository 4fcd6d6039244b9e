/**
 * One piece of evidence: the paragraph quoted in its own language and direction, its citation
 * linking to the paragraph in the document, the action, the States it speaks for, its score and
 * why it was suggested, its status and stance, the review controls (for those who may review)
 * and the review history.
 */
import { isLang } from '../../domain/language-codes.js';
import { documentHref } from '../document-names.js';
import { dirOf, useI18n } from '../i18n/i18n-context.js';
import type { NameOf } from '../use-names.js';
import { useActionLabel } from './action-labels.js';
import { EvidenceHistory } from './evidence-history.js';
import { EvidenceReasons } from './evidence-reasons.js';
import { EvidenceReview } from './evidence-review.js';
import { Link } from './link.js';
import { EvidenceStatusBadge } from './monitoring-badges.js';
import type { EvidenceItem, EvidenceRevision } from './monitoring-api.js';
import { useEvidenceCitation } from './monitoring-citation.js';
import { actionNumberOf } from './monitoring-terms.js';

export function EvidenceCard({
  item,
  stateName,
  revisions,
  reviewable,
  historyOpen,
  onToggleHistory,
  onReviewed,
}: {
  readonly item: EvidenceItem;
  readonly stateName: NameOf;
  /** The history the last review of this item answered with, if any. */
  readonly revisions: readonly EvidenceRevision[] | undefined;
  /** The reader may review it (a signed-in analyst or the secretariat). */
  readonly reviewable: boolean;
  readonly historyOpen: boolean;
  readonly onToggleHistory: () => void;
  readonly onReviewed: (revisions: readonly EvidenceRevision[]) => void;
}) {
  const { t, formatNumber } = useI18n();
  const label = useActionLabel();
  // The quote always says its language and direction: Arabic reads right to left in any page.
  const textAttrs = isLang(item.lang)
    ? { lang: item.lang, dir: dirOf(item.lang) }
    : { lang: 'und', dir: 'auto' as const };
  const citation = useEvidenceCitation()(item);
  const titleId = `${item.id}-title`;
  return (
    <article className={`evidence-card is-${item.status}`} id={item.id} aria-labelledby={titleId}>
      <header className="evidence-head">
        <h3 id={titleId} className="evidence-citation">
          <Link href={documentHref(item.document, { lang: item.lang, eId: item.eId })}>
            {citation}
          </Link>
          {isLang(item.lang) && (
            <span className="evidence-lang muted"> · {t(`langName.${item.lang}`)}</span>
          )}
        </h3>
        <span className="evidence-status">
          <EvidenceStatusBadge status={item.status} />
          {item.stance !== null && (
            <span className="evidence-stance">{t(`stance.${item.stance}`)}</span>
          )}
        </span>
      </header>
      <blockquote className="evidence-quote" {...textAttrs}>
        {item.text}
      </blockquote>
      <dl className="evidence-facts">
        <div>
          <dt>{t('evidence.action')}</dt>
          <dd>
            <Link href={`/actions/${item.actionId}`}>
              {label({ number: actionNumberOf(item.actionId) })}
            </Link>
          </dd>
        </div>
        <div>
          <dt>{t('evidence.states')}</dt>
          <dd>
            {item.states.length === 0 ? (
              t('common.none')
            ) : (
              <ul className="state-codes">
                {item.states.map((state) => (
                  <li key={state}>
                    <Link href={`/states/${state}`} title={stateName(state)} className="code">
                      {state}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('evidence.score')}</dt>
          <dd>{formatNumber(Math.round(item.score * 100) / 100)}</dd>
        </div>
        {item.origin === 'manual' && (
          <div>
            <dt>{t('evidence.status')}</dt>
            <dd>{t('evidence.manual')}</dd>
          </div>
        )}
      </dl>
      <EvidenceReasons reasons={item.reasons} textAttrs={textAttrs} />
      {reviewable && <EvidenceReview item={item} onReviewed={onReviewed} />}
      <EvidenceHistory
        evidenceId={item.id}
        revisions={revisions}
        open={historyOpen}
        onToggle={onToggleHistory}
      />
    </article>
  );
}
