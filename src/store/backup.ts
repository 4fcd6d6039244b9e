/**
 * @module Backing up the store to one file, and restoring the store from one.
 *
 * - SQLite: SQLite's online backup API, from a connection of its own to the store's file, so a
 *   running server keeps serving (WAL: readers do not block its writes) and the copy is one
 *   consistent snapshot. The copy is switched to a rollback journal, so the backup is a single
 *   self-contained file.
 * - PostgreSQL: `pg_dump --format=custom` (one snapshot of the database), restored by
 *   `pg_restore --single-transaction`, so a failed restore changes nothing.
 *
 * Every file is written under a temporary name beside its destination, verified, and only then
 * renamed: a crash never leaves a half-written backup (or store) under the final name. A restore
 * reads the backup's first bytes to know its engine, refuses the other engine's backups and
 * anything that is not a complete Pillars backup before it touches the store, and brings the
 * restored store up to date with `openStore` (migrations newer than the backup).
 *
 * Like the dialects, this module knows both engines: a backup is the one place where the engine's
 * own files and tools are the point.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  closeSync,
  createReadStream,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3';
import { describeStore, type StoreConfig } from '../config/config.js';
import { invalidData, invalidParameter, PillarsError, storeUnavailable } from '../domain/errors.js';
import type { Database } from './database.js';
import { migrations } from './migrations/index.js';
import { openStore, type Engine, type Store } from './open-store.js';
import { lastLines, pgConnection, runPgTool, type PgConnection } from './postgres-tools.js';

/** The tables every Pillars store has from its first migration on. */
const REQUIRED_TABLES = ['kysely_migration', 'meta'] as const;

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const PG_MAGIC = Buffer.from('PGDMP', 'latin1');

const ENGINE_NAMES: Record<Engine, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

export interface BackupResult {
  /** Absolute path of the backup written. */
  readonly file: string;
  readonly engine: Engine;
  /** The store, as safe to print (never a password). */
  readonly store: string;
  readonly bytes: number;
  readonly sha256: string;
  /** The migrations the backed-up store had. */
  readonly migrations: readonly string[];
  readonly durationMs: number;
}

export interface StoreCounts {
  /** Documents (a work: one symbol, every language version). */
  readonly works: number;
  /** Language versions of the documents. */
  readonly expressions: number;
  readonly glossaryConcepts: number;
  readonly reports: number;
  readonly users: number;
  readonly auditEntries: number;
}

export interface RestoreResult {
  /** Absolute path of the backup restored. */
  readonly file: string;
  readonly engine: Engine;
  readonly store: string;
  readonly bytes: number;
  readonly sha256: string;
  /** The migrations the backup had. */
  readonly migrations: readonly string[];
  /** Migrations newer than the backup, applied after restoring it. */
  readonly migrated: readonly string[];
  readonly counts: StoreCounts;
  readonly durationMs: number;
}

export interface BackupOptions {
  /** Replace an existing file at the destination. */
  readonly force?: boolean;
  /**
   * Runs on the open store just before the copy starts, so what it writes is in the backup
   * (the CLI records its audit entry here).
   */
  readonly beforeCopy?: (store: Store) => Promise<void>;
}

// ---------------------------------------------------------------------------------------------
// Backup

export async function backupStore(
  config: StoreConfig,
  outFile: string,
  options: BackupOptions = {},
): Promise<BackupResult> {
  const started = performance.now();
  const out = resolve(outFile);
  checkDestination(config, out, options.force === true);
  if (config.kind === 'sqlite') requireSqliteStore(config.file);
  const store = await openStore(config, { migrate: false });
  try {
    await requirePillarsTables(store, describeStore(config));
    await options.beforeCopy?.(store);
  } finally {
    await store.close();
  }
  const temp = temporaryBeside(out, 'partial');
  let stored: readonly string[];
  try {
    if (config.kind === 'sqlite') {
      await sqliteCopy(config.file, temp, 'the store');
      stored = verifySqliteCopy(temp);
    } else {
      await pgDump(config.url, temp);
      stored = (await readPgArchive(temp, 'the new backup')).migrations;
    }
    syncFile(temp);
    renameSync(temp, out);
    syncFile(dirname(out));
  } catch (error) {
    removeSqliteFiles(temp);
    throw error instanceof PillarsError
      ? error
      : storeUnavailable(`cannot write the backup ${out}: ${(error as Error).message}`, error);
  }
  const { bytes, sha256 } = await fileDigest(out);
  return {
    file: out,
    engine: config.kind,
    store: describeStore(config),
    bytes,
    sha256,
    migrations: stored,
    durationMs: Math.round(performance.now() - started),
  };
}

