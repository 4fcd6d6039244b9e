/**
 * A list of evidence items (the evidence page, the action page's strongest evidence), each
 * reviewable by a signed-in analyst or the secretariat (whose account signs the review); above
 * the list, who is signed in, or who may review and a link to log in. Which histories are open is
 * kept here, and a review opens its item's history so the reviewer sees the move recorded.
 */
import { useState } from 'react';
import { mayWrite } from '../permissions.js';
import { useSessionUser } from '../session.js';
import type { NameOf } from '../use-names.js';
import { EvidenceCard } from './evidence-card.js';
import type { EvidenceItem, EvidenceRevision } from './monitoring-api.js';
import { SignedAs, WriteGate } from './sign-in-note.js';

export function EvidenceList({
  items,
  stateName,
  revisionsOf,
  onReviewed,
  labelledBy,
}: {
  readonly items: readonly EvidenceItem[];
  readonly stateName: NameOf;
  readonly revisionsOf: (id: string) => readonly EvidenceRevision[] | undefined;
  readonly onReviewed: (id: string, revisions: readonly EvidenceRevision[]) => void;
  readonly labelledBy?: string;
}) {
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const reviewable = mayWrite(useSessionUser(), 'evidence');
  const toggle = (id: string, show = !open.has(id)) =>
    setOpen((previous) => {
      const next = new Set(previous);
      if (show) next.add(id);
      else next.delete(id);
      return next;
    });
  return (
    <>
      <div className="evidence-actor">
        <WriteGate area="evidence">{(user) => <SignedAs user={user} />}</WriteGate>
      </div>
      <ol className="evidence-list" aria-labelledby={labelledBy}>
        {items.map((item) => (
          <li key={item.id}>
            <EvidenceCard
              item={item}
              stateName={stateName}
              revisions={revisionsOf(item.id)}
              reviewable={reviewable}
              historyOpen={open.has(item.id)}
              onToggleHistory={() => toggle(item.id)}
              onReviewed={(revisions) => {
                onReviewed(item.id, revisions);
                toggle(item.id, true);
              }}
            />
          </li>
        ))}
      </ol>
    </>
  );
}
