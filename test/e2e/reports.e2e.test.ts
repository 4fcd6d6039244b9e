/**
 * End-to-end: national reporting in the built web app against the real server and a freshly
 * seeded SQLite store, in headless Chromium. A delegate of France logs in through the login page
 * (a wrong password first: the server's words), starts the 2026 report, writes a section that
 * saves itself, and meets a colleague's edit made from a stale base in a second browser (both
 * texts side by side, "keep mine"); then sends the report to clearance and submits it after a
 * confirmation. The secretariat publishes it under a symbol, and the public finds it. Saves
 * docs/screenshots/report-editor.png, report-conflict.png and report-submitted.png.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eSession, type E2eAccount, type E2eSession } from '../support/e2e-session.js';

const SECTION = '0.1 National policy and overview';
const FIRST_TEXT =
  'France remains fully committed to the Treaty and to the implementation of the 2010 Action Plan in all its pillars.';
const SECOND_TEXT = `${FIRST_TEXT}\n\nFrance reports on each action in the sections below.`;
const COLLEAGUE_TEXT = `${FIRST_TEXT}\n\nThe national report was prepared by an inter-ministerial working group.`;
const SYMBOL = 'NPT/CONF.2026/PC.III/9';
/** Autosave waits a second after typing stops, then saves: more than expect.poll's default. */
const SAVING = { timeout: 10_000 };

let session: E2eSession;
let page: Page;
let base: string;
let problems: string[];
let delegate: E2eAccount;
let colleague: E2eAccount;
let reportUrl: string;

/** A section's textarea, named by its number and title. */
const sectionText = (on: Page, name = SECTION): Locator =>
  on.getByRole('textbox', { name, exact: true });
const sectionOf = (on: Page, id = 'general-overview') => on.locator(`[id="section-${id}"]`);
const saveStatus = (on: Page, id = 'general-overview') =>
  sectionOf(on, id).locator('.save-status [role="status"]');

/** Brings an element to the top of the window, below nothing. */
async function scrollToTop(locator: Locator, margin = 12): Promise<void> {
  await locator.evaluate(
    (element, gap) =>
      window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - gap),
    margin,
  );
}

