/**
 * Reviews made on this page, laid over the evidence as loaded: a reviewed item shows its new
 * status and stance at once, without reloading the list (which would reorder it under the
 * reviewer's eyes), and keeps the history the API answered with.
 */
import { useCallback, useMemo, useState } from 'react';
import type { EvidenceItem, EvidenceRevision } from './monitoring-api.js';

export interface Reviewed {
  /** The items with every review made here applied. */
  readonly items: readonly EvidenceItem[];
  readonly revisionsOf: (id: string) => readonly EvidenceRevision[] | undefined;
  readonly record: (id: string, revisions: readonly EvidenceRevision[]) => void;
}

export function useReviewed(loaded: readonly EvidenceItem[]): Reviewed {
  const [reviews, setReviews] = useState<ReadonlyMap<string, readonly EvidenceRevision[]>>(
    () => new Map(),
  );
  const items = useMemo(
    () =>
      loaded.map((item) => {
        const last = reviews.get(item.id)?.at(-1);
        return last === undefined
          ? item
          : { ...item, status: last.status, stance: last.stance, updatedAt: last.createdAt };
      }),
    [loaded, reviews],
  );
  const record = useCallback((id: string, revisions: readonly EvidenceRevision[]) => {
    setReviews((previous) => new Map(previous).set(id, revisions));
  }, []);
  const revisionsOf = useCallback((id: string) => reviews.get(id), [reviews]);
  return { items, revisionsOf, record };
}
