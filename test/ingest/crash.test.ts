/**
 * A batch ingest killed with SIGKILL midway, on SQLite and PostgreSQL: no partial document is
 * left, the store opens cleanly, and the same batch run again completes with the finished files
 * skipped.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoreConfig } from '../../src/config/config.js';
import { openStore } from '../../src/store/open-store.js';
import { ENGINES, freshStoreConfig } from '../support/for-each-store.js';
import { POSTGRES_REQUIRED, TEST_DATABASE_URL } from '../support/postgres-database.js';
import { runPillars } from '../support/run-pillars.js';
import { FIXTURES, toText } from '../support/un-fixtures.js';
import { suiteTempDir } from '../support/temp-dir.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FILES = 400;

function storeArgs(config: StoreConfig): string[] {
  return config.kind === 'sqlite' ? ['--db', config.file] : ['--database-url', config.url];
}

async function countExpressions(config: StoreConfig): Promise<number> {
  const store = await openStore(config, { migrate: false });
  try {
    return Number(
      (
        await store.db
          .selectFrom('expressions')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  } catch {
    return 0;
  } finally {
    await store.close();
  }
}

for (const engine of ENGINES) {
  const unavailable = engine === 'postgres' && !TEST_DATABASE_URL && !POSTGRES_REQUIRED;
  describe.skipIf(unavailable)(`ingest killed midway [${engine}]`, () => {
    let config: StoreConfig;
    let dispose: () => Promise<void>;
    const dir = suiteTempDir('pillars-crash-');
    beforeAll(async () => {
      ({ config, dispose } = await freshStoreConfig(engine));
      const langs = Object.values(FIXTURES);
      for (let i = 0; i < FILES; i++) {
        const fixture = langs[i % langs.length]!;
        writeFileSync(
          join(dir, `doc-${String(i).padStart(4, '0')}.txt`),
          toText({ ...fixture, symbol: `NPT/CONF.2015/PC.II/WP.${i + 1}` }),
        );
      }
      // Migrate and seed first, so the kill lands in the ingest itself.
      expect(runPillars([...storeArgs(config), 'seed']).code).toBe(0);
    });
    afterAll(() => dispose());

    it('leaves no partial document, opens cleanly, and finishes on a second run', async () => {
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          join(ROOT, 'src/cli/main.ts'),
          ...storeArgs(config),
          'ingest',
          dir,
          '--json',
        ],
        { cwd: ROOT, stdio: 'ignore' },
      );
      const baseline = await countExpressions(config);
      const deadline = Date.now() + 60_000;
      while ((await countExpressions(config)) - baseline < 15 && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 25));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.on('exit', resolve));
      const stored = (await countExpressions(config)) - baseline;
      expect(stored).toBeGreaterThan(0);
      expect(stored).toBeLessThan(FILES);

      const store = await openStore(config);
      try {
        if (engine === 'sqlite') {
          const { sql } = await import('kysely');
          const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(
            store.db,
          );
          expect(check.rows[0]?.integrity_check).toBe('ok');
        }
        // Every stored expression has all its segments and its file; no orphan rows anywhere.
        const partial = await store.db
          .selectFrom('expressions')
          .leftJoin('segments', 'segments.expression_id', 'expressions.id')
          .select(['expressions.id', 'expressions.segment_count'])
          .select((eb) => eb.fn.count<number>('segments.position').as('n'))
          .groupBy(['expressions.id', 'expressions.segment_count'])
          .execute();
        expect(partial.filter((row) => Number(row.n) !== Number(row.segment_count))).toEqual([]);
        const orphans = await store.db
          .selectFrom('manifestations')
          .leftJoin('expressions', 'expressions.manifestation_id', 'manifestations.id')
          .select('manifestations.id')
          .where('expressions.id', 'is', null)
          .execute();
        expect(orphans).toEqual([]);
      } finally {
        await store.close();
      }

      const rerun = runPillars([...storeArgs(config), 'ingest', dir, '--json']);
      expect(rerun.code).toBe(0);
      const { summary } = JSON.parse(rerun.stdout) as {
        summary: { ok: number; skipped: number; error: number };
      };
      expect(summary).toEqual({ ok: FILES - stored, skipped: stored, error: 0 });
      expect((await countExpressions(config)) - baseline).toBe(FILES);
    });
  });
}
