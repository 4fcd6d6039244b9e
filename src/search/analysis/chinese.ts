/**
 * @module Han text: word segmentation with the ICU dictionary behind `Intl.Segmenter` (one
 * segmenter, created on first use), and single characters for substring search. ICU segments each
 * run of dictionary characters on its own, so segmenting a run of Han characters cut out of a
 * longer text gives what segmenting the whole text gives (tested); which words a run is cut into
 * still depends on the whole run, so a query is cut like the text only when ICU cuts the text at
 * the query's edges.
 */
import { keepLettersAndDigits } from './normalize.js';

const HAN = /\p{Script=Han}/u;
/** A run of Han characters (with the marks, such as variation selectors, that follow them), or a
 * run of anything else. */
const HAN_OR_OTHER = /\p{Script=Han}[\p{Script=Han}\p{M}]*|[^\p{Script=Han}]+/gu;
const HAN_CHARACTER = /\p{Script=Han}\p{M}*/gu;
const HAN_WORD = /^\p{Script=Han}[\p{Script=Han}\p{M}]*$/u;
// CJK Unified Ideographs: NFKC leaves them as they are.
const UNIFIED_IDEOGRAPHS = /^[\u4e00-\u9fff]*$/;

let segmenter: Intl.Segmenter | undefined;

function wordSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return segmenter;
}

export function containsHan(text: string): boolean {
  return HAN.test(text);
}

/** The term of a Han word or character: NFKC (compatibility ideographs → unified), no marks. */
export function hanTerm(word: string): string {
  return UNIFIED_IDEOGRAPHS.test(word) ? word : keepLettersAndDigits(word.normalize('NFKC'));
}

/** A piece of a word run: `han` pieces are Han characters only. */
export interface RunPiece {
  readonly text: string;
  /** Offset of the piece in the run. */
  readonly index: number;
  readonly han: boolean;
}

/** Splits a run of letters and digits into Han and other pieces, in order. */
export function splitHan(run: string): RunPiece[] {
  const pieces: RunPiece[] = [];
  for (const match of run.matchAll(HAN_OR_OTHER)) {
    pieces.push({ text: match[0], index: match.index, han: HAN.test(match[0]) });
  }
  return pieces;
}

/** Calls `emit` with each word of a run of Han characters and its offset in the run. */
export function segmentHan(run: string, emit: (word: string, index: number) => void): void {
  for (const segment of wordSegmenter().segment(run)) {
    if (segment.isWordLike === true) emit(segment.segment, segment.index);
  }
}

/** `segmentHan` for the runs of one text, asked for in order: (run, its offset in the text, emit). */
export type HanWords = (
  run: string,
  start: number,
  emit: (word: string, index: number) => void,
) => void;

/**
 * The Han words of a whole text, segmented by one `Intl.Segmenter` call: many short calls (one
 * per run between punctuation) cost up to twice as much. A run whose words do not tile it
 * exactly (ICU joined a Han character to a neighbour, as it may with kana) is segmented alone.
 */
export function hanWordsOf(text: string): HanWords {
  const starts: number[] = [];
  const words: string[] = [];
  for (const segment of wordSegmenter().segment(text)) {
    if (segment.isWordLike === true && HAN_WORD.test(segment.segment)) {
      starts.push(segment.index);
      words.push(segment.segment);
    }
  }
  let next = 0;
  return (run, start, emit) => {
    const end = start + run.length;
    while (next < starts.length && (starts[next] ?? end) < start) next++;
    let at = start;
    let last = next;
    for (; last < starts.length && starts[last] === at; last++) {
      const length = words[last]?.length ?? 0;
      if (at + length > end) break;
      at += length;
    }
    if (at !== end) {
      segmentHan(run, emit);
      return;
    }
    for (let i = next; i < last; i++) emit(words[i] ?? '', (starts[i] ?? start) - start);
    next = last;
  };
}

/** Calls `emit` with each Han character of a run (with its marks) and its offset in the run. */
export function eachHanCharacter(
  run: string,
  emit: (character: string, index: number) => void,
): void {
  for (const match of run.matchAll(HAN_CHARACTER)) emit(match[0], match.index);
}
