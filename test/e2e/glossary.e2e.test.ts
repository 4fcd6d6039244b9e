/**
 * End-to-end: the glossary in the built web app against the real server and a freshly seeded
 * SQLite store (reference data, the bundled sample documents and the bundled glossary), in
 * headless Chromium. Two journeys: a reader searches the glossary for 禁产, opens the concept and
 * sees it in the six languages; a reader opens the 2013 P5 joint statement in Chinese, sees its
 * glossary terms highlighted, reads one's card (by pointer and by keyboard) and turns the
 * highlighting off. Saves docs/screenshots/glossary.png, concept.png and document-terms.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledGlossary } from '../../src/glossary/bundled-glossary.js';
import { writeTbx } from '../../src/glossary/formats/tbx-write.js';
import { startE2eSession, type E2eSession } from '../support/e2e-session.js';

const FMCT = 'fmct';
const LANGUAGE_NAMES = ['Arabic', 'Chinese', 'English', 'French', 'Russian', 'Spanish'];

let session: E2eSession;
let page: Page;
let base: string;
let problems: string[];

async function api<T>(path: string): Promise<T> {
  const response = await fetch(`${base}/api/v1${path}`);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

/**
 * `pillars serve` seeds the bundled glossary at start; the e2e session opens the store itself, so
 * the same concepts are brought in here through the API's TBX import when they are missing.
 */
async function ensureGlossary(): Promise<void> {
  const { total } = await api<{ total: number }>('/glossary/concepts?limit=1');
  if (total > 0) return;
  // Importing is the secretariat's: the import is signed with its account.
  const secretariat = await session.addAccount('glossary-secretariat', 'secretariat');
  const response = await fetch(`${base}/api/v1/glossary/import`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(await session.tokenHeaders(secretariat)),
    },
    body: JSON.stringify({
      format: 'tbx',
      content: writeTbx(loadBundledGlossary()),
      comment: 'bundled starter glossary',
    }),
  });
  const text = await response.text();
  expect(response.status, text.slice(0, 500)).toBe(200);
}

