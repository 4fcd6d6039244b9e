import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { parseBboxLayout, PdftotextError, readWithPdftotext } from './pdf-pdftotext.js';

/** A one-page PDF with one line of Helvetica text, offsets computed. */
function tinyPdf(text: string): Buffer {
  const content = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

const options = { timeoutMs: 10_000, maxOutputBytes: 1024 * 1024 };
const ourTempDirs = () => readdirSync(tmpdir()).filter((name) => name.startsWith('pillars-pdf-'));

async function failure(promise: Promise<unknown>): Promise<PdftotextError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof PdftotextError) return error;
    throw error;
  }
  throw new Error('expected a PdftotextError');
}

describe('parseBboxLayout', () => {
  it('reads pages and words with their boxes, decoding entities', () => {
    const xhtml = `<doc>
  <page width="595.0" height="842.0">
    <flow><block><line xMin="1" yMin="2" xMax="3" yMax="4">
      <word xMin="72.0" yMin="710.0" xMax="100.5" yMax="722.0">R&amp;D</word>
      <word xMin="103.0" yMin="710.0" xMax="120.0" yMax="722.0">&lt;b&gt;&#233;&#x4E00;</word>
    </line></block></flow>
  </page>
  <page width="612" height="792">
  </page>
</doc>`;
    expect(parseBboxLayout(xhtml)).toEqual([
      {
        page: 1,
        width: 595,
        height: 842,
        fragments: [
          { text: 'R&D', x0: 72, x1: 100.5, y: 716, size: 12 },
          { text: '<b>é一', x0: 103, x1: 120, y: 716, size: 12 },
        ],
      },
      { page: 2, width: 612, height: 792, fragments: [] },
    ]);
  });
});

describe('readWithPdftotext', () => {
  it('reads the words of a PDF and leaves no temporary file behind', async () => {
    const before = ourTempDirs();
    const pages = await readWithPdftotext(tinyPdf('Hello from pdftotext'), options);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.fragments.map((f) => f.text)).toEqual(['Hello', 'from', 'pdftotext']);
    expect(pages[0]!.fragments[0]!.x0).toBeCloseTo(72, 0);
    expect(ourTempDirs()).toEqual(before);
  });

  it('reports a program that is not installed', async () => {
    const error = await failure(
      readWithPdftotext(tinyPdf('x'), { ...options, command: '/nonexistent/pdftotext' }),
    );
    expect(error.reason).toBe('missing');
  });

  it('stops at the time limit', async () => {
    const error = await failure(readWithPdftotext(tinyPdf('x'), { ...options, timeoutMs: 1 }));
    expect(error.reason).toBe('timeout');
  });

  it('stops at the output limit', async () => {
    const error = await failure(
      readWithPdftotext(tinyPdf('some words'), { ...options, maxOutputBytes: 64 }),
    );
    expect(error.reason).toBe('too_large');
  });

  it('reports what pdftotext says about a file it cannot read, and cleans up', async () => {
    const before = ourTempDirs();
    const error = await failure(readWithPdftotext(Buffer.from('%PDF-1.4\ngarbage'), options));
    expect(error.reason).toBe('failed');
    expect(error.message).toMatch(/^pdftotext failed: /u);
    expect(ourTempDirs()).toEqual(before);
  });
});
