/**
 * The treaty verbs as a user runs them: status, import-events with a bad table, report map.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { runPillars } from '../support/run-pillars.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { suiteTempDir } from '../support/temp-dir.js';

const dir = suiteTempDir('pillars-treaty-cli-');
const db = join(dir, 'treaties.db');
const pillars = (args: string[]) => runPillars(['--db', db, ...args]);

describe('pillars treaty verbs', () => {
  beforeAll(() => {
    expect(pillars(['seed']).code).toBe(0);
  });

  it('status CTBT --as-of 2014-01-01 --json: the eight missing Annex 2 States', () => {
    const r = pillars(['status', 'CTBT', '--as-of', '2014-01-01', '--json']);
    expect(r.code).toBe(0);
    const status = JSON.parse(r.stdout) as { entryIntoForce: { missing: string[] } };
    expect(status.entryIntoForce.missing).toEqual([
      'CHN',
      'EGY',
      'IND',
      'IRN',
      'ISR',
      'PAK',
      'PRK',
      'USA',
    ]);
  });

  it('status TPNW --json: entry into force computed on 2021-01-22', () => {
    const status = JSON.parse(pillars(['status', 'TPNW', '--json']).stdout) as {
      entryIntoForce: { date: string; basis: string };
    };
    expect(status.entryIntoForce).toMatchObject({ date: '2021-01-22', basis: 'computed' });
  });

  it('import-events reports bad rows by line and stores nothing', () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(
      file,
      'Participant,Signature,Ratification\nAustria,20 Sep 2017,8 May 2018\nAtlantis,20 Sep 2017,\n',
    );
    const r = pillars(['import-events', file, '--instrument', 'TPNW']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.csv:3: Participant: unknown State name 'Atlantis'/);
    expect(r.stderr).toMatch(/nothing stored/);
    expect(pillars(['import-events', file]).code).toBe(2);
  });

  it('report map writes a standalone SVG', () => {
    const out = join(dir, 'map.svg');
    const r = pillars(['report', 'map', 'CTBT', '--as-of', '2013-04-18', '--out', out]);
    expect(r.code).toBe(0);
    const svg = readFileSync(out, 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('CTBT: status on 2013-04-18');
    expect(XMLValidator.validate(svg)).toBe(true);
  });
});
