/**
 * @module The HTML extractor: bytes → decoded text (BOM, `<meta charset>`, else strict UTF-8) →
 * blocks (html-blocks.ts). Nothing is fetched and nothing runs: htmlparser2 only tokenizes, and
 * script, style and template contents are dropped unread.
 */
import {
  DEFAULT_LIMITS,
  ExtractionError,
  type ExtractedDocument,
  type Extractor,
  type TextBlock,
} from '../extracted-document.js';
import { parseHtml } from './html-blocks.js';
import { decodeHtmlBytes } from './html-decode.js';

/** HTML → blocks with the default limits (the same walker extractHtml and extractDocx use). */
export function htmlToBlocks(html: string): TextBlock[] {
  return parseHtml(html, DEFAULT_LIMITS).blocks;
}

export const extractHtml: Extractor = (input, limits) => {
  // The work below is synchronous; running it inside the promise turns every throw into a
  // rejection, which is what callers of an Extractor handle.
  return new Promise<ExtractedDocument>((resolve) => {
    if (input.length === 0) throw new ExtractionError('empty_file', 'the file is empty');
    if (input.length > limits.maxInputBytes) {
      throw new ExtractionError(
        'too_large',
        `the file is ${input.length} bytes; the limit is ${limits.maxInputBytes}`,
      );
    }
    const { text } = decodeHtmlBytes(input);
    const nul = text.indexOf('\u0000');
    if (nul >= 0) {
      throw new ExtractionError('binary_content', `a NUL character at position ${nul}: not HTML`);
    }
    const { blocks, title, lang } = parseHtml(text, limits);
    const warnings = blocks.length === 0 ? ['the HTML contains no text'] : [];
    resolve({
      format: 'html',
      blocks,
      metadata: { ...(title !== undefined ? { title } : {}), ...(lang ? { lang } : {}) },
      warnings,
      extractor: 'htmlparser2',
    });
  });
};
