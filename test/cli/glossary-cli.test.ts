/**
 * The glossary verbs as a user runs them on a seeded SQLite file: list (200+ concepts), show,
 * search, an export → import round trip into a second store giving the identical file, a bad
 * import refused with the line named and nothing changed, and the consistency check with
 * --json and --html.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runPillars } from '../support/run-pillars.js';
import { suiteTempDir } from '../support/temp-dir.js';

const dir = suiteTempDir('pillars-glossary-cli-');
const db = join(dir, 'glossary.db');
const other = join(dir, 'other.db');
const pillars = (args: string[], file = db) => runPillars(['--db', file, ...args]);

describe('pillars glossary', () => {
  beforeAll(() => {
    expect(pillars(['seed']).code).toBe(0);
  });

  it('lists 200+ concepts, each with a preferred term in six languages', () => {
    const r = pillars(['glossary', 'list', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const list = JSON.parse(r.stdout) as {
      total: number;
      items: { preferred: Record<string, string>; definition?: string }[];
    };
    expect(list.total).toBeGreaterThanOrEqual(200);
    for (const c of list.items)
      expect(Object.keys(c.preferred).sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    const table = pillars(['glossary', 'list', '--domain', 'treaties', '--lang', 'zh']);
    expect(table.stdout).toMatch(/全面禁止核试验条约/);
  });

  it('shows a concept and searches terms in any language', () => {
    const show = pillars(['glossary', 'show', 'additional-protocol']);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toMatch(/\[zh\] 附加议定书/);
    expect(show.stdout).toMatch(/Pillars editors/);
    const search = pillars(['glossary', 'search', 'tice', '--json']);
    expect(
      (JSON.parse(search.stdout) as { conceptId: string }[]).some((h) => h.conceptId === 'ctbt'),
    ).toBe(true);
    expect(pillars(['glossary', 'show', 'nope']).code).toBe(1);
    expect(pillars(['glossary', 'list', '--domain', 'poetry']).stderr).toMatch(/--domain/);
  });

  it('exports TBX, imports it into another store, and exports the identical file', () => {
    const file = join(dir, 'glossary.tbx');
    expect(pillars(['glossary', 'export', '--format', 'tbx', '-o', file]).code).toBe(0);
    const imported = pillars(
      ['glossary', 'import', file, '--by', 'cli test', '--mode', 'replace', '--json'],
      other,
    );
    expect(imported.code, imported.stderr).toBe(0);
    const again = join(dir, 'again.tbx');
    expect(pillars(['glossary', 'export', '--format', 'tbx', '-o', again], other).code).toBe(0);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(file, 'utf8'));
    const ttl = pillars(['glossary', 'export', '--format', 'skos-ttl']);
    expect(ttl.stdout).toContain('skos:Concept');
  });

  it('refuses a bad import, naming the line, and changes nothing', () => {
    const tbx = readFileSync(join(dir, 'glossary.tbx'), 'utf8');
    const bad = join(dir, 'bad.tbx');
    writeFileSync(bad, tbx.replace('xml:lang="es"', 'xml:lang="xx"'));
    const before = pillars(['glossary', 'export', '--format', 'csv']).stdout;
    const r = pillars(['glossary', 'import', bad, '--by', 'cli test']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/rejected/);
    expect(r.stdout).toMatch(/nothing imported/);
    expect(pillars(['glossary', 'export', '--format', 'csv']).stdout).toBe(before);
    const missing = pillars(['glossary', 'import', join(dir, 'missing.tbx'), '--by', 'x']);
    expect(missing.stderr).toMatch(/missing\.tbx/);
  });

  it('checks A/RES/55/100 from English into Russian', () => {
    const r = pillars([
      'glossary',
      'check',
      'A/RES/55/100',
      '--source',
      'en',
      '--target',
      'ru',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { conceptsChecked: number; findings: unknown[] };
    expect(report.conceptsChecked).toBeGreaterThan(0);
    const html = pillars([
      'glossary',
      'check',
      'A/RES/55/100',
      '--source',
      'en',
      '--target',
      'ru',
      '--html',
    ]);
    expect(html.stdout).toMatch(/^<!doctype html>/);
    const text = pillars([
      'glossary',
      'annotate',
      'The IAEA and the CTBTO met in Vienna.',
      '--lang',
      'en',
    ]);
    expect(text.stdout).toMatch(/iaea/);
  });
});
