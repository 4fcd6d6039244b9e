/**
 * `/parallel?symbol=A/RES/55/100&langs=en,ar[,zh]`: a document's language versions side by side,
 * row by aligned row. The address holds the document, the columns and (in its fragment) the
 * paragraph the reader pressed, so a view can be shared as it is. With two languages the
 * secretariat can correct the alignment in place, and the corrections made so far are listed.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { isLang, type Lang } from '../../domain/language-codes.js';
import { api } from '../api-client.js';
import type { Segment, Work } from '../api-types.js';
import { Link } from '../components/link.js';
import { fetchParallelText, tmxUrl, type ParallelText } from '../components/parallel-api.js';
import { CorrectionPanel } from '../components/parallel-correction.js';
import { CorrectionsList } from '../components/parallel-corrections.js';
import { ParallelGrid, refKey, type SegmentRef } from '../components/parallel-grid.js';
import { ParallelLanguages } from '../components/parallel-languages.js';
import { SignInNote } from '../components/sign-in-note.js';
import { ErrorView, LoadingView, NotFoundView } from '../components/status-views.js';
import { documentHref, textLangAttrs } from '../document-names.js';
import { useI18n } from '../i18n/i18n-context.js';
import {
  navigate,
  parallelAnchor,
  parallelHref,
  readParallelAnchor,
  readParallelQuery,
  useLocation,
} from '../router.js';
import { mayWrite } from '../permissions.js';
import { useSessionUser } from '../session.js';
import { useApi } from '../use-api.js';
import { useDocumentTitle } from '../use-document-title.js';

export function ParallelPage() {
  const { t } = useI18n();
  const { query, hash } = useLocation();
  const { symbol, langs } = useMemo(() => readParallelQuery(query), [query]);
  useDocumentTitle(symbol === '' ? t('parallel.title') : t('parallel.heading', { symbol }));
  if (symbol === '') {
    return (
      <div>
        <h1>{t('parallel.title')}</h1>
        <p className="lede">{t('parallel.noSymbol')}</p>
        <p>
          <Link href="/documents">{t('nav.documents')}</Link>
        </p>
      </div>
    );
  }
  return <ParallelView key={symbol} symbol={symbol} langs={langs} hash={hash} />;
}

/** The languages the document has a current version in, in the API's (UN) order. */
function languagesOf(work: Work): Lang[] {
  const langs = work.expressions.filter((e) => e.current).map((e) => e.lang);
  return [...new Set(langs)].filter(isLang);
}

function ParallelView({
  symbol,
  langs,
  hash,
}: {
  readonly symbol: string;
  readonly langs: readonly Lang[];
  readonly hash: string;
}) {
  const { t, lang: uiLang } = useI18n();
  const [work] = useApi(`document:${symbol}`, (signal) => api.document(symbol, signal));
  if (work.status === 'error' && work.error.isNotFound)
    return <NotFoundView message={t('document.notFound', { id: symbol })} />;
  const data = work.status === 'ok' ? work.data : undefined;
  const available = data === undefined ? langs : languagesOf(data);
  // The title in the reader's language when the document has one, else the first column's.
  const titled = [uiLang, ...langs]
    .map((lang) => data?.expressions.find((e) => e.current && e.lang === lang && e.title !== null))
    .find((e) => e !== undefined);
  const active = readParallelAnchor(langs, hash);

  const changeLangs = (next: Lang[]) => {
    // The pressed paragraph stays pressed when its column stays.
    const anchor =
      active !== undefined && next.includes(active.lang)
        ? parallelAnchor(next, active.lang, active.eId)
        : undefined;
    navigate(parallelHref({ symbol, langs: next, anchor }));
  };

  return (
    <div className={langs.length > 2 ? 'parallel-page wide' : 'parallel-page'}>
      <p className="breadcrumb">
        <Link href={documentHref(symbol)}>{t('parallel.back')}</Link>
      </p>
      <header className="record-header">
        <h1>{t('parallel.heading', { symbol })}</h1>
        {titled?.title != null && (
          <p className="record-subtitle" {...textLangAttrs(titled.lang, uiLang)}>
            {titled.title}
          </p>
        )}
      </header>
      <p className="lede">{t('parallel.intro')}</p>
      <div className="parallel-toolbar">
        <ParallelLanguages shown={langs} available={available} onChange={changeLangs} />
        {langs.length >= 2 && (
          <a className="download-link" href={tmxUrl(symbol, langs)} download>
            {t('parallel.tmx')}
          </a>
        )}
      </div>
      {langs.length < 2 ? (
        <p className="notice">{t('parallel.needTwo')}</p>
      ) : (
        <AlignedText
          key={langs.join(',')}
          symbol={symbol}
          langs={langs}
          active={active}
          hash={hash}
        />
      )}
    </div>
  );
}

