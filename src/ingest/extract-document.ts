/**
 * @module Picks the extractor for a format. The registry is the one place formats are listed.
 * Extractors load on first use: pdf.js and mammoth are large, and most runs need one or two formats.
 */
import type {
  DocumentFormat,
  ExtractedDocument,
  ExtractionLimits,
  Extractor,
} from './extracted-document.js';

const EXTRACTORS: Record<DocumentFormat, () => Promise<Extractor>> = {
  txt: async () => (await import('./formats/txt.js')).extractTxt,
  docx: async () => (await import('./formats/docx.js')).extractDocx,
  pdf: async () => (await import('./formats/pdf.js')).extractPdf,
  html: async () => (await import('./formats/html.js')).extractHtml,
  akn: async () => (await import('./akn/akn-import.js')).extractAkn,
};

const loaded = new Map<DocumentFormat, Extractor>();

export async function extractDocument(
  format: DocumentFormat,
  input: Buffer,
  limits: ExtractionLimits,
): Promise<ExtractedDocument> {
  // A dynamic import costs a loader round trip every time, even when cached: keep the function.
  let extract = loaded.get(format);
  if (!extract) {
    extract = await EXTRACTORS[format]();
    loaded.set(format, extract);
  }
  return extract(input, limits);
}
