/**
 * Reviewing one evidence item: a stance, an optional comment and the moves its status allows
 * (Confirm / Reject / Reopen). The server signs each move with the signed-in account and keeps it
 * as a revision, answering with the item's history, which is handed up so the item updates at
 * once. Shown only to those who may review (evidence-list.tsx decides).
 */
import { useId, useState } from 'react';
import type { ApiError } from '../api-client.js';
import { useI18n } from '../i18n/i18n-context.js';
import {
  asApiError,
  postReview,
  type EvidenceItem,
  type EvidenceRevision,
  type EvidenceStatus,
  type Stance,
} from './monitoring-api.js';
import { MonitoringError } from './monitoring-error.js';
import { isStance, REVIEW_MOVES, STANCES } from './monitoring-terms.js';

type Outcome =
  | { readonly kind: 'idle' }
  | { readonly kind: 'sending' }
  | { readonly kind: 'saved'; readonly revision: number }
  | { readonly kind: 'failed'; readonly error: ApiError };

export function EvidenceReview({
  item,
  onReviewed,
}: {
  readonly item: EvidenceItem;
  readonly onReviewed: (revisions: readonly EvidenceRevision[]) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [stance, setStance] = useState<Stance | null>(item.stance);
  const [comment, setComment] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  const send = async (status: EvidenceStatus) => {
    setOutcome({ kind: 'sending' });
    try {
      const revisions = await postReview(item.id, {
        status,
        stance,
        ...(comment.trim() === '' ? {} : { comment: comment.trim() }),
      });
      setComment('');
      setOutcome({ kind: 'saved', revision: revisions.at(-1)?.revision ?? 0 });
      onReviewed(revisions);
    } catch (error) {
      setOutcome({ kind: 'failed', error: asApiError(error) });
    }
  };

  const sending = outcome.kind === 'sending';
  return (
    <fieldset className="evidence-review">
      <legend>{t('review.title')}</legend>
      <div className="field-row">
        <div className="field field-narrow">
          <label htmlFor={`${id}-stance`}>{t('evidence.stance')}</label>
          <select
            id={`${id}-stance`}
            value={stance ?? ''}
            onChange={(event) =>
              setStance(isStance(event.target.value) ? event.target.value : null)
            }
          >
            <option value="">{t('evidence.noStance')}</option>
            {STANCES.map((value) => (
              <option key={value} value={value}>
                {t(`stance.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field-wide">
          <label htmlFor={`${id}-comment`}>{t('review.comment')}</label>
          <input
            id={`${id}-comment`}
            type="text"
            maxLength={2000}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
          />
        </div>
      </div>
      <div className="review-actions">
        {REVIEW_MOVES[item.status].map((status) => (
          <button
            key={status}
            type="button"
            className={status === 'confirmed' ? 'button' : 'button button-quiet'}
            disabled={sending}
            onClick={() => void send(status)}
          >
            {t(`review.${status}`)}
          </button>
        ))}
        {/* A stance can change without a change of status. */}
        {stance !== item.stance && (
          <button
            type="button"
            className="button button-quiet"
            disabled={sending}
            onClick={() => void send(item.status)}
          >
            {t('review.stance')}
          </button>
        )}
        <p role="status" id={`${id}-status`} className="review-status">
          {outcome.kind === 'sending' && t('review.sending')}
          {outcome.kind === 'saved' && t('review.saved', { revision: outcome.revision })}
        </p>
      </div>
      {outcome.kind === 'failed' && (
        <MonitoringError title={t('review.failed')} error={outcome.error} />
      )}
    </fieldset>
  );
}
