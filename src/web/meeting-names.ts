/**
 * Names for meetings. The data's full names are long ("First session of the Preparatory Committee
 * for the 2026 Review Conference of the Parties to …"), so timelines use a short name built from
 * the translated UI strings, and tables the data's own name with an English fallback.
 */
import type { Lang, Meeting } from './api-types.js';
import type { Translate } from './i18n/messages.js';
import { pick, type Picked } from './localized.js';

export function shortMeetingName(meeting: Meeting, t: Translate, lang: Lang): Picked<string> {
  if (meeting.kind === 'review-conference' && meeting.cycle !== null) {
    return { value: t('meeting.revcon', { year: meeting.cycle }), lang, fallback: false };
  }
  const session = meeting.session;
  if (
    meeting.kind === 'preparatory-committee' &&
    (session === 1 || session === 2 || session === 3)
  ) {
    const ordinal = t(`ordinal.${session}`);
    return { value: t('meeting.prepcom', { ordinal }), lang, fallback: false };
  }
  return pick(meeting.names, lang);
}

export type MeetingPhase = 'past' | 'last' | 'in-session' | 'next' | 'upcoming';

/** `lastId` marks the most recent meeting held, which matters most when nothing is scheduled. */
export function meetingPhase(
  meeting: Meeting,
  today: string,
  nextId: string | undefined,
  lastId: string | undefined,
): MeetingPhase {
  if (meeting.endDate < today) return meeting.id === lastId ? 'last' : 'past';
  if (meeting.startDate <= today) return 'in-session';
  return meeting.id === nextId ? 'next' : 'upcoming';
}

/** The meeting's row on the meetings page (there is no page per meeting): its cycle's list. */
export function meetingHref(meeting: Pick<Meeting, 'id' | 'cycle'>): string {
  const cycle = meeting.cycle === null ? '' : `?cycle=${meeting.cycle}`;
  return `/meetings${cycle}#${meetingAnchor(meeting.id)}`;
}

export function meetingAnchor(meetingId: string): string {
  return `meeting-${meetingId}`;
}
