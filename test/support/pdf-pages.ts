/**
 * Looking at a printed PDF as a reader would: page 1 rendered by poppler's pdftoppm, and how much
 * of it is ink (0 for a blank page).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Share of pixels darker than mid-grey in a binary PGM (P5) image. */
export function darkShare(pgm: Buffer): number {
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/u.exec(pgm.toString('latin1', 0, 64));
  if (!header) throw new Error('not a binary PGM');
  const [, w, h, max] = header.map(Number) as [number, number, number, number];
  const pixels = pgm.subarray(header[0].length);
  if (pixels.length !== w * h) throw new Error(`PGM has ${pixels.length} pixels, not ${w * h}`);
  let dark = 0;
  for (const value of pixels) if (value < max / 2) dark += 1;
  return dark / (w * h);
}

/** The share of ink on the PDF's first page, rendered in grey at 30 dpi. */
export function firstPageInk(pdf: string): number {
  const dir = mkdtempSync(join(tmpdir(), 'pillars-pdf-page-'));
  try {
    // -singlefile writes page 1 as one raw greyscale image, without a page-number suffix.
    execFileSync('pdftoppm', [
      '-gray',
      '-r',
      '30',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      pdf,
      join(dir, 'p1'),
    ]);
    return darkShare(readFileSync(join(dir, 'p1.pgm')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