/** The selected paragraphs of one side, in document order. */
function selectedOf(text: ParallelText, lang: Lang | undefined, selected: ReadonlySet<string>) {
  if (lang === undefined) return [];
  return (text.sides[lang]?.segments ?? []).filter((s: Segment) =>
    selected.has(refKey({ lang, eId: s.eId })),
  );
}

function AlignedText({
  symbol,
  langs,
  active,
  hash,
}: {
  readonly symbol: string;
  readonly langs: readonly Lang[];
  readonly active: SegmentRef | undefined;
  readonly hash: string;
}) {
  const { t, formatNumber } = useI18n();
  const [remote, retry] = useApi(`parallel:${symbol}:${langs.join(',')}`, (signal) =>
    fetchParallelText(symbol, langs, signal),
  );
  const user = useSessionUser();
  const mayCorrect = mayWrite(user, 'alignments');
  // Correcting is for the secretariat; anyone else who asks is told so, and how to log in.
  const [selecting, setSelecting] = useState(false);
  const [gateShown, setGateShown] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  // While a corrected alignment loads, the previous one stays on screen (and in place).
  const text =
    remote.status === 'ok' ? remote.data : remote.status === 'loading' ? remote.stale : undefined;
  useScrollToAnchorOnce(hash, text === undefined ? null : symbol);

  if (remote.status === 'error') return <ErrorView error={remote.error} onRetry={retry} />;
  if (text === undefined) return <LoadingView />;
  const pair = langs.length === 2 ? ([langs[0]!, langs[1]!] as const) : undefined;

  const press = (ref: SegmentRef) => {
    if (selecting) {
      const key = refKey(ref);
      const next = new Set(selected);
      if (!next.delete(key)) next.add(key);
      setSelected(next);
      return;
    }
    // Pressing the pressed paragraph again lets it go.
    const same = active?.lang === ref.lang && active.eId === ref.eId;
    navigate(
      parallelHref({
        symbol,
        langs,
        anchor: same ? undefined : parallelAnchor(langs, ref.lang, ref.eId),
      }),
      { replace: true },
    );
  };

  return (
    <>
      <div className="parallel-legend">
        <p className="muted">
          {t('parallel.rows', { count: formatNumber(text.rows.length) })}
          {' · '}
          <span className="row-badge corrected">{t('parallel.corrected')}</span>{' '}
          {t('parallel.correctedHint')}
          {' · '}
          <span className="row-badge uncertain">{t('parallel.uncertain')}</span>{' '}
          {t('parallel.uncertainLegend')}
        </p>
        {pair !== undefined && (
          <button
            type="button"
            className={selecting || gateShown ? 'button' : 'button button-quiet'}
            aria-expanded={selecting || gateShown}
            aria-controls={selecting || gateShown ? 'correction-panel' : undefined}
            onClick={() => {
              if (!mayCorrect) return setGateShown(!gateShown);
              setSelecting(!selecting);
              setSelected(new Set());
            }}
          >
            {selecting || gateShown ? t('correct.close') : t('correct.open')}
          </button>
        )}
      </div>
      {pair !== undefined && gateShown && !selecting && (
        <div id="correction-panel">
          <SignInNote area="alignments" user={user} />
        </div>
      )}
      {pair !== undefined && selecting && user !== null && mayCorrect && (
        <div id="correction-panel">
          <CorrectionPanel
            user={user}
            symbol={symbol}
            langs={pair}
            selected={[selectedOf(text, pair[0], selected), selectedOf(text, pair[1], selected)]}
            onClear={() => setSelected(new Set())}
            onSaved={() => {
              setSelected(new Set());
              retry();
            }}
          />
        </div>
      )}
      <ParallelGrid
        text={text}
        active={active}
        selecting={selecting}
        selected={selected}
        busy={remote.status === 'loading'}
        onPress={press}
      />
      {text.alignment !== undefined && <CorrectionsList alignment={text.alignment} />}
    </>
  );
}

/**
 * Brings the paragraph the address names into view once the text has arrived. Only then: the
 * browser does it by itself for content present at load, and pressing a paragraph (which changes
 * the fragment) must not make the page jump.
 */
function useScrollToAnchorOnce(hash: string, readyKey: string | null): void {
  const scrolledFor = useRef<string | null>(null);
  useEffect(() => {
    if (readyKey === null || scrolledFor.current === readyKey) return;
    scrolledFor.current = readyKey;
    if (hash !== '') document.getElementById(hash)?.scrollIntoView({ block: 'center' });
  }, [hash, readyKey]);
}
