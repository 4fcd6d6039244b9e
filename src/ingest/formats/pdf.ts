/**
 * @module The PDF extractor: one `line` block per physical line of text, in reading order, with
 * its page; a blank line at each paragraph break; running headers, footers and page numbers gone.
 *
 * pdfjs reads the text (no eval, no font loading, no network: only the bytes given and pdfjs's own
 * CMap files on disk). When a document is largely Arabic script, or pdfjs decodes little or
 * nothing, poppler's pdftotext reads it instead, word by word with positions, and the lines are put
 * back into logical order here (see pdf-pdftotext.ts). Both go through the same line building
 * (pdf-pages.ts) and running-line removal (pdf-running-lines.ts).
 *
 * Untrusted input: the size, the amount of text, the longest line and the wall-clock time are
 * limited; encrypted, truncated and non-PDF files fail with an {@link ExtractionError}.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import {
  ExtractionError,
  type ExtractedDocument,
  type ExtractionLimits,
  type Extractor,
} from '../extracted-document.js';
import {
  buildLines,
  documentDirection,
  linesToBlocks,
  type PageText,
  type PositionedLine,
  type TextFragment,
} from './pdf-pages.js';
import { describeNonPdf, hasPdfHeader, pdfjsFailure, usableTitle } from './pdf-diagnosis.js';
import { PdftotextError, readWithPdftotext } from './pdf-pdftotext.js';
import { removeRunningLines } from './pdf-running-lines.js';

type PdfJs = typeof PdfJsModule;

let pdfjs: Promise<PdfJs> | undefined;
/** pdfjs is large: load it on first use, once. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjs;
}

/** pdfjs's predefined CMaps (for CJK fonts that are not embedded), read from disk, never fetched. */
const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const CMAP_DIR = join(PDFJS_DIR, 'cmaps') + '/';
const STANDARD_FONT_DIR = join(PDFJS_DIR, 'standard_fonts') + '/';

/** Share of a document's letters in Arabic (or another right-to-left) script from which
 * pdftotext reads it: pdfjs's Arabic is unusable, even in a document that only quotes some. */
const RTL_SHARE_FOR_PDFTOTEXT = 0.05;
/** Share of undecodable characters (U+FFFD, private use, controls) that makes pdfjs's text garbage. */
const GARBAGE_SHARE = 0.2;

const MB = 1024 * 1024;
const formatMb = (bytes: number) => `${(bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0)} MB`;

class Deadline {
  readonly #end: number;
  readonly #expired: Promise<never>;
  #timer: NodeJS.Timeout | undefined;

  constructor(readonly ms: number) {
    this.#end = Date.now() + ms;
    this.#expired = new Promise<never>((_, reject) => {
      this.#timer = setTimeout(() => reject(Deadline.error(ms)), ms);
      this.#timer.unref();
    });
    this.#expired.catch(() => undefined);
  }

  static error(ms: number): ExtractionError {
    return new ExtractionError('timeout', `reading the PDF took longer than the limit of ${ms} ms`);
  }

  get remaining(): number {
    return this.#end - Date.now();
  }

  /** Waits for `promise`, or throws the timeout error when time is up. */
  async race<T>(promise: Promise<T>): Promise<T> {
    if (this.remaining <= 0) {
      // The abandoned work may still fail later (pdfjs rejects with "Loading aborted" once
      // destroyed); that failure is expected and must not surface as an unhandled rejection.
      promise.catch(() => undefined);
      throw Deadline.error(this.ms);
    }
    return Promise.race([promise, this.#expired]);
  }

  clear(): void {
    clearTimeout(this.#timer);
  }
}

/** Lets timers run between pages: pdfjs without a worker thread runs on this one. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

interface ReadResult {
  readonly pages: PageText[];
  readonly title: string | undefined;
  readonly encrypted: boolean;
  /** Pieces of text pdfjs found on a slanted or vertical baseline, left out. */
  readonly rotated: number;
}

interface TextStats {
  chars: number;
  rtlLetters: number;
  letters: number;
  garbage: number;
}

const count = (text: string, re: RegExp) => text.match(re)?.length ?? 0;

function statsOf(pages: readonly PageText[]): TextStats {
  const stats: TextStats = { chars: 0, rtlLetters: 0, letters: 0, garbage: 0 };
  for (const page of pages) {
    for (const { text } of page.fragments) {
      stats.chars += count(text, /\S/gu);
      stats.garbage += count(text, /[\uFFFD\uE000-\uF8FF\p{Cc}]/gu);
      stats.letters += count(text, /\p{L}/gu);
      stats.rtlLetters += count(text, /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFC]/gu);
    }
  }
  return stats;
}

