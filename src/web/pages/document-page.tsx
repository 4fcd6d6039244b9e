/**
 * `/documents/{id}[/{lang}]`: one document — its facts, a tab per language version, the chosen
 * version's text paragraph by paragraph (each addressable and citable, its glossary terms
 * highlighted unless the reader turns that off), the Akoma Ntoso download and, for a resolution or decision adopted by recorded vote, how each State voted.
 */
import { useEffect, useMemo, useState } from 'react';
import { isLang } from '../../domain/language-codes.js';
import { aknUrl, api } from '../api-client.js';
import type { Lang, TextLang, Work, WorkExpression } from '../api-types.js';
import { citedSymbol } from '../citation.js';
import { DocumentFacts } from '../components/document-facts.js';
import { DocumentText } from '../components/document-text.js';
import { LanguageTabs, SupersededNotice, VersionPicker } from '../components/document-versions.js';
import { fetchDocumentTerms, type DocumentTerms } from '../components/glossary-api.js';
import type { TextGlossary } from '../components/glossary-terms.js';
import { Link } from '../components/link.js';
import { RecordedVoteSection } from '../components/recorded-vote.js';
import { Async } from '../components/status-views.js';
import {
  chosenExpression,
  defaultTextLang,
  documentLabel,
  originalLangOf,
  textLangAttrs,
} from '../document-names.js';
import { useI18n } from '../i18n/i18n-context.js';
import { parallelHref, useLocation } from '../router.js';
import { useApi } from '../use-api.js';
import { useDocumentTitle } from '../use-document-title.js';
import { useScrollToHash } from '../use-scroll-to-hash.js';

export function DocumentPage({
  id,
  lang: routeLang,
}: {
  readonly id: string;
  readonly lang: TextLang | undefined;
}) {
  const { t } = useI18n();
  const [work, retry] = useApi(`document:${id}`, (signal) => api.document(id, signal));
  useDocumentTitle(
    work.status === 'ok'
      ? documentLabel(work.data)
      : work.status === 'error' && work.error.isNotFound
        ? t('view.notFound.title')
        : t('documents.title'),
  );
  return (
    <div>
      <p className="breadcrumb">
        <Link href="/documents">{t('document.back')}</Link>
      </p>
      <Async remote={work} retry={retry} notFoundMessage={t('document.notFound', { id })}>
        {(data) => <WorkView work={data} routeLang={routeLang} />}
      </Async>
    </div>
  );
}

/** The title in the reader's language when the document exists in it, else the shown text's. */
function headingOf(
  work: Work,
  uiLang: Lang,
  shown: WorkExpression | undefined,
): { text: string; lang: TextLang } {
  const withTitle = [
    work.expressions.find((e) => e.current && e.lang === uiLang),
    shown,
    ...work.expressions,
  ].find((e) => e?.title != null);
  if (withTitle?.title != null) return { text: withTitle.title, lang: withTitle.lang };
  return { text: documentLabel(work), lang: uiLang };
}

function readVersion(query: URLSearchParams): number | undefined {
  const version = Number(query.get('version') ?? '');
  return Number.isInteger(version) && version > 0 ? version : undefined;
}

function WorkView({
  work,
  routeLang,
}: {
  readonly work: Work;
  readonly routeLang: TextLang | undefined;
}) {
  const { t, lang } = useI18n();
  const { query, hash } = useLocation();
  const textLang = routeLang ?? defaultTextLang(work.expressions, lang);
  const revision = query.get('revision') ?? undefined;
  const version = readVersion(query);
  const shown =
    textLang === undefined
      ? undefined
      : chosenExpression(work.expressions, textLang, revision, version);
  const wantVote = work.hasRecordedVote;
  const wantStates = wantVote || work.authors.some((a) => a.kind === 'state');
  const [meetings] = useApi(work.meetingId === null ? 'meetings:none' : 'meetings', (signal) =>
    work.meetingId === null ? Promise.resolve([]) : api.meetings({}, signal),
  );
  const [states] = useApi(wantStates ? 'states' : 'states:none', (signal) =>
    wantStates ? api.states({}, signal) : Promise.resolve([]),
  );
  const [votes] = useApi(wantVote ? `votes:${work.id}` : 'votes:none', (signal) =>
    wantVote ? api.votes(work.id, signal) : Promise.resolve([]),
  );
  const stateList = states.status === 'ok' ? states.data : [];
  const voteList = votes.status === 'ok' ? votes.data : [];
  const vote = voteList.find((v) => v.lang === textLang) ?? voteList[0];
  const heading = headingOf(work, lang, shown);

  return (
    <article className="record document">
      <header className="record-header">
        <h1 {...textLangAttrs(heading.lang, lang)}>{heading.text}</h1>
      </header>
      <DocumentFacts
        work={work}
        expression={shown}
        meetings={meetings.status === 'ok' ? meetings.data : []}
        states={stateList}
      />
      {textLang === undefined ? (
        <p className="empty">{t('document.noText')}</p>
      ) : (
        <>
          <SideBySideLink work={work} textLang={textLang} eId={hash} />
          <LanguageTabs
            work={work}
            textLang={textLang}
            original={originalLangOf(work.expressions)}
            eId={hash}
          />
          <TextPanel
            work={work}
            textLang={textLang}
            revision={revision}
            version={version}
            shown={shown}
            hash={hash}
          />
        </>
      )}
      {vote !== undefined && <RecordedVoteSection vote={vote} states={stateList} />}
    </article>
  );
}

