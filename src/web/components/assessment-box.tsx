/**
 * "Assessments (judgements)": a reviewer's judgement of an action × State × cycle, kept in a box
 * of its own, visibly apart from the evidence (the facts) it cites — its history and, for a
 * signed-in analyst, the form to record a new one (everyone else is told who may). Without a
 * single action, State and cycle there is nothing to judge, and the box says what to choose.
 */
import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import { useApi } from '../use-api.js';
import { AssessmentForm, type AssessmentSubject } from './assessment-form.js';
import { AssessmentHistory } from './assessment-history.js';
import { fetchAssessments, type Assessment, type EvidenceItem } from './monitoring-api.js';
import { WriteGate } from './sign-in-note.js';
import { Async } from './status-views.js';

export function AssessmentBox({
  subject,
  subjectLabel,
  evidence,
  citationOf,
}: {
  readonly subject: AssessmentSubject | undefined;
  /** "Action 11 · France · 2015 cycle", in the UI language. */
  readonly subjectLabel: string;
  readonly evidence: readonly EvidenceItem[];
  readonly citationOf: (item: EvidenceItem) => string;
}) {
  const { t } = useI18n();
  return (
    <section className="assessment-box" aria-labelledby="assessment-title">
      <h2 id="assessment-title">{t('assessment.title')}</h2>
      <p className="assessment-intro">{t('assessment.intro')}</p>
      {subject === undefined ? (
        <p className="empty">{t('assessment.needSubject')}</p>
      ) : (
        <>
          <p className="assessment-subject">{subjectLabel}</p>
          <SubjectAssessments subject={subject} evidence={evidence} citationOf={citationOf} />
        </>
      )}
    </section>
  );
}

function SubjectAssessments({
  subject,
  evidence,
  citationOf,
}: {
  readonly subject: AssessmentSubject;
  readonly evidence: readonly EvidenceItem[];
  readonly citationOf: (item: EvidenceItem) => string;
}) {
  const key = `${subject.action}|${subject.state}|${subject.cycle}`;
  const [loaded, retry] = useApi(`assessments:${key}`, (signal) =>
    fetchAssessments(subject, true, signal),
  );
  // What the last recording answered with, for this subject only.
  const [recorded, setRecorded] = useState<{
    readonly key: string;
    readonly revisions: readonly Assessment[];
  }>();
  const byId = new Map(evidence.map((item) => [item.id, item]));
  const citationById = (id: string) => {
    const item = byId.get(id);
    return item === undefined ? undefined : citationOf(item);
  };
  return (
    <>
      {recorded?.key === key ? (
        <AssessmentHistory revisions={recorded.revisions} citationOf={citationById} />
      ) : (
        <Async remote={loaded} retry={retry}>
          {(revisions) => <AssessmentHistory revisions={revisions} citationOf={citationById} />}
        </Async>
      )}
      <WriteGate area="assessments">
        {(user) => (
          <AssessmentForm
            key={key}
            user={user}
            subject={subject}
            evidence={evidence}
            citationOf={citationOf}
            onRecorded={(revisions) => setRecorded({ key, revisions })}
          />
        )}
      </WriteGate>
    </>
  );
}