/** Reads every page's text items with pdfjs. */
async function readWithPdfJs(
  input: Buffer,
  limits: ExtractionLimits,
  deadline: Deadline,
): Promise<ReadResult> {
  const { getDocument, Util, VerbosityLevel } = await deadline.race(loadPdfJs());
  const task = getDocument({
    // A copy: pdfjs may take ownership of (detach) the buffer it is given.
    data: new Uint8Array(input),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    enableXfa: false,
    disableAutoFetch: true,
    disableStream: true,
    disableRange: true,
    stopAtErrors: false,
    verbosity: VerbosityLevel.ERRORS,
    cMapUrl: CMAP_DIR,
    cMapPacked: true,
    standardFontDataUrl: STANDARD_FONT_DIR,
  });
  task.promise.catch(() => undefined); // failures are read through deadline.race below
  try {
    let doc;
    try {
      doc = await deadline.race(task.promise);
    } catch (error) {
      throw pdfjsFailure(error);
    }
    let title: string | undefined;
    let encrypted = false;
    try {
      const { info } = await deadline.race(doc.getMetadata());
      const record = info as Record<string, unknown>;
      title = usableTitle(record.Title);
      encrypted = typeof record.EncryptFilterName === 'string';
    } catch (error) {
      if (error instanceof ExtractionError) throw error;
      // Damaged metadata only loses the title.
    }
    const pages: PageText[] = [];
    let chars = 0;
    let rotated = 0;
    for (let n = 1; n <= doc.numPages; n++) {
      await breathe();
      let content;
      let page;
      try {
        page = await deadline.race(doc.getPage(n));
        content = await deadline.race(
          page.getTextContent({ includeMarkedContent: false, disableNormalization: true }),
        );
      } catch (error) {
        throw pdfjsFailure(error, ` (page ${n})`);
      }
      const viewport = page.getViewport({ scale: 1 });
      const fragments: TextFragment[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const { str, hasEOL, width }: TextItem = item;
        if (str === '') continue;
        const [a, b, c, d, e, f] = Util.transform(viewport.transform, item.transform) as number[];
        if (a === undefined || b === undefined || c === undefined || d === undefined) continue;
        if (e === undefined || f === undefined) continue;
        // Only text on a horizontal baseline (slanted is fine: synthetic italics are skewed);
        // rotated and vertical text would make lines of single letters.
        if (!(a > 0) || Math.abs(b) > 0.2 * a) {
          rotated++;
          continue;
        }
        chars += str.length;
        if (chars > limits.maxTextChars) {
          throw new ExtractionError(
            'too_large',
            `the PDF has more than ${limits.maxTextChars} characters of text (the limit)`,
          );
        }
        const size = Math.hypot(c, d) || Math.abs(a);
        fragments.push({ text: str, x0: e, x1: e + width, y: f, size, eol: hasEOL });
      }
      pages.push({ page: n, width: viewport.width, height: viewport.height, fragments });
      page.cleanup();
    }
    return { pages, title, encrypted, rotated };
  } finally {
    // Stop pdfjs's work (it may still be parsing if time ran out), without waiting long for it.
    const stopped = task.destroy().catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([stopped, new Promise((r) => (timer = setTimeout(r, 1000)))]);
    clearTimeout(timer);
  }
}

/** Reads the words with pdftotext, mapping its failures; `undefined` when it is not installed. */
async function readPdftotext(
  input: Buffer,
  limits: ExtractionLimits,
  deadline: Deadline,
  warnings: string[],
  command: string | undefined,
): Promise<PageText[] | undefined> {
  try {
    return await deadline.race(
      readWithPdftotext(input, {
        timeoutMs: Math.max(1, deadline.remaining),
        maxOutputBytes: Math.min(512 * MB, Math.max(8 * MB, limits.maxTextChars * 64)),
        ...(command === undefined ? {} : { command }),
      }),
    );
  } catch (error) {
    if (!(error instanceof PdftotextError)) throw error;
    if (error.reason === 'timeout') throw Deadline.error(deadline.ms);
    if (error.reason === 'too_large') {
      throw new ExtractionError(
        'too_large',
        `the PDF has more than ${limits.maxTextChars} characters of text (the limit)`,
      );
    }
    warnings.push(`${error.message}; the text is pdfjs's`);
    return undefined;
  }
}

