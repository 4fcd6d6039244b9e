/**
 * Status badges of monitoring: an evidence item's review status and an assessment's status. Each
 * carries its label as text (the colour only repeats it), so the status reads without colour.
 */
import { useI18n } from '../i18n/i18n-context.js';
import type { AssessmentStatus, EvidenceStatus } from './monitoring-api.js';

export function EvidenceStatusBadge({ status }: { readonly status: EvidenceStatus }) {
  const { t } = useI18n();
  return (
    <span className={`evidence-badge evidence-${status}`}>{t(`evidence.status.${status}`)}</span>
  );
}

export function AssessmentBadge({ status }: { readonly status: AssessmentStatus }) {
  const { t } = useI18n();
  return (
    <span className={`assessment-badge assessment-${status}`}>
      {t(`assessment.status.${status}`)}
    </span>
  );
}