function checkDestination(config: StoreConfig, out: string, force: boolean): void {
  if (!existsSync(dirname(out)))
    throw invalidParameter('--out', `the directory ${dirname(out)} does not exist`);
  if (existsSync(out)) {
    if (statSync(out).isDirectory())
      throw invalidParameter('--out', `${out} is a directory; give the backup a file name`);
    if (config.kind === 'sqlite' && sameFile(out, config.file))
      throw invalidParameter('--out', `${out} is the store itself; write the backup elsewhere`);
    if (!force)
      throw invalidParameter(
        '--out',
        `${out} exists already; choose another name, or pass --force to replace it`,
      );
  }
  if (config.kind === 'sqlite') {
    const store = resolve(config.file);
    if (['-wal', '-shm', '-journal'].some((suffix) => out === store + suffix))
      throw invalidParameter('--out', `${out} is one of the store's own files`);
  }
}

function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return resolve(a) === resolve(b);
  }
}

function requireSqliteStore(file: string): void {
  if (!existsSync(file))
    throw storeUnavailable(`there is no store at ${file}: check --db or PILLARS_DB`);
  if (statSync(file).isDirectory())
    throw storeUnavailable(`cannot back up ${file}: it is a directory`);
}

async function requirePillarsTables(store: Store, label: string): Promise<void> {
  const tables = new Set(
    (await store.db.introspection.getTables({ withInternalKyselyTables: true })).map((t) => t.name),
  );
  const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
  if (missing.length > 0)
    throw storeUnavailable(
      `${label} is not a Pillars store (no ${missing.join(' or ')} table): nothing to back up`,
    );
}

// ---------------------------------------------------------------------------------------------
// Restore

export async function restoreStore(config: StoreConfig, file: string): Promise<RestoreResult> {
  const started = performance.now();
  const source = resolve(file);
  const kind = detectBackupKind(source);
  if (kind !== config.kind)
    throw invalidData(
      source,
      `is a ${ENGINE_NAMES[kind]} backup, but the configured store is ${ENGINE_NAMES[config.kind]} (${describeStore(config)}); a backup is restored into a store of the engine it was taken from (${kind === 'sqlite' ? '--db / PILLARS_DB' : '--database-url / PILLARS_DATABASE_URL'})`,
    );
  const { bytes, sha256 } = await fileDigest(source);
  const restored =
    config.kind === 'sqlite'
      ? await restoreSqlite(source, config.file)
      : await restorePostgres(source, config.url);
  const migrated = Object.keys(migrations).filter((name) => !restored.includes(name));
  // Brings the restored store up to date (migrations newer than the backup).
  const store = await openStore(config);
  let counts: StoreCounts;
  try {
    counts = await storeCounts(store);
  } finally {
    await store.close();
  }
  return {
    file: source,
    engine: config.kind,
    store: describeStore(config),
    bytes,
    sha256,
    migrations: restored,
    migrated,
    counts,
    durationMs: Math.round(performance.now() - started),
  };
}