describe('Glossary (Chromium)', () => {
  beforeAll(async () => {
    session = await startE2eSession({ sampleDocuments: true });
    ({ page, base, problems } = session);
    await ensureGlossary();
  }, 120_000);

  afterAll(() => session?.close());

  it('finds 禁产 in the glossary and shows the concept in the six languages', async () => {
    await page.goto(`${base}/`);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Glossary' }).click();
    await page.waitForURL(`${base}/glossary`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Glossary');
    expect(await nav.getByRole('link', { name: 'Glossary' }).getAttribute('aria-current')).toBe(
      'page',
    );

    // Browsing: the A–Z of the UI language, a letter narrowing the list in collation order.
    const letters = page.getByRole('navigation', { name: 'Initial letters (English)' });
    await expect.poll(() => letters.getByRole('link').count()).toBeGreaterThan(10);
    await letters.getByRole('link', { name: 'F', exact: true }).click();
    await page.waitForURL(`${base}/glossary?letter=F`);
    const headwords = page.locator('.glossary-entry .glossary-headword');
    await expect
      .poll(async () => (await headwords.allTextContents()).every((w) => /^f/iu.test(w)))
      .toBe(true);
    const words = await headwords.allTextContents();
    expect(words.length).toBeGreaterThan(0);
    expect(words).toEqual([...words].sort((a, b) => a.localeCompare(b, 'en')));
    expect(await page.getByRole('link', { name: 'SKOS (Turtle)' }).getAttribute('href')).toBe(
      '/api/v1/glossary/skos.ttl',
    );
    const tbx = await fetch(`${base}/api/v1/glossary/export.tbx`);
    expect(tbx.status).toBe(200);
    expect(await tbx.text()).toContain('<tbx');

    // The A–Z in Chinese, with a domain: both in the address, the back button undoing them.
    await page.getByLabel('A–Z in').selectOption('zh');
    await page.waitForURL(`${base}/glossary?az=zh`);
    await page.getByLabel('Domain').selectOption('safeguards');
    await page.waitForURL(`${base}/glossary?domain=safeguards&az=zh`);
    const zhLetters = page.getByRole('navigation', { name: 'Initial letters (中文)' });
    // Chinese terms are filed under their pinyin initials.
    await expect
      .poll(async () => (await zhLetters.getByRole('link').allTextContents()).includes('H'))
      .toBe(true);
    await expect
      .poll(() => page.locator('.glossary-entry .glossary-domain').first().textContent())
      .toBe('Safeguards');
    expect(await headwords.first().locator('span').getAttribute('lang')).toBe('zh');
    await page.goBack();
    await page.waitForURL(`${base}/glossary?az=zh`);
    expect(await page.getByLabel('Domain').inputValue()).toBe('');

    // Searching, in Chinese, from the English page: each hit with its language and status.
    await page.goto(`${base}/glossary`);
    await page.getByLabel('Find a term in any language').fill('禁产');
    await page.waitForURL(`${base}/glossary?q=${encodeURIComponent('禁产')}`);
    const hits = page.locator('.glossary-hit-table tbody tr');
    await expect.poll(() => hits.count()).toBeGreaterThan(0);
    const hit = hits.filter({ has: page.locator(`a[href="/glossary/${FMCT}"]`) }).first();
    expect(await hit.locator('td').nth(1).textContent()).toBe('Chinese');
    expect(await hit.locator('.term-status').textContent()).toMatch(/^(Preferred|Admitted)$/u);
    expect(await hit.locator('td').first().locator('[lang="zh"]').textContent()).toContain('禁产');
    // The concept named in the UI language.
    expect(await hit.locator('td').nth(3).textContent()).toContain(
      'production of fissile material',
    );
    await page.mouse.move(0, 0);
    await session.shoot('glossary.png');

    await hit.locator('td').first().getByRole('link').click();
    await page.waitForURL(`${base}/glossary/${FMCT}`);
    const cards = page.locator('section.concept-lang');
    await expect.poll(() => cards.count()).toBe(6);
    expect(
      await cards.locator('h3').evaluateAll((hs) => hs.map((h) => h.firstChild?.textContent)),
    ).toEqual(LANGUAGE_NAMES);
    for (const lang of ['ar', 'zh', 'en', 'fr', 'ru', 'es']) {
      const body = page.locator(`section.concept-lang[data-lang="${lang}"] .concept-lang-body`);
      expect(await body.getAttribute('lang')).toBe(lang);
      expect(await body.getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      expect((await body.locator('.preferred-term').textContent())?.trim()).not.toBe('');
    }
    const arabic = page.locator('section.concept-lang[data-lang="ar"] .preferred-term');
    expect(await arabic.evaluate((p) => getComputedStyle(p).direction)).toBe('rtl');
    // 禁产条约 is an admitted Chinese term, listed under the preferred one.
    const chinese = page.locator('section.concept-lang[data-lang="zh"]');
    expect(await chinese.locator('.preferred-term').textContent()).toContain('裂变材料');
    expect(await chinese.locator('.admitted-terms').textContent()).toContain('禁产条约');
    // The definition says who wrote it.
    expect(
      await page.locator('section.concept-lang[data-lang="en"] .definition-origin').textContent(),
    ).toBe('Definition written by the Pillars editors');
    // Links to other concepts, and the history.
    const links = page.locator('.concept-links a');
    await expect.poll(() => links.count()).toBeGreaterThan(0);
    expect(await links.first().getAttribute('href')).toMatch(/^\/glossary\/[a-z0-9-]+$/u);
    const history = page.locator('table.concept-history tbody tr');
    await expect.poll(() => history.count()).toBeGreaterThan(0);
    expect(await history.first().locator('td').nth(1).textContent()).toBe('pillars-bundle');
    await session.shoot('concept.png');

    // A deprecated term is struck through, labelled, with the reason.
    await page.goto(`${base}/glossary/ctbt`);
    const wrong = page.locator('section.concept-lang[data-lang="en"] .deprecated-terms li');
    await expect.poll(() => wrong.count()).toBe(1);
    expect(await wrong.locator('s').textContent()).toBe('Comprehensive Test Ban Treaty');
    expect(
      await wrong.locator('s').evaluate((s) => getComputedStyle(s).textDecorationLine),
    ).toContain('line-through');
    expect(await wrong.locator('.term-status').textContent()).toBe('deprecated');
    expect(await wrong.locator('.term-note').textContent()).toContain('official title');

    // In Arabic, the page mirrors.
    await page.goto(`${base}/glossary?lang=ar&az=ar`);
    await expect.poll(() => page.locator('.glossary-entry').count()).toBeGreaterThan(10);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.goto(`${base}/glossary/fmct?lang=ar`);
    await expect.poll(() => page.locator('section.concept-lang').count()).toBe(6);
    await page.evaluate(() => localStorage.removeItem('pillars.lang'));
    await page.goto(`${base}/glossary?lang=en`);
  });

  it('highlights the glossary terms of the P5 statement in Chinese, with a card per term', async () => {
    const list = await api<{ items: { id: string; title: string | null; languages: string[] }[] }>(
      '/documents?limit=100',
    );
    const statement = list.items.find(
      (d) => d.languages.includes('zh') && (d.title ?? '').includes('五常'),
    );
    expect(statement, JSON.stringify(list.items.map((d) => d.title))).toBeDefined();
    await page.goto(`${base}/documents/${encodeURIComponent(statement!.id)}/zh`);
    await page.evaluate(() => localStorage.removeItem('pillars.lang'));
    const terms = page.locator('.doc-text a.gl-term');
    await expect.poll(() => terms.count()).toBeGreaterThan(5);
    const toggle = page.getByLabel('Highlight glossary terms');
    expect(await toggle.isChecked()).toBe(true);
    expect(await page.locator('.terms-toggle').textContent()).toMatch(
      /Glossary terms in this text: \d+/u,
    );

    // The paragraph's text is unchanged by the highlighting, and the terms name their concepts.
    const paragraph = page.locator('.seg:has(a.gl-term)').first();
    const first = paragraph.locator('a.gl-term').first();
    const eId = (await paragraph.getAttribute('id'))!;
    const withTerms = await paragraph.locator('.seg-text').textContent();
    const conceptId = (await first.getAttribute('data-concept'))!;
    expect(await first.getAttribute('href')).toBe(`/glossary/${conceptId}`);
    const described = await first.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${described!}"]`).textContent()).toContain('English:');

    // Hovering shows the card: six languages, a definition, the concept page.
    // The paragraph near the top of the window, so the card has room below the term.
    await first.evaluate((term) => {
      term.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -120);
    });
    await first.hover();
    const card = page.locator('.gl-card');
    await expect.poll(() => card.isVisible()).toBe(true);
    expect(await card.getAttribute('data-concept')).toBe(conceptId);
    const names = await card.locator('dt').allTextContents();
    expect(names).toEqual(LANGUAGE_NAMES);
    expect(await card.locator('dd[lang="ar"]').getAttribute('dir')).toBe('rtl');
    expect(await card.locator('.definition-label').textContent()).toBe('Definition (English)');
    expect(await card.getByRole('link', { name: 'Open the concept' }).getAttribute('href')).toBe(
      `/glossary/${conceptId}`,
    );
    // The card sits below the term, inside the window.
    const termBox = (await first.boundingBox())!;
    const cardBox = (await card.boundingBox())!;
    expect(cardBox.y).toBeGreaterThanOrEqual(termBox.y + termBox.height);
    expect(cardBox.x + cardBox.width).toBeLessThanOrEqual(1280);
    await session.shoot('document-terms.png');

    // The pointer can move onto the card; Escape closes it.
    await card.hover();
    expect(await card.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => card.count()).toBe(0);

    // By keyboard: focusing a term opens its card too.
    await page.mouse.move(0, 0);
    await terms.nth(1).focus();
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.getAttribute('data-concept')).toBe(
      await terms.nth(1).getAttribute('data-concept'),
    );
    await terms.nth(1).blur();
    await expect.poll(() => card.count()).toBe(0);

    // Turned off: the same text, no terms; the choice is remembered.
    await toggle.uncheck();
    await expect.poll(() => terms.count()).toBe(0);
    expect(await page.locator(`[id="${eId}"] .seg-text`).textContent()).toBe(withTerms);
    await page.reload();
    await expect.poll(() => page.locator('.terms-toggle').count()).toBe(1);
    expect(await page.getByLabel('Highlight glossary terms').isChecked()).toBe(false);
    expect(await terms.count()).toBe(0);
    await page.getByLabel('Highlight glossary terms').check();
    await expect.poll(() => terms.count()).toBeGreaterThan(5);

    // The ¶ link and the citation button still work beside highlighted text.
    expect(await page.locator(`[id="${eId}"] a.seg-anchor`).getAttribute('href')).toBe(`#${eId}`);
    expect(problems).toEqual([]);
  });
});
