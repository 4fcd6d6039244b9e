/**
 * One end-to-end session: the built web app served by the real server over a freshly seeded
 * SQLite store, and a headless Chromium page that records everything it complains about (console
 * errors and warnings, uncaught exceptions, failed requests, HTTP errors), which must stay empty.
 * A test that provokes an error on purpose (a stale edit's 409, say) names it with `expect`, and
 * only that answer is not recorded. Accounts are added to the session's store as `pillars user
 * add` adds them, and a page logs in through the real API (or the test drives the login page).
 *
 * Builds nothing: `npm run build` (or `npm run build:web`) must have produced dist/web first.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { createApiToken } from '../../src/auth/api-tokens.js';
import { addUser } from '../../src/auth/users.js';
import { TOKEN_SCOPES, type Role, type User } from '../../src/domain/accounts.js';
import { seedSampleDocuments } from '../../src/documents/seed-sample-documents.js';
import { scanEvidence } from '../../src/evidence/evidence-service.js';
import { seedGlossary } from '../../src/glossary/seed-glossary.js';
import { annotateStale } from '../../src/glossary/term-annotations.js';
import { loadReferenceData } from '../../src/reference/load-reference-data.js';
import { seedReferenceData } from '../../src/reference/seed-reference-data.js';
import { seedTemplates } from '../../src/reporting/report-templates.js';
import { buildApp } from '../../src/server/app.js';
import { openStore } from '../../src/store/open-store.js';
import { CHROMIUM_ARGS } from './chromium-pdf.js';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const WEB_ROOT = join(REPO, 'dist', 'web');
export const SHOTS = join(REPO, 'docs', 'screenshots');
const CHROMIUM = process.env.PILLARS_CHROMIUM ?? '/usr/bin/chromium';

export interface E2eAccount {
  readonly username: string;
  /** The one-time password `addUser` answers with. */
  readonly password: string;
  readonly role: Role;
  readonly user: User;
}

export interface E2eSession {
  readonly base: string;
  readonly page: Page;
  readonly context: BrowserContext;
  readonly problems: string[];
  /** Saves docs/screenshots/<name> once fonts and layout have settled (of `on`, or the page). */
  shoot(name: string, on?: Page): Promise<void>;
  /** Adds an account to the session's store; a delegate needs the State they speak for. */
  addAccount(
    username: string,
    role: Role,
    options?: { readonly state?: string; readonly displayName?: string },
  ): Promise<E2eAccount>;
  /** `authorization: Bearer …` of a new API token of the account (every scope), for `fetch`. */
  tokenHeaders(account: E2eAccount): Promise<Record<string, string>>;
  /**
   * Logs the page's browser context in through `POST /api/v1/session` (its cookie jar keeps the
   * session cookie); the app reads the session when it next loads a page.
   */
  logIn(account: E2eAccount, on?: Page): Promise<void>;
  /** Another browser (its own cookies), recorded like the first. Closed with the session. */
  newPage(): Promise<{ readonly context: BrowserContext; readonly page: Page }>;
  /**
   * An HTTP error the test asks for on purpose: answers with this status from a URL matching
   * `url` (and the console line Chromium writes for them) are not recorded as problems.
   */
  expect(status: number, url: RegExp): void;
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
  // The national reporting framework's templates, as `pillars serve` seeds them.
  await seedTemplates(store.db);
  const app = await buildApp({ store, webRoot: WEB_ROOT });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
  const problems: string[] = [];
  const expected: { readonly status: number; readonly url: RegExp }[] = [];
  const isExpected = (status: number, url: string) =>
    expected.some((e) => e.status === status && e.url.test(url));
  // Chromium logs every HTTP error as "Failed to load resource: … status of 409 (Conflict)".
  const expectedConsole = (message: ConsoleMessage) => {
    const status = /status of (\d{3})/u.exec(message.text())?.[1];
    return status !== undefined && isExpected(Number(status), message.location().url);
  };
  const record = (page: Page) => {
    page.setDefaultTimeout(10_000);
    page.on('console', (message) => {
      if (message.type() !== 'error' && message.type() !== 'warning') return;
      if (expectedConsole(message)) return;
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
      if (response.status() >= 400 && !isExpected(response.status(), response.url()))
        problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
  };
  const newContext = async () => {
    const created = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'en-GB',
    });
    // The citation button writes to the clipboard; reading it back proves what was copied.
    if (options.clipboard)
      await created.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    return created;
  };
  const context = await newContext();
  const page = await context.newPage();
  record(page);
  const others: BrowserContext[] = [];
  return {
    base,
    page,
    context,
    problems,
    async shoot(name, on = page) {
      await on.evaluate(() => document.fonts.ready.then(() => undefined));
      await on.screenshot({ path: join(SHOTS, name) });
    },
    async addAccount(username, role, accountOptions = {}) {
      const { user, password } = await addUser(
        store.db,
        { username, role, state: accountOptions.state, displayName: accountOptions.displayName },
        'e2e-setup',
      );
      return { username, password, role, user };
    },
    async tokenHeaders(account) {
      const { token } = await createApiToken(
        store.db,
        account.user,
        { name: 'e2e', scopes: [...TOKEN_SCOPES] },
        'e2e-setup',
      );
      return { authorization: `Bearer ${token}` };
    },
    async logIn(account, on = page) {
      // Logging in again over a session is a write made with its cookie: it carries its token.
      const current = await on.request.get(`${base}/api/v1/session`);
      const { csrfToken } = (await current.json()) as { csrfToken: string | null };
      const response = await on.request.post(`${base}/api/v1/session`, {
        data: { username: account.username, password: account.password },
        headers: csrfToken === null ? {} : { 'x-csrf-token': csrfToken },
      });
      if (response.status() !== 200)
        throw new Error(`login of ${account.username} failed: ${await response.text()}`);
    },
    async newPage() {
      const created = await newContext();
      others.push(created);
      const other = await created.newPage();
      record(other);
      return { context: created, page: other };
    },
    expect(status, url) {
      expected.push({ status, url });
    },
    async close() {
      for (const other of others) await other.close();
      await context.close();
      await browser.close();
      await app.close();
      await store.close();
      rmSync(tempDir, { recursive: true, force: true });
    },
  };
}
