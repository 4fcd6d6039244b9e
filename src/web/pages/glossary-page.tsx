/**
 * `/glossary?q=&domain=&az=&letter=`: the term base. A search box finds terms in any of the six
 * languages (each hit with its language and status, and the concept's preferred term in the UI
 * language); without a search, the concepts are listed A–Z in a chosen language, by initial, with
 * their domain and a short definition. The domain filter applies to both. The downloads give the
 * whole glossary as TBX, CSV or SKOS. Every choice lives in the address.
 */
import { LANGUAGES } from '../../domain/language-codes.js';
import type { Lang } from '../api-types.js';
import {
  fetchAlphabet,
  fetchConcepts,
  fetchEditions,
  fetchTermHits,
  GLOSSARY_DOWNLOADS,
  glossaryDownloadUrl,
  type Alphabet,
  type ConceptSummary,
  type Edition,
  type TermHit,
} from '../components/glossary-api.js';
import {
  DomainTag,
  PreferredTerm,
  StatusBadge,
  summaryDefinitionLang,
} from '../components/glossary-bits.js';
import { Link } from '../components/link.js';
import { Async } from '../components/status-views.js';
import { useI18n, useTextAttrs } from '../i18n/i18n-context.js';
import { ENDONYMS } from '../i18n/messages.js';
import {
  conceptHref,
  GLOSSARY_DOMAINS,
  glossaryHref,
  navigate,
  readGlossaryQuery,
  useLocation,
  type GlossaryAddress,
} from '../router.js';
import { useApi, type Remote } from '../use-api.js';
import { useDebounced } from '../use-debounced.js';
import { useDocumentTitle } from '../use-document-title.js';

/** Keeps the last good data on screen while the next query loads, so lists do not flash empty. */
function keepStale<T>(remote: Remote<T>): Remote<T> {
  return remote.status === 'loading' && remote.stale !== undefined
    ? { status: 'ok', data: remote.stale }
    : remote;
}

