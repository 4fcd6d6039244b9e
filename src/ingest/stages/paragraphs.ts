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

function tidy(text: string): string {
  return text.replace(/\s+/gu, ' ').replace(SPACE_BETWEEN_HAN, '$1').trim();
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
