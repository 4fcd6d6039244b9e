/**
 * @module Bytes → text for HTML (and, through `decodeUtf8Strict`, for XML): the charset comes
 * from a byte-order mark or `<meta charset>`, UTF-8 by default. Invalid bytes are refused rather
 * than replaced with U+FFFD, because a silently damaged character in a UN text is worse than a
 * clear error the user can fix by re-saving the file.
 */
import { ExtractionError } from '../extracted-document.js';

/** How far the HTML standard's prescan looks for `<meta charset>`. */
const PRESCAN_BYTES = 1024;

/**
 * Offset of the first byte that is not part of a well-formed UTF-8 sequence (overlongs,
 * surrogates and code points above U+10FFFF included), or -1.
 */
export function firstInvalidUtf8Byte(bytes: Uint8Array, start = 0): number {
  let i = start;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min, cp] = [1, 0x80, b & 0x1f];
    else if (b >= 0xe0 && b <= 0xef) [need, min, cp] = [2, 0x800, b & 0x0f];
    else if (b >= 0xf0 && b <= 0xf4) [need, min, cp] = [3, 0x10000, b & 0x07];
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Strict UTF-8 decoding from `start` (past a BOM); the error names the byte offset. */
export function decodeUtf8Strict(bytes: Uint8Array, start = 0): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start));
  } catch {
    const at = firstInvalidUtf8Byte(bytes, start);
    throw new ExtractionError('invalid_encoding', `not valid UTF-8 at byte ${Math.max(at, start)}`);
  }
}

/** Decodes with a WHATWG encoding label; unknown labels and invalid bytes are refused. */
export function decodeWithLabel(label: string, bytes: Uint8Array, start: number): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true, ignoreBOM: true });
  } catch {
    throw new ExtractionError('invalid_encoding', `unsupported character encoding "${label}"`);
  }
  if (decoder.encoding === 'utf-8') return decodeUtf8Strict(bytes, start);
  try {
    return decoder.decode(bytes.subarray(start));
  } catch {
    throw new ExtractionError('invalid_encoding', `not valid ${decoder.encoding}`);
  }
}

/** The charset a `<meta>` in the first kilobyte declares, if any. */
export function sniffMetaCharset(bytes: Uint8Array): string | null {
  // Latin-1 maps every byte to one char, so offsets and ASCII markup survive whatever the real
  // encoding is (UTF-16 excepted, which only a BOM can announce).
  const head = Buffer.from(bytes.subarray(0, PRESCAN_BYTES)).toString('latin1');
  for (const meta of head.matchAll(/<meta\b[^>]*>/giu)) {
    const found = /charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/iu.exec(meta[0]);
    if (found) return found[1]!.toLowerCase();
  }
  return null;
}

export interface DecodedText {
  readonly text: string;
  /** The WHATWG name of the encoding used, e.g. `utf-8`, `windows-1256`. */
  readonly encoding: string;
}

/** Decodes an HTML file: BOM first, then `<meta charset>`, then UTF-8. */
export function decodeHtmlBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decodeUtf8Strict(bytes, 3), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: decodeWithLabel('utf-16be', bytes, 2), encoding: 'utf-16be' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: decodeWithLabel('utf-16le', bytes, 2), encoding: 'utf-16le' };
  }
  const declared = sniffMetaCharset(bytes);
  // A file whose ASCII markup we could read cannot be UTF-16; the HTML standard says to treat
  // that declaration (and x-user-defined) as UTF-8 and windows-1252 respectively.
  const label =
    declared === null || /^utf-?16/u.test(declared)
      ? 'utf-8'
      : declared === 'x-user-defined'
        ? 'windows-1252'
        : declared;
  const text = decodeWithLabel(label, bytes, 0);
  return { text, encoding: new TextDecoder(label).encoding };
}
