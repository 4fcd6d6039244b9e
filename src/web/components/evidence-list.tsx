/**
 * A list of evidence items (the evidence page, the action page's strongest evidence), each
 * reviewable, under the reviewer's name field. Which histories are open is kept here, and a review opens its item's history so
 * the reviewer sees the move recorded.
 */
import { useState } from 'react';
import type { NameOf } from '../use-names.js';
import { EvidenceCard } from './evidence-card.js';
import { ActorField } from './monitoring-actor-field.js';
import type { EvidenceItem, EvidenceRevision } from './monitoring-api.js';

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
  const toggle = (id: string, show = !open.has(id)) =>
    setOpen((previous) => {
      const next = new Set(previous);
      if (show) next.add(id);
      else next.delete(id);
      return next;
    });
  return (
    <>
      {/* One name signs every review of the list. */}
      <div className="evidence-actor">
        <ActorField hint />
      </div>
      <ol className="evidence-list" aria-labelledby={labelledBy}>
        {items.map((item) => (
          <li key={item.id}>
            <EvidenceCard
              item={item}
              stateName={stateName}
              revisions={revisionsOf(item.id)}
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
