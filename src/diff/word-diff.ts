/**
 * @module Word-level differences between two versions of a paragraph, and how alike two
 * paragraphs are. Both work on `wordTokens`, so Chinese is compared word by word (not character by
 * character, nor as one long "word" between punctuation marks as a Latin-script word splitter sees
 * it).
 */
import { diffArrays } from 'diff';
import type { AlignLang, WordChange } from '../domain/alignment.js';
import { isSpaceToken, wordTokens } from './word-tokens.js';

/** A stretch the two texts share, or a stretch where they differ (either side may be empty). */
type Block =
  | { readonly kind: 'equal'; text: string }
  | { readonly kind: 'edit'; deleted: string; inserted: string };

/**
 * The differences between `a` (older) and `b` (newer) as runs: the `equal` and `delete` runs
 * join back to `a`, the `equal` and `insert` runs to `b`. Within a stretch of changes the
 * deletion comes before the insertion, and a space alone between two changes is folded into them,
 * so "the big red cat" → "the small blue cat" reads as one replacement of "big red" by "small
 * blue", not two replacements around an unchanged space.
 */
export function wordDiff(a: string, b: string, lang: AlignLang): WordChange[] {
  if (a === b) return a === '' ? [] : [{ op: 'equal', text: a }];
  const blocks: Block[] = [];
  for (const part of diffArrays(wordTokens(a, lang), wordTokens(b, lang))) {
    const text = part.value.join('');
    const last = blocks.at(-1);
    if (!part.added && !part.removed) {
      blocks.push({ kind: 'equal', text });
    } else if (last?.kind === 'edit') {
      if (part.added) last.inserted += text;
      else last.deleted += text;
    } else {
      blocks.push(
        part.added
          ? { kind: 'edit', deleted: '', inserted: text }
          : { kind: 'edit', deleted: text, inserted: '' },
      );
    }
  }
  return toWordChanges(foldLoneSpaces(blocks));
}

/** Merges edit · space-only equal · edit into one edit (the space goes to both of its sides). */
function foldLoneSpaces(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const previous = out.at(-1);
    const following = blocks[i + 1];
    if (
      block.kind === 'equal' &&
      previous?.kind === 'edit' &&
      following?.kind === 'edit' &&
      isSpaceToken(block.text)
    ) {
      previous.deleted += block.text + following.deleted;
      previous.inserted += block.text + following.inserted;
      i++;
      continue;
    }
    out.push(block.kind === 'edit' ? { ...block } : block);
  }
  return out;
}

/**
 * The runs of the blocks. A space both sides of a replacement start or end with is moved out of it
 * ("Once again␣" → "Again␣" reads as "Once again" → "Again"), and neighbouring equal runs join.
 */
function toWordChanges(blocks: readonly Block[]): WordChange[] {
  const changes: WordChange[] = [];
  const push = (op: WordChange['op'], text: string) => {
    if (text === '') return;
    const last = changes.at(-1);
    if (last?.op === op) changes[changes.length - 1] = { op, text: last.text + text };
    else changes.push({ op, text });
  };
  for (const block of blocks) {
    if (block.kind === 'equal') {
      push('equal', block.text);
      continue;
    }
    let { deleted, inserted } = block;
    let lead = '';
    let trail = '';
    if (deleted !== '' && inserted !== '') {
      lead = sharedSpace(deleted.match(LEADING_SPACE)?.[0], inserted.match(LEADING_SPACE)?.[0]);
      deleted = deleted.slice(lead.length);
      inserted = inserted.slice(lead.length);
      if (deleted !== '' && inserted !== '') {
        trail = sharedSpace(
          deleted.match(TRAILING_SPACE)?.[0],
          inserted.match(TRAILING_SPACE)?.[0],
          true,
        );
        deleted = deleted.slice(0, deleted.length - trail.length);
        inserted = inserted.slice(0, inserted.length - trail.length);
      }
    }
    push('equal', lead);
    push('delete', deleted);
    push('insert', inserted);
    push('equal', trail);
  }
  return changes;
}

const LEADING_SPACE = /^\s+/u;
const TRAILING_SPACE = /\s+$/u;

/** The longest common prefix (or suffix) of two runs of whitespace. */
function sharedSpace(x: string | undefined, y: string | undefined, suffix = false): string {
  if (x === undefined || y === undefined) return '';
  let n = 0;
  const limit = Math.min(x.length, y.length);
  while (n < limit && (suffix ? x[x.length - 1 - n] === y[y.length - 1 - n] : x[n] === y[n])) n++;
  return suffix ? x.slice(x.length - n) : x.slice(0, n);
}

/** The tokens that carry words and punctuation: `wordTokens` without the whitespace. */
export function contentTokens(text: string, lang: AlignLang): string[] {
  return wordTokens(text, lang).filter((token) => !isSpaceToken(token));
}

/**
 * How alike two token lists are, in [0, 1]: the Dice coefficient of the two multisets,
 * 2·|common| / (|a| + |b|), where a token present twice in both counts twice. Order is ignored, so
 * this is an upper bound of the same ratio over the longest common subsequence and much cheaper;
 * it is 1 only for the same tokens, and two empty lists are alike.
 */
export function tokenSimilarity(a: readonly string[], b: readonly string[]): number {
  if (a.length + b.length === 0) return 1;
  const counts = new Map<string, number>();
  for (const token of a) counts.set(token, (counts.get(token) ?? 0) + 1);
  let common = 0;
  for (const token of b) {
    const left = counts.get(token) ?? 0;
    if (left > 0) {
      common++;
      counts.set(token, left - 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}

/** How alike two texts are, in [0, 1] (`tokenSimilarity` of their `contentTokens`). */
export function similarity(a: string, b: string, lang: AlignLang): number {
  return tokenSimilarity(contentTokens(a, lang), contentTokens(b, lang));
}
