/**
 * @module What a file is, from its first bytes, checked against what its name says. A mismatch
 * ("report.pdf" that is a Word document) is refused: the user should know which file is which.
 */
import { extname } from 'node:path';
import { ExtractionError, type DocumentFormat } from '../extracted-document.js';

const EXTENSIONS: Record<string, DocumentFormat> = {
  '.txt': 'txt',
  '.text': 'txt',
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.xml': 'akn',
  '.akn': 'akn',
};
export const SUPPORTED_EXTENSIONS = Object.keys(EXTENSIONS);

const NAMES: Record<DocumentFormat | 'zip' | 'binary', string> = {
  txt: 'plain text',
  pdf: 'a PDF',
  docx: 'a Word document',
  html: 'HTML',
  akn: 'XML (Akoma Ntoso)',
  zip: 'a zip archive',
  binary: 'binary data',
};

function sniff(input: Buffer): DocumentFormat | 'zip' | 'binary' | null {
  if (input.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (input[0] === 0x50 && input[1] === 0x4b && (input[2] === 0x03 || input[2] === 0x05))
    return input.includes(Buffer.from('word/')) ? 'docx' : 'zip';
  const head = input
    .subarray(0, 2048)
    .toString('utf8')
    .replace(/^\uFEFF/u, '')
    .trimStart()
    .toLowerCase();
  if (
    head.startsWith('<!doctype html') ||
    head.startsWith('<html') ||
    /^<(head|body|meta)\b/u.test(head)
  )
    return 'html';
  if (head.startsWith('<?xml') || head.startsWith('<akomantoso') || head.startsWith('<!doctype'))
    return head.includes('<html') ? 'html' : 'akn';
  const sample = input.subarray(0, 4096);
  const utf16 =
    (sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff);
  if (!utf16 && sample.includes(0)) return 'binary';
  return null;
}

/** The format to read the file as; throws when the content contradicts the extension. */
export function detectFormat(fileName: string, input: Buffer): DocumentFormat {
  if (input.length === 0) throw new ExtractionError('empty_file', 'the file is empty');
  const ext = extname(fileName).toLowerCase();
  const declared = EXTENSIONS[ext];
  const sniffed = sniff(input);
  if (sniffed === 'binary') {
    throw new ExtractionError(
      'binary_content',
      `binary data${declared ? `, not ${NAMES[declared]} as the extension ${ext} says` : ''}`,
    );
  }
  if (sniffed === 'zip')
    throw new ExtractionError(
      declared === 'docx' ? 'format_mismatch' : 'unsupported_format',
      'a zip archive, but not a Word document',
    );
  if (declared === undefined) {
    if (sniffed !== null) return sniffed;
    throw new ExtractionError(
      'unsupported_format',
      `unsupported file type '${ext || '(no extension)'}': use ${SUPPORTED_EXTENSIONS.join(', ')}`,
    );
  }
  const actual = sniffed ?? 'txt';
  // An HTML page saved as .xml, or XHTML, is still HTML; text with a .html name is read as HTML.
  if (
    actual === declared ||
    (declared === 'html' && actual === 'txt') ||
    (declared === 'akn' && actual === 'html')
  )
    return declared === 'akn' && actual === 'html' ? 'html' : declared;
  throw new ExtractionError(
    'format_mismatch',
    `the extension ${ext} says ${NAMES[declared]}, but the content is ${NAMES[actual]}`,
  );
}