export interface PdfExtractorOptions {
  /** The pdftotext program (default `pdftotext` on the PATH). */
  readonly pdftotextCommand?: string;
}

/** A PDF extractor; {@link extractPdf} is the one with the defaults. */
export function createPdfExtractor(options: PdfExtractorOptions = {}): Extractor {
  return (input, limits) => extract(input, limits, options);
}

async function extract(
  input: Buffer,
  limits: ExtractionLimits,
  options: PdfExtractorOptions,
): Promise<ExtractedDocument> {
  if (input.length === 0) throw new ExtractionError('empty_file', 'the file is empty');
  if (input.length > limits.maxInputBytes) {
    throw new ExtractionError(
      'too_large',
      `the PDF is ${formatMb(input.length)}, over the limit of ${formatMb(limits.maxInputBytes)}`,
    );
  }
  if (!hasPdfHeader(input)) {
    throw new ExtractionError(
      'format_mismatch',
      `the file is not a PDF (no %PDF- header): ${describeNonPdf(input)}`,
    );
  }

  const deadline = new Deadline(limits.timeoutMs);
  try {
    const read = await readWithPdfJs(input, limits, deadline);
    const warnings: string[] = [];
    if (read.encrypted) {
      warnings.push('the PDF is encrypted but opens without a password; its text was read');
    }
    let pages = read.pages;
    let extractor = 'pdfjs';

    const stats = statsOf(pages);
    const rtl = stats.letters >= 20 && stats.rtlLetters / stats.letters >= RTL_SHARE_FOR_PDFTOTEXT;
    const garbage = stats.chars > 0 && stats.garbage / stats.chars > GARBAGE_SHARE;
    const empty = stats.chars === 0 && pages.length > 0;
    if (rtl || garbage || empty) {
      const other = await readPdftotext(
        input,
        limits,
        deadline,
        warnings,
        options.pdftotextCommand,
      );
      if (other !== undefined) {
        const otherStats = statsOf(other);
        const better = rtl || otherStats.chars - otherStats.garbage > stats.chars - stats.garbage;
        if (better && other.length === pages.length) {
          pages = other;
          extractor = 'pdftotext';
          warnings.push(
            rtl
              ? 'read with pdftotext: pdfjs cannot put Arabic script in reading order'
              : empty
                ? 'read with pdftotext: pdfjs found no text'
                : 'read with pdftotext: pdfjs could not decode most of the text',
          );
        }
      }
    }
    if (extractor === 'pdfjs' && read.rotated > 0) {
      warnings.push(`${read.rotated} pieces of rotated or vertical text were left out`);
    }
    if (statsOf(pages).chars > limits.maxTextChars) {
      throw new ExtractionError(
        'too_large',
        `the PDF has more than ${limits.maxTextChars} characters of text (the limit)`,
      );
    }

    const layout = {
      order: extractor === 'pdftotext' ? ('visual' as const) : ('logical' as const),
      spaceGap: extractor === 'pdftotext' ? 0.05 : 0.15,
      direction: documentDirection(pages),
    };
    const lines: { lines: PositionedLine[]; height: number }[] = [];
    for (const page of pages) {
      const built = buildLines(page, layout);
      if (built.length === 0) {
        warnings.push(`page ${page.page} has no extractable text: scanned image?`);
      }
      for (const line of built) {
        if (line.text.length > limits.maxLineChars) {
          throw new ExtractionError(
            'line_too_long',
            `page ${page.page} has a line of ${line.text.length} characters, over the limit of ${limits.maxLineChars}`,
          );
        }
      }
      lines.push({ lines: built, height: page.height });
      if (deadline.remaining <= 0) throw Deadline.error(deadline.ms);
    }
    const body = removeRunningLines(lines);
    const result: ExtractedDocument = {
      format: 'pdf',
      blocks: linesToBlocks(body, { fontSizes: extractor === 'pdfjs' }),
      metadata: read.title === undefined ? {} : { title: read.title },
      warnings,
      extractor,
    };
    return result;
  } finally {
    deadline.clear();
  }
}

export const extractPdf: Extractor = createPdfExtractor();
