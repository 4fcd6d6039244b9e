/**
 * @module The States a document speaks for: its State authors; the members of its group authors
 * on the document's date ("on behalf of the Group of…"); and, for a joint statement of the five
 * nuclear-weapon States that names no author, the P5.
 */
import type { Group } from '../domain/model.js';
import { memberIdsOn } from '../store/repositories/groups-repository.js';

/** Titles of P5 joint statements in the six languages (the founding document is one). */
const P5_STATEMENT = [
  /五常|五个核武器国家/u,
  /\bP5\b|five nuclear[- ]weapon States/iu,
  /cinq États dotés d['’]armes nucléaires|\bP5\b/iu,
  /пят[иь]\s+(?:государств,?\s+)?облада|пятерк|\bP5\b/iu,
  /cinco Estados poseedores de armas nucleares|\bP5\b/iu,
  /الدول\s+الخمس\s+الحائزة|الدول الخمس/u,
];

export interface DocumentSpeakers {
  readonly authors: readonly { readonly kind: string; readonly id: string }[];
  readonly title: string | null;
  /** The document's date (YYYY-MM-DD), for group membership; today when unknown. */
  readonly date: string | null;
}

export function speakersOf(doc: DocumentSpeakers, groups: readonly Group[]): string[] {
  const on = doc.date ?? new Date().toISOString().slice(0, 10);
  const byId = new Map(groups.map((g) => [g.id, g]));
  const states = new Set<string>();
  for (const author of doc.authors) {
    if (author.kind === 'state') states.add(author.id);
    const group = author.kind === 'group' ? byId.get(author.id) : undefined;
    if (group) for (const id of memberIdsOn(group, on)) states.add(id);
  }
  if (states.size === 0 && doc.title !== null && P5_STATEMENT.some((re) => re.test(doc.title!))) {
    const p5 = byId.get('P5');
    if (p5) for (const id of memberIdsOn(p5, on)) states.add(id);
  }
  return [...states].sort();
}