describe('national reports (Chromium)', () => {
  beforeAll(async () => {
    session = await startE2eSession();
    ({ page, base, problems } = session);
    delegate = await session.addAccount('fr-delegate', 'delegate', {
      state: 'FRA',
      displayName: 'Claire Martin',
    });
    colleague = await session.addAccount('fr-delegate-2', 'delegate', {
      state: 'FRA',
      displayName: 'Paul Girard',
    });
  }, 60_000);

  afterAll(() => session?.close());

  it('logs a delegate of France in through the login page and back to the reports', async () => {
    await page.goto(`${base}/`);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Reports' })
      .click();
    await page.waitForURL(`${base}/reports`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('National reports');
    // The public sees who may write, with the way in.
    await expect
      .poll(() => page.locator('.sign-in-note').textContent())
      .toContain('Writing a national report is for the delegates of its State.');

    await page.getByRole('banner').getByRole('link', { name: 'Log in' }).click();
    await page.waitForURL(`${base}/login?next=%2Freports`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Log in');

    // A wrong password: the server's own message, and the password field emptied.
    session.expect(401, /\/api\/v1\/session$/u);
    await page.getByLabel('User name').fill(delegate.username);
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    const alert = page.locator('.login-form').getByRole('alert');
    await expect
      .poll(() => alert.textContent(), { timeout: 5000 })
      .toContain('wrong user name or password');
    expect(await page.getByLabel('Password').inputValue()).toBe('');

    await page.getByLabel('Password').fill(delegate.password);
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.waitForURL(`${base}/reports`);
    const who = page.getByRole('banner').getByRole('group', { name: 'Signed in' });
    await expect.poll(() => who.locator('.user-name').textContent()).toBe('Claire Martin');
    await expect.poll(() => who.locator('.user-role').textContent()).toBe('Delegate · France');
    expect(await who.getByRole('button', { name: 'Log out' }).count()).toBe(1);
  });

  it('starts the 2026 report of France and writes a section that saves itself', async () => {
    const mine = page.locator('section.my-reports');
    await expect.poll(() => mine.locator('.empty').textContent()).toBe('No report of France yet.');
    const form = mine.locator('form.new-report-form');
    await form.getByLabel('Review cycle').selectOption('2026');
    await form.getByLabel('Language of the report').selectOption('en');
    expect(await form.getByLabel('Everyone (public)').isChecked()).toBe(true);
    await form.getByRole('button', { name: 'Start the report' }).click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/u);
    reportUrl = page.url();
    await expect
      .poll(() => page.locator('h1').textContent())
      .toContain(
        'National report of France on the implementation of the Treaty (2026 review cycle)',
      );
    expect(await page.locator('.report-facts .report-badge').textContent()).toBe('Draft');
    expect(await page.locator('.record-subtitle').textContent()).toBe(
      'National reporting template: nuclear-weapon States',
    );

    // Each section beside its guidance (ours, and said so) and the actions it reports on.
    const first = sectionOf(page);
    const guidance = first.locator('aside.report-guidance');
    expect(await guidance.locator('.guidance-origin').textContent()).toBe(
      'Written by Pillars editors; not an official text.',
    );
    expect(await guidance.locator('.guidance-text').getAttribute('lang')).toBe('en');
    expect((await guidance.locator('.guidance-text').textContent())?.length).toBeGreaterThan(100);
    expect(await guidance.getByRole('link').allTextContents()).toEqual([
      'Action 1',
      'Action 2',
      'Action 20',
      'Action 21',
    ]);
    expect(await page.locator('.report-section-edit').count()).toBe(17);

    // Typing saves a second after it stops: "Not saved yet", then "Saved at hh:mm".
    await sectionText(page).fill(FIRST_TEXT);
    await expect.poll(() => saveStatus(page).textContent(), SAVING).toBe('Not saved yet');
    await expect
      .poll(() => saveStatus(page).textContent(), SAVING)
      .toMatch(/^Saved at \d\d:\d\d$/u);
    // Leaving a field saves it at once.
    await sectionText(page, '1.1 Nuclear doctrine, policy and risk reduction').fill(
      'France’s nuclear deterrence is strictly defensive.',
    );
    await sectionText(page).focus();
    await expect
      .poll(() => saveStatus(page, 'disarmament-doctrine').textContent(), SAVING)
      .toMatch(/^Saved at /u);
    await sectionText(page).fill(SECOND_TEXT);
    await expect.poll(() => saveStatus(page).textContent(), SAVING).toBe('Not saved yet');
    await expect.poll(() => saveStatus(page).textContent(), SAVING).toMatch(/^Saved at /u);
    // The shot: the editor's heading, the section as saved, its guidance and actions.
    await scrollToTop(page.locator('section.report-editor'));
    await session.shoot('report-editor.png');

    // The server has both sections, as typed.
    const saved = await page.request.get(`${base}/api/v1${new URL(reportUrl).pathname}`);
    const body = (await saved.json()) as {
      versions: { revision: number; sections: Record<string, string> }[];
    };
    expect(body.versions.at(-1)?.sections['general-overview']).toBe(SECOND_TEXT);
    expect(body.versions.at(-1)?.sections['disarmament-doctrine']).toContain('strictly defensive');
    expect(body.versions.at(-1)?.revision).toBe(3);
    // The public cannot see a draft: as far as it knows, there is no such report.
    expect((await fetch(`${base}/api/v1${new URL(reportUrl).pathname}`)).status).toBe(404);
  });

  it('shows a colleague who edited from a stale base both texts, and keeps theirs on request', async () => {
    const { page: other } = await session.newPage();
    await session.logIn(colleague, other);
    await other.goto(reportUrl);
    await expect.poll(() => sectionText(other).inputValue()).toBe(SECOND_TEXT);

    // Meanwhile Claire changes the same section again.
    await sectionText(page).fill(FIRST_TEXT);
    await expect.poll(() => saveStatus(page).textContent(), SAVING).toBe('Not saved yet');
    await expect.poll(() => saveStatus(page).textContent(), SAVING).toMatch(/^Saved at /u);

    // Paul's edit is based on the text he loaded: refused (409), with both texts shown.
    session.expect(409, /\/sections\/general-overview$/u);
    await sectionText(other).fill(COLLEAGUE_TEXT);
    await expect
      .poll(() => saveStatus(other).textContent(), SAVING)
      .toBe('Not saved: someone else changed this section');
    const panel = sectionOf(other).getByRole('group', {
      name: 'Someone else changed this section',
    });
    const theirs = panel.locator('.conflict-theirs');
    expect(await theirs.locator('.conflict-body').textContent()).toBe(FIRST_TEXT);
    expect(await theirs.locator('.conflict-meta').textContent()).toMatch(
      /^Saved by fr-delegate, \d/u,
    );
    expect(await panel.locator('.conflict-yours .conflict-body').textContent()).toBe(
      COLLEAGUE_TEXT,
    );
    // Nothing typed is lost: the field still holds Paul's text.
    expect(await sectionText(other).inputValue()).toBe(COLLEAGUE_TEXT);
    await scrollToTop(sectionOf(other));
    await session.shoot('report-conflict.png', other);

    // "Keep mine" saves Paul's text on the new base.
    await panel.getByRole('button', { name: 'Keep mine' }).click();
    await expect.poll(() => saveStatus(other).textContent(), SAVING).toMatch(/^Saved at /u);
    expect(await panel.count()).toBe(0);
    await other.context().close();

    // Claire's page, loaded again, shows the text kept.
    await page.reload();
    await expect.poll(() => sectionText(page).inputValue()).toBe(COLLEAGUE_TEXT);
  });

  it('sends the report to clearance and submits it after a confirmation', async () => {
    const workflow = page.locator('section.report-workflow');
    await workflow.getByRole('button', { name: 'Send to clearance' }).click();
    await expect
      .poll(() => workflow.getByRole('status').textContent(), { timeout: 5000 })
      .toBe('Done: the report is now In clearance.');
    await expect
      .poll(() => page.locator('.report-facts .report-badge').textContent())
      .toBe('In clearance');

    // Submitting asks first, saying what follows; cancelling changes nothing.
    await workflow.getByRole('button', { name: 'Submit', exact: true }).click();
    const confirm = workflow.getByRole('alertdialog');
    expect(await confirm.textContent()).toContain(
      'Submit version 1? Its text is then fixed and its content hash recorded',
    );
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await confirm.count()).toBe(0);
    await workflow.getByRole('button', { name: 'Submit', exact: true }).click();
    await workflow.getByRole('button', { name: 'Yes, submit' }).click();
    await expect
      .poll(() => workflow.getByRole('status').textContent(), { timeout: 5000 })
      .toBe('Done: the report is now Submitted.');
    await expect
      .poll(() => page.locator('.report-facts .report-badge').textContent())
      .toBe('Submitted');
    expect(await page.locator('.report-facts .hash').textContent()).toMatch(/^[0-9a-f]{64}$/u);
    // A change now would start version 2; the delegate is told before typing.
    await expect
      .poll(() => page.locator('.report-editor .notice').textContent())
      .toBe('Version 1 is Submitted: your first change starts version 2, a draft.');
    expect(await workflow.locator('.workflow-actions button').allTextContents()).toEqual([
      'Withdraw',
    ]);
    // The versions list and the downloads name the version.
    const versions = page.locator('section.report-versions tbody tr');
    expect(await versions.count()).toBe(1);
    expect(await versions.first().textContent()).toContain('Submitted');
    const html = await page.getByRole('link', { name: 'HTML' }).getAttribute('href');
    expect(html).toMatch(/\/export\?format=html&version=1$/u);
    const exported = await page.request.get(`${base}${html}`);
    expect(exported.status()).toBe(200);
    expect(await exported.text()).toContain('inter-ministerial working group');
    await page.evaluate(() => window.scrollTo(0, 0));
    await session.shoot('report-submitted.png');
  });

  it('is published by the secretariat under a symbol, and the public finds it', async () => {
    const secretariat = await session.addAccount('un-secretariat', 'secretariat', {
      displayName: 'NPT Secretariat',
    });
    const { page: desk } = await session.newPage();
    await session.logIn(secretariat, desk);
    await desk.goto(`${base}/reports`);
    const waiting = desk.locator('section[aria-labelledby="submitted-title"] tbody tr');
    await expect.poll(() => waiting.count()).toBe(1);
    await waiting.first().getByRole('link').first().click();
    await desk.waitForURL(reportUrl);
    const workflow = desk.locator('section.report-workflow');
    const publish = workflow.getByRole('button', { name: 'Publish' });
    // A public report needs its document symbol first.
    await expect.poll(() => publish.isDisabled()).toBe(true);
    await workflow.getByLabel('Document symbol').fill(SYMBOL);
    await publish.click();
    await expect
      .poll(() => workflow.getByRole('status').textContent(), { timeout: 30_000 })
      .toBe('Done: the report is now Published.');
    await desk.context().close();

    // Logged out, the report is in the public list, with its symbol.
    await page.getByRole('banner').getByRole('button', { name: 'Log out' }).click();
    await expect
      .poll(() => page.getByRole('banner').getByRole('link', { name: 'Log in' }).count())
      .toBe(1);
    await page.goto(`${base}/reports?cycle=2026`);
    const row = page.locator('table.reports-table tbody tr');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.first().textContent()).toContain(SYMBOL);
    await row.first().getByRole('link').first().click();
    await page.waitForURL(reportUrl);
    await expect
      .poll(() => page.locator('.report-facts .report-badge').textContent())
      .toBe('Published');
    // Read-only, sections in the template's order, the text as written.
    expect(await page.locator('textarea').count()).toBe(0);
    const overview = page.locator('[id="section-general-overview"] .report-text p');
    expect(await overview.allTextContents()).toEqual(COLLEAGUE_TEXT.split('\n\n'));
    expect(await page.locator('.report-section-title').first().textContent()).toBe(
      '0.1 National policy and overview',
    );
  });

  it('saw no console errors, uncaught exceptions or failed requests but those it asked for', () => {
    expect(problems).toEqual([]);
  });
});
