/**
 * The workflow buttons of a report: the transitions the server says the asker may take now (a
 * delegate sends to clearance, returns to draft, submits, withdraws; the secretariat publishes,
 * under a document symbol for a public report). Submitting and withdrawing ask first, in the page,
 * saying what follows. While a section is unsaved nothing moves, so what is submitted is what the
 * delegate sees.
 */
import { useId, useState } from 'react';
import { ApiError } from '../api-client.js';
import { useI18n } from '../i18n/i18n-context.js';
import { MonitoringError } from './monitoring-error.js';
import { ReportStatusBadge } from './report-bits.js';
import {
  postTransition,
  type Report,
  type ReportStatus,
  type ReportTransition,
} from './reports-api.js';

/** Transitions that cannot be undone by the one who takes them ask to be confirmed. */
const CONFIRM: ReadonlySet<ReportTransition> = new Set(['submit', 'withdraw']);

type Outcome =
  | { readonly kind: 'idle' }
  | { readonly kind: 'sending' }
  | { readonly kind: 'done'; readonly status: ReportStatus }
  | { readonly kind: 'failed'; readonly error: ApiError };

export function ReportWorkflow({
  report,
  unsaved,
  onDone,
  revision,
}: {
  readonly report: Report;
  /** Some section is not saved yet (or in conflict): the buttons wait. */
  readonly unsaved: boolean;
  readonly onDone: () => void;
  /** The revision on screen (the editor's, after its saves): what the delegate read and submits. */
  readonly revision?: number;
}) {
  const { t, formatNumber } = useI18n();
  const id = useId();
  const latest = report.versions.at(-1)!;
  const [confirming, setConfirming] = useState<ReportTransition | null>(null);
  const [symbol, setSymbol] = useState('');
  const [comment, setComment] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const transitions = report.transitions;
  if (transitions.length === 0 && outcome.kind === 'idle') return null;

  const symbolNeeded = report.visibility === 'public';
  const run = (transition: ReportTransition) => {
    if (CONFIRM.has(transition) && confirming !== transition) {
      setConfirming(transition);
      return;
    }
    setConfirming(null);
    setOutcome({ kind: 'sending' });
    postTransition(report.id, {
      transition,
      version: latest.version,
      baseRevision: revision ?? latest.revision,
      ...(transition === 'publish' && symbol.trim() !== '' ? { symbol: symbol.trim() } : {}),
      ...(comment.trim() === '' ? {} : { comment: comment.trim() }),
    }).then(
      (result) => {
        setOutcome({ kind: 'done', status: result.status });
        setComment('');
        onDone();
      },
      (error: unknown) =>
        setOutcome({
          kind: 'failed',
          error: error instanceof ApiError ? error : new ApiError(0, 'client_error', String(error)),
        }),
    );
  };

  const busy = outcome.kind === 'sending' || unsaved;
  return (
    <section className="report-workflow" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('workflow.title')}</h2>
      <p className="workflow-now">
        {t('workflow.now', { version: formatNumber(latest.version) })}{' '}
        <ReportStatusBadge status={latest.status} />
      </p>
      {transitions.length > 0 && (
        <>
          {transitions.includes('publish') && (
            <div className="field">
              <label htmlFor={`${id}-symbol`}>
                {symbolNeeded ? t('workflow.symbol') : t('workflow.symbolOptional')}
              </label>
              <input
                id={`${id}-symbol`}
                type="text"
                dir="ltr"
                spellCheck={false}
                maxLength={200}
                value={symbol}
                aria-describedby={`${id}-symbol-hint`}
                onChange={(event) => setSymbol(event.target.value)}
              />
              <p id={`${id}-symbol-hint`} className="field-hint">
                {symbolNeeded ? t('workflow.symbolHint') : t('workflow.symbolPrivate')}
              </p>
            </div>
          )}
          <div className="field field-wide">
            <label htmlFor={`${id}-comment`}>{t('workflow.comment')}</label>
            <input
              id={`${id}-comment`}
              type="text"
              dir="auto"
              maxLength={2000}
              value={comment}
              onChange={(event) => setComment(event.target.value)}
            />
          </div>
          <div className="workflow-actions">
            {transitions.map((transition) => (
              <button
                key={transition}
                type="button"
                className={
                  transition === 'withdraw' || transition === 'return_to_draft'
                    ? 'button button-quiet'
                    : 'button'
                }
                disabled={
                  busy || (transition === 'publish' && symbolNeeded && symbol.trim() === '')
                }
                aria-expanded={CONFIRM.has(transition) ? confirming === transition : undefined}
                onClick={() => run(transition)}
              >
                {t(`transition.${transition}`)}
              </button>
            ))}
          </div>
        </>
      )}
      {unsaved && transitions.length > 0 && (
        <p className="field-hint">{t('workflow.waitSaving')}</p>
      )}
      {confirming !== null && (
        <div className="workflow-confirm" role="alertdialog" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>
            {confirming === 'submit'
              ? t('workflow.confirm.submit', {
                  version: formatNumber(latest.version),
                  next: formatNumber(latest.version + 1),
                })
              : t('workflow.confirm.withdraw')}
          </p>
          <div className="workflow-actions">
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => run(confirming)}
            >
              {confirming === 'submit' ? t('workflow.yes.submit') : t('workflow.yes.withdraw')}
            </button>
            <button
              type="button"
              className="button button-quiet"
              onClick={() => setConfirming(null)}
            >
              {t('workflow.cancel')}
            </button>
          </div>
        </div>
      )}
      <p role="status" className="workflow-status">
        {outcome.kind === 'sending' && t('workflow.sending')}
        {outcome.kind === 'done' &&
          t('workflow.done', { status: t(`reportStatus.${outcome.status}`) })}
      </p>
      {outcome.kind === 'failed' && (
        <MonitoringError title={t('workflow.failed')} error={outcome.error} />
      )}
    </section>
  );
}