/** A definition cut at a word near `max` characters (a character for Chinese). */
function shorten(text: string, max = 220): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.，。；：、]+$/u, '')}…`;
}

export function GlossaryPage() {
  const { t, lang } = useI18n();
  useDocumentTitle(t('glossary.title'));
  const { query } = useLocation();
  const address = readGlossaryQuery(query);
  const az = address.az ?? lang;
  const q = address.q ?? '';
  const search = useDebounced(q.trim(), 250);

  // Typing replaces the entry (one per search, not per key); the first key opens a new one, so
  // the back button returns to the list as it was.
  const go = (next: GlossaryAddress, replace = false) => navigate(glossaryHref(next), { replace });
  const setAz = (next: Lang) =>
    go({ ...address, az: next === lang ? undefined : next, letter: undefined });

  return (
    <div className="glossary-page">
      <h1>{t('glossary.title')}</h1>
      <p className="lede">{t('glossary.intro')}</p>
      <form
        className="filters glossary-filters"
        role="search"
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="field field-wide">
          <label htmlFor="glossary-q">{t('glossary.search')}</label>
          <input
            id="glossary-q"
            type="search"
            value={q}
            autoComplete="off"
            spellCheck={false}
            enterKeyHint="search"
            onChange={(event) =>
              go({ ...address, q: event.target.value, letter: undefined }, q !== '')
            }
          />
        </div>
        <div className="field">
          <label htmlFor="glossary-domain">{t('glossary.domain')}</label>
          <select
            id="glossary-domain"
            value={address.domain ?? ''}
            onChange={(event) =>
              go({
                ...address,
                domain: GLOSSARY_DOMAINS.find((domain) => domain === event.target.value),
              })
            }
          >
            <option value="">{t('glossary.allDomains')}</option>
            {GLOSSARY_DOMAINS.map((domain) => (
              <option key={domain} value={domain}>
                {t(`glossary.domain.${domain}`)}
              </option>
            ))}
          </select>
        </div>
        {search === '' && (
          <div className="field field-narrow">
            <label htmlFor="glossary-az">{t('glossary.azLang')}</label>
            <select
              id="glossary-az"
              value={az}
              onChange={(event) => {
                const next = LANGUAGES.find((l) => l === event.target.value);
                if (next !== undefined) setAz(next);
              }}
            >
              {LANGUAGES.map((l) => (
                <option key={l} value={l} lang={l}>
                  {ENDONYMS[l]}
                </option>
              ))}
            </select>
          </div>
        )}
      </form>
      <GlossaryDownloads />
      {search === '' ? (
        <Browse address={address} az={az} />
      ) : (
        <SearchResults search={search} address={address} />
      )}
    </div>
  );
}

function GlossaryDownloads() {
  const { t, formatDate } = useI18n();
  const [editions] = useApi('glossary-editions', (signal) => fetchEditions(signal));
  const published: readonly Edition[] = editions.status === 'ok' ? editions.data : [];
  return (
    <div className="glossary-downloads">
      <p>
        <span className="muted">{t('glossary.downloads')}:</span>
        {GLOSSARY_DOWNLOADS.map((format) => (
          <a key={format} className="download-link" href={glossaryDownloadUrl(format)} download>
            {t(`glossary.download.${format}`)}
          </a>
        ))}
      </p>
      {published.length > 0 && (
        <p>
          <span className="muted">{t('glossary.editions')}:</span>
          {published.map((edition) => (
            <a
              key={edition.id}
              className="download-link"
              href={glossaryDownloadUrl('tbx', edition.id)}
              download
            >
              {t('glossary.edition', {
                title: edition.title,
                date: formatDate(edition.publishedAt.slice(0, 10)),
              })}
            </a>
          ))}
        </p>
      )}
    </div>
  );
}

function Browse({ address, az }: { readonly address: GlossaryAddress; readonly az: Lang }) {
  const { t, formatNumber } = useI18n();
  const [alphabet] = useApi(`glossary-alphabet:${az}`, (signal) => fetchAlphabet(az, signal));
  const request = { domain: address.domain, lang: az, letter: address.letter };
  const [concepts, retry] = useApi(`glossary-concepts:${JSON.stringify(request)}`, (signal) =>
    fetchConcepts(request, signal),
  );
  const shown = keepStale(concepts);
  return (
    <>
      {alphabet.status === 'ok' && (
        <LetterStrip address={address} az={az} letters={alphabet.data} />
      )}
      <Async remote={shown} retry={retry}>
        {(data) => (
          <section aria-labelledby="glossary-list-count">
            <p className="count" id="glossary-list-count">
              {t('glossary.count', { count: formatNumber(data.total) })}
            </p>
            {data.items.length === 0 ? (
              <p className="empty glossary-empty">{t('glossary.empty')}</p>
            ) : (
              <ol className="glossary-list" aria-busy={concepts.status === 'loading'}>
                {data.items.map((concept) => (
                  <ConceptEntry key={concept.id} concept={concept} az={az} />
                ))}
              </ol>
            )}
          </section>
        )}
      </Async>
    </>
  );
}

function LetterStrip({
  address,
  az,
  letters,
}: {
  readonly address: GlossaryAddress;
  readonly az: Lang;
  readonly letters: Alphabet;
}) {
  const { t } = useI18n();
  const textAttrs = useTextAttrs();
  const current = address.letter;
  return (
    <nav className="letter-strip" aria-label={`${t('glossary.letters')} (${ENDONYMS[az]})`}>
      <ul>
        <li>
          <Link
            href={glossaryHref({ ...address, az: address.az, letter: undefined })}
            aria-current={current === undefined ? 'true' : undefined}
            className="letter-all"
          >
            {t('glossary.allLetters')}
          </Link>
        </li>
        {letters.map(({ letter, count }) => (
          <li key={letter}>
            <Link
              href={glossaryHref({ ...address, letter })}
              aria-current={current === letter ? 'true' : undefined}
              title={t('glossary.letterCount', { letter, count })}
              {...textAttrs(az)}
            >
              {letter}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function ConceptEntry({ concept, az }: { readonly concept: ConceptSummary; readonly az: Lang }) {
  const { t, lang } = useI18n();
  const textAttrs = useTextAttrs();
  const own = concept.preferred[az];
  // Beside the A–Z language's term: the reader's, and English, when they are other languages.
  const others = [...new Set<Lang>([lang, 'en'])].filter((l) => l !== az);
  const definition = concept.definition;
  return (
    <li className="glossary-entry">
      <div className="glossary-entry-head">
        <Link href={conceptHref(concept.id)} className="glossary-headword">
          {own === undefined ? (
            <PreferredTerm preferred={concept.preferred} lang={az} fallbackId={concept.id} />
          ) : (
            <span {...textAttrs(az)}>{own}</span>
          )}
        </Link>
        <DomainTag domain={concept.domain} />
      </div>
      {own === undefined && (
        <p className="muted glossary-missing">
          {t('glossary.noTermIn', { lang: t(`langName.${az}`) })}
        </p>
      )}
      {others.some((l) => concept.preferred[l] !== undefined) && (
        <ul className="glossary-equivalents">
          {others.map((l) => {
            const term = concept.preferred[l];
            return term === undefined ? null : (
              <li key={l}>
                <abbr className="lang-code" title={t(`langName.${l}`)}>
                  {l.toUpperCase()}
                </abbr>{' '}
                <span {...textAttrs(l)}>{term}</span>
              </li>
            );
          })}
        </ul>
      )}
      {definition !== undefined && (
        <p className="glossary-definition" {...textAttrs(summaryDefinitionLang(definition, az))}>
          {shorten(definition)}
        </p>
      )}
    </li>
  );
}

function SearchResults({
  search,
  address,
}: {
  readonly search: string;
  readonly address: GlossaryAddress;
}) {
  const { t, formatNumber } = useI18n();
  const [hits, retry] = useApi(`glossary-terms:${search}`, (signal) =>
    fetchTermHits(search, signal),
  );
  // The concepts the search finds, in the domain chosen: their domains, and the domain filter.
  const request = { q: search, domain: address.domain };
  const [concepts] = useApi(`glossary-concepts:${JSON.stringify(request)}`, (signal) =>
    fetchConcepts(request, signal),
  );
  const byId =
    concepts.status === 'ok'
      ? new Map(concepts.data.items.map((concept) => [concept.id, concept]))
      : undefined;
  const shown = keepStale(hits);
  return (
    <section className="glossary-hits" aria-labelledby="glossary-hits-title">
      <h2 id="glossary-hits-title">{t('glossary.hits', { q: search })}</h2>
      <Async remote={shown} retry={retry}>
        {(data) => {
          const kept =
            address.domain === undefined || byId === undefined
              ? data
              : data.filter((hit) => byId.has(hit.conceptId));
          return kept.length === 0 ? (
            <p className="empty glossary-empty">{t('glossary.noHits', { q: search })}</p>
          ) : (
            <>
              <p className="count">
                {t('glossary.hitsCount', { count: formatNumber(kept.length) })}
              </p>
              <div className="table-wrap" aria-busy={hits.status === 'loading'}>
                <table className="data-table glossary-hit-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('glossary.col.term')}</th>
                      <th scope="col">{t('glossary.col.lang')}</th>
                      <th scope="col">{t('glossary.col.status')}</th>
                      <th scope="col">{t('glossary.col.concept')}</th>
                      <th scope="col">{t('glossary.domain')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {kept.map((hit) => (
                      <HitRow
                        key={`${hit.conceptId}:${hit.lang}:${hit.term}`}
                        hit={hit}
                        concept={byId?.get(hit.conceptId)}
                      />
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          );
        }}
      </Async>
    </section>
  );
}

function HitRow({
  hit,
  concept,
}: {
  readonly hit: TermHit;
  readonly concept: ConceptSummary | undefined;
}) {
  const { t, lang } = useI18n();
  const textAttrs = useTextAttrs();
  return (
    <tr className={`status-row-${hit.status}`}>
      <td>
        <Link href={conceptHref(hit.conceptId)} className="glossary-hit-term">
          <span {...textAttrs(hit.lang)}>{hit.term}</span>
        </Link>
      </td>
      <td>{t(`langName.${hit.lang}`)}</td>
      <td>
        <StatusBadge status={hit.status} />
      </td>
      <td>
        <PreferredTerm preferred={hit.preferred} lang={lang} fallbackId={hit.conceptId} />
      </td>
      <td>{concept === undefined ? null : <DomainTag domain={concept.domain} />}</td>
    </tr>
  );
}
