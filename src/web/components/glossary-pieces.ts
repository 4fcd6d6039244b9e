/**
 * A paragraph's text cut into plain runs and glossary terms, from the annotator's offsets (UTF-16
 * code units into the text as the document API returns it). The pieces always join back to the
 * text: a match out of range, empty, cutting a surrogate pair in two, or overlapping one already
 * taken (the earlier, then the longer wins) is left as plain text rather than trusted.
 */

export interface TermSpan {
  readonly start: number;
  readonly end: number;
}

export type TextPiece<M extends TermSpan> =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'term'; readonly text: string; readonly match: M };

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** A boundary inside a surrogate pair would split a character (an emoji, a rare Han). */
function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isLowSurrogate(text.charCodeAt(offset));
}

function usable(text: string, match: TermSpan): boolean {
  const { start, end } = match;
  return (
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    start >= 0 &&
    end <= text.length &&
    start < end &&
    !splitsPair(text, start) &&
    !splitsPair(text, end)
  );
}

/** The matches kept: usable, in text order, none overlapping another. */
export function nonOverlapping<M extends TermSpan>(text: string, matches: readonly M[]): M[] {
  const sorted = matches
    .filter((match) => usable(text, match))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: M[] = [];
  let reached = 0;
  for (const match of sorted) {
    if (match.start < reached) continue;
    kept.push(match);
    reached = match.end;
  }
  return kept;
}

export function splitByTerms<M extends TermSpan>(
  text: string,
  matches: readonly M[],
): TextPiece<M>[] {
  const pieces: TextPiece<M>[] = [];
  let at = 0;
  for (const match of nonOverlapping(text, matches)) {
    if (match.start > at) pieces.push({ kind: 'text', text: text.slice(at, match.start) });
    pieces.push({ kind: 'term', text: text.slice(match.start, match.end), match });
    at = match.end;
  }
  if (at < text.length || pieces.length === 0) pieces.push({ kind: 'text', text: text.slice(at) });
  return pieces;
}
