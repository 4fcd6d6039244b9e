/**
 * End-to-end: Action Plan monitoring in the built web app against the real server and a freshly
 * seeded SQLite store (reference data and the bundled sample documents, scanned for evidence), in
 * headless Chromium. One reviewer's journey — the P5 matrix of the 2015 cycle, a test-ban action's
 * evidence for China, told to log in to review it, then (as an analyst) confirming the Chinese
 * paragraph with a stance, recording an assessment that cites it, the matrix showing both, and
 * the citation landing on the paragraph — then the
 * action and State pages' sections, an Arabic quote set right to left and an empty matrix. Saves
 * docs/screenshots/monitoring-matrix.png and monitoring-evidence.png.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eSession, type E2eAccount, type E2eSession } from '../support/e2e-session.js';

const MATRIX = '/monitoring?cycle=2015&group=P5';
const ACTION = 'AP2010-A11';
const EVIDENCE = `/monitoring/evidence?action=${ACTION}&state=CHN&cycle=2015`;
/** The P5 statement's paragraph on the CTBT, which the suggester links to Actions 10–14. */
const CTBT_WORDS = '全面禁止核试验条约';
/** The analyst's account: reviews and assessments are signed with its user name. */
const REVIEWER = 'e2e-analyst';
const RATIONALE =
  'The P5 report continued work towards the entry into force of the CTBT; no ratification yet.';

let session: E2eSession;
let page: Page;
let base: string;
let problems: string[];
let analyst: E2eAccount;

const matrixCell = (action: string, state: string) =>
  page.locator(`td[data-action="${action}"][data-state="${state}"]`);
/** The evidence card quoting the paragraph with this eId. */
const cardOf = (eId: string): Locator =>
  page.locator('article.evidence-card').filter({
    has: page.locator(`a[href$="#${eId}"]`),
  });

