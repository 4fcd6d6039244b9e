/**
 * `/monitoring/evidence?action=&state=&cycle=&status=`: the evidence for an action and a State
 * (a cell of the matrix), each item reviewable, and beside it, in a box of its own, the
 * assessments of that action × State × cycle and the form to record one.
 */
import { useState } from 'react';
import { api } from '../api-client.js';
import { useActionLabel } from '../components/action-labels.js';
import { AssessmentBox } from '../components/assessment-box.js';
import type { AssessmentSubject } from '../components/assessment-form.js';
import { EvidenceFilters } from '../components/evidence-filters.js';
import { EvidenceList } from '../components/evidence-list.js';
import { Link } from '../components/link.js';
import { evidenceCsvUrl, fetchEvidence, type EvidenceItem } from '../components/monitoring-api.js';
import { useEvidenceCitation } from '../components/monitoring-citation.js';
import { useReviewed } from '../components/monitoring-reviews.js';
import { actionNumberOf, canonicalAction } from '../components/monitoring-terms.js';
import { Async } from '../components/status-views.js';
import { useI18n } from '../i18n/i18n-context.js';
import {
  evidenceHref,
  monitoringHref,
  readEvidenceQuery,
  useLocation,
  type EvidenceAddress,
} from '../router.js';
import { useApi } from '../use-api.js';
import { useDocumentTitle } from '../use-document-title.js';
import { useStateNames, type NameOf } from '../use-names.js';

/** Items per page: enough for a cell of the matrix, few enough to review one by one. */
const PAGE_SIZE = 50;

export function EvidencePage() {
  const { t } = useI18n();
  const label = useActionLabel();
  const stateName = useStateNames();
  const { query } = useLocation();
  const read = readEvidenceQuery(query);
  const address: EvidenceAddress = { ...read, action: canonicalAction(read.action) ?? read.action };
  const [actions] = useApi('actions:', (signal) => api.actions({}, signal));
  const subjectParts = [
    address.action === undefined ? undefined : label({ number: actionNumberOf(address.action) }),
    address.state === undefined ? undefined : stateName(address.state),
    address.cycle === undefined ? undefined : t('monitoring.cycleOf', { cycle: address.cycle }),
  ].filter((part): part is string => part !== undefined);
  const title =
    subjectParts.length === 0
      ? t('evidence.title')
      : t('evidence.titleFor', { subject: subjectParts.join(' · ') });
  useDocumentTitle(title);
  const { action, state, cycle } = address;
  const subject: AssessmentSubject | undefined =
    action !== undefined && state !== undefined && cycle !== undefined
      ? { action, state, cycle }
      : undefined;
  return (
    <div>
      <p className="breadcrumb">
        <Link href={monitoringHref({ cycle: address.cycle })}>{t('evidence.back')}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lede">{t('evidence.intro')}</p>
      <EvidenceFilters address={address} actions={actions.status === 'ok' ? actions.data : []} />
      {/* A new filter is a new list: its paging and reviews start afresh. */}
      <EvidenceResults
        key={evidenceHref(address)}
        address={address}
        subject={subject}
        subjectLabel={subjectParts.join(' · ')}
        stateName={stateName}
      />
    </div>
  );
}

function EvidenceResults({
  address,
  subject,
  subjectLabel,
  stateName,
}: {
  readonly address: EvidenceAddress;
  readonly subject: AssessmentSubject | undefined;
  readonly subjectLabel: string;
  readonly stateName: NameOf;
}) {
  const { t, formatNumber } = useI18n();
  const [offset, setOffset] = useState(0);
  const [page, retry] = useApi(`evidence:${evidenceHref(address)}:${offset}`, (signal) =>
    fetchEvidence({ ...address, limit: PAGE_SIZE, offset }, signal),
  );
  const loaded = page.status === 'ok' ? page.data.items : [];
  const reviewed = useReviewed(loaded);
  const cite = useEvidenceCitation();
  const citationOf = (item: EvidenceItem) => cite(item, true);
  return (
    <div className="evidence-layout">
      <section className="evidence-section" aria-labelledby="evidence-list-title">
        <div className="evidence-toolbar">
          <h2 id="evidence-list-title">{t('evidence.title')}</h2>
          <a className="download-link" href={evidenceCsvUrl(address)} download>
            {t('monitoring.evidenceCsv')}
          </a>
        </div>
        <Async remote={page} retry={retry}>
          {(data) =>
            data.total === 0 ? (
              <p className="empty">{t('evidence.empty')}</p>
            ) : (
              <>
                <p className="count">{t('evidence.total', { count: formatNumber(data.total) })}</p>
                <EvidenceList
                  items={reviewed.items}
                  stateName={stateName}
                  revisionsOf={reviewed.revisionsOf}
                  onReviewed={reviewed.record}
                  labelledBy="evidence-list-title"
                />
                {data.total > PAGE_SIZE && (
                  <nav className="pager" aria-label={t('evidence.title')}>
                    <button
                      type="button"
                      className="button button-quiet"
                      disabled={offset === 0}
                      onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
                    >
                      {t('evidence.previous')}
                    </button>
                    <span>
                      {t('evidence.range', {
                        from: formatNumber(offset + 1),
                        to: formatNumber(offset + data.items.length),
                        total: formatNumber(data.total),
                      })}
                    </span>
                    <button
                      type="button"
                      className="button button-quiet"
                      disabled={offset + PAGE_SIZE >= data.total}
                      onClick={() => setOffset(offset + PAGE_SIZE)}
                    >
                      {t('evidence.next')}
                    </button>
                  </nav>
                )}
              </>
            )
          }
        </Async>
      </section>
      <AssessmentBox
        subject={subject}
        subjectLabel={subjectLabel}
        evidence={reviewed.items}
        citationOf={citationOf}
      />
    </div>
  );
}
