/**
 * Glossary terms in a document's text. Each term found by the annotator is a link to its concept
 * (so it is focusable and works without a pointer), described for screen readers by the concept
 * in six languages; hovering or focusing it opens a card with the preferred terms in the six
 * languages, the definition in the UI language (else English) and a link to the concept page.
 * One card serves the whole text and sits outside it, so the paragraphs' text stays the text
 * (selection, copying, search in the page). Deprecated terms are marked differently.
 */
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { LANGUAGES } from '../../domain/language-codes.js';
import type { Lang } from '../api-types.js';
import { dirOf, useI18n, useTextAttrs } from '../i18n/i18n-context.js';
import { conceptHref } from '../router.js';
import type { TermConcept, TermMatch } from './glossary-api.js';
import { DomainTag } from './glossary-bits.js';
import { splitByTerms } from './glossary-pieces.js';
import { Link } from './link.js';

/** A language version's terms, by paragraph, and the concepts they name. */
export interface TextGlossary {
  readonly terms: ReadonlyMap<string, readonly TermMatch[]>;
  readonly concepts: Readonly<Record<string, TermConcept>>;
}

const descriptionId = (conceptId: string) => `gl-desc-${conceptId}`;
const TERM_SELECTOR = 'a.gl-term';
/** Long enough to move the pointer from the term onto the card. */
const HIDE_DELAY_MS = 250;

/** A paragraph's text with its glossary terms as links; plain text when there are none. */
export function TermText({
  text,
  terms,
  glossary,
}: {
  readonly text: string;
  readonly terms: readonly TermMatch[] | undefined;
  readonly glossary: TextGlossary;
}): ReactNode {
  if (terms === undefined || terms.length === 0) return text;
  const known = terms.filter((term) => glossary.concepts[term.conceptId] !== undefined);
  return splitByTerms(text, known).map((piece) =>
    piece.kind === 'text' ? (
      piece.text
    ) : (
      <Link
        // Offsets are unique within a paragraph once overlaps are dropped.
        key={`${piece.match.start}`}
        href={conceptHref(piece.match.conceptId)}
        className={piece.match.status === 'deprecated' ? 'gl-term gl-deprecated' : 'gl-term'}
        data-concept={piece.match.conceptId}
        data-status={piece.match.status}
        aria-describedby={descriptionId(piece.match.conceptId)}
      >
        {piece.text}
      </Link>
    ),
  );
}

/** The definition in the UI language if the concept has one, else English, else any. */
function definitionFor(concept: TermConcept, lang: Lang): { text: string; lang: Lang } | undefined {
  for (const l of [lang, 'en', ...LANGUAGES] as const) {
    const text = concept.definition[l];
    if (text !== undefined) return { text, lang: l };
  }
  return undefined;
}

interface Active {
  readonly element: HTMLElement;
  readonly conceptId: string;
  readonly deprecated: boolean;
}

/**
 * The card's state and the handlers the text's container needs (delegated: one set for the
 * whole text, however many terms it has).
 */
export function useTermCard(glossary: TextGlossary | undefined) {
  const [active, setActive] = useState<Active | null>(null);
  const hideTimer = useRef<number | undefined>(undefined);
  // After Escape, the element that comes under a still pointer (the card is gone) must not open a
  // card again: hovering counts again once the pointer really moves.
  const hoverSuppressed = useRef(false);

  const cancelHide = useCallback(() => {
    window.clearTimeout(hideTimer.current);
    hideTimer.current = undefined;
  }, []);
  const hideSoon = useCallback(() => {
    cancelHide();
    hideTimer.current = window.setTimeout(() => setActive(null), HIDE_DELAY_MS);
  }, [cancelHide]);

  const show = useCallback(
    (target: EventTarget | null) => {
      if (glossary === undefined || !(target instanceof Element)) return;
      const element = target.closest<HTMLElement>(TERM_SELECTOR);
      const conceptId = element?.dataset.concept;
      if (element === null || conceptId === undefined) return;
      cancelHide();
      setActive((current) =>
        current?.element === element
          ? current
          : { element, conceptId, deprecated: element.dataset.status === 'deprecated' },
      );
    },
    [glossary, cancelHide],
  );

  const leave = useCallback(
    (target: EventTarget | null) => {
      if (target instanceof Element && target.closest(TERM_SELECTOR) !== null) hideSoon();
    },
    [hideSoon],
  );

  // Escape closes the card (WCAG 1.4.13: dismissible without moving the pointer or focus). One
  // listener for the hook's life, so a key pressed just as the card changes is never missed.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      hoverSuppressed.current = true;
      document.addEventListener(
        'mousemove',
        () => {
          hoverSuppressed.current = false;
        },
        { once: true },
      );
      setActive(null);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => cancelHide, [cancelHide]);
  // Highlighting turned off or another text: no card for a term that is gone.
  useEffect(() => setActive(null), [glossary]);

  const handlers =
    glossary === undefined
      ? {}
      : {
          onMouseOver: (event: MouseEvent) => {
            if (!hoverSuppressed.current) show(event.target);
          },
          onMouseOut: (event: MouseEvent) => leave(event.target),
          onFocus: (event: FocusEvent) => show(event.target),
          onBlur: (event: FocusEvent) => leave(event.target),
        };

  const card =
    glossary === undefined || active === null ? null : (
      <TermCard
        active={active}
        concept={glossary.concepts[active.conceptId]}
        onEnter={cancelHide}
        onLeave={hideSoon}
      />
    );
  return { handlers, card };
}

