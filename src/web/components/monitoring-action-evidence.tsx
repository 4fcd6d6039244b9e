/**
 * The action page's "Evidence" section: how much evidence the documents on record hold for the
 * action, by review status, its strongest items (reviewable, as on the evidence page), and links
 * to all of it and to the matrix of the action's pillar.
 */
import type { Action } from '../api-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import { evidenceHref, monitoringHref } from '../router.js';
import { useApi } from '../use-api.js';
import { useStateNames } from '../use-names.js';
import { EvidenceList } from './evidence-list.js';
import { Link } from './link.js';
import { fetchEvidence, type EvidenceStatus } from './monitoring-api.js';
import { useReviewed } from './monitoring-reviews.js';
import { EVIDENCE_STATUSES } from './monitoring-terms.js';
import { Async } from './status-views.js';

/** The strongest few: the section introduces the evidence, the evidence page lists it. */
const TOP = 3;

export function ActionEvidence({ action }: { readonly action: Action }) {
  const { t } = useI18n();
  const stateName = useStateNames();
  const [top, retry] = useApi(`action-evidence:${action.id}`, (signal) =>
    fetchEvidence({ action: action.id, limit: TOP }, signal),
  );
  const reviewed = useReviewed(top.status === 'ok' ? top.data.items : []);
  return (
    <section className="section monitoring-section" aria-labelledby="action-evidence-title">
      <h2 id="action-evidence-title">{t('actionEvidence.title')}</h2>
      <EvidenceCounts actionId={action.id} />
      <p className="monitoring-links">
        <Link href={evidenceHref({ action: action.id })}>{t('actionEvidence.all')}</Link>
        <Link href={monitoringHref({ pillar: action.pillar })}>
          {t('actionEvidence.matrix', { pillar: t(`pillar.${action.pillar}`) })}
        </Link>
      </p>
      <Async remote={top} retry={retry}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="empty">{t('actionEvidence.none')}</p>
          ) : (
            <>
              <h3 id="action-evidence-top">{t('actionEvidence.top')}</h3>
              <EvidenceList
                items={reviewed.items}
                stateName={stateName}
                revisionsOf={reviewed.revisionsOf}
                onReviewed={reviewed.record}
                labelledBy="action-evidence-top"
              />
            </>
          )
        }
      </Async>
    </section>
  );
}

/** One small request per status: the API's total is the count, no items are needed. */
function EvidenceCounts({ actionId }: { readonly actionId: string }) {
  return (
    <dl className="evidence-counts">
      {EVIDENCE_STATUSES.map((status) => (
        <StatusCount key={status} actionId={actionId} status={status} />
      ))}
    </dl>
  );
}

function StatusCount({
  actionId,
  status,
}: {
  readonly actionId: string;
  readonly status: EvidenceStatus;
}) {
  const { t, formatNumber } = useI18n();
  const [count] = useApi(`evidence-count:${actionId}:${status}`, (signal) =>
    fetchEvidence({ action: actionId, status, limit: 1 }, signal),
  );
  return (
    <div className={`count-${status}`}>
      <dt>{t(`evidence.status.${status}`)}</dt>
      <dd>
        {count.status === 'ok' ? (
          <Link href={evidenceHref({ action: actionId, status })}>
            {formatNumber(count.data.total)}
          </Link>
        ) : (
          '…'
        )}
      </dd>
    </div>
  );
}
