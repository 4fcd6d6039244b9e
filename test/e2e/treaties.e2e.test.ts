/**
 * End-to-end: the treaty-participation views of the built web app against the real server and a
 * freshly seeded SQLite store (reference data and the curated events), in headless Chromium. One
 * reader's journey — the CTBT on 1 January 2014 (not in force, eight Annex 2 States missing), the
 * same on 1 January 2024, the table of States, a State's treaties, the P5 × nuclear-weapon-free-
 * zone protocols matrix in English and Arabic — with no console errors on the way. Saves the
 * screenshots in docs/screenshots.
 *
 * Expected figures come from the API, not from this file: the events are still being curated, so
 * the test checks that the page says what the server computes, plus the few facts that cannot
 * change (the eight States missing in 2014, at least as many after).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eSession, type E2eSession } from '../support/e2e-session.js';
import type { InstrumentStatusBody } from '../../src/contract/api-schemas.js';

const P5 = ['China', 'France', 'United Kingdom', 'Russian Federation', 'United States of America'];

let session: E2eSession;
let page: Page;
let base: string;
let problems: string[];
const shoot = (name: string) => session.shoot(name);

async function ctbtStatus(asOf: string): Promise<InstrumentStatusBody> {
  const response = await fetch(`${base}/api/v1/instruments/CTBT/status?asOf=${asOf}`);
  expect(response.status).toBe(200);
  return (await response.json()) as InstrumentStatusBody;
}

const headline = () => page.locator('.eif-headline');
const missing = () => page.locator('ul.eif-missing > li');
const partyRows = () => page.locator('table.parties-table > tbody > tr');

describe('treaty participation (Chromium)', () => {
  beforeAll(async () => {
    session = await startE2eSession();
    ({ page, base, problems } = session);
  }, 30_000);

  afterAll(() => session?.close());

  it('shows the CTBT not in force on 1 January 2014, eight Annex 2 States missing', async () => {
    await page.goto(`${base}/instruments/CTBT?asOf=2014-01-01`);
    await expect.poll(() => headline().textContent()).toBe('Not in force on 1 January 2014');
    expect(await page.getByLabel('Status as of').inputValue()).toBe('2014-01-01');
    expect(
      await page.getByRole('heading', { name: 'Participation on 1 January 2014' }).count(),
    ).toBe(1);

    expect(await page.getByText('Annex 2 States yet to ratify (8)').count()).toBe(1);
    expect(await missing().count()).toBe(8);
    const names = await missing().allTextContents();
    expect(names).toContain('China');
    expect(names).toContain('United States of America');
    // Each links to the State's page.
    expect(
      await missing().getByRole('link', { name: 'China', exact: true }).getAttribute('href'),
    ).toBe('/states/CHN');
  });

  it('updates the panel and the address when the date changes to 1 January 2024', async () => {
    const expected = await ctbtStatus('2024-01-01');
    const count = expected.entryIntoForce?.missing.length ?? 0;
    expect(count).toBeGreaterThanOrEqual(8);

    await page.getByLabel('Status as of').fill('2024-01-01');
    await page.waitForURL(`${base}/instruments/CTBT?asOf=2024-01-01`);
    await expect.poll(() => headline().textContent()).toBe('Not in force on 1 January 2024');
    await expect.poll(() => missing().count()).toBe(count);
    expect(await page.getByText(`Annex 2 States yet to ratify (${count})`).count()).toBe(1);
    expect(await missing().allTextContents()).toEqual(
      expect.arrayContaining(['China', 'United States of America']),
    );
    expect(
      await page.getByRole('heading', { name: 'Participation on 1 January 2024' }).count(),
    ).toBe(1);
    // The map follows the day.
    expect(await page.locator('figure.chart img').first().getAttribute('src')).toContain(
      'asOf=2024-01-01',
    );
  });

  it('lists the States with status badges, a legend, and sources on demand', async () => {
    const expected = await ctbtStatus('2024-01-01');
    await expect.poll(() => partyRows().count()).toBe(expected.states.length);
    expect(expected.states.length).toBeGreaterThan(100);
    // Every row has its badge; the legend names all seven statuses with the API's counts.
    expect(await partyRows().locator('.standing-badge').count()).toBe(expected.states.length);
    const legend = page.locator('ul.standing-legend > li');
    expect(await legend.count()).toBe(7);
    expect(await legend.filter({ hasText: 'Ratified — not yet in force' }).textContent()).toContain(
      String(expected.counts.consented),
    );
    const china = partyRows().filter({ has: page.getByRole('link', { name: 'China' }) });
    expect(await china.locator('.standing-badge').textContent()).toBe('Signed');

    // Sources stay folded until asked for, and are marked as English.
    const sources = china.locator('details.sources');
    expect(await sources.locator('ul').first().isVisible()).toBe(false);
    await sources.locator('summary').click();
    expect(await sources.locator('ul').first().isVisible()).toBe(true);
    expect(await sources.locator('ul').first().getAttribute('lang')).toBe('en');

    // The status filter narrows the table and lives in the address.
    const signed = expected.states.filter((s) => s.status === 'signed').length;
    await page.getByLabel('Status', { exact: true }).selectOption('signed');
    await page.waitForURL(/standing=signed/);
    await expect.poll(() => partyRows().count()).toBe(signed);
    await page.getByLabel('Status', { exact: true }).selectOption('');
    await expect.poll(() => partyRows().count()).toBe(expected.states.length);

    // The map and the timeline load (they are lazy, so bring them into view first).
    const images = page.locator('figure.chart img');
    expect(await images.count()).toBe(2);
    for (const image of await images.all()) {
      await image.scrollIntoViewIfNeeded();
      await expect
        .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
        .toBeGreaterThan(0);
      expect(await image.getAttribute('alt')).toMatch(/^(World map|Chart) .*CTBT/);
    }

    // The screenshot starts at the participation section: date, entry into force, legend, map.
    await page.evaluate(() => document.getElementById('participation-title')?.scrollIntoView());
    await shoot('treaty-ctbt.png');
  });

  it('shows a State’s treaties on its page', async () => {
    await page.goto(`${base}/states/PRK?asOf=2024-01-01`);
    const section = page.locator('section[aria-labelledby="treaties-title"]');
    const npt = section
      .locator('tbody tr')
      .filter({ has: page.getByRole('link', { name: 'NPT' }) });
    await expect.poll(() => npt.count()).toBe(1);
    expect(await npt.locator('.standing-badge').textContent()).toBe('Withdrawn');
    expect(await npt.textContent()).toContain('Notice: 10 January 2003');
  });

  it('opens the P5 × protocols matrix from the instruments list: five State columns', async () => {
    await page.goto(`${base}/instruments`);
    await page
      .getByRole('link', {
        name: 'The nuclear-weapon States and the protocols to the nuclear-weapon-free-zone treaties',
      })
      .click();
    await expect
      .poll(() => page.locator('h1').textContent())
      .toBe('Protocols to the nuclear-weapon-free-zone treaties');
    await page.waitForURL(`${base}/treaties/nwfz-protocols`);
    const matrix = (await (await fetch(`${base}/api/v1/nwfz-protocols`)).json()) as {
      states: string[];
      protocols: unknown[];
    };
    expect(matrix.states).toEqual(['CHN', 'FRA', 'GBR', 'RUS', 'USA']);

    const columns = page.locator('table.matrix-table thead th');
    await expect.poll(() => columns.count()).toBe(6);
    const stateColumns = (await columns.allTextContents()).slice(1);
    expect(stateColumns).toHaveLength(5);
    P5.forEach((name, i) => expect(stateColumns[i]).toContain(name));
    expect(await page.locator('table.matrix-table tbody tr').count()).toBe(matrix.protocols.length);

    // Sources and notes on keyboard focus, as the trigger's description; Escape dismisses them.
    const trigger = page.locator('.tip-trigger').first();
    await trigger.focus();
    const tooltip = page.getByRole('tooltip');
    await expect.poll(() => tooltip.count()).toBe(1);
    expect(await tooltip.getAttribute('id')).toBe(await trigger.getAttribute('aria-describedby'));
    expect(await trigger.getAttribute('aria-label')).toMatch(/^Sources and notes: .+, .+$/);
    await page.keyboard.press('Escape');
    await expect.poll(() => tooltip.count()).toBe(0);
    await trigger.blur();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot('treaty-nwfz-matrix.png');
  });

  it('reads the matrix in Arabic, right to left', async () => {
    await page.getByLabel('Language').selectOption('ar');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    const columns = page.locator('table.matrix-table thead th');
    await expect.poll(() => columns.nth(1).textContent()).toBe('الصين');
    expect(await page.getByLabel('الوضع في تاريخ').count()).toBe(1);
    await page.getByLabel('اللغة').selectOption('en');
  });

  it('saw no console errors, uncaught exceptions or failed requests', () => {
    expect(problems).toEqual([]);
  });
});
