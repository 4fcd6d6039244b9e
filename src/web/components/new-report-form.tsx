/**
 * "Start a report": the signed-in delegate's State, a review cycle, who may read it once
 * published, its language, and optionally a previous report of theirs to carry the sections over
 * from. The new report opens at once; a cycle that already has a report says so and links to it.
 */
import { useId, useState, type FormEvent } from 'react';
import { LANGUAGES, isLang, type Lang } from '../../domain/language-codes.js';
import { ApiError } from '../api-client.js';
import type { SessionUser } from '../api-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { navigate, reportHref } from '../router.js';
import { Link } from './link.js';
import { useCycles } from './monitoring-cycles.js';
import { MonitoringError } from './monitoring-error.js';
import { createReport, type ReportSummary, type ReportVisibility } from './reports-api.js';

const VISIBILITIES: readonly ReportVisibility[] = ['public', 'states_parties'];

type Outcome =
  | { readonly kind: 'idle' }
  | { readonly kind: 'sending' }
  | { readonly kind: 'failed'; readonly error: ApiError };

export function NewReportForm({
  user,
  stateName,
  previous,
}: {
  readonly user: SessionUser;
  readonly stateName: string;
  /** The State's reports so far, to start from. */
  readonly previous: readonly ReportSummary[];
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const cycles = useCycles();
  const [cycle, setCycle] = useState('');
  const [visibility, setVisibility] = useState<ReportVisibility>('public');
  const [reportLang, setReportLang] = useState<Lang>(lang);
  const [title, setTitle] = useState('');
  const [from, setFrom] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const chosenCycle = cycle === '' ? String(cycles[0] ?? '') : cycle;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosenCycle === '') return;
    setOutcome({ kind: 'sending' });
    createReport({
      cycle: chosenCycle,
      visibility,
      lang: reportLang,
      ...(title.trim() === '' ? {} : { title: title.trim() }),
      ...(from === '' ? {} : { from }),
    }).then(
      (report) => navigate(reportHref(report.id)),
      (error: unknown) =>
        setOutcome({
          kind: 'failed',
          error: error instanceof ApiError ? error : new ApiError(0, 'client_error', String(error)),
        }),
    );
  };

  const existing =
    outcome.kind === 'failed' && outcome.error.code === 'conflict'
      ? outcome.error.detail?.report
      : undefined;
  return (
    <form
      className="new-report-form"
      aria-labelledby={`${id}-title`}
      onSubmit={submit}
      aria-busy={outcome.kind === 'sending'}
    >
      <h3 id={`${id}-title`}>{t('reports.start')}</h3>
      <p className="field-hint">{t('reports.startIntro', { state: stateName })}</p>
      <div className="field-row">
        <div className="field field-narrow">
          <label htmlFor={`${id}-cycle`}>{t('reports.cycle')}</label>
          <select
            id={`${id}-cycle`}
            value={chosenCycle}
            onChange={(event) => setCycle(event.target.value)}
          >
            {cycles.map((value) => (
              <option key={value} value={value}>
                {t('reports.cycleOf', { cycle: value })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-lang`}>{t('reports.lang')}</label>
          <select
            id={`${id}-lang`}
            value={reportLang}
            onChange={(event) => {
              if (isLang(event.target.value)) setReportLang(event.target.value);
            }}
          >
            {LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {t(`langName.${code}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('reports.from')}</label>
          <select id={`${id}-from`} value={from} onChange={(event) => setFrom(event.target.value)}>
            <option value="">{t('reports.fromNone')}</option>
            {previous.map((report) => (
              <option key={report.id} value={report.id}>
                {t('reports.fromOption', {
                  cycle: report.cycle,
                  version: report.version,
                  status: t(`reportStatus.${report.status}`),
                })}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset className="choice-group">
        <legend>{t('reports.visibility')}</legend>
        {VISIBILITIES.map((value) => (
          <label key={value}>
            <input
              type="radio"
              name={`${id}-visibility`}
              value={value}
              checked={visibility === value}
              onChange={() => setVisibility(value)}
            />{' '}
            {t(`visibility.${value}`)}
          </label>
        ))}
      </fieldset>
      <div className="field field-full">
        <label htmlFor={`${id}-name`}>{t('reports.titleField')}</label>
        <input
          id={`${id}-name`}
          type="text"
          maxLength={500}
          dir="auto"
          value={title}
          aria-describedby={`${id}-name-hint`}
          onChange={(event) => setTitle(event.target.value)}
        />
        <p id={`${id}-name-hint`} className="field-hint">
          {t('reports.titleHint')}
        </p>
      </div>
      <div className="form-actions">
        <button
          type="submit"
          className="button"
          disabled={outcome.kind === 'sending' || chosenCycle === ''}
        >
          {outcome.kind === 'sending' ? t('reports.creating') : t('reports.create')}
        </button>
        <span className="muted">{t('reports.asDelegate', { name: user.displayName })}</span>
      </div>
      {outcome.kind === 'failed' && (
        <>
          <MonitoringError title={t('reports.createFailed')} error={outcome.error} />
          {typeof existing === 'string' && (
            <p>
              <Link href={reportHref(existing)}>{t('reports.existing')}</Link>
            </p>
          )}
        </>
      )}
    </form>
  );
}
