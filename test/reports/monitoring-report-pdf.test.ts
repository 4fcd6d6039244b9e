/**
 * The monitoring report end to end: a realistic cycle rendered to HTML, printed by the system
 * Chromium, then read back with poppler (text for citations and Chinese, a raw greyscale raster
 * for "something is drawn"). Also refreshes docs/screenshots/monitoring-report.png.
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MonitoringAction, MonitoringData } from '../../src/domain/evidence.js';
import { monitoringReportHtml } from '../../src/reports/monitoring-report-html.js';
import { printPdf } from '../../src/reports/print-pdf.js';
import { firstPageInk } from '../support/pdf-pages.js';

const CHROMIUM = process.env.PILLARS_CHROMIUM ?? '/usr/bin/chromium';
const canPrint = existsSync(CHROMIUM) && existsSync('/usr/bin/pdftoppm');
const SCREENSHOT = join(import.meta.dirname, '../../docs/screenshots/monitoring-report.png');

const SOURCE = 'NPT/CONF.2010/50 (Vol. I)';
const P5 = ['CHN', 'FRA', 'RUS', 'GBR', 'USA'];

const action = (
  over: Partial<MonitoringAction> & Pick<MonitoringAction, 'id'>,
): MonitoringAction => ({
  number: null,
  summary: '',
  source: SOURCE,
  evidence: [],
  assessments: [],
  treatyFigures: [],
  ...over,
});

const report: MonitoringData = {
  cycle: 2015,
  lang: 'en',
  generatedAt: '2025-11-20T09:30:00Z',
  pillars: [
    {
      id: 'disarmament',
      title: 'Nuclear disarmament',
      actions: [
        action({
          id: 'AP2010-A1',
          number: 1,
          summary: 'All States parties pursue policies fully compatible with the Treaty.',
        }),
        action({
          id: 'AP2010-A5',
          number: 5,
          summary:
            'The nuclear-weapon States accelerate concrete progress on the steps leading to nuclear disarmament and report on it.',
          evidence: [
            {
              citation: 'NPT/CONF.2015/PC.II/12, para. 2',
              lang: 'zh',
              text: '五常重申致力于按照《不扩散条约》第六条的规定实现核裁军和普遍彻底裁军的共同目标，强调必须继续共同执行 2010 年不扩散条约审议大会《行动计划》。',
              states: P5,
              status: 'confirmed',
              stance: 'reaffirms',
            },
            {
              citation: 'NPT/CONF.2015/PC.II/WP.13, para. 6',
              lang: 'ar',
              text: 'وتدعو المجموعة الدول الحائزة للأسلحة النووية إلى الإسراع في إحراز تقدم ملموس نحو نزع السلاح النووي، وفقاً لالتزاماتها بموجب المادة السادسة من المعاهدة.',
              states: ['EGY', 'IRQ', 'JOR'],
              status: 'suggested',
              stance: 'calls-for',
            },
          ],
          assessments: [
            {
              state: 'CHN',
              status: 'partially-implemented',
              rationale:
                'Reaffirms the commitment in the joint statement; no new quantitative information reported.',
              actor: 'M. Dupont (reviewer)',
              at: '2025-10-14T10:00:00Z',
            },
            {
              state: 'USA',
              status: 'no-information',
              rationale: 'Only the joint P5 statement is linked so far.',
              actor: 'M. Dupont (reviewer)',
              at: '2025-10-14T10:05:00Z',
            },
          ],
        }),
        action({
          id: 'AP2010-A10',
          number: 10,
          summary: 'The nuclear-weapon States ratify the CTBT.',
          treatyFigures: [
            {
              label: 'CTBT: Annex 2 States that have ratified',
              value: '36 of 44',
              source: 'CTBTO status of signature and ratification, 2014',
            },
          ],
          evidence: [
            {
              citation: 'NPT/CONF.2015/PC.III/WP.5, para. 3',
              lang: 'en',
              text: 'Japan calls upon all States that have not yet done so, in particular the remaining Annex 2 States, to sign and ratify the Comprehensive Nuclear-Test-Ban Treaty without delay.',
              states: ['JPN'],
              status: 'confirmed',
              stance: 'calls-for',
            },
          ],
        }),
      ],
    },
    {
      id: 'non-proliferation',
      title: 'Nuclear non-proliferation',
      actions: [
        action({
          id: 'AP2010-A28',
          number: 28,
          summary:
            'States that have not yet done so conclude and bring into force an Additional Protocol.',
          evidence: [
            {
              citation: 'NPT/CONF.2015/PC.I/WP.20, para. 11',
              lang: 'en',
              text: 'The Additional Protocol, together with a comprehensive safeguards agreement, constitutes the current verification standard.',
              states: ['AUS', 'CAN', 'DEU', 'JPN', 'NLD', 'POL'],
              status: 'suggested',
              stance: 'reaffirms',
            },
          ],
        }),
        action({
          id: 'AP2010-A29',
          number: 29,
          summary: 'The IAEA is encouraged to help States conclude safeguards agreements.',
        }),
      ],
    },
  ],
  totals: [
    { pillar: 'disarmament', confirmed: 2, suggested: 1 },
    { pillar: 'non-proliferation', confirmed: 0, suggested: 1 },
  ],
};

describe.runIf(canPrint)('monitoring report PDF', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pillars-report-test-'));
  const pdf = join(dir, 'report.pdf');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints to a PDF that shows citations and Chinese quotes', { timeout: 90_000 }, async () => {
    await printPdf(monitoringReportHtml(report), pdf);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const share = firstPageInk(pdf);
    expect(share).toBeGreaterThan(0.005);

    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('NPT/CONF.2015/PC.II/12, para. 2');
    expect(text).toContain('NPT/CONF.2015/PC.III/WP.5, para. 3');
    // Chinese lines break anywhere; compare without the whitespace the layout adds.
    expect(text.replace(/\s+/g, '')).toContain('五常重申致力于按照《不扩散条约》第六条');
    expect(text).toContain('Assessments');
    expect(text).toMatch(/Page 2 of \d+/);

    // The first page with evidence, for the docs.
    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '2',
      '-l',
      '2',
      '-singlefile',
      pdf,
      SCREENSHOT.replace(/\.png$/, ''),
    ]);
    expect(existsSync(SCREENSHOT)).toBe(true);
  });

  it('reports a failing exit and a timeout, and removes its temp files', async () => {
    const leftovers = () => readdirSync(tmpdir()).filter((n) => n.startsWith('pillars-pdf-'));
    const before = leftovers().length;
    await expect(
      printPdf('<p>x</p>', join(dir, 'x.pdf'), { chromium: '/bin/false' }),
    ).rejects.toThrow(/\/bin\/false.*exit 1/);
    const hang = join(dir, 'hang.sh');
    writeFileSync(hang, '#!/bin/sh\nexec sleep 30\n', { mode: 0o755 });
    await expect(
      printPdf('<p>x</p>', join(dir, 'x.pdf'), { chromium: hang, timeoutMs: 300 }),
    ).rejects.toThrow(/within 300 ms/);
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
    expect(leftovers().length).toBeLessThanOrEqual(before);
  });

  it('names the missing binary', async () => {
    await expect(
      printPdf('<p>x</p>', join(dir, 'x.pdf'), { chromium: '/nonexistent/chromium' }),
    ).rejects.toThrow(/\/nonexistent\/chromium/);
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
  });
});