/** The engine a backup file is for, from its first bytes; anything else is refused. */
export function detectBackupKind(file: string): Engine {
  let head: Buffer;
  try {
    if (statSync(file).isDirectory()) throw invalidData(file, 'is a directory, not a backup file');
    const fd = openSync(file, 'r');
    try {
      head = Buffer.alloc(SQLITE_MAGIC.length);
      head = head.subarray(0, readSync(fd, head, 0, head.length, 0));
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    if (error instanceof PillarsError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw invalidData(
      file,
      code === 'ENOENT' ? 'no such file' : `cannot read: ${code ?? String(error)}`,
    );
  }
  if (head.equals(SQLITE_MAGIC)) return 'sqlite';
  if (head.subarray(0, PG_MAGIC.length).equals(PG_MAGIC)) return 'postgres';
  throw invalidData(
    file,
    head.length === 0
      ? 'is empty, not a Pillars backup'
      : 'is not a Pillars backup: it is neither a SQLite database nor a PostgreSQL custom-format dump',
  );
}

async function restoreSqlite(source: string, target: string): Promise<string[]> {
  const stored = checkSqliteBackup(source);
  if (existsSync(target) && statSync(target).isDirectory())
    throw storeUnavailable(`cannot restore into ${target}: it is a directory`);
  mkdirSync(dirname(target), { recursive: true });
  // Fail early, before the copy, when the store is open elsewhere; and again just before the rename.
  claimSqliteTarget(target);
  const temp = temporaryBeside(target, 'restoring');
  try {
    await sqliteCopy(source, temp, source);
    verifySqliteCopy(temp);
    keepOwnership(target, temp);
    syncFile(temp);
    claimSqliteTarget(target);
    // The old store's journal files belong to the old file: left beside the new one, SQLite
    // would apply them to it.
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(target + suffix, { force: true });
    renameSync(temp, target);
    syncFile(dirname(target));
  } catch (error) {
    removeSqliteFiles(temp);
    throw error instanceof PillarsError
      ? error
      : storeUnavailable(`cannot restore into ${target}: ${(error as Error).message}`, error);
  }
  return stored;
}

async function restorePostgres(source: string, url: string): Promise<string[]> {
  const archive = await readPgArchive(source, source);
  knownMigrations(archive.migrations, source);
  const connection = pgConnection(url);
  const store = await openStore({ kind: 'postgres', url }, { migrate: false });
  try {
    // pg_restore --clean drops and recreates what the backup holds; a table it does not hold (from
    // a newer version, or another application) would survive and break the migrations after it.
    const existing = (await store.db.introspection.getTables({ withInternalKyselyTables: true }))
      .filter((t) => t.schema === undefined || t.schema === 'public')
      .map((t) => t.name);
    const extra = existing.filter((name) => !archive.tables.includes(name));
    if (extra.length > 0)
      throw new PillarsError(
        'conflict',
        `the database ${describeStore({ kind: 'postgres', url })} holds tables the backup ${source} does not (${extra.sort().join(', ')}): restore into an empty database, or drop them first`,
      );
  } finally {
    await store.close();
  }
  const run = await runPgTool(
    'pg_restore',
    [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--no-privileges',
      '--single-transaction',
      '--exit-on-error',
      '--dbname',
      connection.url,
      source,
    ],
    connection,
  );
  if (run.code !== 0)
    throw storeUnavailable(
      `restoring ${source} failed, and the database was left as it was: ${lastLines(run.stderr) || `pg_restore exited with ${run.code}`}`,
    );
  return archive.migrations;
}

async function storeCounts(store: Store): Promise<StoreCounts> {
  const count = async (table: keyof Database): Promise<number> => {
    const row = await store.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  return {
    works: await count('works'),
    expressions: await count('expressions'),
    glossaryConcepts: await count('glossary_concepts'),
    reports: await count('reports'),
    users: await count('users'),
    auditEntries: await count('audit_log'),
  };
}

// ---------------------------------------------------------------------------------------------
// SQLite

/** Every page in one step: on a WAL store a reader does not hold up the server's writes. */
const ALL_PAGES = 0x7fffffff;

async function sqliteCopy(from: string, to: string, label: string): Promise<void> {
  let source: BetterSqlite3.Database | undefined;
  try {
    source = new BetterSqlite3(from, { fileMustExist: true, timeout: 5000 });
    await source.backup(to, { progress: () => ALL_PAGES });
  } catch (error) {
    throw storeUnavailable(`cannot copy ${label}: ${(error as Error).message}`, error);
  } finally {
    source?.close();
  }
}

/**
 * Checks a backup file before anything is done with it: the header against the file's size (a
 * cut-off copy), the database's own check, the Pillars tables, and migrations this version knows.
 */
function checkSqliteBackup(file: string): string[] {
  const head = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  let size: number;
  try {
    size = statSync(file).size;
    readSync(fd, head, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  const rawPageSize = head.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (size < 100 || pageSize < 512 || (pageSize & (pageSize - 1)) !== 0)
    throw invalidData(file, 'is damaged: its SQLite header is incomplete or invalid');
  const pages = head.readUInt32BE(28);
  const pagesValid = pages > 0 && head.readUInt32BE(24) === head.readUInt32BE(92);
  if (size % pageSize !== 0 || (pagesValid && size < pages * pageSize))
    throw invalidData(
      file,
      `is truncated: it has ${size} bytes, ${pagesValid ? `its header promises ${pages * pageSize}` : `not a whole number of ${pageSize}-byte pages`}`,
    );
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    return knownMigrations(checkSqliteDatabase(db, file), file);
  } catch (error) {
    if (error instanceof PillarsError) throw error;
    throw invalidData(file, `is damaged: ${(error as Error).message}`);
  } finally {
    db?.close();
  }
}

function checkSqliteDatabase(db: BetterSqlite3.Database, file: string): string[] {
  const check = db.pragma('quick_check(1)', { simple: true });
  if (check !== 'ok') throw invalidData(file, `is damaged: ${String(check)}`);
  const tables = new Set(
    (
      db
        .prepare("select name from sqlite_master where type = 'table' and name in (?, ?)")
        .all(...REQUIRED_TABLES) as { name: string }[]
    ).map((row) => row.name),
  );
  const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
  if (missing.length > 0)
    throw invalidData(
      file,
      `is a SQLite database but not a Pillars store (no ${missing.join(' or ')} table)`,
    );
  const names = (
    db.prepare('select name from kysely_migration order by name').all() as { name: string }[]
  ).map((row) => row.name);
  return names.sort();
}

/** A copy this module wrote: made self-contained (rollback journal) and checked. */
function verifySqliteCopy(file: string): string[] {
  let db: BetterSqlite3.Database | undefined;
  try {
    db = new BetterSqlite3(file, { fileMustExist: true });
    db.pragma('journal_mode = DELETE');
    return checkSqliteDatabase(db, file);
  } catch (error) {
    throw storeUnavailable(
      `the copy ${file} did not verify: ${(error as Error).message}; nothing was replaced`,
      error,
    );
  } finally {
    db?.close();
  }
}

/**
 * Refuses a store that another connection has open. A Pillars store is in WAL mode while open,
 * and SQLite leaves WAL mode only when no other connection holds the file: if that switch is
 * refused, a server (or another command) is using it. A file that is not a readable database is
 * in no one's use as a store and may be replaced.
 */
function claimSqliteTarget(file: string): void {
  if (!existsSync(file)) return;
  let db: BetterSqlite3.Database | undefined;
  let mode: unknown;
  try {
    db = new BetterSqlite3(file, { fileMustExist: true, timeout: 0 });
    mode = db.pragma('journal_mode = DELETE', { simple: true });
  } catch (error) {
    const raw = (error as { code?: unknown }).code;
    const code = typeof raw === 'string' ? raw : '';
    if (!code.startsWith('SQLITE_BUSY') && !code.startsWith('SQLITE_LOCKED')) return;
    mode = 'busy';
  } finally {
    db?.close();
  }
  if (mode !== 'delete')
    throw storeUnavailable(
      `the store ${file} is in use (is \`pillars serve\` running?): stop the server, then restore again; nothing was changed`,
    );
}

/** The restored file keeps the old store's permissions and, when run as root, its owner. */
function keepOwnership(target: string, temp: string): void {
  if (!existsSync(target)) return;
  const old = statSync(target);
  chmodSync(temp, old.mode & 0o7777);
  if (process.getuid?.() === 0) chownSync(temp, old.uid, old.gid);
}

function removeSqliteFiles(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

async function pgDump(url: string, to: string): Promise<void> {
  const connection = pgConnection(url);
  const run = await runPgTool(
    'pg_dump',
    [
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      `--file=${to}`,
      `--dbname=${connection.url}`,
    ],
    connection,
  );
  if (run.code !== 0)
    throw storeUnavailable(
      `pg_dump failed: ${lastLines(run.stderr) || `it exited with ${run.code}`}`,
    );
}

interface PgArchive {
  readonly tables: readonly string[];
  readonly migrations: string[];
}

const FILE_ONLY: Pick<PgConnection, 'env' | 'redact'> = {
  env: process.env,
  redact: (text) => text,
};

/**
 * Reads a pg_dump archive through pg_restore without a database: its table of contents (the
 * Pillars tables), every data block (a cut-off file fails here, not halfway through a restore)
 * and the migrations it holds.
 */
async function readPgArchive(file: string, label: string): Promise<PgArchive> {
  const list = await runPgTool('pg_restore', ['--list', file], FILE_ONLY, { stdout: 'collect' });
  if (list.code !== 0)
    throw invalidData(
      label,
      `is not a readable PostgreSQL backup: ${lastLines(list.stderr) || `pg_restore exited with ${list.code}`}`,
    );
  const tables = [...list.stdout.matchAll(/^\d+; \d+ \d+ TABLE public (\S+) /gmu)].map(
    (m) => m[1]!,
  );
  const missing = REQUIRED_TABLES.filter((t) => !tables.includes(t));
  if (missing.length > 0)
    throw invalidData(
      label,
      `is a PostgreSQL backup but not of a Pillars store (no ${missing.join(' or ')} table)`,
    );
  const full = await runPgTool('pg_restore', ['--file=-', file], FILE_ONLY, { stdout: 'discard' });
  if (full.code !== 0)
    throw invalidData(
      label,
      `is damaged or truncated: ${lastLines(full.stderr) || `pg_restore exited with ${full.code}`}`,
    );
  const data = await runPgTool(
    'pg_restore',
    ['--file=-', '--data-only', '--table=kysely_migration', file],
    FILE_ONLY,
    { stdout: 'collect' },
  );
  const copy = /^COPY public\.kysely_migration \(([^)]*)\) FROM stdin;\n([\s\S]*?)^\\\.$/mu.exec(
    data.stdout,
  );
  if (data.code !== 0 || !copy)
    throw invalidData(
      label,
      'holds no list of migrations (kysely_migration): not a Pillars backup',
    );
  const nameColumn = copy[1]!.split(', ').indexOf('name');
  const names = copy[2]!
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split('\t')[nameColumn] ?? '');
  return { tables, migrations: names.sort() };
}

// ---------------------------------------------------------------------------------------------
// Files

function knownMigrations(names: string[], file: string): string[] {
  const unknown = names.filter((name) => !(name in migrations));
  if (unknown.length > 0)
    throw invalidData(
      file,
      `was made by a newer version of Pillars (migration ${unknown.join(', ')} is unknown to this one): restore it with that version or a later one`,
    );
  return [...names].sort();
}

function temporaryBeside(file: string, purpose: string): string {
  return resolve(
    dirname(file),
    `${basename(file)}.${purpose}-${randomBytes(4).toString('hex')}.tmp`,
  );
}

/** Flushes a file (or a directory's entries) to disk; best effort where the system refuses. */
function syncFile(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on a directory; the rename is still atomic.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

async function fileDigest(file: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: hash.digest('hex') };
}
