/**
 * The current cycle as an ordered list laid out as a horizontal timeline (vertical on narrow
 * screens). It is a list first, so screen readers announce the order and each meeting's phase.
 */
import type { Meeting } from '../api-types.js';
import { useI18n, useTextAttrs } from '../i18n/i18n-context.js';
import type { PlainKey } from '../i18n/messages.js';
import { meetingPhase, shortMeetingName, type MeetingPhase } from '../meeting-names.js';

const PHASE_LABEL: Readonly<Record<MeetingPhase, PlainKey>> = {
  past: 'timeline.past',
  last: 'timeline.last',
  'in-session': 'timeline.inSession',
  next: 'timeline.next',
  upcoming: 'timeline.upcoming',
};

export function CycleTimeline({
  meetings,
  today,
  nextId,
  lastId,
  labelledBy,
}: {
  readonly meetings: readonly Meeting[];
  readonly today: string;
  readonly nextId: string | undefined;
  readonly lastId: string | undefined;
  readonly labelledBy: string;
}) {
  const { t, lang, formatDateRange } = useI18n();
  const textAttrs = useTextAttrs();
  return (
    <ol className="timeline" aria-labelledby={labelledBy}>
      {meetings.map((meeting) => {
        const phase = meetingPhase(meeting, today, nextId, lastId);
        const name = shortMeetingName(meeting, t, lang);
        return (
          <li key={meeting.id} className={`timeline-item phase-${phase}`}>
            <span className="timeline-marker" aria-hidden="true" />
            <span className="timeline-phase">{t(PHASE_LABEL[phase])}</span>
            <span className="timeline-name" {...textAttrs(name.lang)}>
              {name.value}
            </span>
            <span className="timeline-dates">
              {formatDateRange(meeting.startDate, meeting.endDate)}
            </span>
            <span className="timeline-city" {...textAttrs('en')}>
              {meeting.city}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
