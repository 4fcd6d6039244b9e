/**
 * @module Print HTML to PDF with the system Chromium (playwright-core, no browser download), so
 * tests can make real PDFs the way UN documents are made: A4, fonts embedded, running headers and
 * footers with page numbers. One browser per test file: call {@link launchPdfPrinter} in
 * `beforeAll` and `close()` in `afterAll`.
 */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags for a headless Chromium that never reaches the network on its own. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

export interface PrintOptions {
  /**
   * Chromium header/footer templates: HTML with `<span class="pageNumber">`, `totalPages`,
   * `title`, `date` placeholders. Both empty (the default) prints no running lines.
   */
  readonly headerTemplate?: string;
  readonly footerTemplate?: string;
  /** Page margins (CSS lengths); the default leaves room for a header and footer. */
  readonly margin?: { top?: string; bottom?: string; left?: string; right?: string };
}

export interface PdfPrinter {
  printHtmlToPdf(html: string, options?: PrintOptions): Promise<Buffer>;
  close(): Promise<void>;
}

const DEFAULT_MARGIN = { top: '25mm', bottom: '25mm', left: '20mm', right: '20mm' };

/** Launches one headless Chromium; each print opens and closes its own page. */
export async function launchPdfPrinter(): Promise<PdfPrinter> {
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
  return {
    async printHtmlToPdf(html, options = {}) {
      const page = await browser.newPage();
      try {
        // Nothing in a fixture may reach the network: refuse every request but the page itself.
        await page.route('**/*', (route) => route.abort());
        await page.setContent(html, { waitUntil: 'load' });
        const header = options.headerTemplate ?? '';
        const footer = options.footerTemplate ?? '';
        return await page.pdf({
          format: 'A4',
          displayHeaderFooter: header !== '' || footer !== '',
          // Chromium prints its own date and URL when a template is missing: give an empty span.
          headerTemplate: header || '<span></span>',
          footerTemplate: footer || '<span></span>',
          margin: { ...DEFAULT_MARGIN, ...options.margin },
        });
      } finally {
        await page.close();
      }
    },
    async close() {
      await browser.close();
    },
  };
}

/** Prints one document with a throwaway browser; prefer {@link launchPdfPrinter} for several. */
export async function printHtmlToPdf(html: string, options?: PrintOptions): Promise<Buffer> {
  const printer = await launchPdfPrinter();
  try {
    return await printer.printHtmlToPdf(html, options);
  } finally {
    await printer.close();
  }
}
