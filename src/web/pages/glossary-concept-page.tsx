/**
 * `/glossary/{id}`: one concept in the six languages side by side — in each, the preferred term
 * first and large, then the admitted terms, the deprecated ones struck through with the reason,
 * each term's type where it is not a full form, and the definition with who wrote it — then the
 * broader, narrower and related concepts, and every revision of the entry.
 */
import { LANGUAGES } from '../../domain/language-codes.js';
import type { Lang } from '../api-types.js';
import {
  fetchConcept,
  fetchConceptHistory,
  fetchConcepts,
  type Concept,
  type ConceptRevision,
  type ConceptSummary,
  type GlossaryTerm,
  type LanguageSection,
} from '../components/glossary-api.js';
import { DomainTag, PreferredTerm, TypeLabel, pickPreferred } from '../components/glossary-bits.js';
import { Link } from '../components/link.js';
import { Async } from '../components/status-views.js';
import { dirOf, useI18n } from '../i18n/i18n-context.js';
import type { PlainKey } from '../i18n/messages.js';
import { ENDONYMS } from '../i18n/messages.js';
import { conceptHref } from '../router.js';
import { useApi } from '../use-api.js';
import { useDocumentTitle } from '../use-document-title.js';

export function GlossaryConceptPage({ id }: { readonly id: string }) {
  const { t, lang } = useI18n();
  const [concept, retry] = useApi(`glossary-concept:${id}`, (signal) => fetchConcept(id, signal));
  const title =
    concept.status === 'ok'
      ? (pickPreferred(preferredOf(concept.data), lang)?.text ?? id)
      : concept.status === 'error' && concept.error.isNotFound
        ? t('view.notFound.title')
        : t('glossary.title');
  useDocumentTitle(title);
  return (
    <div>
      <p className="breadcrumb">
        <Link href="/glossary">{t('concept.back')}</Link>
      </p>
      <Async remote={concept} retry={retry} notFoundMessage={t('concept.notFound', { id })}>
        {(data) => <ConceptView concept={data} />}
      </Async>
    </div>
  );
}

function preferredOf(concept: Concept): Partial<Record<Lang, string>> {
  const preferred: Partial<Record<Lang, string>> = {};
  for (const l of LANGUAGES) {
    const term = concept.languages[l]?.terms.find((x) => x.status === 'preferred');
    if (term !== undefined) preferred[l] = term.text;
  }
  return preferred;
}

function ConceptView({ concept }: { readonly concept: Concept }) {
  const { t, lang, formatDate } = useI18n();
  const preferred = preferredOf(concept);
  return (
    <article className="record concept">
      <header className="record-header">
        <h1>
          <PreferredTerm preferred={preferred} lang={lang} fallbackId={concept.id} />
        </h1>
        <p className="record-subtitle concept-meta">
          <DomainTag domain={concept.domain} />
          <span className="code">{concept.id}</span>
          <span>
            {t('concept.revision', {
              revision: concept.revision,
              date: formatDate(concept.updatedAt.slice(0, 10)),
            })}
          </span>
        </p>
      </header>
      {concept.note !== undefined && (
        <p className="notice concept-note">
          <strong>{t('concept.note')}:</strong> {concept.note}
        </p>
      )}
      <section className="section" aria-labelledby="concept-languages-title">
        <h2 id="concept-languages-title">{t('concept.languages')}</h2>
        <div className="concept-languages">
          {LANGUAGES.map((l) => (
            <LanguageCard key={l} lang={l} section={concept.languages[l]} />
          ))}
        </div>
      </section>
      <ConceptLinks concept={concept} />
      <ConceptHistory id={concept.id} />
    </article>
  );
}

function LanguageCard({
  lang: cardLang,
  section,
}: {
  readonly lang: Lang;
  readonly section: LanguageSection | undefined;
}) {
  const { t, lang, dir } = useI18n();
  // Labels inside the card speak the UI language; the card itself is in its own.
  const ui = { lang, dir };
  const terms = section?.terms ?? [];
  const preferred = terms.filter((term) => term.status === 'preferred');
  const admitted = terms.filter((term) => term.status === 'admitted');
  const deprecated = terms.filter((term) => term.status === 'deprecated');
  const definition = section?.definition;
  return (
    <section
      className="concept-lang"
      aria-labelledby={`concept-lang-${cardLang}`}
      data-lang={cardLang}
    >
      <h3 id={`concept-lang-${cardLang}`} className="concept-lang-name">
        {t(`langName.${cardLang}`)}
        {cardLang !== lang && (
          <span className="endonym" lang={cardLang} dir={dirOf(cardLang)}>
            {ENDONYMS[cardLang]}
          </span>
        )}
      </h3>
      <div className="concept-lang-body" lang={cardLang} dir={dirOf(cardLang)}>
        {terms.length === 0 ? (
          <p className="muted" {...ui}>
            {t('concept.noTerms')}
          </p>
        ) : (
          <>
            {preferred.map((term) => (
              <p key={term.text} className="preferred-term">
                <span className="term-text">{term.text}</span>
                {term.type !== 'fullForm' && (
                  <>
                    {/* The space in the term's direction: a margin would fall on the label's side. */}{' '}
                    <TypeLabel type={term.type} />
                  </>
                )}
              </p>
            ))}
            <TermList label="concept.admitted" terms={admitted} className="admitted-terms" />
            <TermList label="concept.deprecated" terms={deprecated} className="deprecated-terms" />
          </>
        )}
        {definition !== undefined && (
          <div className="concept-definition">
            <p className="definition-label" {...ui}>
              {t('concept.definition')}
            </p>
            <p className="definition-text">{definition.text}</p>
            <p className={`definition-origin origin-${definition.origin}`} {...ui}>
              {definition.origin === 'ours'
                ? t('concept.ours')
                : definition.source !== undefined
                  ? t('concept.source', { source: definition.source })
                  : t('concept.imported')}
            </p>
          </div>
        )}
      </div>
    </section>
  );
}

