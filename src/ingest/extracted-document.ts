/**
 * @module What a format extractor hands to the rest of the ingest pipeline: text as blocks, in
 * reading order, with whatever structure the format carries. Plain text and PDF give `line`
 * blocks (one per physical line, blank lines included) that the segmenter reassembles into
 * paragraphs; docx, HTML and Akoma Ntoso give paragraphs, headings, list items and footnotes.
 */
import type { Lang } from '../domain/language-codes.js';

export const DOCUMENT_FORMATS = ['txt', 'docx', 'pdf', 'html', 'akn'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export type BlockKind = 'line' | 'title' | 'heading' | 'paragraph' | 'list-item' | 'footnote';

export interface TextBlock {
  readonly kind: BlockKind;
  /** The text, NFC, with no trailing newline; inner line breaks only in `line` blocks (none). */
  readonly text: string;
  /** Heading level (1 = top) where the format says. */
  readonly level?: number;
  /** Page number (1-based) for PDF lines. */
  readonly page?: number;
  /** An eId the source already gives (Akoma Ntoso import): kept as the segment's eId. */
  readonly eId?: string;
  /** A number or letter the source gives outside the text ("6", "(a)", footnote mark). */
  readonly num?: string;
}

export interface ExtractedMetadata {
  readonly symbol?: string;
  readonly lang?: Lang;
  readonly title?: string;
  /** ISO date of the document, where the format records it. */
  readonly date?: string;
}

export interface ExtractedDocument {
  readonly format: DocumentFormat;
  readonly blocks: readonly TextBlock[];
  readonly metadata: ExtractedMetadata;
  /** Things a person should know (a PDF page with no text, a docx message from mammoth). */
  readonly warnings: readonly string[];
  /** Which extractor produced the text, e.g. `pdfjs`, `pdftotext`, `mammoth`. */
  readonly extractor: string;
}

/** Limits every extractor enforces on untrusted input. */
export interface ExtractionLimits {
  /** Largest input file, in bytes. */
  readonly maxInputBytes: number;
  /** Largest total text after extraction or decompression, in characters. */
  readonly maxTextChars: number;
  /** Longest single line, in characters. */
  readonly maxLineChars: number;
  /** For zip containers (docx): largest total uncompressed size and compression ratio. */
  readonly maxUncompressedBytes: number;
  readonly maxCompressionRatio: number;
  readonly maxZipEntries: number;
  /** Wall-clock limit for one extraction, in milliseconds (PDF parsing, subprocesses). */
  readonly timeoutMs: number;
}

export const DEFAULT_LIMITS: ExtractionLimits = {
  maxInputBytes: 50 * 1024 * 1024,
  maxTextChars: 20 * 1024 * 1024,
  maxLineChars: 1024 * 1024,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxCompressionRatio: 100,
  maxZipEntries: 2000,
  timeoutMs: 60_000,
};

/**
 * A failure to read a file, with what a user needs to fix it. `code` is stable; `message` names
 * the problem (and the line, page or entry when known); the caller adds the file name.
 */
export class ExtractionError extends Error {
  constructor(
    readonly code:
      | 'empty_file'
      | 'binary_content'
      | 'invalid_encoding'
      | 'unsupported_format'
      | 'format_mismatch'
      | 'too_large'
      | 'line_too_long'
      | 'zip_bomb'
      | 'corrupt_file'
      | 'encrypted_file'
      | 'forbidden_xml'
      | 'invalid_xml'
      | 'timeout',
    message: string,
  ) {
    super(message);
    this.name = 'ExtractionError';
  }
}

export type Extractor = (input: Buffer, limits: ExtractionLimits) => Promise<ExtractedDocument>;
