/**
 * End-to-end: the built web shell against the real server and a freshly seeded SQLite store, in
 * headless Chromium. One reader's journey — dashboard, switch to Arabic, find France, read the
 * Action Plan — with no console errors on the way. Saves the screenshots in docs/screenshots.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eSession, type E2eSession } from '../support/e2e-session.js';
import type { Overview } from '../../src/contract/api-schemas.js';

let session: E2eSession;
let page: Page;
let base: string;
let problems: string[];
let overview: Overview;
const shoot = (name: string) => session.shoot(name);

describe('web shell (Chromium)', () => {
  beforeAll(async () => {
    session = await startE2eSession();
    ({ page, base, problems } = session);
    overview = (await (await fetch(`${base}/api/v1/overview`)).json()) as Overview;
  }, 30_000);

  afterAll(() => session?.close());

  it('shows the dashboard: cycle timeline, next meeting and counts', async () => {
    await page.goto(`${base}/`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('The review cycle at a glance');
    expect(
      await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]),
    ).toEqual(['en', 'ltr']);

    // The timeline lists the current cycle's meetings, in order, with their phase.
    expect(overview.cycleMeetings.length).toBeGreaterThan(0);
    const items = page.locator('ol.timeline > li');
    await expect.poll(() => items.count()).toBe(overview.cycleMeetings.length);
    expect(
      await page
        .getByRole('heading', { name: `Cycle of the ${overview.currentCycle} Review Conference` })
        .count(),
    ).toBe(1);
    const rc = overview.cycleMeetings.find((m) => m.kind === 'review-conference');
    if (rc) expect(await items.last().textContent()).toContain(`${rc.cycle} Review Conference`);

    // The next meeting, or the statement that none is scheduled.
    const next = page.locator('section[aria-labelledby="next-title"]');
    expect(await next.getByRole('heading', { name: 'Next meeting' }).count()).toBe(1);
    if (overview.nextMeeting === null) {
      expect(await next.textContent()).toContain('No upcoming meeting is on record.');
    } else {
      expect(await next.textContent()).toContain(overview.nextMeeting.city);
    }

    // Counts, as the API gives them, each linking to its area.
    const tiles = page.locator('ul.tiles a');
    expect(await tiles.count()).toBe(5);
    const tileText = (await tiles.allTextContents()).join(' | ');
    for (const n of [
      overview.counts.states,
      overview.counts.nptParties,
      overview.counts.actions,
      overview.counts.instruments,
    ]) {
      expect(tileText).toContain(String(n));
    }
    await expect.poll(() => page.locator('ul.pillars > li').count()).toBe(4);
    await shoot('dashboard-en.png');
  });

  it('switches to Arabic: right-to-left, Arabic text, mirrored layout', async () => {
    await page.getByLabel('Language').selectOption('ar');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    expect(await page.locator('h1').textContent()).toBe('دورة الاستعراض في لمحة');
    expect(await page.getByRole('navigation').getByRole('link', { name: 'الدول' }).count()).toBe(1);
    expect(await page.evaluate(() => localStorage.getItem('pillars.lang'))).toBe('ar');

    // Mirrored: the brand sits at the right, the language menu at the left.
    const brand = await page.locator('.brand').boundingBox();
    const menu = await page.locator('#ui-language').boundingBox();
    expect(brand && menu && brand.x > menu.x).toBe(true);
    await shoot('dashboard-ar.png');
  });

  it('finds France in the States list and opens its page', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'الدول' }).click();
    await page.waitForURL(`${base}/states`);
    await page.getByLabel('البحث بالاسم بأي من اللغات الست').fill('France');
    const link = page.getByRole('link', { name: 'فرنسا', exact: true });
    await link.click();
    await page.waitForURL(`${base}/states/FRA`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('فرنسا');

    // Names in all six languages, each cell marked with its language and direction.
    expect(await page.locator('td[lang="fr"]', { hasText: 'République française' }).count()).toBe(
      1,
    );
    expect(await page.locator('td[lang="en"]', { hasText: 'French Republic' }).count()).toBe(1);
    expect(
      await page.locator('td[lang="ar"][dir="rtl"]', { hasText: 'الجمهورية الفرنسية' }).count(),
    ).toBe(1);
    expect(await page.locator('td[lang="zh"]', { hasText: '法兰西共和国' }).count()).toBe(1);

    // The back button returns to the filtered list; forward comes back to France.
    await page.goBack();
    await page.waitForURL(`${base}/states?q=France`);
    expect(await page.getByLabel('البحث بالاسم بأي من اللغات الست').inputValue()).toBe('France');
    await page.goForward();
    await page.waitForURL(`${base}/states/FRA`);

    // Back to English for the screenshot; the choice applies without a reload.
    await page.getByLabel('اللغة').selectOption('en');
    await expect.poll(() => page.locator('h1').textContent()).toBe('France');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    expect(await page.locator('.record-subtitle').textContent()).toBe('The French Republic');
    await shoot('state-page.png');
  });

  it('lists the 65 entries of the 2010 Action Plan, marked as our summaries', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Action Plan' }).click();
    await page.waitForURL(`${base}/actions`);
    await expect.poll(() => page.locator('li.action-entry').count()).toBe(65);
    expect(await page.getByText('Summary written by Pillars, not the official text').count()).toBe(
      1,
    );
    expect(await page.locator('h2').allTextContents()).toEqual([
      'Nuclear disarmament',
      'Nuclear non-proliferation',
      'Peaceful uses of nuclear energy',
      'The Middle East',
    ]);
    expect(await page.getByRole('link', { name: 'Action 64', exact: true }).count()).toBe(1);
    await shoot('actions.png');
  });

  it('saw no console errors, uncaught exceptions or failed requests', () => {
    expect(problems).toEqual([]);
  });
});