describe('Action Plan monitoring (Chromium)', () => {
  beforeAll(async () => {
    session = await startE2eSession({ sampleDocuments: true });
    ({ page, base, problems } = session);
    analyst = await session.addAccount(REVIEWER, 'analyst', { displayName: 'E2E Reviewer' });
  }, 90_000);

  afterAll(() => session?.close());

  it('shows the P5 matrix of the 2015 cycle with evidence on the test-ban actions', async () => {
    await page.goto(`${base}/`);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Monitoring' })
      .click();
    await page.waitForURL(`${base}/monitoring`);
    await page.goto(`${base}${MATRIX}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Action Plan monitoring');
    expect(
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Monitoring' })
        .getAttribute('aria-current'),
    ).toBe('page');
    // The filters show the address's choices.
    expect(await page.getByLabel('Review cycle').inputValue()).toBe('2015');
    await expect.poll(() => page.getByLabel('States', { exact: true }).inputValue()).toBe('P5');

    // The five P5 States as columns, named in tooltips.
    const headers = page.locator('.monitoring-matrix thead th.matrix-state abbr');
    await expect.poll(() => headers.allTextContents()).toEqual(['CHN', 'FRA', 'GBR', 'RUS', 'USA']);
    expect(await headers.first().getAttribute('title')).toBe('China');
    // The header row and the action column stay in view while the table scrolls.
    const sticky = await page
      .locator('.monitoring-matrix thead th')
      .first()
      .evaluate((th) => getComputedStyle(th).position);
    expect(sticky).toBe('sticky');

    // Each test-ban action 10–14 has evidence for China from the P5 statement; none confirmed.
    for (const n of [10, 11, 12, 13, 14]) {
      await expect.poll(() => matrixCell(`AP2010-A${n}`, 'CHN').count()).toBe(1);
    }
    const cell = matrixCell(ACTION, 'CHN').getByRole('link');
    expect(await cell.getAttribute('aria-label')).toMatch(
      /^Action 11, China: 0 confirmed, [1-9]\d* suggested$/u,
    );
    expect(await matrixCell(ACTION, 'CHN').locator('.n-confirmed').textContent()).toBe('0');
    expect(await cell.locator('.assessment-badge').count()).toBe(0);
    // The row names the action with our summary.
    const row = page.locator('tr').filter({ has: matrixCell(ACTION, 'CHN') });
    expect(await row.locator('th .action-number').textContent()).toBe('Action 11');
    expect((await row.locator('.matrix-summary').textContent())?.length).toBeGreaterThan(20);

    // The downloads carry the filters and answer with CSV.
    const csv = await page.getByRole('link', { name: 'Matrix (CSV)' }).getAttribute('href');
    expect(csv).toBe('/api/v1/matrix.csv?cycle=2015&group=P5');
    const csvResponse = await fetch(`${base}${csv}`);
    expect(csvResponse.headers.get('content-type')).toContain('text/csv');
    expect(await csvResponse.text()).toContain('CHN');
    const evidenceCsv = await page
      .getByRole('link', { name: 'Evidence (CSV)' })
      .getAttribute('href');
    expect(evidenceCsv).toBe('/api/v1/evidence.csv?cycle=2015');
    // Read to the end: an unread body would hold the connection, and the server's close with it.
    const evidenceResponse = await fetch(`${base}${evidenceCsv}`);
    expect(evidenceResponse.status).toBe(200);
    expect(await evidenceResponse.text()).toContain('para_');
  });

  it('opens the cell’s evidence: the Chinese paragraph on the CTBT, with why it was suggested', async () => {
    await matrixCell(ACTION, 'CHN').getByRole('link').click();
    await page.waitForURL(`${base}${EVIDENCE}`);
    await expect
      .poll(() => page.locator('h1').textContent())
      .toBe('Evidence: Action 11 · China · 2015 cycle');
    const card = page.locator('article.evidence-card').filter({ hasText: CTBT_WORDS }).first();
    await expect.poll(() => card.count()).toBe(1);
    const quote = card.locator('blockquote.evidence-quote');
    expect(await quote.getAttribute('lang')).toBe('zh');
    expect(await quote.getAttribute('dir')).toBe('ltr');
    expect(await quote.textContent()).toContain(CTBT_WORDS);
    // Cited by title (the statement has no symbol) and paragraph.
    const citation = card.locator('.evidence-citation a');
    expect(await citation.textContent()).toMatch(/^第四次五常会议联合声明.*, para\. \d+$/u);
    expect(await citation.getAttribute('href')).toMatch(
      /^\/documents\/pillars%3A[0-9a-f]{12}\/zh#para_\d+$/u,
    );
    expect(await card.locator('.state-codes a').allTextContents()).toEqual([
      'CHN',
      'FRA',
      'GBR',
      'RUS',
      'USA',
    ]);
    expect(await card.locator('.evidence-reasons q').first().textContent()).toContain('核试验');
    expect(await card.locator('.evidence-badge').first().textContent()).toBe('Suggested');
    // Judgements live in their own box, beside the evidence, not among it.
    const box = page.locator('section.assessment-box');
    expect(await box.locator('h2').textContent()).toBe('Assessments (judgements)');
    expect(await box.locator('article.evidence-card').count()).toBe(0);
    const list = await page.locator('section.evidence-section').boundingBox();
    const aside = await box.boundingBox();
    expect(list !== null && aside !== null).toBe(true);
    expect(aside!.x).toBeGreaterThanOrEqual(list!.x + list!.width);
    expect(await box.textContent()).toContain('No assessment recorded yet.');
  });

  it('confirms the paragraph as an analyst, with a stance, and shows the new status and history', async () => {
    const card = page.locator('article.evidence-card').filter({ hasText: CTBT_WORDS }).first();
    const eId = (await card.locator('.evidence-citation a').getAttribute('href'))!.split('#')[1]!;
    const reviewed = cardOf(eId);

    // The public reads the evidence, but is told who reviews it, and how to log in.
    expect(await reviewed.getByRole('button', { name: 'Confirm' }).count()).toBe(0);
    const note = page.locator('.evidence-actor .sign-in-note');
    expect(await note.textContent()).toContain(
      'Reviewing evidence is for analysts and the secretariat.',
    );
    expect(await page.locator('section.assessment-box .sign-in-note').textContent()).toContain(
      'Recording assessments is for analysts.',
    );

    await session.logIn(analyst);
    await page.reload();
    await expect
      .poll(() => page.locator('.evidence-actor .signed-as').textContent())
      .toBe(`Signed in as E2E Reviewer: what you record here is signed “${REVIEWER}”.`);
    await reviewed.getByLabel('Stance').selectOption({ label: 'Reaffirms' });
    await reviewed.getByLabel('Comment (optional)').fill('States the P5 commitment to the CTBT.');
    await reviewed.getByRole('button', { name: 'Confirm' }).click();
    await expect
      .poll(() => reviewed.getByRole('status').textContent())
      .toBe('Saved as revision 1.');
    expect(await reviewed.locator('.evidence-head .evidence-badge').textContent()).toBe(
      'Confirmed',
    );
    expect(await reviewed.locator('.evidence-stance').textContent()).toBe('Reaffirms');
    expect(await reviewed.getAttribute('class')).toContain('is-confirmed');
    // Confirmed evidence can be rejected or reopened, not confirmed again.
    expect(await reviewed.locator('.review-actions button').allTextContents()).toEqual([
      'Reject',
      'Reopen',
    ]);
    // The history opened on the new revision: who, what, when, why.
    const history = reviewed.getByRole('list', { name: 'History' });
    await expect.poll(() => history.locator('li').count()).toBe(1);
    const entry = await history.locator('li').first().textContent();
    expect(entry).toContain('Confirmed');
    expect(entry).toContain('Reaffirms');
    expect(entry).toContain(`by ${REVIEWER}`);
    expect(entry).toContain('States the P5 commitment to the CTBT.');
    expect(await history.locator('time').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/u);
    // The server agrees.
    const id = await reviewed.getAttribute('id');
    const revisions = (await (await fetch(`${base}/api/v1/evidence/${id}/history`)).json()) as {
      status: string;
      stance: string;
      actor: string;
    }[];
    expect(revisions).toMatchObject([
      { status: 'confirmed', stance: 'reaffirms', actor: REVIEWER },
    ]);
  });

  it('records an assessment citing the confirmed paragraph, shown in the assessments box', async () => {
    const box = page.locator('section.assessment-box');
    const form = box.locator('form.assessment-form');
    // The analyst's account signs the assessment too.
    expect(await form.locator('.signed-as').textContent()).toContain(REVIEWER);
    await form.getByLabel('Assessment', { exact: true }).selectOption('partially-implemented');
    await form.getByLabel('Rationale').fill(RATIONALE);
    const confirmed = page.locator('article.evidence-card.is-confirmed');
    const id = (await confirmed.getAttribute('id'))!;
    const citation = await confirmed.locator('.evidence-citation a').textContent();
    await form.getByLabel(`${citation!} (Chinese)`).check();
    await form.getByRole('button', { name: 'Record the assessment' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toBe('Recorded as revision 1.');

    const latest = box.locator('.assessment-entry').first();
    expect(await latest.locator('.assessment-badge').textContent()).toBe('Partially implemented');
    expect(await latest.locator('.assessment-rationale').textContent()).toBe(RATIONALE);
    expect(await latest.textContent()).toContain(`by ${REVIEWER}`);
    expect(await latest.locator('.assessment-cites a').getAttribute('href')).toBe(`#${id}`);
    expect(await latest.locator('.assessment-cites a').textContent()).toBe(
      `${citation!} (Chinese)`,
    );
    // The shot shows the list from its top, the assessment box beside it.
    await page.evaluate(() => window.scrollTo(0, 0));
    await session.shoot('monitoring-evidence.png');
  });

  it('shows the confirmed count and the assessment in the matrix cell', async () => {
    await page.goBack();
    await page.waitForURL(`${base}${MATRIX}`);
    const cell = matrixCell(ACTION, 'CHN');
    await expect.poll(() => cell.locator('.n-confirmed').textContent()).toBe('1');
    expect(await cell.locator('.assessment-badge').textContent()).toBe('Partially implemented');
    expect(await cell.getByRole('link').getAttribute('aria-label')).toMatch(
      /^Action 11, China: 1 confirmed, \d+ suggested; assessed: Partially implemented$/u,
    );
    // The same paragraph speaks for France: confirmed there too, but not assessed.
    expect(await matrixCell(ACTION, 'FRA').locator('.n-confirmed').textContent()).toBe('1');
    expect(await matrixCell(ACTION, 'FRA').locator('.assessment-badge').count()).toBe(0);
    // The shot shows the test-ban rows under the sticky header, the pointer off the table.
    await page.mouse.move(0, 0);
    await page.locator('.monitoring-matrix-wrap').evaluate((wrap) => {
      const row = wrap.querySelector('td[data-action="AP2010-A9"]')?.parentElement;
      const head = wrap.querySelector('thead');
      if (row instanceof HTMLElement && head !== null)
        wrap.scrollTop = row.offsetTop - head.getBoundingClientRect().height;
    });
    await session.shoot('monitoring-matrix.png');
  });

  it('lands on the cited paragraph of the document, highlighted', async () => {
    await matrixCell(ACTION, 'CHN').getByRole('link').click();
    await page.waitForURL(`${base}${EVIDENCE}`);
    const confirmed = page.locator('article.evidence-card.is-confirmed');
    await expect.poll(() => confirmed.count()).toBe(1);
    const href = (await confirmed.locator('.evidence-citation a').getAttribute('href'))!;
    const eId = href.split('#')[1]!;
    await confirmed.locator('.evidence-citation a').click();
    await page.waitForURL(`${base}${href}`);
    const paragraph = page.locator(`[id="${eId}"]`);
    await expect.poll(() => paragraph.getAttribute('class')).toContain('is-target');
    expect(await paragraph.textContent()).toContain(CTBT_WORDS);
  });

  it('sums the evidence up on the action page and the State page', async () => {
    await page.goto(`${base}/actions/${ACTION}`);
    const section = page.locator('section.monitoring-section');
    await expect.poll(() => section.locator('h2').textContent()).toBe('Evidence');
    await expect.poll(() => section.locator('.count-confirmed dd').textContent()).not.toBe('…');
    expect(Number(await section.locator('.count-confirmed dd').textContent())).toBeGreaterThan(0);
    expect(await section.locator('article.evidence-card').count()).toBeGreaterThan(0);
    expect(
      await section
        .getByRole('link', { name: 'All evidence for this action' })
        .getAttribute('href'),
    ).toBe(`/monitoring/evidence?action=${ACTION}`);
    expect(
      await section
        .getByRole('link', { name: 'Monitoring matrix: Nuclear disarmament' })
        .getAttribute('href'),
    ).toBe('/monitoring?pillar=disarmament');

    // The instruments the action names, with today's status from the treaties module.
    const instruments = page.locator('section[aria-labelledby="action-instruments-title"]');
    const ctbt = instruments.locator('tbody tr').filter({ hasText: 'CTBT' });
    await expect.poll(() => ctbt.count()).toBe(1);
    await expect.poll(() => ctbt.locator('td').last().textContent()).toBe('Not in force');
    expect(
      Number((await ctbt.locator('td').nth(1).textContent())!.replace(/\D/gu, '')),
    ).toBeGreaterThan(150);

    await page.goto(`${base}/states/CHN`);
    const monitoring = page.locator('section.monitoring-section');
    await expect.poll(() => monitoring.locator('h2').textContent()).toBe('Monitoring');
    const row = monitoring.locator('tbody tr').filter({ hasText: 'Action 11' });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator('td').first().textContent()).toBe('1');
    expect(await row.locator('.assessment-badge').textContent()).toBe('Partially implemented');
    expect(await row.getByRole('link', { name: 'Action 11' }).getAttribute('href')).toBe(
      `/monitoring/evidence?action=${ACTION}&state=CHN`,
    );
  });

  it('sets an Arabic quote right to left, and says when nothing matches', async () => {
    await page.goto(`${base}/monitoring/evidence?action=AP2010-A6&state=CUB`);
    const arabic = page.locator('blockquote.evidence-quote[lang="ar"]').first();
    await expect.poll(() => arabic.count()).toBe(1);
    expect(await arabic.getAttribute('dir')).toBe('rtl');
    expect(await arabic.evaluate((q) => getComputedStyle(q).direction)).toBe('rtl');
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    // Without a cycle there is nothing to judge: the box says what to choose.
    expect(await page.locator('section.assessment-box').textContent()).toContain(
      'Choose an action, a State and a review cycle',
    );

    await page.goto(`${base}/monitoring?cycle=2010&group=P5`);
    await expect
      .poll(() => page.locator('.monitoring-empty').textContent())
      .toBe('No evidence or assessment matches these filters.');
    expect(problems).toEqual([]);
  });
});
