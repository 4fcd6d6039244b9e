/**
 * @module Reads a PDF's words with poppler's `pdftotext -bbox-layout`: every word with its box,
 * page by page. The second PDF reader, for Arabic (pdfjs returns Arabic in visual order with
 * presentation forms and misplaced lam-alef ligatures) and for text pdfjs cannot decode.
 *
 * Why the word boxes and not pdftotext's plain text: its plain output keeps Arabic words in
 * logical order but leaves punctuation and numbers inside `LRE…PDF` runs in visual order (`، 2024`
 * for `2024،`, ` - 1` for `1 - `), and its blank lines do not follow paragraphs. The boxes are in
 * plain visual order, which {@link visualToLogical} reverses exactly, and carry the positions that
 * line spacing and running headers are found from, the same way as for pdfjs.
 *
 * The PDF goes to a private temporary file (removed afterwards); pdftotext runs with a time limit
 * and a cap on its output, and without a shell.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PageText, TextFragment } from './pdf-pages.js';

export class PdftotextError extends Error {
  constructor(
    readonly reason: 'missing' | 'timeout' | 'too_large' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'PdftotextError';
  }
}

export interface PdftotextOptions {
  readonly timeoutMs: number;
  /** Largest output accepted from pdftotext, in bytes. */
  readonly maxOutputBytes: number;
  /** Command to run (default `pdftotext` on the PATH). */
  readonly command?: string;
}

function run(command: string, args: string[], options: PdftotextOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      {
        encoding: 'utf8',
        timeout: Math.max(1, Math.floor(options.timeoutMs)),
        killSignal: 'SIGKILL',
        maxBuffer: options.maxOutputBytes,
        windowsHide: true,
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8' },
      },
      (error, stdout, stderr) => {
        if (error === null) {
          resolve(stdout);
          return;
        }
        const err = error as NodeJS.ErrnoException & { killed?: boolean; code?: unknown };
        if (err.code === 'ENOENT') {
          reject(new PdftotextError('missing', `${command} is not installed (poppler-utils)`));
        } else if (err.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
          reject(new PdftotextError('too_large', 'pdftotext produced more text than allowed'));
        } else if (err.killed === true) {
          reject(
            new PdftotextError('timeout', `pdftotext took longer than ${options.timeoutMs} ms`),
          );
        } else {
          const reason = stderr.trim().split('\n').slice(-3).join('; ') || err.message;
          reject(new PdftotextError('failed', `pdftotext failed: ${reason}`));
        }
      },
    );
  });
}

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/gu;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (_, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED[name] ?? '';
    const code = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '', 16);
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

function attribute(attributes: string, name: string): number {
  const match = new RegExp(`\\b${name}="([^"]*)"`, 'u').exec(attributes);
  return match === null ? Number.NaN : Number(match[1]);
}

/**
 * Parses `pdftotext -bbox-layout` output into pages of words. Each word is a fragment in visual
 * order; its vertical position is the middle of its box (fonts of one line share a middle better
 * than a box bottom: an Arabic font's box is much deeper than a Latin one's).
 */
export function parseBboxLayout(xhtml: string): PageText[] {
  const pages: PageText[] = [];
  const token = /<page\b([^>]*)>|<word\b([^>]*)>([^<]*)<\/word>/gu;
  let current: { page: number; width: number; height: number; fragments: TextFragment[] } | null =
    null;
  for (const match of xhtml.matchAll(token)) {
    if (match[1] !== undefined) {
      current = {
        page: pages.length + 1,
        width: attribute(match[1], 'width'),
        height: attribute(match[1], 'height'),
        fragments: [],
      };
      pages.push(current);
      continue;
    }
    if (current === null) continue;
    const attrs = match[2] ?? '';
    const x0 = attribute(attrs, 'xMin');
    const x1 = attribute(attrs, 'xMax');
    const y0 = attribute(attrs, 'yMin');
    const y1 = attribute(attrs, 'yMax');
    const text = decodeEntities(match[3] ?? '');
    if (text === '' || ![x0, x1, y0, y1].every(Number.isFinite)) continue;
    current.fragments.push({ text, x0, x1, y: (y0 + y1) / 2, size: Math.max(0.1, y1 - y0) });
  }
  return pages;
}

/** Runs pdftotext on the PDF bytes and returns its words, page by page. */
export async function readWithPdftotext(
  input: Uint8Array,
  options: PdftotextOptions,
): Promise<PageText[]> {
  const dir = await mkdtemp(join(tmpdir(), 'pillars-pdf-'));
  try {
    const file = join(dir, 'input.pdf');
    await writeFile(file, input, { mode: 0o600 });
    const xhtml = await run(
      options.command ?? 'pdftotext',
      ['-bbox-layout', '-enc', 'UTF-8', file, '-'],
      options,
    );
    return parseBboxLayout(xhtml);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
