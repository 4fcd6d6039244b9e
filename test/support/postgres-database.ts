/**
 * A fresh PostgreSQL database per test suite, on the server the test script started
 * (PILLARS_TEST_DATABASE_URL). Created from template0 with a UTF-8 locale and dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const TEST_DATABASE_URL = process.env.PILLARS_TEST_DATABASE_URL;
export const POSTGRES_REQUIRED = process.env.PILLARS_REQUIRE_POSTGRES === '1';

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  if (!TEST_DATABASE_URL) throw new Error('PILLARS_TEST_DATABASE_URL is not set');
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `pillars_test_${randomBytes(6).toString('hex')}`;
  await admin((c) =>
    c.query(
      `create database ${name} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`,
    ),
  );
  const url = new URL(TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    // Wait for the store's own sessions to finish closing rather than killing them: a backend killed
    // while its client is still ending reports FATAL 57P01 to a client nobody listens to any more.
    drop: () =>
      admin(async (c) => {
        for (let attempt = 0; attempt < 100; attempt++) {
          const { rows } = await c.query<{ n: string }>(
            'select count(*) as n from pg_stat_activity where datname = $1',
            [name],
          );
          if (Number(rows[0]?.n ?? 0) === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await c.query(`drop database if exists ${name} with (force)`);
      }),
  };
}
