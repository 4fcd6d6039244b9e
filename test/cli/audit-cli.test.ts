/**
 * `pillars user add` and `pillars audit verify` as an operator runs them, on SQLite and on
 * PostgreSQL: a clean log verifies; a row altered or deleted directly in the database is found
 * and named, and the command exits 1.
 */
import { expect, it } from 'vitest';
import type { StoreConfig } from '../../src/config/config.js';
import { forEachStore } from '../support/for-each-store.js';
import { runPillars } from '../support/run-pillars.js';

const storeArgs = (config: StoreConfig) =>
  config.kind === 'sqlite' ? ['--db', config.file] : ['--database-url', config.url];

forEachStore('pillars user and audit', ({ config, store }) => {
  const pillars = (args: string[]) => runPillars([...storeArgs(config()), ...args]);

  it('adds accounts with one-time passwords, and verifies a clean log', () => {
    const added = pillars(['user', 'add', 'fr-delegate', '--role', 'delegate', '--state', 'FR']);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/added fr-delegate \(delegate, FRA\)/);
    expect(added.stdout).toMatch(/one-time password: [A-Za-z0-9]{20}/);
    expect(pillars(['user', 'add', 'sec', '--role', 'secretariat']).code).toBe(0);
    expect(pillars(['user', 'add', 'admin', '--role', 'admin']).code).toBe(0);
    const bad = pillars(['user', 'add', 'x1', '--role', 'delegate']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/state: a delegate speaks for one State/);
    expect(pillars(['user', 'add', 'fr-delegate', '--role', 'analyst']).stderr).toMatch(
      /exists already/,
    );
    const verify = pillars(['audit', 'verify']);
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/audit log intact: 3 entries/);
  }, 120_000);

  it('fails naming the entry after a row is altered in the database', async () => {
    await store()
      .db.updateTable('audit_log')
      .set({ detail: JSON.stringify({ role: 'admin', state: null }) })
      .where('seq', '=', 2)
      .execute();
    const verify = pillars(['audit', 'verify']);
    expect(verify.code).toBe(1);
    expect(verify.stderr).toMatch(/audit entry 2 \(user\.add by cli:[^)]+\) was altered/);
    expect(verify.stderr).toMatch(/verification failed at entry 2/);
  }, 60_000);

  it('fails naming the entry after a row is deleted', async () => {
    await store().db.deleteFrom('audit_log').where('seq', '=', 2).execute();
    const missing = pillars(['audit', 'verify', '--json']);
    expect(missing.code).toBe(1);
    const result = JSON.parse(missing.stdout) as {
      ok: boolean;
      findings: { seq: number; problem: string }[];
    };
    expect(result.ok).toBe(false);
    expect(result.findings[0]).toMatchObject({ seq: 2, problem: 'missing' });
  }, 60_000);
});
