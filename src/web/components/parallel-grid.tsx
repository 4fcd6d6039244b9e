/**
 * The side-by-side reader's body: one grid, a column per language and a row per aligned group of
 * paragraphs, so the columns scroll together as one page and every row starts on one line. Each
 * cell carries its language's `lang` and `dir` (Arabic reads right to left inside a left-to-right
 * page). Rows a person decided carry a "corrected" badge; rows the aligner is unsure of are marked
 * more quietly. Marked up as an ARIA table so screen readers announce each cell's language.
 */
import type { CSSProperties } from 'react';
import type { Lang } from '../../domain/language-codes.js';
import type { Segment } from '../api-types.js';
import { dirOf, useI18n } from '../i18n/i18n-context.js';
import { parallelAnchor } from '../router.js';
import type { ParallelRow, ParallelText } from './parallel-api.js';
import { ParallelSegment, type SegmentMark } from './parallel-segment.js';

/** Below this score (0–1) the aligner's pairing is worth a second look. */
export const LOW_SCORE = 0.5;

export interface SegmentRef {
  readonly lang: Lang;
  readonly eId: string;
}

/** The key of a paragraph in a set of selected ones. */
export const refKey = (ref: SegmentRef) => `${ref.lang}-${ref.eId}`;

/** The row holding a paragraph, or -1. */
export function rowIndexOf(rows: readonly ParallelRow[], ref: SegmentRef | undefined): number {
  if (ref === undefined) return -1;
  return rows.findIndex((row) => row.units[ref.lang]?.includes(ref.eId) === true);
}

export function ParallelGrid({
  text,
  active,
  selecting,
  selected,
  busy,
  onPress,
}: {
  readonly text: ParallelText;
  /** The paragraph the reader pressed (from the address), highlighted with its counterparts. */
  readonly active: SegmentRef | undefined;
  /** Whether pressing a paragraph selects it for a correction instead. */
  readonly selecting: boolean;
  readonly selected: ReadonlySet<string>;
  /** True while a newer version of the alignment loads. */
  readonly busy: boolean;
  readonly onPress: (ref: SegmentRef) => void;
}) {
  const { t } = useI18n();
  const langs = text.langs;
  const byEId = new Map<string, Segment>();
  for (const lang of langs)
    for (const segment of text.sides[lang]?.segments ?? [])
      byEId.set(`${lang}-${segment.eId}`, segment);
  const activeRow = selecting ? -1 : rowIndexOf(text.rows, active);

  const markOf = (ref: SegmentRef, rowIndex: number): SegmentMark => {
    if (selecting) return selected.has(refKey(ref)) ? 'selected' : undefined;
    if (rowIndex !== activeRow || active === undefined) return undefined;
    if (ref.lang === active.lang) return ref.eId === active.eId ? 'active' : undefined;
    return 'counterpart';
  };

  return (
    <div
      className={selecting ? 'parallel-grid selecting' : 'parallel-grid'}
      role="table"
      aria-label={t('parallel.table')}
      aria-busy={busy}
      style={{ '--parallel-cols': langs.length } as CSSProperties}
    >
      <div className="parallel-head" role="row">
        {langs.map((lang) => (
          <div key={lang} role="columnheader" className="parallel-colhead">
            {t(`langName.${lang}`)}
          </div>
        ))}
      </div>
      {text.rows.map((row, rowIndex) => (
        <RowView
          key={`${rowIndex}:${langs.map((lang) => row.units[lang]?.[0] ?? '').join(',')}`}
          row={row}
          langs={langs}
          active={rowIndex === activeRow}
          segmentOf={(lang, eId) => byEId.get(`${lang}-${eId}`)}
          markOf={(ref) => markOf(ref, rowIndex)}
          onPress={onPress}
        />
      ))}
    </div>
  );
}

function RowView({
  row,
  langs,
  active,
  segmentOf,
  markOf,
  onPress,
}: {
  readonly row: ParallelRow;
  readonly langs: readonly Lang[];
  readonly active: boolean;
  readonly segmentOf: (lang: Lang, eId: string) => Segment | undefined;
  readonly markOf: (ref: SegmentRef) => SegmentMark;
  readonly onPress: (ref: SegmentRef) => void;
}) {
  const { t, lang: uiLang, formatNumber } = useI18n();
  const uncertain = !row.manual && row.score < LOW_SCORE;
  const classes = [
    'parallel-row',
    row.manual ? 'is-manual' : '',
    uncertain ? 'is-uncertain' : '',
    active ? 'is-active-row' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes} role="row">
      {langs.map((lang, column) => {
        const segments = (row.units[lang] ?? [])
          .map((eId) => segmentOf(lang, eId))
          .filter((segment): segment is Segment => segment !== undefined);
        return (
          <div
            key={lang}
            role="cell"
            className={segments.length === 0 ? 'parallel-cell is-empty' : 'parallel-cell'}
            lang={lang}
            dir={dirOf(lang)}
          >
            {/* Where the columns stack (narrow screens), each cell says its language. */}
            <span className="parallel-cell-lang" aria-hidden="true" lang={uiLang}>
              {t(`langName.${lang}`)}
            </span>
            {segments.length === 0 ? (
              <span className="parallel-none" lang={uiLang}>
                {t('parallel.noCounterpart')}
              </span>
            ) : (
              segments.map((segment) => {
                const ref = { lang, eId: segment.eId };
                const mark = markOf(ref);
                return (
                  <ParallelSegment
                    key={segment.eId}
                    segment={segment}
                    lang={lang}
                    anchor={parallelAnchor(langs, lang, segment.eId)}
                    mark={mark}
                    pressed={mark === 'active' || mark === 'selected'}
                    onPress={() => onPress(ref)}
                  />
                );
              })
            )}
            {/* The row's marks sit in its last cell, at the end of the row. */}
            {column === langs.length - 1 && (row.manual || uncertain) && (
              <span className="parallel-marks" lang={uiLang} dir={dirOf(uiLang)}>
                {row.manual ? (
                  <span className="row-badge corrected" title={t('parallel.correctedHint')}>
                    {t('parallel.corrected')}
                  </span>
                ) : (
                  <span
                    className="row-badge uncertain"
                    title={t('parallel.uncertainHint', { score: formatNumber(row.score) })}
                  >
                    {t('parallel.uncertain')}
                  </span>
                )}
              </span>
            )}
          </div>
        );
      })}
    </div>
  );
}
