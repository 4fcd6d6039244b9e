/**
 * @module The Akoma Ntoso extractor. The bytes are decoded and passed through the XML guard
 * (no DOCTYPE, no entities, no processing instructions; see formats/xml-guard.ts) before
 * fast-xml-parser reads them, so an XXE payload is refused without anything being resolved.
 * Blocks keep the document's eIds and numbers (akn-blocks.ts); metadata comes from the FRBR
 * identification and the preface (docNumber, docTitle, docDate).
 */
import type { Lang } from '../../domain/language-codes.js';
import { ExtractionError, type ExtractedMetadata, type Extractor } from '../extracted-document.js';
import { childElement, elementsOf, parseXml, type XmlElement } from '../formats/xml-guard-parse.js';
import { decodeXmlBytes } from '../formats/xml-guard.js';
import { aknBodyBlocks, normalizeAknText } from './akn-blocks.js';
import { AKN_NAMESPACE_PATTERN, langFromCode } from './akn-iri.js';

// prettier-ignore
const DOCUMENT_TYPES = new Set([
  'act', 'amendment', 'amendmentList', 'bill', 'debate', 'debateReport', 'doc',
  'documentCollection', 'judgment', 'officialGazette', 'portion', 'statement',
]);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/u;

/** Whether the bytes can be XML at all: "<" first, after a BOM and whitespace (or UTF-16). */
function looksLikeXml(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  if ((bytes[0] === 0xfe && bytes[1] === 0xff) || (bytes[0] === 0xff && bytes[1] === 0xfe))
    return true;
  if ((bytes[0] === 0x3c && bytes[1] === 0) || (bytes[0] === 0 && bytes[1] === 0x3c)) return true;
  while (i < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[i]!)) i++;
  return bytes[i] === 0x3c;
}

/** The first element with this local name, searching depth-first. */
function find(node: XmlElement | undefined, local: string): XmlElement | undefined {
  if (node === undefined) return undefined;
  for (const child of elementsOf(node)) {
    if (child.local === local) return child;
    const deeper = find(child, local);
    if (deeper !== undefined) return deeper;
  }
  return undefined;
}

function text(node: XmlElement | undefined): string | undefined {
  if (node === undefined) return undefined;
  const flat = (n: XmlElement): string =>
    n.children
      .map((c) => (typeof c === 'string' ? c : n.local === 'authorialNote' ? '' : flat(c)))
      .join('');
  const value = normalizeAknText(flat(node));
  return value === '' ? undefined : value;
}

function metadataOf(root: XmlElement, document: XmlElement): ExtractedMetadata {
  const identification = find(childElement(document, 'meta'), 'identification');
  const work = identification && childElement(identification, 'FRBRWork');
  const expression = identification && childElement(identification, 'FRBRExpression');
  const front = [childElement(document, 'preface'), childElement(document, 'coverPage')];
  const inFront = (local: string): XmlElement | undefined =>
    front.map((part) => find(part, local)).find((found) => found !== undefined);

  const frbrNumber = work && childElement(work, 'FRBRnumber')?.attrs['value'];
  // FRBRnumber is a work's number ("2" for act 2); only one that looks like a UN symbol will do.
  const symbol = text(inFront('docNumber')) ?? (frbrNumber?.includes('/') ? frbrNumber : undefined);
  const lang: Lang | undefined =
    langFromCode(expression && childElement(expression, 'FRBRlanguage')?.attrs['language']) ??
    langFromCode(document.attrs['xml:lang']) ??
    langFromCode(root.attrs['xml:lang']);
  const title = text(inFront('docTitle')) ?? text(inFront('longTitle'));
  const date = [
    inFront('docDate')?.attrs['date'],
    work && childElement(work, 'FRBRdate')?.attrs['date'],
  ]
    .map((d) => d?.slice(0, 10))
    .find((d) => d !== undefined && ISO_DATE.test(d));
  return {
    ...(symbol !== undefined ? { symbol } : {}),
    ...(lang !== undefined ? { lang } : {}),
    ...(title !== undefined ? { title } : {}),
    ...(date !== undefined ? { date } : {}),
  };
}

export const extractAkn: Extractor = (input, limits) =>
  new Promise((resolve) => {
    if (input.length === 0) throw new ExtractionError('empty_file', 'the file is empty');
    if (input.length > limits.maxInputBytes) {
      throw new ExtractionError(
        'too_large',
        `the file is ${input.length} bytes; the limit is ${limits.maxInputBytes}`,
      );
    }
    if (!looksLikeXml(input)) {
      throw new ExtractionError('format_mismatch', 'not Akoma Ntoso: the file is not XML');
    }
    const root = parseXml(decodeXmlBytes(input));
    if (root.local !== 'akomaNtoso') {
      throw new ExtractionError(
        'format_mismatch',
        `XML, but not Akoma Ntoso: the root element is <${root.name}>, not <akomaNtoso>`,
      );
    }
    const prefix = root.name.includes(':') ? root.name.slice(0, root.name.indexOf(':')) : '';
    const namespace = root.attrs[prefix === '' ? 'xmlns' : `xmlns:${prefix}`];
    if (namespace === undefined || !AKN_NAMESPACE_PATTERN.test(namespace)) {
      throw new ExtractionError(
        'format_mismatch',
        `XML, but not Akoma Ntoso: <akomaNtoso> is in the namespace "${namespace ?? ''}"`,
      );
    }
    const document = elementsOf(root).find((child) => DOCUMENT_TYPES.has(child.local));
    if (document === undefined) {
      throw new ExtractionError(
        'format_mismatch',
        'Akoma Ntoso without a document inside (act, bill, doc, statement…)',
      );
    }
    const { blocks, warnings } = aknBodyBlocks(document, limits);
    if (blocks.length === 0) warnings.push('the document has no text');
    resolve({
      format: 'akn',
      blocks,
      metadata: metadataOf(root, document),
      warnings,
      extractor: 'fast-xml-parser',
    });
  });
