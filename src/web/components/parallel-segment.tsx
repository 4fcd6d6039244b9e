/**
 * One paragraph in a column of the side-by-side reader: its label (the printed number, else its
 * eId) and its text. It is a toggle button for mouse and keyboard alike (Enter or Space): while
 * reading, pressing it highlights it with its counterparts; while correcting, it selects it.
 */
import type { KeyboardEvent } from 'react';
import type { Segment } from '../api-types.js';

/** How a paragraph is labelled: "6." ("6 -" in Arabic, as UN Arabic documents print it), "(b)",
 * or, for an unnumbered one, its eId (`title`, `hcontainer_1`), which corrections name. */
export function segmentLabel(segment: Segment, lang: string): string {
  const num = segment.num;
  if (num === null || num === '') return segment.eId;
  if (segment.kind === 'footnote' || !/^[\dIVXLC]+$/u.test(num)) return num;
  return lang === 'ar' ? `${num} -` : `${num}.`;
}

export type SegmentMark = 'active' | 'counterpart' | 'selected' | undefined;

export function ParallelSegment({
  segment,
  lang,
  anchor,
  mark,
  pressed,
  onPress,
}: {
  readonly segment: Segment;
  /** The column's language: labels are printed the way that language's documents print them. */
  readonly lang: string;
  /** The element id, which the address's fragment names. */
  readonly anchor: string;
  readonly mark: SegmentMark;
  readonly pressed: boolean;
  readonly onPress: () => void;
}) {
  const label = segmentLabel(segment, lang);
  // Sub-paragraphs are indented one step per level of the eId's path, as on the document page.
  const depth = Math.min(segment.eId.split('__').length - 1, 3);
  const classes = [
    'pseg',
    `pseg-${segment.kind}`,
    `depth-${depth}`,
    mark === undefined ? '' : `is-${mark}`,
  ]
    .filter(Boolean)
    .join(' ');
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    // Space would otherwise scroll the page.
    event.preventDefault();
    onPress();
  };
  return (
    <div
      id={anchor}
      role="button"
      tabIndex={0}
      aria-pressed={pressed}
      className={classes}
      onClick={onPress}
      onKeyDown={onKeyDown}
    >
      {label === segment.eId ? (
        // An eId is code, left to right even in an Arabic column.
        <span className="pseg-label pseg-eid" dir="ltr">
          {label}
        </span>
      ) : (
        <span className="pseg-label">{label}</span>
      )}
      <span className="pseg-text">{segment.text}</span>
    </div>
  );
}
