import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { createTestDatabase, TEST_DATABASE_URL } from '../support/postgres-database.js';
import { suiteTempDir } from '../support/temp-dir.js';

describe('opening a store that is not usable', () => {
  const dir = suiteTempDir('pillars-open-');

  it('names a SQLite file that is not a database', async () => {
    const file = join(dir, 'garbage.db');
    writeFileSync(
      file,
      'this is not a database, just some text that fills the header page '.repeat(100),
    );
    await expect(openStore({ kind: 'sqlite', file })).rejects.toMatchObject({
      code: 'store_unavailable',
      message: expect.stringContaining(file) as unknown,
    });
  });

  it('names a path that is a directory', async () => {
    await expect(openStore({ kind: 'sqlite', file: dir })).rejects.toMatchObject({
      code: 'store_unavailable',
    });
  });

  it('reports a PostgreSQL server that does not answer', async () => {
    await expect(
      openStore({ kind: 'postgres', url: 'postgres://nobody@127.0.0.1:1/none' }),
    ).rejects.toMatchObject({
      code: 'store_unavailable',
      message: expect.stringMatching(/cannot connect to PostgreSQL/) as unknown,
    });
  });
});

describe.skipIf(!TEST_DATABASE_URL)('a PostgreSQL connection the server ends', () => {
  it('is a warning, not the end of the process, even when checked out between two queries', async () => {
    const { url, drop } = await createTestDatabase();
    const store = await openStore({ kind: 'postgres', url });
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on('warning', onWarning);
    try {
      await store.db.connection().execute(async (connection) => {
        const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(
          connection,
        );
        // As a restart or failover would: the server ends the session while it sits idle.
        await sql`select pg_terminate_backend(${rows[0]!.pid})`.execute(store.reader);
        for (let i = 0; i < 50 && warnings.length === 0; i++)
          await new Promise((r) => setTimeout(r, 20));
      });
      expect(warnings.some((w) => w.includes('PostgreSQL connection lost'))).toBe(true);
      // The pool opens a new connection for the next query.
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(store.db);
      expect(rows[0]!.one).toBe(1);
    } finally {
      process.off('warning', onWarning);
      await store.close();
      await drop();
    }
  });
});
