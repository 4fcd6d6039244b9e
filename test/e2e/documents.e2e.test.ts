/**
 * End-to-end: the documents area of the built web app against the real server and a freshly
 * seeded SQLite store (reference data and the bundled sample documents), in headless Chromium.
 * One reader's journey — the list, resolution 55/100 in Arabic and French with its recorded vote,
 * copying a paragraph's citation, logging in as the secretariat to upload a working paper and
 * reading it — with no console
 * errors on the way. Saves the screenshots in docs/screenshots.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eSession, type E2eAccount, type E2eSession } from '../support/e2e-session.js';

const RESOLUTION = 'A/RES/55/100';
const RESOLUTION_PATH = `/documents/${encodeURIComponent(RESOLUTION)}`;
const WORKING_PAPER = 'NPT/CONF.2015/PC.II/WP.42';

/** A small working paper in the UN layout (our own prose): masthead, title, numbered paragraphs. */
const WORKING_PAPER_TEXT = [
  `${WORKING_PAPER}\nDistr.: General\n24 April 2013\nOriginal: English`,
  'Second session\nGeneva, 22 April–3 May 2013',
  'Strengthening the review process',
  'Working paper submitted by Ireland and New Zealand',
  '1. The States parties recall the commitments made at the 2010 Review Conference.',
  '2. The States parties encourage all States that have not yet done so to:',
  '(a) bring an additional protocol into force as soon as possible;',
  '(b) apply it provisionally pending its entry into force.',
  '3. The Agency should continue to assist States in building national capacity.',
].join('\n\n');

let session: E2eSession;
let page: Page;
let base: string;
let problems: string[];
let secretariat: E2eAccount;
const shoot = (name: string) => session.shoot(name);

/** The text as the reader sees it in the document's text panel. */
const docText = () => page.locator('.doc-text');
const tabs = () => page.getByRole('navigation', { name: 'Language versions' }).getByRole('link');
const tab = (name: string) =>
  page.getByRole('navigation', { name: 'Language versions' }).getByRole('link', { name });

