/**
 * One language version's text, laid out as the document: title, headings, numbered paragraphs,
 * indented sub-paragraphs and the footnotes at the end. Every segment carries its eId as `id`, so
 * `#para_6` addresses it, with a ¶ link to itself and, where it has a number, a button that copies
 * its citation. The text keeps its own `lang` and `dir`; the controls speak the UI language.
 * Given the glossary's terms, each is highlighted in its paragraph with a card about its concept
 * (glossary-terms.tsx).
 */
import { useEffect, useMemo, useState } from 'react';
import type { Segment, TextLang } from '../api-types.js';
import { citationNumbers } from '../citation.js';
import { copyText } from '../clipboard.js';
import { textLangAttrs } from '../document-names.js';
import { useI18n } from '../i18n/i18n-context.js';
import { TermDescriptions, TermText, useTermCard, type TextGlossary } from './glossary-terms.js';

interface CopyNotice {
  readonly eId: string;
  readonly ok: boolean;
  readonly message: string;
}

/** How long the "Copied" confirmation stays up: long enough to read, short enough to not linger. */
const NOTICE_MS = 4000;

export function DocumentText({
  segments,
  textLang,
  citedSymbol,
  target,
  glossary,
}: {
  readonly segments: readonly Segment[];
  readonly textLang: TextLang;
  /** The symbol (with revision) citations name. */
  readonly citedSymbol: string;
  /** The eId the address points at, highlighted. */
  readonly target: string;
  /** The glossary terms to highlight; none when undefined. */
  readonly glossary?: TextGlossary | undefined;
}) {
  const { t, lang } = useI18n();
  const { handlers, card } = useTermCard(glossary);
  const [notice, setNotice] = useState<CopyNotice | null>(null);
  const numbers = useMemo(() => citationNumbers(segments, lang), [segments, lang]);
  const body = segments.filter((s) => s.kind !== 'footnote');
  const notes = segments.filter((s) => s.kind === 'footnote');

  useEffect(() => {
    if (notice === null) return;
    const timer = window.setTimeout(() => setNotice(null), NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [notice]);

  const copy = async (eId: string, citation: string) => {
    const ok = await copyText(citation);
    setNotice({
      eId,
      ok,
      message: ok ? t('document.copied', { citation }) : t('document.copyFailed', { citation }),
    });
  };

  const render = (segment: Segment) => {
    const number = numbers.get(segment.eId);
    return (
      <SegmentBlock
        key={segment.eId}
        segment={segment}
        textLang={textLang}
        citation={
          number === undefined
            ? undefined
            : t('cite.paragraph', { symbol: citedSymbol, num: number })
        }
        copied={notice?.ok === true && notice.eId === segment.eId}
        target={target === segment.eId}
        glossary={glossary}
        onCopy={(eId, citation) => void copy(eId, citation)}
      />
    );
  };

  return (
    <>
      <div
        className={glossary === undefined ? 'doc-text' : 'doc-text with-terms'}
        {...textLangAttrs(textLang, lang)}
        {...handlers}
      >
        {body.length === 0 && notes.length === 0 ? (
          <p className="empty" lang={lang}>
            {t('document.noText')}
          </p>
        ) : (
          body.map(render)
        )}
        {notes.length > 0 && (
          <section className="doc-notes" aria-label={t('document.footnotes')}>
            {notes.map(render)}
          </section>
        )}
      </div>
      {glossary !== undefined && <TermDescriptions glossary={glossary} />}
      {card}
      {/* Always in the page, so screen readers already watch it when the message arrives. */}
      <p role="status" className={notice?.ok === false ? 'toast toast-error' : 'toast'}>
        {notice?.message}
      </p>
    </>
  );
}

/** The number as the text prints it: "6." (Arabic UN documents: "6 -"), "(b)", "IV.". */
function printedNumber(segment: Segment, textLang: TextLang): string | null {
  const num = segment.num;
  if (num === null || num === '') return null;
  if (segment.kind === 'footnote' || !/^[\dIVXLC]+$/u.test(num)) return num;
  return textLang === 'ar' ? `${num} -` : `${num}.`;
}

function SegmentBlock({
  segment,
  textLang,
  citation,
  copied,
  target,
  glossary,
  onCopy,
}: {
  readonly segment: Segment;
  readonly textLang: TextLang;
  readonly citation: string | undefined;
  readonly copied: boolean;
  readonly target: boolean;
  readonly glossary: TextGlossary | undefined;
  readonly onCopy: (eId: string, citation: string) => void;
}) {
  const { t, lang, dir } = useI18n();
  const { eId, kind, text } = segment;
  const number = printedNumber(segment, textLang);
  // The text alone carries the terms: the printed number beside it is not part of it.
  const shownText =
    glossary === undefined ? (
      text
    ) : (
      <TermText text={text} terms={glossary.terms.get(eId)} glossary={glossary} />
    );
  // Sub-paragraphs and points are indented one step per level of the eId's path.
  const depth = Math.min(eId.split('__').length - 1, 3);
  const classes = ['seg', `seg-${kind}`, `depth-${depth}`, target ? 'is-target' : '']
    .filter(Boolean)
    .join(' ');
  const content =
    kind === 'title' ? (
      <h2 className="seg-text">{shownText}</h2>
    ) : kind === 'heading' ? (
      <h3 className="seg-text">
        {number !== null && <span className="seg-num">{number} </span>}
        {shownText}
      </h3>
    ) : (
      <>
        <span className="seg-num">{number}</span>
        <p className="seg-text">{shownText}</p>
      </>
    );
  return (
    <div id={eId} className={classes}>
      {content}
      <span className="seg-tools" lang={lang} dir={dir}>
        <a className="seg-anchor" href={`#${eId}`} title={t('document.anchor')}>
          <span aria-hidden="true">¶</span>
          <span className="visually-hidden">{t('document.anchor')}</span>
        </a>
        {citation !== undefined && (
          <button
            type="button"
            className={copied ? 'seg-copy copied' : 'seg-copy'}
            title={t('document.copy')}
            aria-label={`${t('document.copy')}: ${citation}`}
            onClick={() => onCopy(eId, citation)}
          >
            {copied ? <CheckIcon /> : <CopyIcon />}
          </button>
        )}
      </span>
    </div>
  );
}

function CopyIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <rect x="5.5" y="1.5" width="9" height="10" rx="1.5" fill="none" stroke="currentColor" />
      <path
        d="M3.5 4.5h-1a1 1 0 0 0-1 1v8a1 1 0 0 0 1 1h7a1 1 0 0 0 1-1v-1"
        fill="none"
        stroke="currentColor"
      />
    </svg>
  );
}

function CheckIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d="M2.5 8.5l3.5 3.5 7.5-8" fill="none" stroke="currentColor" strokeWidth="2" />
    </svg>
  );
}
