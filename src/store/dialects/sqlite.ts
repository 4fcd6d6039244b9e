/**
 * @module The embedded SQLite engine (better-sqlite3): WAL journal, foreign keys enforced.
 */
import { mkdirSync, existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { storeUnavailable } from '../../domain/errors.js';
import { storeQueryLogger } from '../../observability/metrics.js';
import type { Database } from '../database.js';

export function openSqlite(file: string): Kysely<Database> {
  if (existsSync(file) && statSync(file).isDirectory()) {
    throw storeUnavailable(`cannot open database ${file}: it is a directory`);
  }
  mkdirSync(dirname(file), { recursive: true });
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(file);
    // A corrupt or foreign file fails here, at the first read, rather than deep inside a query.
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('synchronous = NORMAL');
    // 64 MB of page cache (the default is 2 MB): index pages of large tables stay in memory.
    sqlite.pragma('cache_size = -65536');
    // A checkpoint every 16,384 pages of WAL (64 MB) rather than SQLite's 1,000 (4 MB). A group
    // commit of ingestion writes about 15 MB, so at the default every commit ran a checkpoint on
    // the writer's thread: two fsyncs and a copy of the group's pages into the database file,
    // with the writer stalled meanwhile, and pages the next group changes again copied again.
    // Measured on the ingest benchmark (10,000 documents, final checkpoint included): about 5 %
    // faster. The WAL file is cut back to 64 MB when a checkpoint lets it restart.
    sqlite.pragma('wal_autocheckpoint = 16384');
    sqlite.pragma('journal_size_limit = 67108864');
    const check = sqlite.pragma('quick_check(1)', { simple: true });
    if (check !== 'ok') throw new Error(String(check));
  } catch (error) {
    throw storeUnavailable(
      `cannot open database ${file}: ${(error as Error).message} (is it a Pillars SQLite file?)`,
      error,
    );
  }
  return new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    log: storeQueryLogger('sqlite'),
  });
}

/**
 * A read-only connection to a store another connection writes (a search worker's): WAL lets it
 * read while the writer writes, and it never takes the write lock. No checks: the writer's
 * connection opened and checked the file.
 */
export function openSqliteReader(file: string): Kysely<Database> {
  let sqlite: BetterSqlite3.Database;
  try {
    sqlite = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('cache_size = -65536');
  } catch (error) {
    throw storeUnavailable(
      `cannot open database ${file} to read: ${(error as Error).message}`,
      error,
    );
  }
  return new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    log: storeQueryLogger('sqlite'),
  });
}

const STATEMENT_CACHE_SIZE = 256;

/**
 * Kysely prepares every query anew; better-sqlite3 statements can be reused, and preparing is a
 * large share of a small write. Cache prepared statements by SQL text (least recently used out).
 */
function withStatementCache(sqlite: BetterSqlite3.Database): BetterSqlite3.Database {
  const cache = new Map<string, BetterSqlite3.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  return new Proxy(sqlite, {
    get(target, property, receiver) {
      if (property !== 'prepare') return Reflect.get(target, property, receiver) as unknown;
      return (source: string) => {
        let statement = cache.get(source);
        if (statement) {
          cache.delete(source);
        } else {
          statement = prepare(source);
          if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
        }
        cache.set(source, statement);
        return statement;
      };
    },
  });
}
