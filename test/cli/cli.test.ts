/**
 * The `pillars` command as a user runs it: a real process, a real store, stdout and exit codes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPillars } from '../support/run-pillars.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreConfig } from '../../src/config/config.js';
import { ENGINES, freshStoreConfig } from '../support/for-each-store.js';
import { POSTGRES_REQUIRED, TEST_DATABASE_URL } from '../support/postgres-database.js';
import { suiteTempDir } from '../support/temp-dir.js';

function pillars(args: string[], options: { config?: StoreConfig; input?: string } = {}) {
  const storeArgs =
    options.config === undefined
      ? []
      : options.config.kind === 'sqlite'
        ? ['--db', options.config.file]
        : ['--database-url', options.config.url];
  return runPillars([...storeArgs, ...args], { input: options.input });
}
const json = <T>(stdout: string) => JSON.parse(stdout) as T;

for (const engine of ENGINES) {
  const unavailable = engine === 'postgres' && !TEST_DATABASE_URL && !POSTGRES_REQUIRED;
  describe.skipIf(unavailable)(`pillars CLI [${engine}]`, () => {
    let config: StoreConfig;
    let dispose: () => Promise<void>;
    beforeAll(async () => {
      ({ config, dispose } = await freshStoreConfig(engine));
    });
    afterAll(() => dispose());

    it('seeds once, and a second seed changes nothing', () => {
      const first = pillars(['seed', '--json'], { config });
      expect(first.code).toBe(0);
      expect(json<{ status: string }>(first.stdout).status).toBe('seeded');
      const second = pillars(['seed'], { config });
      expect(second.stdout).toMatch(/already up to date/);
    });

    it('states --json: 197 States named in six languages, JSON only on stdout', () => {
      const r = pillars(['states', '--json'], { config });
      expect(r.code).toBe(0);
      const states = json<{ id: string; names: Record<string, { short: string }> }[]>(r.stdout);
      expect(states.length).toBeGreaterThanOrEqual(197);
      for (const s of states)
        expect(Object.keys(s.names).sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    });

    it('states --group P5 and CTBT-ANNEX2', () => {
      expect(
        json<unknown[]>(pillars(['states', '--group', 'P5', '--json'], { config }).stdout),
      ).toHaveLength(5);
      expect(
        json<unknown[]>(pillars(['states', '--group', 'CTBT-ANNEX2', '--json'], { config }).stdout),
      ).toHaveLength(44);
    });

    it('actions --json: 64 numbered actions with their pillars, and the Middle East section', () => {
      const actions = json<{ id: string; number: number | null; pillar: string }[]>(
        pillars(['actions', '--json'], { config }).stdout,
      );
      expect(actions).toHaveLength(65);
      for (const a of actions.filter((x) => x.number !== null)) {
        const expected =
          a.number! <= 22 ? 'disarmament' : a.number! <= 46 ? 'non-proliferation' : 'peaceful-uses';
        expect(a.pillar, a.id).toBe(expected);
      }
      expect(actions.at(-1)).toMatchObject({
        id: 'AP2010-ME',
        number: null,
        pillar: 'middle-east',
      });
    });

    it('resolve-name reads names from stdin, one result per input, in order', () => {
      const r = pillars(['resolve-name', '--json'], {
        config,
        input: 'Swaziland\n朝鲜民主主义人民共和国\r\nAtlantis\n',
      });
      expect(r.code).toBe(1);
      expect(json<unknown[]>(r.stdout)).toEqual([
        { input: 'Swaziland', state: { id: 'SWZ', alpha2: 'SZ', name: 'Eswatini' } },
        {
          input: '朝鲜民主主义人民共和国',
          state: expect.objectContaining({ id: 'PRK' }) as unknown,
        },
        { input: 'Atlantis', state: null, status: 'unknown', candidates: [] },
      ]);
      expect(r.stderr).toMatch(/unknown State name 'Atlantis'/);
    });
  });
}

describe('pillars CLI on bad input', () => {
  const dir = suiteTempDir('pillars-cli-');
  const db = join(dir, 'cli.db');

  it('resolve-name with an unknown name exits 1 with a clear message', () => {
    const r = pillars(['--db', db, 'resolve-name', 'Freedonia']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/pillars: unknown State name 'Freedonia'/);
  });

  it('a corrupt database file is a clear error, not a stack trace', () => {
    const bad = join(dir, 'corrupt.db');
    writeFileSync(bad, Buffer.alloc(8192, 7));
    const r = pillars(['--db', bad, 'states']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^pillars: cannot open database .*corrupt\.db/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('usage errors exit 2', () => {
    expect(pillars(['--db', db, 'states', '--lang', 'de']).code).toBe(2);
    expect(pillars(['--db', db, 'meetings', '--cycle', 'soon']).code).toBe(2);
    expect(pillars(['no-such-verb']).code).toBe(2);
    expect(pillars(['state']).code).toBe(2);
  });

  it('an unknown State id exits 1', () => {
    const r = pillars(['--db', db, 'state', 'XXX']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no state with id 'XXX'/);
  });

  it('prints readable tables without --json', () => {
    const r = pillars(['--db', db, 'meetings', '--cycle', '2015']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/NPT-2015-PC2\s+2013-04-22 – 2013-05-03\s+Geneva/);
  });
});
