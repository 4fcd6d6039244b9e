/**
 * Search results: the count, the expansions the query was widened with, and one entry per
 * language version of a document with its matching paragraphs. Each paragraph links to its place
 * in the document (`/documents/{symbol}/{lang}#{eId}`), where the page highlights it. Snippets are
 * rendered as text, the matched words in <mark>, and keep their own language and direction.
 */
import { Fragment } from 'react';
import type { Meeting, SearchExpansion, SearchGroup, SearchHit, TextLang } from '../api-types.js';
import { documentHref } from '../document-names.js';
import { dirOf, useI18n } from '../i18n/i18n-context.js';
import { shortMeetingName } from '../meeting-names.js';
import { LanguageBadges } from './language-badges.js';
import { Link } from './link.js';

/**
 * `lang` and `dir` for text in a result's language, always both: a result list mixes scripts, so
 * each entry says its own. Chinese is marked zh-Hans (UN Chinese is simplified), an undetermined
 * language takes its direction from its text.
 */
export function resultTextAttrs(lang: TextLang): { lang: string; dir: 'ltr' | 'rtl' | 'auto' } {
  if (lang === 'und') return { lang: 'und', dir: 'auto' };
  return { lang: lang === 'zh' ? 'zh-Hans' : lang, dir: dirOf(lang) };
}

/** The document's address: its symbol, or its id while it has none. */
const documentIdOf = (group: SearchGroup) => group.symbol ?? group.workId;

export function hitHref(group: SearchGroup, hit: SearchHit): string {
  return documentHref(documentIdOf(group), { lang: group.lang, eId: hit.eId });
}

export function SearchTotal({ value, exact }: { readonly value: number; readonly exact: boolean }) {
  const { t, formatNumber } = useI18n();
  const count = formatNumber(value);
  return (
    <p className="search-total" data-testid="search-total">
      {exact ? t('search.total', { count }) : t('search.totalAbout', { count })}
    </p>
  );
}

export function SearchExpansions({
  expansions,
}: {
  readonly expansions: readonly SearchExpansion[];
}) {
  const { t, dir } = useI18n();
  if (expansions.length === 0) return null;
  return (
    <section
      className="search-expansions"
      aria-labelledby="search-expansions-title"
      data-testid="search-expansions"
    >
      <h2 id="search-expansions-title">{t('search.expansions')}</h2>
      <ul>
        {expansions.map((expansion, index) => (
          <li key={`${index}:${expansion.from}:${expansion.lang}:${expansion.to}`}>
            <bdi className="expansion-from">{expansion.from}</bdi>
            <span aria-hidden="true">{dir === 'rtl' ? ' ← ' : ' → '}</span>
            <span className="expansion-to" {...resultTextAttrs(expansion.lang)}>
              {expansion.to}
            </span>{' '}
            <span className="muted">
              ({t(`langName.${expansion.lang}`)} · {t(`search.expansion.${expansion.source}`)})
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function SearchGroups({
  groups,
  meetings,
}: {
  readonly groups: readonly SearchGroup[];
  readonly meetings: readonly Meeting[];
}) {
  return (
    <ol className="search-groups">
      {groups.map((group) => (
        <ResultGroup
          key={group.expressionId}
          group={group}
          meeting={meetings.find((m) => m.id === group.meetingId)}
        />
      ))}
    </ol>
  );
}

function ResultGroup({
  group,
  meeting,
}: {
  readonly group: SearchGroup;
  readonly meeting: Meeting | undefined;
}) {
  const { t, lang, dir, formatDate } = useI18n();
  const meetingName = meeting && shortMeetingName(meeting, t, lang);
  return (
    <li className="search-group" data-testid="search-group" {...resultTextAttrs(group.lang)}>
      <div className="search-group-head">
        <Link
          href={documentHref(documentIdOf(group), { lang: group.lang })}
          className="symbol search-group-link"
          dir="ltr"
        >
          {documentIdOf(group)}
        </Link>
        {/* Facts about the document speak the UI language, whatever the text's. */}
        <div className="search-group-meta" lang={lang} dir={dir}>
          <LanguageBadges languages={[group.lang]} original={null} />
          {group.date !== null && <span>{formatDate(group.date)}</span>}
          {meetingName !== undefined && <span lang={meetingName.lang}>{meetingName.value}</span>}
        </div>
      </div>
      {group.title !== null && <p className="search-group-title">{group.title}</p>}
      <ol className="search-hits">
        {group.hits.map((hit) => (
          <ResultHit key={`${hit.via}:${hit.eId}`} group={group} hit={hit} />
        ))}
      </ol>
    </li>
  );
}

function ResultHit({ group, hit }: { readonly group: SearchGroup; readonly hit: SearchHit }) {
  const { t, lang, dir } = useI18n();
  const aligned = hit.via === 'aligned';
  return (
    <li
      className={aligned ? 'search-hit aligned' : 'search-hit'}
      data-testid="search-hit"
      data-via={hit.via}
    >
      <div className="search-hit-head" lang={lang} dir={dir}>
        <Link href={hitHref(group, hit)} className="search-hit-link" data-testid="search-hit-link">
          {hit.kind === 'title' ? (
            t('col.title')
          ) : hit.num === null || hit.num === '' ? (
            <span className="code" dir="ltr">
              {hit.eId}
            </span>
          ) : (
            t('search.paragraph', { num: hit.num })
          )}
        </Link>
        {aligned && (
          <span
            className="search-aligned"
            title={t('search.alignedHint')}
            data-testid="search-hit-aligned"
          >
            {t('search.aligned')}
          </span>
        )}
      </div>
      <p className="search-snippet" {...resultTextAttrs(group.lang)}>
        {hit.snippet.map((part, index) =>
          part.hit ? (
            <mark key={index}>{part.text}</mark>
          ) : (
            <Fragment key={index}>{part.text}</Fragment>
          ),
        )}
      </p>
    </li>
  );
}
