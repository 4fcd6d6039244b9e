/**
 * `pillars backup` and `pillars restore` as an operator runs them, on SQLite and on PostgreSQL:
 * back up, change something, restore — the change is gone and the audit log verifies; the other
 * engine's backup, a damaged file and a wrong destination are refused with the catalogue's exit
 * codes; a PostgreSQL password never appears in the output; a store is backed up while the server
 * runs, and on SQLite a restore is refused until the server stops.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { StoreConfig } from '../../src/config/config.js';
import { forEachStore } from '../support/for-each-store.js';
import { runPillars } from '../support/run-pillars.js';
import { startServe } from '../support/serve-process.js';

const SLOW = 180_000;
const PASSWORD = 's3cret-Pw';

/** The store's flags; on PostgreSQL with a password in the URL (the test server trusts any). */
const storeArgs = (config: StoreConfig) => {
  if (config.kind === 'sqlite') return ['--db', config.file];
  const url = new URL(config.url);
  url.password = PASSWORD;
  return ['--database-url', url.toString()];
};

interface Listed {
  items: { seq: number; action: string; detail: Record<string, unknown> }[];
}

forEachStore('pillars backup and restore', ({ engine, config }) => {
  let dir = '';
  let backupFile = '';
  // On SQLite the commands get a file of their own: the suite's store stays open in this process,
  // and a restore rightly refuses a store that another connection holds (tested below).
  const target = (): StoreConfig =>
    engine === 'sqlite' ? { kind: 'sqlite', file: join(dir, 'store.db') } : config();
  const pillars = (args: string[]) => {
    const run = runPillars([...storeArgs(target()), ...args]);
    expect(run.stdout + run.stderr).not.toContain(PASSWORD);
    return run;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pillars-backup-cli-'));
    backupFile = join(dir, `pillars-${engine}.backup`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(
    'backs up, and a restore takes back a change made after it',
    () => {
      expect(pillars(['user', 'add', 'kept', '--role', 'secretariat']).code).toBe(0);
      const backup = pillars(['backup', '--out', backupFile, '--json']);
      expect(backup.code, backup.stderr).toBe(0);
      const result = JSON.parse(backup.stdout) as {
        file: string;
        sha256: string;
        audited: boolean;
      };
      expect(result).toMatchObject({ file: backupFile, engine, audited: true });
      expect(existsSync(backupFile)).toBe(true);

      expect(pillars(['user', 'add', 'after-backup', '--role', 'analyst']).code).toBe(0);
      expect(pillars(['user', 'list']).stdout).toMatch(/after-backup/);

      const restore = pillars(['restore', backupFile]);
      expect(restore.code, restore.stderr).toBe(0);
      expect(restore.stdout).toContain(`restored ${backupFile}`);
      expect(restore.stdout).toMatch(/accounts\s+1\b/);
      expect(restore.stdout).toMatch(/audit log intact: 2 entries/);

      const users = pillars(['user', 'list']).stdout;
      expect(users).toMatch(/\bkept\b/);
      expect(users).not.toMatch(/after-backup/);

      // The restored chain: user.add, store.backup (taken before the copy), then store.restore.
      const verify = pillars(['audit', 'verify']);
      expect(verify.code, verify.stderr).toBe(0);
      const listed = JSON.parse(pillars(['audit', 'list', '--json']).stdout) as Listed;
      expect(listed.items.map((e) => e.action).reverse()).toEqual([
        'user.add',
        'store.backup',
        'store.restore',
        'audit.verify',
      ]);
      expect(listed.items[1]!.detail).toMatchObject({ file: backupFile, sha256: result.sha256 });
    },
    SLOW,
  );

  it(
    'restores with --json, reporting what came back',
    () => {
      const restore = pillars(['restore', backupFile, '--json']);
      expect(restore.code, restore.stderr).toBe(0);
      const result = JSON.parse(restore.stdout) as {
        engine: string;
        migrated: string[];
        counts: Record<string, number>;
        audit: { ok: boolean; entries: number };
      };
      expect(result).toMatchObject({
        engine,
        migrated: [],
        counts: { users: 1, reports: 0, auditEntries: 2 },
        audit: { ok: true, entries: 2 },
      });
      expect(result.counts.glossaryConcepts).toBeGreaterThan(100);
    },
    SLOW,
  );

  it(
    'refuses the other engine’s backup, naming the file, without touching that store',
    () => {
      if (engine === 'sqlite') {
        // Refused from the file's first bytes, before any connection is made.
        const run = runPillars([
          '--database-url',
          'postgres://nobody@127.0.0.1:1/nowhere',
          'restore',
          backupFile,
        ]);
        expect(run.code).toBe(1);
        expect(run.stderr).toContain(
          `${backupFile}: is a SQLite backup, but the configured store is PostgreSQL`,
        );
      } else {
        const db = join(dir, 'elsewhere.db');
        const run = runPillars(['--db', db, 'restore', backupFile]);
        expect(run.code).toBe(1);
        expect(run.stderr).toContain(
          `${backupFile}: is a PostgreSQL backup, but the configured store is SQLite`,
        );
        expect(existsSync(db)).toBe(false);
      }
    },
    SLOW,
  );

  it(
    'refuses damaged files and bad destinations with the catalogue’s exit codes',
    () => {
      const truncated = join(dir, 'truncated.backup');
      const bytes = readFileSync(backupFile);
      writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
      const cut = pillars(['restore', truncated]);
      expect(cut.code).toBe(1);
      expect(cut.stderr).toMatch(new RegExp(`${truncated}: is (damaged or )?truncated`));

      const random = join(dir, 'notes.txt');
      writeFileSync(random, 'not a backup at all\n');
      const notBackup = pillars(['restore', random]);
      expect(notBackup.code).toBe(1);
      expect(notBackup.stderr).toContain(`${random}: is not a Pillars backup`);

      expect(pillars(['restore', join(dir, 'missing.backup')]).stderr).toMatch(/no such file/);
      // Nothing above changed the store.
      expect(pillars(['user', 'list']).stdout).toMatch(/\bkept\b/);

      const exists = pillars(['backup', '--out', backupFile]);
      expect(exists.code).toBe(2);
      expect(exists.stderr).toMatch(/exists already; choose another name, or pass --force/);
      expect(pillars(['backup', '--out', backupFile, '--force']).code).toBe(0);
      expect(pillars(['backup', '--out', join(dir, 'no/such/dir/x.backup')]).code).toBe(2);
      expect(pillars(['backup']).code).toBe(2);
      expect(pillars(['restore']).code).toBe(2);
      expect(
        readdirSync(dir).filter((name) => /\.tmp$|\.db-(wal|shm|journal)$/.test(name)),
      ).toEqual([]);
    },
    SLOW,
  );

  it(
    'backs up while the server runs; a SQLite store is restored only once the server stops',
    async () => {
      if (engine === 'sqlite') {
        const open = runPillars([
          '--db',
          (config() as { file: string }).file,
          'restore',
          backupFile,
        ]);
        expect(open.code).toBe(1);
        expect(open.stderr).toMatch(/is in use/);
      }
      const server = await startServe([
        ...storeArgs(target()),
        'serve',
        '--port',
        '0',
        '--host',
        '127.0.0.1',
      ]);
      const online = join(dir, 'online.backup');
      try {
        const backup = pillars(['backup', '--out', online]);
        expect(backup.code, backup.stderr).toBe(0);
        if (engine === 'sqlite') {
          const refused = pillars(['restore', online]);
          expect(refused.code).toBe(1);
          expect(refused.stderr).toMatch(/is in use \(is `pillars serve` running\?\)/);
        }
        const health = await fetch(`${server.url}/api/health`);
        expect(health.status).toBe(200);
      } finally {
        server.child.kill('SIGTERM');
        await server.exited;
      }
      const restore = pillars(['restore', online]);
      expect(restore.code, restore.stderr).toBe(0);
      expect(pillars(['audit', 'verify']).code).toBe(0);
    },
    SLOW,
  );
});
