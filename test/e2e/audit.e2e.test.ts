/**
 * End-to-end: the audit log in the built web app against the real server and a freshly seeded
 * SQLite store, in headless Chromium. The public and a delegate are told the log is for
 * administrators; an administrator reads it (newest first, filtered by action) and verifies its
 * hash chain. Saves docs/screenshots/audit.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eSession, type E2eAccount, type E2eSession } from '../support/e2e-session.js';

let session: E2eSession;
let page: Page;
let base: string;
let problems: string[];
let admin: E2eAccount;
let delegate: E2eAccount;

describe('audit log (Chromium)', () => {
  beforeAll(async () => {
    session = await startE2eSession();
    ({ page, base, problems } = session);
    admin = await session.addAccount('it-admin', 'admin', { displayName: 'Ada Admin' });
    delegate = await session.addAccount('ie-delegate', 'delegate', { state: 'IRL' });
  }, 60_000);

  afterAll(() => session?.close());

  it('tells the public and a delegate that the log is for administrators', async () => {
    await page.goto(`${base}/admin/audit`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Audit log');
    const note = page.locator('.sign-in-note');
    await expect.poll(() => note.textContent()).toContain('The audit log is for administrators.');
    expect(await note.getByRole('link', { name: 'Log in' }).getAttribute('href')).toBe(
      '/login?next=%2Fadmin%2Faudit',
    );
    expect(await page.locator('table').count()).toBe(0);

    await session.logIn(delegate);
    await page.reload();
    await expect
      .poll(() => note.textContent())
      .toContain('You are signed in as ie-delegate (Delegate).');
    expect(await page.locator('table').count()).toBe(0);
  });

  it('shows an administrator the log, filtered, and verifies its chain', async () => {
    await session.logIn(admin);
    await page.goto(`${base}/`);
    const banner = page.getByRole('banner');
    await banner.getByRole('link', { name: 'Audit log' }).click();
    await page.waitForURL(`${base}/admin/audit`);
    const rows = page.locator('table.audit-table tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(4);
    // Newest first: the administrator's login, after the accounts were added.
    const actions = await page.locator('table.audit-table tbody td:nth-child(4)').allTextContents();
    expect(actions[0]).toBe('login');
    expect(actions).toContain('user.add');
    const seqs = (
      await page.locator('table.audit-table tbody td:nth-child(1)').allTextContents()
    ).map(Number);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));

    // Filtered by action, in the address.
    await page.getByLabel('Action').fill('user.add');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(`${base}/admin/audit?action=user.add`);
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.first().textContent()).toContain('user:ie-delegate');

    // The chain holds; the check is itself recorded.
    await page.getByRole('button', { name: 'Verify the chain' }).click();
    const verdict = page.locator('.audit-verdict');
    await expect
      .poll(() => verdict.textContent())
      .toMatch(/^The chain is intact: \d+ entries, the newest is #\d+ \([0-9a-f]{12}…\)\.$/u);
    await page.getByRole('link', { name: 'Clear the filters' }).click();
    await page.waitForURL(`${base}/admin/audit`);
    await expect
      .poll(() => page.locator('table.audit-table tbody td:nth-child(4)').first().textContent())
      .toBe('audit.verify');
    await page.evaluate(() => window.scrollTo(0, 0));
    await session.shoot('audit.png');
  });

  it('saw no console errors, uncaught exceptions or failed requests', () => {
    expect(problems).toEqual([]);
  });
});
