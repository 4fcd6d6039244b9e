/**
 * End-to-end: a researcher searches the sample documents in Chromium — a query across languages,
 * a facet click that narrows it, a malformed query pointed at, and a result opened on its
 * highlighted paragraph. Real server, real SQLite store, no console errors. Screenshots in
 * docs/screenshots.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eSession, type E2eSession } from '../support/e2e-session.js';

let session: E2eSession;
let page: Page;
let base: string;
let problems: string[];

describe('search (Chromium)', () => {
  beforeAll(async () => {
    session = await startE2eSession({ sampleDocuments: true });
    ({ page, base, problems } = session);
  }, 30_000);

  afterAll(() => session?.close());

  it('searches across languages, narrows with a facet and opens the highlighted paragraph', async () => {
    await page.goto(`${base}/search`);
    await page.getByTestId('search-input').fill('family reunification');
    await page.getByTestId('search-across').check();
    await page.getByTestId('search-submit').click();
    await expect.poll(() => page.getByTestId('search-group').count()).toBe(6);
    expect(await page.getByTestId('search-expansions').textContent()).toMatch(/aligned/i);
    // Matches are marked in the English snippets.
    const marks = await page.locator('[data-testid="search-hit"] mark').allTextContents();
    expect(marks.map((m) => m.toLowerCase())).toContain('reunification');
    await session.shoot('search-across.png');

    // The French facet narrows the search to French: the filter is written into the query.
    await page.getByTestId('search-input').fill('regroupement familial');
    await page.getByTestId('search-across').uncheck();
    await page.getByTestId('search-submit').click();
    await page.getByTestId('facet-lang-fr').click();
    await expect.poll(() => page.getByTestId('search-input').inputValue()).toMatch(/lang:fr/);
    await expect.poll(() => page.getByTestId('search-group').count()).toBe(1);
    const group = page.getByTestId('search-group').first();
    expect(await group.getAttribute('lang')).toBe('fr');
    await session.shoot('search-facet.png');

    // Opening a hit lands on its paragraph, highlighted.
    const link = group.getByTestId('search-hit-link').first();
    const href = (await link.getAttribute('href'))!;
    const eId = decodeURIComponent(href.split('#')[1]!);
    await link.click();
    await page.waitForURL((url) => url.pathname.endsWith('/fr') && url.hash === `#${eId}`);
    const target = page.locator('.seg.is-target');
    await expect.poll(() => target.count()).toBe(1);
    expect(await target.getAttribute('id')).toBe(eId);
    expect((await target.textContent())?.toLowerCase()).toContain('regroupement familial');
    await session.shoot('search-landed.png');
  });

  it('a Chinese query finds the P5 statement; a malformed query is pointed at', async () => {
    await page.goto(`${base}/search?q=${encodeURIComponent('附加议定书')}`);
    await expect.poll(() => page.getByTestId('search-hit').count()).toBe(2);
    expect(await page.locator('[data-testid="search-hit"] mark').first().textContent()).toBe(
      '附加议定书',
    );
    await page.getByTestId('search-input').fill('nuclear (weapons');
    await page.getByTestId('search-submit').click();
    await expect.poll(() => page.getByTestId('search-error').count()).toBe(1);
    expect(await page.getByTestId('search-error').textContent()).toMatch(/never closed/);
    expect(await page.getByTestId('search-error-mark').textContent()).toBe('(');
    await session.shoot('search-error.png');
    // The one 400 is the malformed query's answer, which the page shows; nothing else failed.
    const expected = (p: string) =>
      p.includes('q=nuclear+%28weapons') || p.includes('status of 400 (Bad Request)');
    expect(problems.filter((p) => !expected(p))).toEqual([]);
    expect(problems.filter(expected)).toHaveLength(2);
  });
});
