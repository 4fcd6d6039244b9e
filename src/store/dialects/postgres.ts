/**
 * @module The PostgreSQL engine (pg pool).
 */
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { storeUnavailable } from '../../domain/errors.js';
import { storeQueryLogger } from '../../observability/metrics.js';
import type { Database } from '../database.js';

// bigint (count(*)) arrives as a string by default; our counts fit comfortably in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export async function openPostgres(url: string): Promise<Kysely<Database>> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 10_000 });
  // An idle connection the server ends (a restart, a failover) must not crash the process: the pool
  // drops it and the next query opens a new one.
  const lost = (error: Error) => {
    process.emitWarning(`PostgreSQL connection lost: ${error.message}`);
  };
  pool.on('error', lost);
  // A connection checked out between two queries (a transaction's, or one being released while
  // the pool ends) has no listener from the pool: without one of its own, the server ending it
  // (a restart, a failover, a shutdown while the app drains) would end the process.
  pool.on('connect', (client) => client.on('error', lost));
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: storeQueryLogger('postgres'),
  });
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy();
    throw storeUnavailable(`cannot connect to PostgreSQL: ${(error as Error).message}`, error);
  }
  return db;
}
