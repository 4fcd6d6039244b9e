/**
 * An evidence item's review history, shown on request: each revision's status, stance, who made
 * it, when and why. Fetched when first opened; after a review the revisions the API answered
 * with are shown instead, and the history opens so the reviewer sees the move recorded.
 */
import { useId } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import { useApi } from '../use-api.js';
import { EvidenceStatusBadge } from './monitoring-badges.js';
import { fetchEvidenceHistory, type EvidenceRevision } from './monitoring-api.js';
import { formatMoment } from './monitoring-terms.js';
import { Async } from './status-views.js';

export function EvidenceHistory({
  evidenceId,
  revisions,
  open,
  onToggle,
}: {
  readonly evidenceId: string;
  /** The history the last review answered with, when there was one. */
  readonly revisions: readonly EvidenceRevision[] | undefined;
  readonly open: boolean;
  readonly onToggle: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="evidence-history">
      <button
        type="button"
        className="link-button"
        aria-expanded={open}
        aria-controls={`${id}-history`}
        onClick={onToggle}
      >
        {open ? t('history.hide') : t('history.show')}
      </button>
      <div id={`${id}-history`} hidden={!open}>
        {open &&
          (revisions === undefined ? (
            <FetchedHistory evidenceId={evidenceId} />
          ) : (
            <RevisionList revisions={revisions} />
          ))}
      </div>
    </div>
  );
}

function FetchedHistory({ evidenceId }: { readonly evidenceId: string }) {
  const [history, retry] = useApi(`evidence-history:${evidenceId}`, (signal) =>
    fetchEvidenceHistory(evidenceId, signal),
  );
  return (
    <Async remote={history} retry={retry}>
      {(data) => <RevisionList revisions={data} />}
    </Async>
  );
}

function RevisionList({ revisions }: { readonly revisions: readonly EvidenceRevision[] }) {
  const { t, lang } = useI18n();
  if (revisions.length === 0) return <p className="empty">{t('history.none')}</p>;
  // Newest first: the current state of the item is the first thing read.
  return (
    <ol className="revision-list" aria-label={t('history.title')}>
      {[...revisions].reverse().map((revision) => (
        <li key={revision.revision}>
          <EvidenceStatusBadge status={revision.status} />
          {revision.stance !== null && (
            <span className="revision-stance">{t(`stance.${revision.stance}`)}</span>
          )}
          <span className="revision-by">{t('history.by', { actor: revision.actor })}</span>
          <time dateTime={revision.createdAt} className="muted">
            {formatMoment(revision.createdAt, lang)}
          </time>
          {revision.comment !== null && revision.comment !== '' && (
            <span className="revision-comment">{revision.comment}</span>
          )}
        </li>
      ))}
    </ol>
  );
}
