/**
 * A recorded vote: the count for each choice, then the States that made it, named in the UI
 * language and linked to their pages, sorted as the UI language sorts. Names in the text that
 * matched no State are listed as printed, in the text's language, so nothing is silently lost.
 */
import { stateName } from '../../domain/model.js';
import type { RecordedVote, State } from '../api-types.js';
import { textLangAttrs } from '../document-names.js';
import { useI18n } from '../i18n/i18n-context.js';
import type { PlainKey } from '../i18n/messages.js';
import { Link } from './link.js';

const CHOICES: readonly { key: 'inFavour' | 'against' | 'abstaining'; label: PlainKey }[] = [
  { key: 'inFavour', label: 'vote.inFavour' },
  { key: 'against', label: 'vote.against' },
  { key: 'abstaining', label: 'vote.abstaining' },
];

export function RecordedVoteSection({
  vote,
  states,
}: {
  readonly vote: RecordedVote;
  readonly states: readonly State[];
}) {
  const { t, lang, compare, formatNumber } = useI18n();
  const byId = new Map(states.map((state) => [state.id, state]));
  const named = (ids: readonly string[]) =>
    ids
      .map((id) => {
        const state = byId.get(id);
        return { id, name: state === undefined ? id : stateName(state, lang) };
      })
      .sort((a, b) => compare(a.name, b.name));

  return (
    <section className="section vote" aria-labelledby="vote-title">
      <h2 id="vote-title">{t('vote.title')}</h2>
      <dl className="vote-counts">
        {CHOICES.map(({ key, label }) => (
          <div key={key} className={`vote-count vote-${key}`}>
            <dt>{t(label)}</dt>
            <dd>{formatNumber(vote[key].length)}</dd>
          </div>
        ))}
      </dl>
      {CHOICES.map(({ key, label }) => (
        <div key={key} className="vote-group">
          <h3 id={`vote-${key}-title`}>
            {t(label)} <span className="muted">({formatNumber(vote[key].length)})</span>
          </h3>
          {vote[key].length === 0 ? (
            <p className="empty">{t('common.none')}</p>
          ) : (
            <ul className="vote-list" aria-labelledby={`vote-${key}-title`}>
              {named(vote[key]).map(({ id, name }) => (
                <li key={id}>
                  <Link href={`/states/${encodeURIComponent(id)}`}>{name}</Link>
                </li>
              ))}
            </ul>
          )}
        </div>
      ))}
      {vote.unresolved.length > 0 && (
        <div className="vote-group">
          <h3 id="vote-unresolved-title">{t('vote.unresolved')}</h3>
          <ul
            className="vote-list"
            aria-labelledby="vote-unresolved-title"
            {...textLangAttrs(vote.lang, lang)}
          >
            {vote.unresolved.map((name) => (
              <li key={name}>{name}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
