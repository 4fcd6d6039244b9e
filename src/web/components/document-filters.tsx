/**
 * The filters of the documents list: language, meeting (grouped by review cycle, as the meetings
 * page groups them), series and year. Each change rewrites the address and returns to page 1.
 */
import { LANGUAGES } from '../../domain/language-codes.js';
import type { Meeting } from '../api-types.js';
import { useI18n, useTextAttrs } from '../i18n/i18n-context.js';
import { shortMeetingName } from '../meeting-names.js';
import { setQuery } from '../router.js';

/** The series the NPT meetings and the General Assembly issue most; the API takes any. */
const SERIES = ['WP', 'RES', 'DEC', 'INF', 'L', 'CRP', 'PV', 'SR'] as const;
type Series = (typeof SERIES)[number];
const isSeries = (value: string): value is Series => (SERIES as readonly string[]).includes(value);

/** From the Treaty's entry into force (1970) to this year, newest first. */
const YEARS = Array.from(
  { length: new Date().getUTCFullYear() - 1969 },
  (_, i) => new Date().getUTCFullYear() - i,
);

export interface DocumentFilterValues {
  readonly lang: string;
  readonly meeting: string;
  readonly type: string;
  readonly year: string;
}

export function readDocumentFilters(query: URLSearchParams): DocumentFilterValues {
  const year = query.get('year') ?? '';
  return {
    lang: query.get('lang') ?? '',
    meeting: query.get('meeting') ?? '',
    type: (query.get('type') ?? '').toUpperCase(),
    // The API refuses years outside 1945–2100; a mistyped year is dropped, not an error page.
    year: /^\d{4}$/u.test(year) && Number(year) >= 1945 && Number(year) <= 2100 ? year : '',
  };
}

const change = (key: string) => (event: { target: { value: string } }) =>
  setQuery({ [key]: event.target.value, page: undefined });

export function DocumentFilters({
  filters,
  meetings,
}: {
  readonly filters: DocumentFilterValues;
  readonly meetings: readonly Meeting[];
}) {
  const { t } = useI18n();
  const years =
    YEARS.includes(Number(filters.year)) || filters.year === ''
      ? YEARS
      : [Number(filters.year), ...YEARS];
  return (
    <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
      <div className="field field-narrow">
        <label htmlFor="documents-lang">{t('documents.lang')}</label>
        <select id="documents-lang" value={filters.lang} onChange={change('lang')}>
          <option value="">{t('documents.allLangs')}</option>
          {LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {t(`langName.${code}`)}
            </option>
          ))}
        </select>
      </div>
      <MeetingSelect value={filters.meeting} meetings={meetings} />
      <div className="field">
        <label htmlFor="documents-type">{t('documents.type')}</label>
        <select id="documents-type" value={filters.type} onChange={change('type')}>
          <option value="">{t('documents.allTypes')}</option>
          {filters.type !== '' && !isSeries(filters.type) && (
            <option value={filters.type}>{filters.type}</option>
          )}
          {SERIES.map((series) => (
            <option key={series} value={series}>
              {t(`series.${series}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field field-narrow">
        <label htmlFor="documents-year">{t('documents.year')}</label>
        <select id="documents-year" value={filters.year} onChange={change('year')}>
          <option value="">{t('documents.allYears')}</option>
          {years.map((year) => (
            <option key={year} value={String(year)}>
              {year}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}

function MeetingSelect({
  value,
  meetings,
}: {
  readonly value: string;
  readonly meetings: readonly Meeting[];
}) {
  const { t, lang } = useI18n();
  const textAttrs = useTextAttrs();
  const cycles = [...new Set(meetings.map((m) => m.cycle))].sort((a, b) => (b ?? -1) - (a ?? -1));
  return (
    <div className="field field-wide">
      <label htmlFor="documents-meeting">{t('documents.meeting')}</label>
      <select id="documents-meeting" value={value} onChange={change('meeting')}>
        <option value="">{t('documents.allMeetings')}</option>
        {/* Keep an unknown ?meeting= selectable so the select shows what the list is filtered by. */}
        {value !== '' && !meetings.some((m) => m.id === value) && (
          <option value={value}>{value}</option>
        )}
        {cycles.map((cycle) => (
          <optgroup
            key={cycle ?? 'other'}
            label={
              cycle === null
                ? t('meetings.otherHeading')
                : t('meetings.cycleHeading', { year: cycle })
            }
          >
            {meetings
              .filter((m) => m.cycle === cycle)
              .map((meeting) => {
                const name = shortMeetingName(meeting, t, lang);
                return (
                  <option key={meeting.id} value={meeting.id} {...textAttrs(name.lang)}>
                    {`${name.value} (${meeting.startDate.slice(0, 4)})`}
                  </option>
                );
              })}
          </optgroup>
        ))}
      </select>
    </div>
  );
}
