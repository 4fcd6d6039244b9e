/**
 * @module The checks every untrusted XML text passes before a parser sees it. A DOCTYPE is the
 * door to external entities (XXE: reading local files, fetching URLs) and to entity expansion
 * bombs ("billion laughs"); no document Pillars reads needs one, so any DOCTYPE or ENTITY is
 * refused outright rather than trusting a parser's settings. Processing instructions other than
 * the XML declaration and XInclude are refused for the same reason: they ask a processor to go
 * elsewhere. A small scanner (not a regex over the whole text) skips comments and CDATA, so text
 * that merely mentions "<!DOCTYPE" inside them is not refused, and it reports line numbers.
 */
import { ExtractionError } from '../extracted-document.js';
import { decodeUtf8Strict, decodeWithLabel } from './html-decode.js';

export interface XmlGuardOptions {
  /** Deepest element nesting accepted; parsers and our own walkers recurse on it. */
  readonly maxDepth?: number;
  /** Longest text accepted, in characters. */
  readonly maxChars?: number;
  /** Name of the file or zip entry, for messages ("word/document.xml"). */
  readonly part?: string;
}

export const DEFAULT_MAX_XML_DEPTH = 256;
const XINCLUDE_NS = 'http://www.w3.org/2001/XInclude';
const REFERENCE = /&(?:lt|gt|amp|apos|quot|#[0-9]+|#x[0-9a-fA-F]+);/y;
const NAMED_REFERENCE = /&([A-Za-z_:][\w.:-]*);/y;

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * Refuses DOCTYPE and ENTITY declarations, processing instructions other than a leading XML
 * declaration, XInclude, undefined entity references, and nesting or size beyond the limits.
 */
export function assertSafeXml(text: string, options: XmlGuardOptions = {}): void {
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_XML_DEPTH;
  const where = (offset: number): string =>
    `${options.part ? `${options.part}, ` : ''}line ${lineOf(text, offset)}`;
  const forbid = (what: string, offset: number): never => {
    throw new ExtractionError('forbidden_xml', `${what} is not allowed (${where(offset)})`);
  };
  if (options.maxChars !== undefined && text.length > options.maxChars) {
    throw new ExtractionError(
      'too_large',
      `${options.part ?? 'the XML'} has ${text.length} characters; the limit is ${options.maxChars}`,
    );
  }
  const xinclude = text.indexOf(XINCLUDE_NS);
  if (xinclude !== -1) forbid('XInclude', xinclude);

  /** Every `&` in text and attribute values must start one of the five predefined or a numeric reference. */
  // The next `&` at or after the last search start. Searches only move forward, so keeping it
  // makes the whole check linear: searching to the end for every tag was quadratic in a file
  // with few references.
  let searchedFrom = Number.POSITIVE_INFINITY;
  let nextAmp = -1;
  const ampFrom = (from: number): number => {
    if (from < searchedFrom || (nextAmp !== -1 && nextAmp < from)) {
      nextAmp = text.indexOf('&', from);
      searchedFrom = from;
    }
    return nextAmp;
  };
  const checkReferences = (from: number, to: number): void => {
    for (let amp = ampFrom(from); amp !== -1 && amp < to; amp = ampFrom(amp + 1)) {
      REFERENCE.lastIndex = amp;
      if (REFERENCE.test(text)) continue;
      NAMED_REFERENCE.lastIndex = amp;
      const named = NAMED_REFERENCE.exec(text);
      // An undefined entity is what an XXE payload looks like once its DOCTYPE is gone.
      const what = named ? `undefined entity "&${named[1]!};"` : 'a bare "&" (write "&amp;")';
      throw new ExtractionError('invalid_xml', `${what} (${where(amp)})`);
    }
  };

  let pos = 0;
  let depth = 0;
  while (pos < text.length) {
    const lt = text.indexOf('<', pos);
    checkReferences(pos, lt === -1 ? text.length : lt);
    if (lt === -1) break;
    if (text.startsWith('<!--', lt) || text.startsWith('<![CDATA[', lt)) {
      const closer = text.startsWith('<!--', lt) ? '-->' : ']]>';
      const end = text.indexOf(closer, lt + 4);
      if (end === -1) break; // unterminated: the parser reports it, and nothing follows to refuse
      pos = end + closer.length;
      continue;
    }
    if (text.startsWith('<!', lt)) {
      const word = (/^<!([A-Za-z]*)/u.exec(text.slice(lt, lt + 16))?.[1] ?? '').toUpperCase();
      const what =
        word === 'DOCTYPE'
          ? 'a DOCTYPE declaration'
          : word === 'ENTITY'
            ? 'an ENTITY declaration'
            : `the declaration "<!${word}"`;
      forbid(what, lt);
    }
    if (text.startsWith('<?', lt)) {
      const target = /^<\?([^\s?>]*)/u.exec(text.slice(lt, lt + 64))?.[1] ?? '';
      if (!(target === 'xml' && lt === 0)) {
        forbid(
          target.toLowerCase() === 'xml'
            ? 'an XML declaration after the start of the file'
            : `the processing instruction "<?${target}"`,
          lt,
        );
      }
      const end = text.indexOf('?>', lt + 2);
      if (end === -1) break;
      pos = end + 2;
      continue;
    }
    // A tag: find its end, skipping quoted attribute values (which may contain ">").
    let end = lt + 1;
    let quote = '';
    for (; end < text.length; end++) {
      const c = text[end];
      if (quote !== '') {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
    }
    if (end >= text.length) break;
    if (text[lt + 1] === '/') {
      depth = Math.max(0, depth - 1);
    } else {
      checkReferences(lt, end);
      if (text[end - 1] !== '/' && ++depth > maxDepth) {
        throw new ExtractionError(
          'too_large',
          `elements nested deeper than ${maxDepth} levels (${where(lt)})`,
        );
      }
    }
    pos = end + 1;
  }
}

/** XML's Char production: what a numeric character reference may stand for. */
function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

const PREDEFINED: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  apos: "'",
  quot: '"',
};

/**
 * Decodes the five predefined entities and numeric character references in one pass, so that
 * "&amp;#65;" stays the text "&#65;" (decoding twice would turn it into "A").
 */
export function decodeXmlEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|apos|quot);/gu, (ref, body: string) => {
    const named = PREDEFINED[body];
    if (named !== undefined) return named;
    const cp = body.startsWith('#x')
      ? Number.parseInt(body.slice(2), 16)
      : Number.parseInt(body.slice(1), 10);
    if (!isXmlChar(cp)) {
      throw new ExtractionError('invalid_xml', `${ref} is not a character XML allows`);
    }
    return String.fromCodePoint(cp);
  });
}

/**
 * Bytes → XML text: a BOM (UTF-8, UTF-16), then the declaration's `encoding`, else strict
 * UTF-8. The BOM is dropped so a leading XML declaration stays at offset 0.
 */
export function decodeXmlBytes(bytes: Uint8Array): string {
  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return decodeUtf8Strict(bytes, 3);
  if (b0 === 0xfe && b1 === 0xff) return decodeWithLabel('utf-16be', bytes, 2);
  if (b0 === 0xff && b1 === 0xfe) return decodeWithLabel('utf-16le', bytes, 2);
  if (b0 === 0x3c && b1 === 0x00) return decodeWithLabel('utf-16le', bytes, 0);
  if (b0 === 0x00 && b1 === 0x3c) return decodeWithLabel('utf-16be', bytes, 0);
  const head = Buffer.from(bytes.subarray(0, 256)).toString('latin1');
  const declared = /^<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/u.exec(head)?.[1];
  if (declared !== undefined && !/^utf-?8$/iu.test(declared)) {
    return decodeWithLabel(declared, bytes, 0);
  }
  return decodeUtf8Strict(bytes, 0);
}
