/**
 * One meeting in brief (name, dates, city, document symbol), as the dashboard highlights it.
 */
import type { Meeting } from '../api-types.js';
import { useI18n, useTextAttrs } from '../i18n/i18n-context.js';
import { pick } from '../localized.js';
import { shortMeetingName } from '../meeting-names.js';
import { FallbackMark } from './fallback-mark.js';

export function MeetingCard({
  meeting,
  highlight,
}: {
  readonly meeting: Meeting;
  readonly highlight: boolean;
}) {
  const { t, lang, formatDateRange } = useI18n();
  const textAttrs = useTextAttrs();
  const short = shortMeetingName(meeting, t, lang);
  const full = pick(meeting.names, lang);
  return (
    <div className={highlight ? 'meeting-card highlight' : 'meeting-card'}>
      <p className="meeting-card-name" {...textAttrs(short.lang)}>
        {short.value}
      </p>
      {full.value !== short.value && (
        <p className="meeting-card-full" {...textAttrs(full.lang)}>
          {full.value}
          {full.fallback && <FallbackMark />}
        </p>
      )}
      <dl className="facts">
        <div>
          <dt>{t('col.dates')}</dt>
          <dd>{formatDateRange(meeting.startDate, meeting.endDate)}</dd>
        </div>
        <div>
          <dt>{t('col.city')}</dt>
          <dd {...textAttrs('en')}>{meeting.city}</dd>
        </div>
        {meeting.symbolPrefix !== null && (
          <div>
            <dt>{t('col.symbol')}</dt>
            <dd>
              <span className="symbol" dir="ltr">
                {meeting.symbolPrefix}
              </span>
            </dd>
          </div>
        )}
      </dl>
    </div>
  );
}
