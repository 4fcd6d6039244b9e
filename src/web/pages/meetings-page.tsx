/**
 * `/meetings`: every meeting on record in tables per review cycle, newest cycle first, filterable
 * by cycle and kind (?cycle=&kind=). The list is small, so it is fetched once and filtered here.
 */
import { api } from '../api-client.js';
import type { Meeting, MeetingKind } from '../api-types.js';
import { FallbackMark } from '../components/fallback-mark.js';
import { Async } from '../components/status-views.js';
import { useI18n, useTextAttrs } from '../i18n/i18n-context.js';
import { meetingAnchor, shortMeetingName } from '../meeting-names.js';
import { setQuery, useLocation } from '../router.js';
import { useApi } from '../use-api.js';
import { useDocumentTitle } from '../use-document-title.js';
import { useScrollToHash } from '../use-scroll-to-hash.js';

const KINDS: readonly MeetingKind[] = [
  'preparatory-committee',
  'review-conference',
  'p5-conference',
  'ctbt-article-xiv-conference',
  'iaea-general-conference',
  'unga-first-committee',
];

export function MeetingsPage() {
  const { t } = useI18n();
  useDocumentTitle(t('meetings.title'));
  const [meetings, retry] = useApi('meetings', (signal) => api.meetings({}, signal));
  const { hash } = useLocation();
  // Documents link to their meeting's row (#meeting-NPT-2015-PC2); there is no page per meeting.
  useScrollToHash(hash, meetings.status === 'ok' ? 'meetings' : null);
  return (
    <div>
      <h1>{t('meetings.title')}</h1>
      <p className="lede">{t('meetings.intro')}</p>
      <Async remote={meetings} retry={retry}>
        {(data) => <MeetingTables meetings={data} />}
      </Async>
    </div>
  );
}

function MeetingTables({ meetings }: { readonly meetings: readonly Meeting[] }) {
  const { t, formatNumber } = useI18n();
  const { query } = useLocation();
  const cycleParam = query.get('cycle') ?? '';
  const kindParam = query.get('kind') ?? '';
  const cycles = [...new Set(meetings.flatMap((m) => (m.cycle === null ? [] : [m.cycle])))].sort(
    (a, b) => b - a,
  );
  const kinds = KINDS.filter((kind) => meetings.some((m) => m.kind === kind));
  const shown = meetings.filter(
    (m) =>
      (cycleParam === '' || String(m.cycle) === cycleParam) &&
      (kindParam === '' || m.kind === kindParam),
  );
  const groups: { cycle: number | null; items: Meeting[] }[] = [...cycles, null]
    .map((cycle) => ({ cycle, items: shown.filter((m) => m.cycle === cycle) }))
    .filter((group) => group.items.length > 0);

  return (
    <>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <div className="field">
          <label htmlFor="meetings-cycle">{t('meetings.cycle')}</label>
          <select
            id="meetings-cycle"
            value={cycleParam}
            onChange={(event) => setQuery({ cycle: event.target.value })}
          >
            <option value="">{t('meetings.allCycles')}</option>
            {cycles.map((cycle) => (
              <option key={cycle} value={String(cycle)}>
                {t('meetings.cycleHeading', { year: cycle })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="meetings-kind">{t('meetings.kind')}</label>
          <select
            id="meetings-kind"
            value={kindParam}
            onChange={(event) => setQuery({ kind: event.target.value })}
          >
            <option value="">{t('meetings.allKinds')}</option>
            {kinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kind.${kind}`)}
              </option>
            ))}
          </select>
        </div>
      </form>
      <p className="count">{t('common.shown', { count: formatNumber(shown.length) })}</p>
      {groups.length === 0 && <p className="empty">{t('meetings.none')}</p>}
      {groups.map((group) => {
        const headingId = `cycle-${group.cycle ?? 'other'}`;
        return (
          <section key={headingId} className="section" aria-labelledby={headingId}>
            <h2 id={headingId}>
              {group.cycle === null
                ? t('meetings.otherHeading')
                : t('meetings.cycleHeading', { year: group.cycle })}
            </h2>
            <MeetingTable meetings={group.items} labelledBy={headingId} />
          </section>
        );
      })}
    </>
  );
}

function MeetingTable({
  meetings,
  labelledBy,
}: {
  readonly meetings: readonly Meeting[];
  readonly labelledBy: string;
}) {
  const { t, lang, formatDateRange } = useI18n();
  const textAttrs = useTextAttrs();
  const { hash } = useLocation();
  return (
    <div className="table-wrap">
      <table className="data-table" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">{t('col.meeting')}</th>
            <th scope="col">{t('col.kind')}</th>
            <th scope="col">{t('col.dates')}</th>
            <th scope="col">{t('col.city')}</th>
            <th scope="col">{t('col.symbol')}</th>
          </tr>
        </thead>
        <tbody>
          {meetings.map((meeting) => {
            const name = shortMeetingName(meeting, t, lang);
            const anchor = meetingAnchor(meeting.id);
            return (
              <tr
                key={meeting.id}
                id={anchor}
                className={hash === anchor ? 'is-target' : undefined}
              >
                <th scope="row" {...textAttrs(name.lang)}>
                  {name.value}
                  {name.fallback && <FallbackMark />}
                </th>
                <td>{t(`kind.${meeting.kind}`)}</td>
                <td className="nowrap">{formatDateRange(meeting.startDate, meeting.endDate)}</td>
                <td {...textAttrs('en')}>{meeting.city}</td>
                <td>
                  {meeting.symbolPrefix === null ? (
                    <span className="muted">—</span>
                  ) : (
                    <span className="symbol" dir="ltr">
                      {meeting.symbolPrefix}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
