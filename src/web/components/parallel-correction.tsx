/**
 * Correcting an alignment of two languages: the secretariat selects consecutive paragraphs in each
 * column (the grid does the selecting), optionally says why, and links them as one row or unlinks
 * them so they stand alone. The server signs each correction with the signed-in account and keeps
 * it as a numbered revision, answering with the corrected alignment; its errors are shown here,
 * in its words.
 */
import { useId, useState } from 'react';
import type { Lang } from '../../domain/language-codes.js';
import { ApiError } from '../api-client.js';
import type { Segment, SessionUser } from '../api-types.js';
import { dirOf, useI18n } from '../i18n/i18n-context.js';
import type { PlainKey } from '../i18n/messages.js';
import { postCorrection, type Alignment } from './parallel-api.js';
import { segmentLabel } from './parallel-segment.js';
import { SignedAs } from './sign-in-note.js';

type Op = 'link' | 'unlink';

type Outcome =
  | { readonly kind: 'idle' }
  | { readonly kind: 'sending' }
  | { readonly kind: 'invalid'; readonly message: PlainKey }
  | { readonly kind: 'saved'; readonly revision: number }
  | { readonly kind: 'failed'; readonly error: ApiError };

export function CorrectionPanel({
  user,
  symbol,
  langs,
  selected,
  onClear,
  onSaved,
}: {
  /** Who is signed in: the correction is recorded under their account. */
  readonly user: SessionUser;
  readonly symbol: string;
  /** Side A (the first column) and side B. */
  readonly langs: readonly [Lang, Lang];
  /** The selected paragraphs of each side, in document order. */
  readonly selected: readonly [readonly Segment[], readonly Segment[]];
  readonly onClear: () => void;
  readonly onSaved: (alignment: Alignment) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [comment, setComment] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [a, b] = selected;

  const send = async (op: Op) => {
    if (op === 'link' && (a.length === 0 || b.length === 0))
      return setOutcome({ kind: 'invalid', message: 'correct.needBoth' });
    if (op === 'unlink' && a.length + b.length === 0)
      return setOutcome({ kind: 'invalid', message: 'correct.needOne' });
    setOutcome({ kind: 'sending' });
    try {
      const alignment = await postCorrection({
        symbol,
        langs: [langs[0], langs[1]],
        op,
        a: a.map((s) => s.eId),
        b: b.map((s) => s.eId),
        ...(comment.trim() === '' ? {} : { comment: comment.trim() }),
      });
      const revision = Math.max(0, ...alignment.corrections.map((c) => c.revision));
      setOutcome({ kind: 'saved', revision });
      setComment('');
      onSaved(alignment);
    } catch (error) {
      setOutcome({
        kind: 'failed',
        error: error instanceof ApiError ? error : new ApiError(0, 'client_error', String(error)),
      });
    }
  };

  const sending = outcome.kind === 'sending';
  return (
    <section className="correction-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('correct.title')}</h2>
      <p className="field-hint">{t('correct.intro')}</p>
      <SignedAs user={user} />
      <dl className="correction-selection">
        {langs.map((lang, side) => (
          <div key={lang}>
            <dt>{t(`langName.${lang}`)}</dt>
            <dd>
              {selected[side]!.length === 0 ? (
                <span className="muted">{t('correct.noneSelected')}</span>
              ) : (
                <span lang={lang} dir={dirOf(lang)}>
                  {selected[side]!.map((s) => segmentLabel(s, lang)).join(' · ')}
                </span>
              )}
            </dd>
          </div>
        ))}
      </dl>
      <div className="field-row">
        <div className="field field-wide">
          <label htmlFor={`${id}-comment`}>{t('correct.comment')}</label>
          <input
            id={`${id}-comment`}
            type="text"
            value={comment}
            maxLength={2000}
            onChange={(event) => setComment(event.target.value)}
          />
        </div>
      </div>
      <div className="correction-actions">
        <button
          type="button"
          className="button"
          disabled={sending}
          onClick={() => void send('link')}
        >
          {t('correct.link')}
        </button>
        <button
          type="button"
          className="button button-quiet"
          disabled={sending}
          onClick={() => void send('unlink')}
        >
          {t('correct.unlink')}
        </button>
        <button
          type="button"
          className="link-button"
          disabled={sending || a.length + b.length === 0}
          onClick={() => {
            setOutcome({ kind: 'idle' });
            onClear();
          }}
        >
          {t('correct.clear')}
        </button>
      </div>
      {/* Always present, so screen readers already watch it when the outcome arrives. */}
      <p role="status" id={`${id}-problem`} className="correction-status">
        {outcome.kind === 'sending' && t('correct.sending')}
        {outcome.kind === 'saved' && t('correct.saved', { revision: outcome.revision })}
        {outcome.kind === 'invalid' && <span className="field-error">{t(outcome.message)}</span>}
      </p>
      {outcome.kind === 'failed' && <CorrectionError error={outcome.error} />}
    </section>
  );
}

function CorrectionError({ error }: { readonly error: ApiError }) {
  const { t } = useI18n();
  return (
    <div className="status-error" role="alert">
      <h3>{t('correct.failed')}</h3>
      {/* The API's messages are English; marked so screen readers do not misread them. */}
      <p lang="en" dir="ltr" className="error-message">
        {error.message}
      </p>
      <p className="muted">
        {t('view.error.code', { code: error.code })}
        {error.field !== undefined && <> · {t('correct.field', { field: error.field })}</>}
      </p>
    </div>
  );
}
