/**
 * @module The units a word-level comparison works on. Every character of a text lands in exactly
 * one token, so the tokens join back to the text and a difference between token lists can be
 * shown as a difference between texts. Words are runs of letters, marks and digits; a number
 * stays whole with the separators inside it ("55/100", "1,234.5"); whitespace is one token per
 * run; any other character (punctuation, symbols) is a token of its own. Han and kana have no
 * spaces between words, so their runs are cut by the ICU dictionary behind `Intl.Segmenter`.
 */
import type { AlignLang } from '../domain/alignment.js';

const CJK_CLASS = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30FC\uFF70`;

/**
 * One token per match, tried in order: whitespace; a Han/kana run (cut further below); a number
 * with the letters that follow it ("81st"); a word; any one code point. The last branch matches
 * anything, so the matches tile the text.
 */
const TOKEN = new RegExp(
  [
    String.raw`\s+`,
    String.raw`(?<cjk>[${CJK_CLASS}][${CJK_CLASS}\p{M}]*)`,
    // Letters, marks and digits, but not Han or kana: "第55号" is three tokens, not one.
    String.raw`\p{Nd}+(?:[.,/:\-]\p{Nd}+)*(?:(?![${CJK_CLASS}])[\p{L}\p{M}\p{N}])*`,
    String.raw`(?:(?![${CJK_CLASS}])[\p{L}\p{M}\p{N}])+`,
    String.raw`[^]`,
  ].join('|'),
  'gu',
);

let segmenter: Intl.Segmenter | undefined;

/**
 * ICU picks its break engine by script, not by locale, so one Chinese segmenter serves Japanese
 * kana too; created on first use.
 */
function wordSegmenter(): Intl.Segmenter {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  return segmenter;
}

/** ICU's word iterator slows down more than linearly on long texts (a 100 000-character text
 * takes seconds), so it is given windows of at most this many characters. */
const WINDOW = 2000;

/**
 * Where ICU cuts the Han/kana runs of `text` (ascending offsets), with one segmenter call per
 * window of neighbouring runs rather than one per run, which costs more for many short runs (see
 * search/analysis/chinese.ts). Windows end between runs, and ICU cuts each run of dictionary
 * characters on its own, so the cuts inside a run do not depend on the window.
 */
function cjkCuts(text: string, runs: readonly { start: number; end: number }[]): number[] {
  const cuts: number[] = [];
  let from = -1;
  let to = -1;
  const flush = () => {
    if (from < 0) return;
    for (const segment of wordSegmenter().segment(text.slice(from, to)))
      cuts.push(from + segment.index);
  };
  for (const run of runs) {
    if (from < 0 || run.end - from > WINDOW) {
      flush();
      from = run.start;
    }
    to = run.end;
  }
  flush();
  return cuts;
}

/**
 * The tokens of `text`, which join back to it exactly. `lang` is part of the contract so that a
 * language may get its own rules; today the script decides (Han and kana are segmented in any
 * language, since a French text may quote a Chinese title), so every language is cut the same way.
 */
export function wordTokens(text: string, _lang: AlignLang): string[] {
  const pieces: { text: string; start: number; cjk: boolean }[] = [];
  for (const match of text.matchAll(TOKEN))
    pieces.push({ text: match[0], start: match.index, cjk: match.groups?.['cjk'] !== undefined });
  const runs = pieces
    .filter((p) => p.cjk)
    .map((p) => ({ start: p.start, end: p.start + p.text.length }));
  if (runs.length === 0) return pieces.map((p) => p.text);

  const cuts = cjkCuts(text, runs);
  const tokens: string[] = [];
  let next = 0;
  for (const piece of pieces) {
    if (!piece.cjk) {
      tokens.push(piece.text);
      continue;
    }
    const end = piece.start + piece.text.length;
    while (next < cuts.length && cuts[next]! <= piece.start) next++;
    let at = piece.start;
    for (; next < cuts.length && cuts[next]! < end; next++) {
      tokens.push(text.slice(at, cuts[next]));
      at = cuts[next]!;
    }
    tokens.push(text.slice(at, end));
  }
  return tokens;
}

/** Whether a token is whitespace only (it carries no word of its own). */
export function isSpaceToken(token: string): boolean {
  return /^\s+$/u.test(token);
}