/**
 * "Side by side": the shown language beside another one (the reader's, else the original, else
 * the first other), on the same paragraph; only for a document in two languages or more.
 */
function SideBySideLink({
  work,
  textLang,
  eId,
}: {
  readonly work: Work;
  readonly textLang: TextLang;
  readonly eId: string;
}) {
  const { t, lang } = useI18n();
  if (!isLang(textLang)) return null;
  const others = work.expressions
    .filter((e) => e.current)
    .map((e) => e.lang)
    .filter((l): l is Lang => isLang(l) && l !== textLang);
  const other = [lang, originalLangOf(work.expressions)].find(
    (l): l is Lang => l !== null && others.includes(l),
  );
  const second = other ?? others[0];
  if (second === undefined) return null;
  const href = parallelHref({
    symbol: documentLabel(work),
    langs: [textLang, second],
    anchor: eId,
  });
  return (
    <p className="doc-parallel-link">
      <Link href={href}>{t('parallel.open')}</Link>
    </p>
  );
}

function TextPanel({
  work,
  textLang,
  revision,
  version,
  shown,
  hash,
}: {
  readonly work: Work;
  readonly textLang: TextLang;
  readonly revision: string | undefined;
  readonly version: number | undefined;
  readonly shown: WorkExpression | undefined;
  readonly hash: string;
}) {
  const { t, formatDate } = useI18n();
  const ref = { workId: work.id, lang: textLang, revision, version };
  const key = JSON.stringify(ref);
  const [text, retry] = useApi(`text:${key}`, (signal) => api.languageVersion(ref, signal));
  useScrollToHash(hash, text.status === 'ok' ? key : null);
  const label = documentLabel(work);
  // The annotator reads the current version of each language: older ones get no highlighting.
  const termsFor = shown?.current === true && isLang(textLang) ? textLang : undefined;
  const [highlight, setHighlight] = useHighlightChoice();
  const [terms] = useApi(
    termsFor === undefined ? 'terms:none' : `terms:${work.id}:${termsFor}`,
    (signal) =>
      termsFor === undefined
        ? Promise.resolve(undefined)
        : fetchDocumentTerms(work.id, termsFor, signal),
  );
  const termData = terms.status === 'ok' ? terms.data : undefined;
  const glossary = useTextGlossary(termData);
  // A file name without the symbol's slashes and the id's colon, which file systems refuse.
  const fileBase = label.replace(/[/:\\]+/gu, '_');
  return (
    <section className="doc-panel" aria-label={t('document.text')}>
      {shown !== undefined && (
        <>
          <div className="doc-toolbar">
            <VersionPicker work={work} shown={shown} />
            {/* The export route serves the current version only, so superseded ones get none. */}
            {shown.current && (
              <a
                className="download-link"
                href={aknUrl(work.id, shown.lang, shown.revision)}
                download={`${fileBase}.${shown.lang}.akn.xml`}
              >
                {t('document.akn')}
              </a>
            )}
            {termData !== undefined && (
              <HighlightToggle on={highlight} onChange={setHighlight} terms={termData} />
            )}
          </div>
          <SupersededNotice work={work} shown={shown} />
        </>
      )}
      <Async
        remote={text}
        retry={retry}
        notFoundMessage={t('document.notFound', { id: `${label} (${textLang})` })}
      >
        {(data) => (
          <DocumentText
            segments={data.segments}
            textLang={data.expression.lang}
            citedSymbol={citedSymbol(label, data.expression.revision)}
            target={hash}
            glossary={highlight && data.expression.lang === termData?.lang ? glossary : undefined}
          />
        )}
      </Async>
      {shown !== undefined && (
        <p className="source">
          {t('document.sourceFile', {
            file: shown.manifestation.fileName,
            date: formatDate(shown.manifestation.ingestedAt.slice(0, 10)),
          })}
        </p>
      )}
    </section>
  );
}

const HIGHLIGHT_KEY = 'pillars.glossaryTerms';

/** Whether glossary terms are highlighted: on unless the reader turned it off on this device. */
function useHighlightChoice(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => {
    try {
      return window.localStorage.getItem(HIGHLIGHT_KEY) !== 'off';
    } catch {
      return true;
    }
  });
  useEffect(() => {
    try {
      if (on) window.localStorage.removeItem(HIGHLIGHT_KEY);
      else window.localStorage.setItem(HIGHLIGHT_KEY, 'off');
    } catch {
      // storage can be disabled: the choice lasts for the visit
    }
  }, [on]);
  return [on, setOn];
}

function useTextGlossary(data: DocumentTerms | undefined): TextGlossary | undefined {
  return useMemo(
    () =>
      data === undefined
        ? undefined
        : {
            terms: new Map(data.segments.map((segment) => [segment.eId, segment.terms])),
            concepts: data.concepts,
          },
    [data],
  );
}

function HighlightToggle({
  on,
  onChange,
  terms,
}: {
  readonly on: boolean;
  readonly onChange: (on: boolean) => void;
  readonly terms: DocumentTerms;
}) {
  const { t, formatNumber } = useI18n();
  const count = terms.segments.reduce((sum, segment) => sum + segment.terms.length, 0);
  if (count === 0) return null;
  return (
    <div className="terms-toggle">
      <label>
        <input type="checkbox" checked={on} onChange={(event) => onChange(event.target.checked)} />{' '}
        {t('terms.highlight')}
      </label>
      <span className="muted">{t('terms.count', { count: formatNumber(count) })}</span>
    </div>
  );
}
