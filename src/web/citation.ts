/**
 * Citations of paragraphs the way UN documents cite each other: "A/RES/55/100, para. 2 (b)". The
 * number is the one printed in the text shown, read along the eId's path (`para_2__subpara_b` is
 * paragraph 2, sub-paragraph (b)), so a Russian text cites "(б)" as it prints it.
 */
import type { Lang, Segment } from './api-types.js';

const CITABLE: ReadonlySet<Segment['kind']> = new Set(['paragraph', 'subparagraph', 'list-item']);

/**
 * The number an eId part stands for when the segment has none printed. Documents without any
 * printed numbers get `para_1`, `para_2`… in reading order, which is how such documents are cited;
 * `p_3` (an unnumbered paragraph among numbered ones, such as a preamble) has no citable number.
 */
function numberFromPart(part: string): string | null {
  const para = /^para_(\d+)(?:_\d+)?$/u.exec(part);
  if (para) return para[1]!;
  const lettered = /^(?:subpara|point)_([a-z]+|\d+)(?:_\d+)?$/u.exec(part);
  return lettered ? `(${lettered[1]!})` : null;
}

/**
 * "2", "2 (b)", "2 (b) (ii)", or null when the segment cannot be cited by number. Chinese writes
 * the parts together ("2(b)") as UN Chinese documents do.
 */
export function citationNumber(
  segment: Segment,
  byEId: ReadonlyMap<string, Segment>,
  uiLang: Lang,
): string | null {
  if (!CITABLE.has(segment.kind)) return null;
  const parts = segment.eId.split('__');
  const numbers: string[] = [];
  for (let end = 1; end <= parts.length; end++) {
    const own = byEId.get(parts.slice(0, end).join('__'))?.num ?? null;
    const number = own ?? numberFromPart(parts[end - 1]!);
    if (number === null) return null;
    numbers.push(number.trim());
  }
  return numbers.join(uiLang === 'zh' ? '' : ' ');
}

/** Every citable segment's number, by eId, for one text. */
export function citationNumbers(
  segments: readonly Segment[],
  uiLang: Lang,
): ReadonlyMap<string, string> {
  const byEId = new Map(segments.map((segment) => [segment.eId, segment]));
  const numbers = new Map<string, string>();
  for (const segment of segments) {
    const number = citationNumber(segment, byEId, uiLang);
    if (number !== null) numbers.set(segment.eId, number);
  }
  return numbers;
}

/** The symbol a citation names: a revision is part of it ("…/WP.13/Rev.1"). */
export function citedSymbol(label: string, revision: string): string {
  return revision === '' ? label : `${label}/${revision}`;
}