function TermList({
  label,
  terms,
  className,
}: {
  readonly label: PlainKey;
  readonly terms: readonly GlossaryTerm[];
  readonly className: string;
}) {
  const { t, lang, dir } = useI18n();
  if (terms.length === 0) return null;
  const ui = { lang, dir };
  return (
    <div className={className}>
      <p className="term-list-label" {...ui}>
        {t(label)}
      </p>
      <ul className="term-list">
        {terms.map((term) => (
          <li key={term.text} className={`term status-${term.status}`}>
            {term.status === 'deprecated' ? (
              <>
                <s className="term-text">{term.text}</s>{' '}
                <span className="term-status status-deprecated" {...ui}>
                  {t('concept.deprecatedLabel')}
                </span>
              </>
            ) : (
              <span className="term-text">{term.text}</span>
            )}
            {term.type !== 'fullForm' && (
              <>
                {/* The space in the term's direction: a margin would fall on the label's side. */}{' '}
                <TypeLabel type={term.type} />
              </>
            )}
            {/* Notes are written in the term's language. */}
            {term.note !== undefined && <span className="term-note">{term.note}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

const LINKS = [
  ['broader', 'concept.broader'],
  ['narrower', 'concept.narrower'],
  ['related', 'concept.related'],
] as const;

function ConceptLinks({ concept }: { readonly concept: Concept }) {
  const { t, lang } = useI18n();
  const linked = LINKS.some(([key]) => concept[key].length > 0);
  // The names of the linked concepts: every summary, once (the glossary is a few hundred).
  const [all] = useApi(linked ? `glossary-all:${lang}` : 'glossary-all:none', (signal) =>
    linked ? fetchConcepts({ lang }, signal) : Promise.resolve(undefined),
  );
  if (!linked) return null;
  const byId = new Map<string, ConceptSummary>(
    all.status === 'ok' && all.data !== undefined
      ? all.data.items.map((item) => [item.id, item])
      : [],
  );
  return (
    <section className="section" aria-labelledby="concept-links-title">
      <h2 id="concept-links-title">{t('concept.links')}</h2>
      <dl className="facts facts-stacked concept-links">
        {LINKS.map(([key, label]) =>
          concept[key].length === 0 ? null : (
            <div key={key} className={`concept-links-${key}`}>
              <dt>{t(label)}</dt>
              <dd>
                <ul className="concept-link-list">
                  {concept[key].map((other) => {
                    const summary = byId.get(other);
                    return (
                      <li key={other}>
                        <Link href={conceptHref(other)}>
                          {summary === undefined ? (
                            <span className="code">{other}</span>
                          ) : (
                            <PreferredTerm
                              preferred={summary.preferred}
                              lang={lang}
                              fallbackId={other}
                            />
                          )}
                        </Link>
                      </li>
                    );
                  })}
                </ul>
              </dd>
            </div>
          ),
        )}
      </dl>
    </section>
  );
}

function ConceptHistory({ id }: { readonly id: string }) {
  const { t } = useI18n();
  const [history, retry] = useApi(`glossary-history:${id}`, (signal) =>
    fetchConceptHistory(id, signal),
  );
  return (
    <section className="section" aria-labelledby="concept-history-title">
      <h2 id="concept-history-title">{t('concept.history')}</h2>
      <Async remote={history} retry={retry}>
        {(revisions) => (
          <div className="table-wrap">
            <table className="data-table concept-history">
              <thead>
                <tr>
                  <th scope="col">{t('concept.history.revision')}</th>
                  <th scope="col">{t('concept.history.date')}</th>
                  <th scope="col">{t('concept.history.actor')}</th>
                  <th scope="col">{t('concept.history.comment')}</th>
                </tr>
              </thead>
              <tbody>
                {[...revisions].reverse().map((revision) => (
                  <HistoryRow key={revision.revision} revision={revision} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Async>
    </section>
  );
}

function HistoryRow({ revision }: { readonly revision: ConceptRevision }) {
  const { t, formatDate } = useI18n();
  return (
    <tr>
      <th scope="row" className="num">
        {revision.revision}
      </th>
      <td>
        <time dateTime={revision.at}>{formatDate(revision.at.slice(0, 10))}</time>
      </td>
      <td>{revision.actor}</td>
      <td>
        {/* Comments are free text in whatever language the editor wrote. */}
        <span dir="auto">{revision.comment}</span>
        {revision.concept === null && (
          <span className="term-status status-deprecated"> {t('concept.history.removed')}</span>
        )}
      </td>
    </tr>
  );
}
