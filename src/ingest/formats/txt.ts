/**
 * @module Plain text: UTF-8 (with or without a byte-order mark) or UTF-16 with a byte-order mark,
 * any line ending. Refuses binary content and text that is not valid in its encoding, naming the
 * line where it goes wrong.
 */
import {
  ExtractionError,
  type ExtractedDocument,
  type ExtractionLimits,
} from '../extracted-document.js';

/** Decodes text bytes, or explains why they are not text. */
export function decodeText(input: Buffer): string {
  if (input.length >= 2 && input[0] === 0xff && input[1] === 0xfe)
    return new TextDecoder('utf-16le', { fatal: true }).decode(input.subarray(2));
  if (input.length >= 2 && input[0] === 0xfe && input[1] === 0xff) {
    const swapped = Buffer.from(input.subarray(2));
    swapped.swap16();
    return new TextDecoder('utf-16le', { fatal: true }).decode(swapped);
  }
  const bytes =
    input.length >= 3 && input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf
      ? input.subarray(3)
      : input;
  if (bytes.includes(0))
    throw new ExtractionError('binary_content', 'contains NUL bytes: binary data, not text');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, at).toString('latin1').split('\n').length;
    throw new ExtractionError(
      'invalid_encoding',
      `not valid UTF-8 at line ${line} (byte ${at}): the file mixes encodings or is not UTF-8; save it as UTF-8`,
    );
  }
}

function firstInvalidUtf8(bytes: Buffer): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length =
      b < 0x80
        ? 1
        : b >= 0xc2 && b < 0xe0
          ? 2
          : b >= 0xe0 && b < 0xf0
            ? 3
            : b >= 0xf0 && b < 0xf5
              ? 4
              : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + length));
    } catch {
      return i;
    }
    i += length;
  }
  return bytes.length;
}

/** Checks the size limits on decoded text, naming the first offending line. */
export function checkTextLimits(text: string, limits: ExtractionLimits): string[] {
  if (text.length > limits.maxTextChars) {
    throw new ExtractionError(
      'too_large',
      `${text.length.toLocaleString('en')} characters of text (limit ${limits.maxTextChars.toLocaleString('en')})`,
    );
  }
  const lines = text.split(/\r\n|\r|\n/u);
  lines.forEach((line, i) => {
    if (line.length > limits.maxLineChars) {
      throw new ExtractionError(
        'line_too_long',
        `line ${i + 1} has ${line.length.toLocaleString('en')} characters (limit ${limits.maxLineChars.toLocaleString('en')})`,
      );
    }
  });
  return lines;
}

// Control characters a text file may carry by accident; removed from the lines we keep.
// eslint-disable-next-line no-control-regex
const STRAY_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/gu;

export async function extractTxt(
  input: Buffer,
  limits: ExtractionLimits,
): Promise<ExtractedDocument> {
  if (input.length > limits.maxInputBytes)
    throw new ExtractionError('too_large', `${input.length} bytes (limit ${limits.maxInputBytes})`);
  const text = decodeText(input).normalize('NFC');
  if (text.trim() === '') throw new ExtractionError('empty_file', 'the file has no text');
  // Control characters other than tab, newline, form feed and carriage return mark binary data.
  // eslint-disable-next-line no-control-regex
  const control = text.match(/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/gu)?.length ?? 0;
  if (control > Math.max(8, text.length / 100))
    throw new ExtractionError('binary_content', 'mostly control characters: binary data, not text');
  const lines = checkTextLimits(text, limits);
  return Promise.resolve({
    format: 'txt',
    blocks: lines.map((line) => ({
      kind: 'line' as const,
      text: line.replace(STRAY_CONTROLS, '').trimEnd(),
    })),
    metadata: {},
    warnings: [],
    extractor: 'text',
  });
}
