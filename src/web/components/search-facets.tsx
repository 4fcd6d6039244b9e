/**
 * The search page's facets: how many paragraphs of the results fall in each language, year,
 * meeting, document type, State and action. A value is a toggle: choosing it writes its filter
 * into the query (`… year:2015`), choosing it again takes the filter out.
 */
import { useState } from 'react';
import { isLang } from '../../domain/language-codes.js';
import type { FacetCount, Lang, Meeting, SearchFacet, SearchFacets } from '../api-types.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { Translate } from '../i18n/messages.js';
import { shortMeetingName } from '../meeting-names.js';
import { filterKey, formatFilter, hasFilter } from '../search-query.js';
import { useStateNames, type NameOf } from '../use-names.js';
import { useActionLabel } from './action-labels.js';

/** In the order the sidebar shows them. */
const FACETS: readonly SearchFacet[] = ['lang', 'year', 'meeting', 'type', 'state', 'action'];

/** Values shown before "Show all"; chosen values are always shown. */
const SHORT_LIST = 8;

/** The document types with a translated name (the `series.*` messages). */
const NAMED_TYPES = ['WP', 'RES', 'DEC', 'INF', 'L', 'CRP', 'PV', 'SR'] as const;
const isNamedType = (value: string): value is (typeof NAMED_TYPES)[number] =>
  (NAMED_TYPES as readonly string[]).includes(value);

interface Label {
  readonly text: string;
  /** The language of the text when it is not the UI's (a meeting name only in English). */
  readonly lang?: string;
}

function meetingLabel(meeting: Meeting, t: Translate, lang: Lang): Label {
  const name = shortMeetingName(meeting, t, lang);
  // "First session of the Preparatory Committee" says which cycle only with its year.
  const text =
    meeting.kind === 'review-conference' || meeting.cycle === null
      ? name.value
      : t('search.meetingOfCycle', { meeting: name.value, year: meeting.cycle });
  // The data's own name may be English only; it is then marked up as English.
  return name.lang === lang ? { text } : { text, lang: name.lang };
}

/** Names for facet values, where the app has them; the value itself otherwise. */
function useFacetLabels(
  meetings: readonly Meeting[],
): (facet: SearchFacet, value: string) => Label {
  const { t, lang } = useI18n();
  const stateName: NameOf = useStateNames();
  const actionLabel = useActionLabel();
  return (facet, value) => {
    switch (facet) {
      case 'lang':
        return value === 'und' || isLang(value)
          ? { text: t(`langName.${value}`) }
          : { text: value };
      case 'year':
        return { text: value };
      case 'type': {
        const type = value.toUpperCase();
        return isNamedType(type) ? { text: t(`series.${type}`) } : { text: value };
      }
      case 'state': {
        const id = value.toUpperCase();
        const name = stateName(id);
        return { text: name === id ? value : name };
      }
      case 'meeting': {
        const meeting = meetings.find((m) => filterKey(m.id) === filterKey(value));
        if (meeting === undefined) return { text: value };
        return meetingLabel(meeting, t, lang);
      }
      case 'action': {
        // `21`, or an action's id (`AP2010-A21`, `AP2010-ME`).
        if (/(^|-)ME$/iu.test(value)) return { text: actionLabel({ number: null }) };
        const number = /^(?:AP2010-A)?(\d+)$/iu.exec(value)?.[1];
        return { text: number === undefined ? value : actionLabel({ number: Number(number) }) };
      }
    }
  };
}

export function SearchFacetsPanel({
  facets,
  meetings,
  query,
  onToggle,
}: {
  readonly facets: SearchFacets;
  /** For the meetings' names. */
  readonly meetings: readonly Meeting[];
  /** The query of the results shown: whether a value is chosen is read from its filters. */
  readonly query: string;
  readonly onToggle: (facet: SearchFacet, value: string) => void;
}) {
  const { t } = useI18n();
  const labelOf = useFacetLabels(meetings);
  const shown = FACETS.filter((facet) => (facets.counts[facet] ?? []).length > 0);
  if (shown.length === 0) return null;
  return (
    <aside className="search-facets" aria-labelledby="search-facets-title">
      <h2 id="search-facets-title" className="search-facets-title">
        {t('search.facets')}
      </h2>
      {shown.map((facet) => (
        <FacetList
          key={facet}
          facet={facet}
          counts={facets.counts[facet] ?? []}
          exact={facets.exact}
          query={query}
          labelOf={labelOf}
          onToggle={onToggle}
        />
      ))}
      {!facets.exact && <p className="search-facets-note">{t('search.facetsApprox')}</p>}
    </aside>
  );
}

function FacetList({
  facet,
  counts,
  exact,
  query,
  labelOf,
  onToggle,
}: {
  readonly facet: SearchFacet;
  readonly counts: readonly FacetCount[];
  readonly exact: boolean;
  readonly query: string;
  readonly labelOf: (facet: SearchFacet, value: string) => Label;
  readonly onToggle: (facet: SearchFacet, value: string) => void;
}) {
  const { t, formatNumber } = useI18n();
  const [open, setOpen] = useState(false);
  const chosen = (value: string) => hasFilter(query, facet, value);
  const visible =
    open || counts.length <= SHORT_LIST
      ? counts
      : counts.filter((entry, index) => index < SHORT_LIST || chosen(entry.value));
  const headingId = `search-facet-${facet}`;
  return (
    <section className="facet-group" aria-labelledby={headingId}>
      <h3 id={headingId}>{t(`search.facet.${facet}`)}</h3>
      <ul className="facet-list">
        {visible.map(({ value, count }) => {
          const active = chosen(value);
          const label = labelOf(facet, value);
          const filter = formatFilter(facet, value);
          return (
            <li key={value}>
              <button
                type="button"
                className={active ? 'facet chosen' : 'facet'}
                aria-pressed={active}
                title={t(active ? 'search.facetRemove' : 'search.facetAdd', { filter })}
                data-testid={`facet-${facet}-${value}`}
                onClick={() => onToggle(facet, value)}
              >
                <span className="facet-name" lang={label.lang}>
                  {label.text}
                </span>
                <span className="facet-count">
                  {exact ? '' : '≈ '}
                  {formatNumber(count)}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {counts.length > SHORT_LIST && (
        <button
          type="button"
          className="link-button facet-more"
          aria-expanded={open}
          onClick={() => setOpen((was) => !was)}
        >
          {open
            ? t('search.showFewer')
            : t('search.showAll', { count: formatNumber(counts.length) })}
        </button>
      )}
    </section>
  );
}
