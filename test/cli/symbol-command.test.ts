/**
 * `pillars symbol` as a user runs it: a real process, stdout, stderr and the exit code. The verb
 * opens no store, so the store settings point nowhere usable.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function pillars(args: string[]) {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args],
    {
      cwd: ROOT,
      encoding: 'utf8',
      // No database may be opened: point the store settings nowhere usable.
      env: { ...process.env, PILLARS_DB: '/nonexistent/pillars.db', PILLARS_DATABASE_URL: '' },
      timeout: 60_000,
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonResult {
  input: string;
  symbol?: Record<string, unknown>;
  error?: { message: string; position: number };
}

describe('pillars symbol', () => {
  it('--json: one object per input, in order, JSON only on stdout', () => {
    const r = pillars([
      'symbol',
      'npt/conf.2015/pc.ii/wp.13',
      'A/C.1/65/L.1/Rev 1',
      'S/RES/1540(2004)',
      'INFCIRC/153 (Corrected)',
      '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const results = JSON.parse(r.stdout) as JsonResult[];
    expect(results.map((x) => x.input)).toEqual([
      'npt/conf.2015/pc.ii/wp.13',
      'A/C.1/65/L.1/Rev 1',
      'S/RES/1540(2004)',
      'INFCIRC/153 (Corrected)',
    ]);
    expect(results[0]).toEqual({
      input: 'npt/conf.2015/pc.ii/wp.13',
      symbol: {
        canonical: 'NPT/CONF.2015/PC.II/WP.13',
        base: 'NPT/CONF.2015/PC.II/WP.13',
        body: 'NPT',
        conference: 2015,
        prepCom: 2,
        series: 'WP',
        number: '13',
        revisions: [],
      },
    });
    expect(results[1]?.symbol).toMatchObject({
      canonical: 'A/C.1/65/L.1/Rev.1',
      base: 'A/C.1/65/L.1',
      committee: 'C.1',
      session: 65,
      revisions: [{ kind: 'Rev', number: 1 }],
    });
    expect(results[2]?.symbol).toMatchObject({ canonical: 'S/RES/1540 (2004)', year: 2004 });
    expect(results[3]?.symbol).toMatchObject({ base: 'INFCIRC/153', corrected: true });
  });

  it('prints every result and exits 1 when any input fails to parse', () => {
    const r = pillars(['symbol', 'NPT/CONF.2015/PC.IV/1', 'A/RES/55/100', 'XYZ/1', '--json']);
    expect(r.code).toBe(1);
    const results = JSON.parse(r.stdout) as JsonResult[];
    expect(results).toHaveLength(3);
    expect(results[0]).toEqual({
      input: 'NPT/CONF.2015/PC.IV/1',
      error: {
        message:
          "expected a Preparatory Committee session (I, II or III) after PC. at position 17, found 'IV'",
        position: 17,
      },
    });
    expect(results[1]?.symbol).toMatchObject({ canonical: 'A/RES/55/100', session: 55 });
    expect(results[2]?.error?.position).toBe(0);
    expect(r.stderr).toMatch(/pillars: not a UN document symbol 'NPT\/CONF.2015\/PC.IV\/1'/);
    expect(r.stderr).toMatch(/pillars: not a UN document symbol 'XYZ\/1'/);
  });

  it('without --json prints a readable table', () => {
    const r = pillars(['symbol', 'A/C.1/65/L.1/Rev.1', 'NPT/CONF.2010/50 (Vol. I)', 'A/RES/']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(
      /^input\s+canonical\s+work\s+revision\s+body\s+series\s+number\s+details$/,
    );
    expect(lines[2]).toMatch(
      /^A\/C\.1\/65\/L\.1\/Rev\.1\s+A\/C\.1\/65\/L\.1\/Rev\.1\s+A\/C\.1\/65\/L\.1\s+Rev\.1\s+A\s+L\s+1\s+organ C\.1, session 65$/,
    );
    expect(lines[3]).toMatch(/NPT\/CONF\.2010\/50 \(Vol\. I\)\s+.*RevCon 2010, volume I$/);
    expect(lines[4]).toMatch(
      /^A\/RES\/\s+INVALID\s+expected a session number after A\/RES\/ at position 6/,
    );
    expect(r.stderr).toMatch(/not a UN document symbol 'A\/RES\/'/);
  });

  it('without a symbol is a usage error (exit 2)', () => {
    const r = pillars(['symbol']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing required argument/);
  });
});
