/**
 * @module From extracted blocks to paragraphs: physical lines are reassembled (line-break repair);
 * blocks that already are paragraphs, headings or footnotes pass through with their structure.
 */
import type { TextBlock } from '../extracted-document.js';
import { assembleParagraphs } from '../text/line-breaks.js';

export interface Paragraph {
  readonly text: string;
  /** Structure the format gave; absent for text rebuilt from lines. */
  readonly kind?: Exclude<TextBlock['kind'], 'line'>;
  readonly level?: number;
  readonly eId?: string;
  readonly num?: string;
}

/** A space between two Chinese characters is an artefact of extraction or typing, never meaning. */
const SPACE_BETWEEN_HAN = /(\p{Script=Han})[ \u00A0\u3000]+(?=\p{Script=Han})/gu;
/** White space other than one plain space: all that collapsing white space would change. */
const UNTIDY_SPACE = /[^\S ]| {2}/;
/**
 * Code units of every Han character (the CJK blocks; the high surrogates of U+16C00-16FFF, where
 * a few Han marks sit, and of planes 2 and 3): a text with none has no space between Han characters.
 */
const MAYBE_HAN = /[\u2E80-\u9FFF\uF900-\uFAFF\uD81B\uD840-\uD8BF]/;

/**
 * White space collapsed to single spaces, none between Chinese characters, none at the ends. Most
 * paragraphs need nothing but the trim: the checks first spare them two regular-expression
 * replacements (a sixth of preparing a file's paragraphs).
 */
export function tidy(text: string): string {
  const spaced = UNTIDY_SPACE.test(text) ? text.replace(/\s+/gu, ' ') : text;
  return (MAYBE_HAN.test(spaced) ? spaced.replace(SPACE_BETWEEN_HAN, '$1') : spaced).trim();
}

export function toParagraphs(blocks: readonly TextBlock[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let lines: string[] = [];
  const flushLines = () => {
    for (const text of assembleParagraphs(lines)) paragraphs.push({ text: tidy(text) });
    lines = [];
  };
  for (const block of blocks) {
    if (block.kind === 'line') {
      lines.push(block.text);
      continue;
    }
    flushLines();
    const text = tidy(block.text);
    if (text === '' && block.eId === undefined) continue;
    paragraphs.push({
      text,
      kind: block.kind,
      ...(block.level !== undefined ? { level: block.level } : {}),
      ...(block.eId !== undefined ? { eId: block.eId } : {}),
      ...(block.num !== undefined ? { num: block.num } : {}),
    });
  }
  flushLines();
  return paragraphs;
}
