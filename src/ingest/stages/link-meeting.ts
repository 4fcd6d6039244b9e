/**
 * @module Which meeting a document belongs to: from its symbol (`NPT/CONF.2015/PC.II/…` → the
 * second PrepCom session of the 2015 cycle), or from its masthead (session number, conference
 * year, the meeting's dates) when it has no symbol.
 */
import type { Meeting } from '../../domain/model.js';
import type { UnSymbol } from '../symbols/un-symbol.js';
import type { DocumentHeader } from './read-header.js';

export function linkMeeting(
  symbol: UnSymbol | null,
  header: DocumentHeader,
  meetings: readonly Meeting[],
): string | null {
  const npt = meetings.filter(
    (m) => m.kind === 'preparatory-committee' || m.kind === 'review-conference',
  );
  if (symbol?.body === 'NPT' && symbol.conference !== undefined) {
    const match = npt.find((m) =>
      symbol.prepCom !== undefined
        ? m.kind === 'preparatory-committee' &&
          m.cycle === symbol.conference &&
          m.session === symbol.prepCom
        : m.kind === 'review-conference' && m.cycle === symbol.conference,
    );
    if (match) return match.id;
  }
  const dates = header.meetingDates;
  if (dates !== null) {
    const byDates = meetings.filter((m) => m.startDate === dates.start && m.endDate === dates.end);
    const bySession = byDates.filter(
      (m) => header.session === null || m.session === header.session,
    );
    const chosen =
      bySession.length === 1 ? bySession[0] : byDates.length === 1 ? byDates[0] : undefined;
    if (chosen) return chosen.id;
  }
  if (header.conferenceYear !== null && header.session !== null) {
    const match = npt.find(
      (m) =>
        m.kind === 'preparatory-committee' &&
        m.cycle === header.conferenceYear &&
        m.session === header.session,
    );
    if (match) return match.id;
  }
  return null;
}
