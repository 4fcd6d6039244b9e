/**
 * One end-to-end session: the built web app served by the real server over a freshly seeded
 * SQLite store, and a headless Chromium page that records everything it complains about (console
 * errors and warnings, uncaught exceptions, failed requests, HTTP errors), which must stay empty.
 *
 * Builds nothing: `npm run build` (or `npm run build:web`) must have produced dist/web first.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { seedSampleDocuments } from '../../src/documents/seed-sample-documents.js';
import { scanEvidence } from '../../src/evidence/evidence-service.js';
import { seedGlossary } from '../../src/glossary/seed-glossary.js';
import { annotateStale } from '../../src/glossary/term-annotations.js';
import { loadReferenceData } from '../../src/reference/load-reference-data.js';
import { seedReferenceData } from '../../src/reference/seed-reference-data.js';
import { buildApp } from '../../src/server/app.js';
import { openStore } from '../../src/store/open-store.js';
import { CHROMIUM_ARGS } from './chromium-pdf.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const WEB_ROOT = join(REPO, 'dist', 'web');
export const SHOTS = join(REPO, 'docs', 'screenshots');
const CHROMIUM = process.env.PILLARS_CHROMIUM ?? '/usr/bin/chromium';

export interface E2eSession {
  readonly base: string;
  readonly page: Page;
  readonly context: BrowserContext;
  readonly problems: string[];
  /** Saves docs/screenshots/<name> once fonts and layout have settled. */
  shoot(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function startE2eSession(
  options: { sampleDocuments?: boolean; clipboard?: boolean } = {},
): Promise<E2eSession> {
  if (!existsSync(join(WEB_ROOT, 'index.html'))) {
    throw new Error(
      'dist/web/index.html is missing: build the web app first with `npm run build:web` (or `npm run build`).',
    );
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install it (scripts/install-test-deps.sh) or set PILLARS_CHROMIUM.`,
    );
  }
  mkdirSync(SHOTS, { recursive: true });
  const tempDir = mkdtempSync(join(tmpdir(), 'pillars-e2e-'));
  const store = await openStore({ kind: 'sqlite', file: join(tempDir, 'pillars.db') });
  await seedReferenceData(store, loadReferenceData());
  if (options.sampleDocuments) {
    const failed = (await seedSampleDocuments(store)).filter((result) => result.status !== 'ok');
    if (failed.length > 0)
      throw new Error(
        `sample documents failed: ${failed.map((f) => `${f.file}: ${f.reason ?? ''}`).join('; ')}`,
      );
  }
  // As `pillars serve` does: the documents' Action Plan evidence is suggested at start.
  await scanEvidence(store.db);
  await seedGlossary(store.db);
  await annotateStale(store.db);
  const app = await buildApp({ store, webRoot: WEB_ROOT });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
  });
  // The citation button writes to the clipboard; reading it back proves what was copied.
  if (options.clipboard)
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`console.${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('requestfailed', (request) => {
    // The app aborts fetches it no longer needs (a newer search, leaving a page): not a failure.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(
      `request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`,
    );
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return {
    base,
    page,
    context,
    problems,
    async shoot(name) {
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await page.screenshot({ path: join(SHOTS, name) });
    },
    async close() {
      await context.close();
      await browser.close();
      await app.close();
      await store.close();
      rmSync(tempDir, { recursive: true, force: true });
    },
  };
}
