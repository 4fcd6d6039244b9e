/**
 * @module What a file that fails as a PDF is, and why: the header check, a description of what the
 * bytes look like instead, pdf.js failures turned into errors a person can act on, and the test
 * for a title worth keeping from the document information dictionary.
 */
import { ExtractionError } from '../extracted-document.js';
import { cleanLineText } from './pdf-pages.js';

export function hasPdfHeader(input: Buffer): boolean {
  // The header may follow a little junk; readers look in the first 1024 bytes.
  return input.subarray(0, 1024).includes('%PDF-');
}

export function describeNonPdf(input: Buffer): string {
  const head = input.subarray(0, 512);
  const printable = head.filter((b) => b === 9 || b === 10 || b === 13 || (b >= 32 && b < 127));
  if (head.subarray(0, 4).equals(Buffer.from('PK\u0003\u0004', 'latin1'))) {
    return 'it is a zip archive (a .docx or similar?)';
  }
  if (/^\s*</u.test(head.toString('utf8'))) return 'it looks like HTML or XML';
  if (printable.length / Math.max(1, head.length) > 0.95) return 'it looks like plain text';
  return 'its first bytes are not a PDF header';
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : '';
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Maps what pdfjs throws to an ExtractionError a person can act on. */
export function pdfjsFailure(error: unknown, where = ''): ExtractionError {
  if (error instanceof ExtractionError) return error;
  const message = errorMessage(error);
  if (errorName(error) === 'PasswordException') {
    return new ExtractionError(
      'encrypted_file',
      'the PDF is encrypted and needs a password to open; save an unprotected copy and try again',
    );
  }
  if (/encrypt|crypt|password|security handler/iu.test(message)) {
    return new ExtractionError(
      'encrypted_file',
      `the PDF is encrypted in a way that cannot be read (${message})`,
    );
  }
  return new ExtractionError(
    'corrupt_file',
    `the PDF is damaged or truncated${where}: ${message.replace(/\.$/u, '')}`,
  );
}

/** Titles that are file names or word-processor defaults, not a document's title. */
export function usableTitle(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const title = cleanLineText(raw);
  if (title === '' || title.length > 500 || !/\p{L}/u.test(title)) return undefined;
  if (/^microsoft\s+(word|powerpoint|excel)\b/iu.test(title)) return undefined;
  if (/^(about:|https?:|file:|data:)/iu.test(title)) return undefined;
  if (/\.(docx?|rtf|pdf|wpd|odt|txt|indd|xlsx?|pptx?|html?)$/iu.test(title)) return undefined;
  if (
    /^(untitled|document\s*\d*|title|presentation\s*\d*|powerpoint presentation|slide\s*\d+)$/iu.test(
      title,
    )
  ) {
    return undefined;
  }
  return title;
}
