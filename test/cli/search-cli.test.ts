/**
 * `pillars search` and `pillars reindex` as a user runs them, on a seeded SQLite file.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchResponse } from '../../src/contract/api-schemas.js';
import { runPillars } from '../support/run-pillars.js';
import { suiteTempDir } from '../support/temp-dir.js';

const db = join(suiteTempDir('pillars-search-cli-'), 'search.db');
const pillars = (args: string[]) => runPillars(['--db', db, ...args]);

describe('pillars search and reindex', () => {
  beforeAll(() => {
    expect(pillars(['seed']).code).toBe(0);
  });

  it('prints grouped hits with the matches marked', () => {
    const r = pillars(['search', 'family', 'reunification']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^4 paragraph\(s\)/u);
    expect(r.stdout).toContain('A/RES/55/100 [en]');
    expect(r.stdout).toContain('[family] [reunification]');
    expect(r.stdout).toMatch(/^year: 2000 4$/mu);
  });

  it('--across --json adds the five other language versions', () => {
    const r = pillars(['search', 'family reunification', '--across', '--json']);
    expect(r.code).toBe(0);
    const response = JSON.parse(r.stdout) as SearchResponse;
    expect(new Set(response.groups.map((g) => g.lang)).size).toBe(6);
  });

  it('--lang limits the languages; Chinese substring search works from the shell', () => {
    const r = pillars(['search', '裁军', '--lang', 'zh', '--json', '--no-facets']);
    expect(r.code).toBe(0);
    const response = JSON.parse(r.stdout) as SearchResponse;
    expect(response.facets).toBeNull();
    expect(response.groups.every((g) => g.lang === 'zh')).toBe(true);
    expect(response.total.value).toBeGreaterThan(0);
  });

  it('a malformed query exits 2 with the place marked under the query', () => {
    const r = pillars(['search', 'nuclear (weapons']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('  nuclear (weapons\n          ^');
    expect(r.stderr).toMatch(/never closed \(at character 9\)/u);
  });

  it('reindex rebuilds the index and the answers stay the same', () => {
    const before = JSON.parse(pillars(['search', 'lang:ru', '--json']).stdout) as SearchResponse;
    const r = pillars(['reindex', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ documents: 7 });
    const after = JSON.parse(pillars(['search', 'lang:ru', '--json']).stdout) as SearchResponse;
    expect({ ...after, tookMs: 0 }).toEqual({ ...before, tookMs: 0 });
  });
});
