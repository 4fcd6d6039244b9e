/**
 * @module An Atom 1.0 feed (RFC 4287) of participation events, newest first.
 */
import type { ParticipationEvent } from '../domain/treaty-events.js';

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface AtomOptions {
  /** The absolute URL of the feed itself. */
  readonly selfUrl: string;
  readonly title: string;
  /** Names to show for instruments and States, by id. */
  readonly instrumentNames: ReadonlyMap<string, string>;
  readonly stateNames: ReadonlyMap<string, string>;
}

const KIND_WORDS: Record<string, string> = {
  signature: 'signed',
  ratification: 'ratified',
  accession: 'acceded to',
  succession: 'succeeded to',
  acceptance: 'accepted',
  approval: 'approved',
  'consent-to-be-bound': 'consented to be bound by',
  'withdrawal-notice': 'gave notice of withdrawal from',
  'withdrawal-notice-suspended': 'suspended its notice of withdrawal from',
  'withdrawal-effective': 'withdrew from',
  'de-ratification': 'withdrew its ratification of',
  reservation: 'made a reservation to',
  declaration: 'made a declaration on',
  suspension: 'suspended its participation in',
  'suspension-ended': 'resumed its participation in',
};

export function eventsAtom(events: readonly ParticipationEvent[], options: AtomOptions): string {
  const sorted = [...events].sort(
    (a, b) => b.date.localeCompare(a.date) || a.state.localeCompare(b.state),
  );
  const updated = sorted[0] ? `${sorted[0].date}T00:00:00Z` : '1970-01-01T00:00:00Z';
  const entries = sorted.map((e) => {
    const state = options.stateNames.get(e.state) ?? e.state;
    const instrument = options.instrumentNames.get(e.instrument) ?? e.instrument;
    const title = `${state} ${KIND_WORDS[e.kind] ?? e.kind} the ${instrument}`;
    const id = `tag:pillars,2026:event/${e.instrument}/${e.state}/${e.kind}/${e.date}`;
    const summary = `${e.date}: ${title}.${e.note ? ` ${e.note}` : ''} Source: ${e.source}`;
    return `<entry><id>${escape(id)}</id><title>${escape(title)}</title><updated>${e.date}T00:00:00Z</updated><category term="${escape(e.instrument)}"/><category term="${escape(e.state)}"/><summary>${escape(summary)}</summary></entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><id>${escape(options.selfUrl)}</id><title>${escape(options.title)}</title><updated>${updated}</updated><link rel="self" href="${escape(options.selfUrl)}"/><author><name>Pillars</name></author>${entries.join('')}</feed>\n`;
}
