/**
 * One UN-style working paper in six languages, written by the tests as plain text, HTML, .docx
 * (docx library) and PDF (printed from HTML by Chromium), ingested through the whole pipeline;
 * and ingest → Akoma Ntoso export → ingest gives identical segments.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES, type Lang } from '../../src/domain/language-codes.js';
import { exportExpression, getExpression } from '../../src/documents/document-queries.js';
import { ingestFiles } from '../../src/ingest/ingest-files.js';
import { launchPdfPrinter, type PdfPrinter } from '../support/chromium-pdf.js';
import { forEachStore } from '../support/for-each-store.js';
import { FIXTURES, expectedSegments, toDocx, toHtml, toText } from '../support/un-fixtures.js';

type Format = 'txt' | 'html' | 'docx' | 'pdf';
const FORMATS: Format[] = ['txt', 'html', 'docx', 'pdf'];
const WP: Record<Format, number> = { txt: 11, html: 12, docx: 13, pdf: 14 };

let printer: PdfPrinter;
beforeAll(async () => {
  printer = await launchPdfPrinter();
});
afterAll(() => printer.close());

async function render(
  format: Format,
  lang: Lang,
): Promise<{ name: string; bytes: Buffer; symbol: string }> {
  const symbol = `NPT/CONF.2015/PC.II/WP.${WP[format]}`;
  const fixture = { ...FIXTURES[lang], symbol };
  const bytes =
    format === 'txt'
      ? Buffer.from(toText(fixture))
      : format === 'html'
        ? Buffer.from(toHtml(fixture))
        : format === 'docx'
          ? await toDocx(fixture)
          : await printer.printHtmlToPdf(toHtml(fixture));
  return { name: `wp-${lang}.${format}`, bytes, symbol };
}

forEachStore('documents in every format and language', ({ store }) => {
  describe.each(FORMATS)('%s', (format) => {
    it.each(LANGUAGES)('%s: symbol, language, meeting and segments come through', async (lang) => {
      const file = await render(format, lang);
      const [result] = await ingestFiles(store(), [file]);
      expect(result, result?.reason).toMatchObject({ status: 'ok', symbol: file.symbol, lang });
      const doc = await getExpression(store().db, file.symbol, lang);
      expect(doc.work.meetingId).toBe('NPT-2015-PC2');
      expect(doc.expression.originalLang).toBe('en');
      expect(doc.segments).toEqual(expectedSegments(FIXTURES[lang]));
    });
  });

  it.each(LANGUAGES)('%s: ingest → Akoma Ntoso → ingest gives identical segments', async (lang) => {
    const original = await getExpression(store().db, 'NPT/CONF.2015/PC.II/WP.11', lang);
    const akn = exportExpression(original, 'akn');
    expect(akn).toContain('<akomaNtoso');
    const [result] = await ingestFiles(
      store(),
      [{ name: `wp-${lang}.xml`, bytes: Buffer.from(akn) }],
      { symbol: 'NPT/CONF.2015/PC.II/WP.15' },
    );
    expect(result, result?.reason).toMatchObject({ status: 'ok', lang });
    const again = await getExpression(store().db, 'NPT/CONF.2015/PC.II/WP.15', lang);
    expect(again.segments).toEqual(original.segments);
    expect(again.expression.title).toBe(original.expression.title);
  });
});
