/**
 * @module Print a standalone HTML document to PDF with the system Chromium's own
 * `--print-to-pdf` mode: no browser automation library at run time, one short-lived process per
 * document, bounded by a timeout, temp files always removed. Page size, margins and page numbers
 * come from the document's `@page` CSS, so Chromium's default header and footer are switched off.
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:fs';
import { access, copyFile, mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

export interface PrintPdfOptions {
  /** The Chromium binary; default `PILLARS_CHROMIUM`, then `/usr/bin/chromium`. */
  readonly chromium?: string;
  /** Default 60 s. */
  readonly timeoutMs?: number;
}

/** A headless Chromium that never reaches the network on its own and leaves no state behind. */
function chromiumArgs(profileDir: string, pdfFile: string, htmlFile: string): string[] {
  return [
    '--headless',
    // Chromium refuses to start as root with its sandbox on (containers, CI).
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
    `--user-data-dir=${profileDir}`,
    // The default header and footer print the temp file's URL; our @page margin boxes number pages.
    '--no-pdf-header-footer',
    `--print-to-pdf=${pdfFile}`,
    pathToFileURL(htmlFile).href,
  ];
}

/** Chromium's stderr is mostly harmless DBus noise; keep the lines that could explain a failure. */
function usefulStderr(stderr: string): string {
  return stderr
    .split('\n')
    .filter((line) => line.trim() && !/dbus|Failed to connect to the bus/i.test(line))
    .slice(-8)
    .join('\n');
}

async function isPdf(file: string): Promise<boolean> {
  const handle = await open(file, 'r').catch(() => undefined);
  if (!handle) return false;
  try {
    const head = Buffer.alloc(5);
    const { bytesRead } = await handle.read(head, 0, 5, 0);
    return bytesRead === 5 && head.toString('latin1') === '%PDF-';
  } finally {
    await handle.close();
  }
}

function runChromium(binary: string, args: readonly string[], timeoutMs: number): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    // Its own process group, so a timeout can end the renderer and zygote children too.
    const child = spawn(binary, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-16_000);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          child.kill('SIGKILL');
        }
      }
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(
        new Error(`Could not start Chromium at ${binary}: ${error.message}`, { cause: error }),
      );
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) {
        reject(new Error(`Chromium (${binary}) did not finish printing within ${timeoutMs} ms`));
      } else if (code !== 0) {
        const detail = usefulStderr(stderr);
        reject(
          new Error(
            `Chromium (${binary}) failed to print to PDF: exit ${code ?? `signal ${signal ?? '?'}`}${detail ? `\n${detail}` : ''}`,
          ),
        );
      } else {
        resolvePromise();
      }
    });
  });
}

/** Prints `html` to `outFile` (A4 and margins from the document's CSS); rejects with a clear error. */
export async function printPdf(
  html: string,
  outFile: string,
  options: PrintPdfOptions = {},
): Promise<void> {
  const binary = options.chromium ?? process.env.PILLARS_CHROMIUM ?? DEFAULT_CHROMIUM;
  const timeoutMs = options.timeoutMs ?? 60_000;
  try {
    await access(binary, constants.X_OK);
  } catch {
    throw new Error(
      `Chromium not found or not executable at ${binary} (install the Debian "chromium" package or set PILLARS_CHROMIUM)`,
    );
  }
  const workDir = await mkdtemp(join(tmpdir(), 'pillars-pdf-'));
  try {
    const htmlFile = join(workDir, 'report.html');
    const pdfFile = join(workDir, 'report.pdf');
    await writeFile(htmlFile, html, 'utf8');
    await runChromium(binary, chromiumArgs(join(workDir, 'profile'), pdfFile, htmlFile), timeoutMs);
    // Chromium can exit 0 without writing a file (e.g. an unreadable page): check before copying.
    if (!(await isPdf(pdfFile))) {
      throw new Error(`Chromium (${binary}) exited without writing a PDF`);
    }
    // Printed in the temp directory first, so a failed run never leaves a half-written outFile.
    await copyFile(pdfFile, resolve(outFile));
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
