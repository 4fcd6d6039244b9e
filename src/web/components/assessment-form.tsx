/**
 * Recording an assessment of one action × State × cycle: a status, the reasons, which of the
 * listed evidence it rests on. The server signs it with the signed-in analyst's account; each one
 * is a new revision, and the API answers with all of them, which is handed up to replace the
 * history shown. Shown only to analysts (assessment-box.tsx decides).
 */
import { useId, useState, type FormEvent } from 'react';
import type { ApiError } from '../api-client.js';
import type { SessionUser } from '../api-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { PlainKey } from '../i18n/messages.js';
import {
  asApiError,
  postAssessment,
  type Assessment,
  type AssessmentStatus,
  type EvidenceItem,
} from './monitoring-api.js';
import { EvidenceStatusBadge } from './monitoring-badges.js';
import { SignedAs } from './sign-in-note.js';
import { MonitoringError } from './monitoring-error.js';
import { ASSESSMENT_STATUSES, isAssessmentStatus } from './monitoring-terms.js';

type Outcome =
  | { readonly kind: 'idle' }
  | { readonly kind: 'sending' }
  | { readonly kind: 'invalid'; readonly message: PlainKey }
  | { readonly kind: 'saved'; readonly revision: number }
  | { readonly kind: 'failed'; readonly error: ApiError };

export interface AssessmentSubject {
  readonly action: string;
  readonly state: string;
  readonly cycle: number;
}

export function AssessmentForm({
  user,
  subject,
  evidence,
  citationOf,
  onRecorded,
}: {
  /** The analyst signed in, whose account the assessment is recorded under. */
  readonly user: SessionUser;
  readonly subject: AssessmentSubject;
  /** The evidence listed on the page, which the assessment may cite. */
  readonly evidence: readonly EvidenceItem[];
  readonly citationOf: (item: EvidenceItem) => string;
  readonly onRecorded: (revisions: readonly Assessment[]) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [status, setStatus] = useState<AssessmentStatus | ''>('');
  const [rationale, setRationale] = useState('');
  const [cited, setCited] = useState<ReadonlySet<string>>(() => new Set());
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (status === '') return setOutcome({ kind: 'invalid', message: 'assessment.needStatus' });
    if (rationale.trim() === '')
      return setOutcome({ kind: 'invalid', message: 'assessment.needRationale' });
    setOutcome({ kind: 'sending' });
    try {
      const revisions = await postAssessment({
        ...subject,
        status,
        rationale: rationale.trim(),
        // In list order, so the citations read as the evidence does.
        evidenceIds: evidence.filter((item) => cited.has(item.id)).map((item) => item.id),
      });
      setOutcome({ kind: 'saved', revision: revisions.at(-1)?.revision ?? 0 });
      setRationale('');
      setCited(new Set());
      setStatus('');
      onRecorded(revisions);
    } catch (error) {
      setOutcome({ kind: 'failed', error: asApiError(error) });
    }
  };

  const toggle = (evidenceId: string, on: boolean) =>
    setCited((previous) => {
      const next = new Set(previous);
      if (on) next.add(evidenceId);
      else next.delete(evidenceId);
      return next;
    });
  const invalid = outcome.kind === 'invalid' ? outcome.message : undefined;
  return (
    <form
      className="assessment-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h3 id={`${id}-title`}>{t('assessment.record')}</h3>
      <SignedAs user={user} />
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-status`}>{t('assessment.status')}</label>
          <select
            id={`${id}-status`}
            value={status}
            aria-invalid={invalid === 'assessment.needStatus'}
            onChange={(event) =>
              setStatus(isAssessmentStatus(event.target.value) ? event.target.value : '')
            }
          >
            <option value="">{t('assessment.choose')}</option>
            {ASSESSMENT_STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`assessment.status.${value}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field field-full">
        <label htmlFor={`${id}-rationale`}>{t('assessment.rationale')}</label>
        <textarea
          id={`${id}-rationale`}
          rows={4}
          maxLength={5000}
          value={rationale}
          aria-invalid={invalid === 'assessment.needRationale'}
          onChange={(event) => setRationale(event.target.value)}
        />
      </div>
      <fieldset className="assessment-evidence">
        <legend>{t('assessment.evidence')}</legend>
        {evidence.length === 0 ? (
          <p className="empty">{t('assessment.noEvidence')}</p>
        ) : (
          <ul>
            {evidence.map((item) => (
              <li key={item.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={cited.has(item.id)}
                    onChange={(event) => toggle(item.id, event.target.checked)}
                  />{' '}
                  <span>{citationOf(item)}</span> <EvidenceStatusBadge status={item.status} />
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <div className="review-actions">
        <button type="submit" className="button" disabled={outcome.kind === 'sending'}>
          {t('assessment.submit')}
        </button>
        <p role="status" id={`${id}-outcome`} className="review-status">
          {outcome.kind === 'sending' && t('review.sending')}
          {outcome.kind === 'saved' && t('assessment.saved', { revision: outcome.revision })}
          {invalid !== undefined && <span className="field-error">{t(invalid)}</span>}
        </p>
      </div>
      {outcome.kind === 'failed' && (
        <MonitoringError title={t('assessment.failed')} error={outcome.error} />
      )}
    </form>
  );
}