/** Screen readers' version of the card: one hidden description per concept in the text. */
export function TermDescriptions({ glossary }: { readonly glossary: TextGlossary }) {
  const { t, lang } = useI18n();
  return (
    <div hidden>
      {Object.entries(glossary.concepts).map(([id, concept]) => {
        const names = LANGUAGES.flatMap((l) => {
          const term = concept.preferred[l];
          return term === undefined ? [] : [`${t(`langName.${l}`)}: ${term}`];
        });
        const definition = definitionFor(concept, lang);
        return (
          <span key={id} id={descriptionId(id)}>
            {`${t(`glossary.domain.${concept.domain}`)}. ${names.join('; ')}.`}
            {definition !== undefined && (
              <span lang={definition.lang}>{` ${definition.text}`}</span>
            )}
          </span>
        );
      })}
    </div>
  );
}

const GAP = 6;
const MARGIN = 8;

function TermCard({
  active,
  concept,
  onEnter,
  onLeave,
}: {
  readonly active: Active;
  readonly concept: TermConcept | undefined;
  readonly onEnter: () => void;
  readonly onLeave: () => void;
}) {
  const { t, lang, dir } = useI18n();
  const textAttrs = useTextAttrs();
  const card = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ top: number; start: number } | null>(null);

  // Below the term (above when there is no room), its start edge on the term's start edge, kept
  // inside the window; placed again when the page scrolls or the window changes size.
  useLayoutEffect(() => {
    const measure = () => {
      const box = card.current;
      if (box === null) return;
      const term = active.element.getBoundingClientRect();
      const { width, height } = box.getBoundingClientRect();
      const viewWidth = document.documentElement.clientWidth;
      const below = term.bottom + GAP;
      const top =
        below + height > window.innerHeight - MARGIN && term.top - GAP - height > MARGIN
          ? term.top - GAP - height
          : below;
      const fromStart = dir === 'rtl' ? viewWidth - term.right : term.left;
      const start = Math.max(MARGIN, Math.min(fromStart, viewWidth - width - MARGIN));
      setPlace((old) => (old?.top === top && old.start === start ? old : { top, start }));
    };
    measure();
    window.addEventListener('scroll', measure, { passive: true, capture: true });
    window.addEventListener('resize', measure);
    return () => {
      window.removeEventListener('scroll', measure, { capture: true });
      window.removeEventListener('resize', measure);
    };
  }, [active, dir]);

  if (concept === undefined) return null;
  const definition = definitionFor(concept, lang);
  return (
    <div
      ref={card}
      className="gl-card"
      data-concept={active.conceptId}
      style={{
        insetBlockStart: place?.top ?? 0,
        insetInlineStart: place?.start ?? 0,
        visibility: place === null ? 'hidden' : undefined,
      }}
      onMouseEnter={onEnter}
      onMouseLeave={onLeave}
    >
      <p className="gl-card-head">
        <DomainTag domain={concept.domain} />
      </p>
      {active.deprecated && <p className="gl-card-warning">{t('terms.deprecated')}</p>}
      <dl className="gl-card-terms">
        {LANGUAGES.map((l) => {
          const term = concept.preferred[l];
          return term === undefined ? null : (
            <div key={l}>
              <dt>{t(`langName.${l}`)}</dt>
              <dd lang={l} dir={dirOf(l)}>
                {term}
              </dd>
            </div>
          );
        })}
      </dl>
      {definition !== undefined && (
        <div className="gl-card-definition">
          <p className="definition-label">
            {t('terms.definitionIn', { lang: t(`langName.${definition.lang}`) })}
          </p>
          <p {...textAttrs(definition.lang)}>{definition.text}</p>
        </div>
      )}
      <p className="gl-card-link">
        <Link href={conceptHref(active.conceptId)}>{t('terms.open')}</Link>
      </p>
    </div>
  );
}
