/**
 * The assessments of one action × State × cycle: the latest revision in full (status, rationale,
 * the evidence it cites, who and when), the earlier ones below it, newest first.
 */
import { useI18n } from '../i18n/i18n-context.js';
import { AssessmentBadge } from './monitoring-badges.js';
import type { Assessment } from './monitoring-api.js';
import { formatMoment } from './monitoring-terms.js';

export function AssessmentHistory({
  revisions,
  citationOf,
}: {
  /** Oldest first, as the API lists them. */
  readonly revisions: readonly Assessment[];
  /** The citation of an evidence item listed on the page, to name what an assessment cites. */
  readonly citationOf: (evidenceId: string) => string | undefined;
}) {
  const { t } = useI18n();
  const [latest, ...earlier] = [...revisions].reverse();
  if (latest === undefined) return <p className="empty">{t('assessment.none')}</p>;
  return (
    <>
      <h3>{t('assessment.latest')}</h3>
      <AssessmentEntry assessment={latest} citationOf={citationOf} />
      {earlier.length > 0 && (
        <>
          <h3>{t('assessment.earlier')}</h3>
          <ol className="assessment-earlier">
            {earlier.map((assessment) => (
              <li key={assessment.revision}>
                <AssessmentEntry assessment={assessment} citationOf={citationOf} />
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}

function AssessmentEntry({
  assessment,
  citationOf,
}: {
  readonly assessment: Assessment;
  readonly citationOf: (evidenceId: string) => string | undefined;
}) {
  const { t, lang } = useI18n();
  return (
    <div className="assessment-entry">
      <p className="assessment-line">
        <AssessmentBadge status={assessment.status} />
        <span className="muted">
          {t('assessment.revision', { revision: assessment.revision })} ·{' '}
          {t('history.by', { actor: assessment.actor })} ·{' '}
          <time dateTime={assessment.createdAt}>{formatMoment(assessment.createdAt, lang)}</time>
        </span>
      </p>
      <p className="assessment-rationale">{assessment.rationale}</p>
      {assessment.evidenceIds.length === 0 ? (
        <p className="muted small">{t('assessment.citesNothing')}</p>
      ) : (
        <div className="assessment-cites">
          <span className="muted">{t('assessment.cites')}:</span>
          <ul>
            {assessment.evidenceIds.map((id) => {
              const citation = citationOf(id);
              return (
                <li key={id}>
                  {citation === undefined ? (
                    <span className="code">{id}</span>
                  ) : (
                    <a href={`#${id}`}>{citation}</a>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </div>
  );
}