describe('documents (Chromium)', () => {
  beforeAll(async () => {
    session = await startE2eSession({ sampleDocuments: true, clipboard: true });
    ({ page, base, problems } = session);
    secretariat = await session.addAccount('un-secretariat', 'secretariat', {
      displayName: 'NPT Secretariat',
    });
  }, 30_000);

  afterAll(() => session?.close());

  it('lists the sample documents with their languages and meeting, and filters them', async () => {
    await page.goto(`${base}/`);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Documents' })
      .click();
    await page.waitForURL(`${base}/documents`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Documents');
    const rows = page.locator('table.documents-table tbody tr');
    await expect.poll(() => rows.count()).toBe(2);

    // The resolution, in the six languages.
    const resolution = rows.filter({ hasText: RESOLUTION });
    expect(await resolution.locator('.lang-badge').allTextContents()).toEqual([
      'ARArabic',
      'ZHChinese',
      'ENEnglish',
      'FRFrench',
      'RURussian',
      'ESSpanish',
    ]);
    // The P5 statement: no symbol yet, a Chinese title marked as such, linked to its meeting.
    const statement = rows.filter({ hasText: 'No symbol yet' });
    expect(await statement.locator('td[lang="zh"]').textContent()).toContain(
      '第四次五常会议联合声明',
    );
    expect(
      await statement
        .getByRole('link', { name: 'Second session of the Preparatory Committee' })
        .getAttribute('href'),
    ).toBe('/meetings?cycle=2015#meeting-NPT-2015-PC2');
    await shoot('documents-list.png');

    // The series filter goes to the address and to the API.
    await page.getByLabel('Series').selectOption('RES');
    await page.waitForURL(`${base}/documents?type=RES`);
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain(RESOLUTION);
    await page.getByLabel('Series').selectOption('');
    await expect.poll(() => rows.count()).toBe(2);
  });

  it('reads resolution 55/100 in Arabic, then French, with its recorded vote', async () => {
    await page.getByRole('link', { name: RESOLUTION, exact: true }).click();
    await page.waitForURL(`${base}${RESOLUTION_PATH}`);
    await expect
      .poll(() => page.locator('h1').textContent())
      .toBe(
        'Respect for the right to universal freedom of travel and the vital importance of family reunification',
      );
    expect(await tabs().allTextContents()).toEqual([
      'Arabic',
      'Chinese',
      'English',
      'French',
      'Russian',
      'Spanish',
    ]);
    // The sponsors are States, named in the UI language and linked to their pages.
    expect(await page.getByRole('link', { name: 'Honduras' }).first().getAttribute('href')).toBe(
      '/states/HND',
    );

    await tab('Arabic').click();
    await page.waitForURL(`${base}${RESOLUTION_PATH}/ar`);
    await expect.poll(() => docText().getAttribute('dir')).toBe('rtl');
    expect(await docText().getAttribute('lang')).toBe('ar');
    expect(await tab('Arabic').getAttribute('aria-current')).toBe('page');
    expect(await page.locator('#para_2 .seg-num').textContent()).toBe('2 -');
    expect(await page.locator('#para_2 .seg-text').textContent()).toContain('تؤكد من جديد');
    await shoot('documents-resolution-ar.png');

    await tab('French').click();
    await page.waitForURL(`${base}${RESOLUTION_PATH}/fr`);
    await expect.poll(() => docText().getAttribute('lang')).toBe('fr');
    expect(await docText().getAttribute('dir')).toBeNull();
    expect(await page.locator('#para_2 .seg-text').textContent()).toMatch(/^Réaffirme/);

    // Adopted by 106 votes to 1, with 67 abstentions; the vote against names its State.
    const vote = page.locator('section.vote');
    expect(await vote.locator('.vote-counts dt').allTextContents()).toEqual([
      'In favour',
      'Against',
      'Abstaining',
    ]);
    expect(await vote.locator('.vote-counts dd').allTextContents()).toEqual(['106', '1', '67']);
    expect(await vote.locator('.vote-list').nth(1).getByRole('link').allTextContents()).toEqual([
      'United States of America',
    ]);
    expect(await vote.locator('.vote-list').first().locator('li').count()).toBe(106);

    // The Akoma Ntoso download is the French version's export.
    const akn = await page
      .getByRole('link', { name: 'Download as Akoma Ntoso XML' })
      .getAttribute('href');
    const xml = await (await fetch(`${base}${akn}`)).text();
    expect(xml).toContain('<akomaNtoso');
    expect(xml).toContain('xml:lang="fr"');
  });

  it('copies the citation of paragraph 2 and links to it', async () => {
    const paragraph = page.locator('#para_2');
    await paragraph.hover();
    await paragraph.getByRole('button', { name: `Copy citation: ${RESOLUTION}, para. 2` }).click();
    await expect
      .poll(() => page.getByRole('status').filter({ hasText: 'Citation copied' }).textContent())
      .toBe(`Citation copied: ${RESOLUTION}, para. 2`);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${RESOLUTION}, para. 2`,
    );

    // The ¶ link addresses the paragraph, which is then highlighted.
    await paragraph.getByRole('link', { name: 'Link to this paragraph' }).click();
    await page.waitForURL(`${base}${RESOLUTION_PATH}/fr#para_2`);
    await expect.poll(() => paragraph.getAttribute('class')).toContain('is-target');
  });

  it('uploads a working paper and opens it at its first paragraph', async () => {
    await page.getByRole('link', { name: 'All documents' }).click();
    await page.waitForURL(`${base}/documents`);
    await page.getByRole('link', { name: 'Upload documents' }).click();
    await page.waitForURL(`${base}/documents/upload`);
    // Uploading is the secretariat's: the page says so and leads to the login, and back.
    const note = page.locator('.sign-in-note');
    await expect
      .poll(() => note.textContent())
      .toContain('Uploading documents is for the secretariat.');
    expect(await page.getByLabel('Files', { exact: true }).count()).toBe(0);
    await note.getByRole('link', { name: 'Log in' }).click();
    await page.waitForURL(`${base}/login?next=%2Fdocuments%2Fupload`);
    await page.getByLabel('User name').fill(secretariat.username);
    await page.getByLabel('Password').fill(secretariat.password);
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.waitForURL(`${base}/documents/upload`);
    await expect
      .poll(() => page.locator('.signed-as').textContent())
      .toBe('Signed in as NPT Secretariat: what you record here is signed “un-secretariat”.');
    await page.getByLabel('Files', { exact: true }).setInputFiles({
      name: 'wp42.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(WORKING_PAPER_TEXT, 'utf8'),
    });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();

    const results = page.locator('table.upload-results tbody tr');
    await expect.poll(() => results.count()).toBe(1);
    expect(await page.locator('.upload-summary').textContent()).toBe(
      'Added: 1 · Already there: 0 · Failed: 0',
    );
    expect(await results.first().locator('.outcome').textContent()).toBe('✓Added');
    expect(await results.first().textContent()).toContain('English · Version 1 · Segments: 7');
    await shoot('documents-upload.png');

    await results.first().getByRole('link', { name: WORKING_PAPER }).click();
    await page.waitForURL(`${base}/documents/${encodeURIComponent(WORKING_PAPER)}/en`);
    await expect
      .poll(() => page.locator('#para_1 .seg-text').textContent())
      .toBe('The States parties recall the commitments made at the 2010 Review Conference.');
    expect(await page.locator('#para_2__subpara_b .seg-num').textContent()).toBe('(b)');
    // English is the original (the masthead says so); the authors and the meeting were read too.
    expect(await page.getByRole('navigation', { name: 'Language versions' }).textContent()).toBe(
      'Englishoriginal',
    );
    expect(await page.locator('.doc-facts').textContent()).toContain('24 April 2013');
    expect(await page.getByRole('link', { name: 'New Zealand' }).getAttribute('href')).toBe(
      '/states/NZL',
    );

    // A sub-paragraph is cited with its paragraph.
    const sub = page.locator('#para_2__subpara_b');
    await sub.hover();
    await sub.getByRole('button', { name: /^Copy citation/ }).click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(`${WORKING_PAPER}, para. 2 (b)`);
  });

  it('saw no console errors, uncaught exceptions or failed requests', () => {
    expect(problems).toEqual([]);
  });
});
