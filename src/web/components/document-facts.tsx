/**
 * The facts at the head of a document page: symbol (or generated id), date, place, distribution,
 * agenda item, meeting and authors. Date and place come from the language version shown, as each
 * version's masthead gives them; States are named in the UI language and linked to their pages.
 */
import { stateName } from '../../domain/model.js';
import type { Meeting, State, Work, WorkAuthor, WorkExpression } from '../api-types.js';
import { textLangAttrs } from '../document-names.js';
import { useI18n, useTextAttrs } from '../i18n/i18n-context.js';
import { meetingHref, shortMeetingName } from '../meeting-names.js';
import { Link } from './link.js';

export function DocumentFacts({
  work,
  expression,
  meetings,
  states,
}: {
  readonly work: Work;
  readonly expression: WorkExpression | undefined;
  readonly meetings: readonly Meeting[];
  readonly states: readonly State[];
}) {
  const { t, lang, formatDate } = useI18n();
  const textAttrs = useTextAttrs();
  const inText = expression === undefined ? {} : textLangAttrs(expression.lang, lang);
  const meeting = meetings.find((m) => m.id === work.meetingId);
  const meetingName = meeting && shortMeetingName(meeting, t, lang);
  return (
    <dl className="facts facts-grid doc-facts">
      <div>
        <dt>{work.symbol === null ? t('document.id') : t('col.symbol')}</dt>
        <dd>
          <span className="symbol" dir="ltr">
            {work.symbol ?? work.id}
          </span>
          {work.symbol === null && <span className="cell-note">{t('documents.noSymbol')}</span>}
        </dd>
      </div>
      {expression?.date != null && (
        <div>
          <dt>{t('col.date')}</dt>
          <dd>{formatDate(expression.date)}</dd>
        </div>
      )}
      {expression?.place != null && (
        <div>
          <dt>{t('document.place')}</dt>
          <dd {...inText}>{expression.place}</dd>
        </div>
      )}
      {expression?.distribution != null && (
        <div>
          <dt>{t('document.distribution')}</dt>
          <dd {...inText}>{expression.distribution}</dd>
        </div>
      )}
      {expression?.agendaItem != null && (
        <div>
          <dt>{t('document.agendaItem')}</dt>
          <dd {...inText}>{expression.agendaItem}</dd>
        </div>
      )}
      {work.meetingId !== null && (
        <div>
          <dt>{t('col.meeting')}</dt>
          <dd>
            {meeting && meetingName ? (
              <Link href={meetingHref(meeting)} {...textAttrs(meetingName.lang)}>
                {meetingName.value}
              </Link>
            ) : (
              <span className="code">{work.meetingId}</span>
            )}
          </dd>
        </div>
      )}
      {work.authors.length > 0 && (
        <div className="facts-wide">
          <dt>{t('document.authors')}</dt>
          <dd>
            <ul className="inline-list">
              {work.authors.map((author) => (
                <li key={`${author.kind}:${author.id}`}>
                  <Author author={author} states={states} />
                </li>
              ))}
            </ul>
          </dd>
        </div>
      )}
    </dl>
  );
}

/**
 * The API names an author as the first text it was read from said it, in that text's language,
 * which may not be the reader's; a State's own six names give the reader's. Until they have loaded
 * the language-neutral code stands in.
 */
function Author({
  author,
  states,
}: {
  readonly author: WorkAuthor;
  readonly states: readonly State[];
}) {
  const { lang } = useI18n();
  if (author.kind === 'group') {
    return <Link href={`/states?group=${encodeURIComponent(author.id)}`}>{author.name}</Link>;
  }
  const state = states.find((s) => s.id === author.id);
  return (
    <Link href={`/states/${encodeURIComponent(author.id)}`}>
      {state === undefined ? author.id : stateName(state, lang)}
    </Link>
  );
}
