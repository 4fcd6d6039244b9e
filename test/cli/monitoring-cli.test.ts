/**
 * The monitoring verbs as a user runs them on a seeded SQLite file: evidence suggested for the
 * founding statement, confirmed with a stance, an assessment recorded, the matrix and the export
 * reflecting both, and the 2015 monitoring report printed to PDF by Chromium — page 1 rendered by
 * pdftoppm is not blank, and the text carries the citation and the Chinese quote.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPillars } from '../support/run-pillars.js';
import { firstPageInk } from '../support/pdf-pages.js';
import { suiteTempDir } from '../support/temp-dir.js';

const dir = suiteTempDir('pillars-monitoring-cli-');
const db = join(dir, 'monitoring.db');
const pillars = (args: string[]) => runPillars(['--db', db, ...args]);
const haveTools = existsSync('/usr/bin/chromium') && existsSync('/usr/bin/pdftoppm');

interface EvidenceJson {
  items: { id: string; actionId: string; text: string; states: string[]; status: string }[];
  total: number;
}

describe('pillars evidence, assess, matrix and report monitoring', () => {
  let ctbt: EvidenceJson['items'][number];

  beforeAll(() => {
    expect(pillars(['seed']).code).toBe(0);
  });

  it('lists the suggestions for the test-ban actions, attributed to the P5', () => {
    const r = pillars(['evidence', 'list', '--action', '11', '--cycle', '2015', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const page = JSON.parse(r.stdout) as EvidenceJson;
    ctbt = page.items.find((e) => e.text.includes('全面禁止核试验条约'))!;
    expect(ctbt).toBeDefined();
    expect(ctbt.states).toEqual(['CHN', 'FRA', 'GBR', 'RUS', 'USA']);
  });

  it('confirms evidence and records an assessment, each with who did it', () => {
    const confirm = pillars([
      'evidence',
      'confirm',
      ctbt.id,
      '--by',
      'Monitor',
      '--stance',
      'reaffirms',
    ]);
    expect(confirm.code, confirm.stderr).toBe(0);
    expect(confirm.stdout).toMatch(/1\s+confirmed\s+reaffirms\s+Monitor/u);
    const assessed = pillars([
      'assess',
      '11',
      'FRA',
      '--cycle',
      '2015',
      '--status',
      'partially-implemented',
      '--rationale',
      'Supports entry into force.',
      '--by',
      'Assessor',
      '--evidence',
      ctbt.id,
    ]);
    expect(assessed.code, assessed.stderr).toBe(0);
    expect(assessed.stdout).toMatch(/1\s+partially-implemented\s+Assessor/u);
    const bad = pillars([
      'assess',
      '11',
      'FRA',
      '--cycle',
      '2015',
      '--status',
      'done',
      '--rationale',
      'x',
      '--by',
      'A',
    ]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/status/u);
  });

  it('shows both in the matrix and the export', () => {
    const matrix = JSON.parse(
      pillars(['matrix', '--cycle', '2015', '--group', 'P5', '--json']).stdout,
    ) as {
      cells: {
        action: string;
        state: string;
        confirmed: number;
        assessment: { status: string } | null;
      }[];
    };
    expect(matrix.cells.find((c) => c.action === 'AP2010-A11' && c.state === 'FRA')).toMatchObject({
      confirmed: 1,
      assessment: { status: 'partially-implemented' },
    });
    const csv = pillars(['evidence', 'export', '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toContain(`${ctbt.id},AP2010-A11,`);
  });

  it.skipIf(!haveTools)(
    'prints the 2015 monitoring report as a PDF whose first page renders',
    () => {
      const pdf = join(dir, 'monitoring-2015.pdf');
      const r = pillars([
        'report',
        'monitoring',
        '--cycle',
        '2015',
        '--format',
        'pdf',
        '--out',
        pdf,
      ]);
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
      expect(firstPageInk(pdf)).toBeGreaterThan(0.005);
      const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
      expect(text).toMatch(/第四次五常会议联合声明.*para\. 9/u);
      expect(text).toContain('全面禁止核试验条约');
      expect(text).toContain('Supports entry into force.');

      const html = join(dir, 'monitoring-2015.zh.html');
      expect(
        pillars(['report', 'monitoring', '--cycle', '2015', '--lang', 'zh', '--out', html]).code,
      ).toBe(0);
      expect(readFileSync(html, 'utf8')).toMatch(/<html[^>]*lang="zh/u);
    },
  );
});
