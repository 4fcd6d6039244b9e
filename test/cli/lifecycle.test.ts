/**
 * Stopping and starting safely, with real processes on a real SQLite file: SIGTERM in the middle
 * of a batch ingest (from the CLI, and as an upload to the server) leaves only whole documents —
 * each stored file with all its paragraphs and their index rows, the rest reported as not
 * ingested — and the server exits 0; a server started with PILLARS_MIGRATE=off is not ready until
 * `pillars migrate` has run.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus } from '../../bench/generate-corpus.js';
import { INTERRUPTED_REASON, type IngestResult } from '../../src/ingest/ingest-files.js';
import { ROOT, runPillars } from '../support/run-pillars.js';
import { startServe, type ServeProcess } from '../support/serve-process.js';
import { suiteTempDir } from '../support/temp-dir.js';

const dir = suiteTempDir('pillars-lifecycle-');
const servers: ServeProcess[] = [];
afterAll(() => servers.forEach((s) => s.child.kill('SIGKILL')));

function count(db: string, sql: string): number {
  let sqlite: BetterSqlite3.Database | undefined;
  try {
    sqlite = new BetterSqlite3(db, { readonly: true, fileMustExist: true });
    return Number((sqlite.prepare(sql).get() as { n: number }).n);
  } catch {
    return 0; // not created or not migrated yet
  } finally {
    sqlite?.close();
  }
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Every stored language version is whole: all its paragraphs, each in the search index. */
function expectWhole(db: string, ok: readonly IngestResult[]): void {
  const sqlite = new BetterSqlite3(db, { readonly: true });
  try {
    const rows = sqlite
      .prepare(
        `select e.id, (select count(*) from segments s where s.expression_id = e.id) as segments,
                (select count(*) from search_docs d where d.expression_id = e.id) as indexed
           from expressions e`,
      )
      .all() as { id: string; segments: number; indexed: number }[];
    for (const row of rows) {
      expect(row.segments, row.id).toBeGreaterThan(0);
      expect(row.indexed, row.id).toBe(row.segments);
    }
    const stored = sqlite.prepare('select file_name from manifestations').all() as {
      file_name: string;
    }[];
    const names = new Set(stored.map((m) => m.file_name));
    for (const result of ok) expect(names.has(basename(result.file)), result.file).toBe(true);
  } finally {
    sqlite.close();
  }
}

/** The document with its numbered paragraphs repeated sixty times, renumbered. */
function lengthen(text: string): string {
  const lines = text.split('\n');
  const numbered = /^(\d+)(\. | - )(.*)$/;
  const head = lines.filter((l) => !numbered.test(l));
  const body = lines.filter((l) => numbered.test(l)).map((l) => numbered.exec(l)!);
  const paragraphs = Array.from({ length: 60 }, () => body).flat();
  return [...head, ...paragraphs.map((m, k) => `${k + 1}${m[2]}${m[3]}`)].join('\n');
}

describe('stopping in the middle of work', () => {
  it('SIGTERM during `pillars ingest`: the files done are whole, the rest reported, a rerun finishes', async () => {
    const corpus = generateCorpus(join(dir, 'batch'), 900, 7);
    const db = join(dir, 'cli.db');
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(ROOT, 'src/cli/main.ts'),
        '--db',
        db,
        'ingest',
        corpus.dir,
        '--json',
      ],
      {
        cwd: ROOT,
        env: { ...process.env, PILLARS_DB: '', PILLARS_DATABASE_URL: '' },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    // The sample documents are not seeded by ingest: the first commit is the batch's.
    await waitFor(
      () => count(db, 'select count(*) as n from manifestations') > 0,
      'the first committed files',
    );
    child.kill('SIGTERM');
    expect(await exited).toBe(1);
    expect(stderr).toMatch(/stopping after the current file/);
    const { results } = JSON.parse(stdout) as { results: IngestResult[] };
    expect(results).toHaveLength(900);
    const ok = results.filter((r) => r.status === 'ok');
    const interrupted = results.filter((r) => r.reason === INTERRUPTED_REASON);
    expect(ok.length).toBeGreaterThan(0);
    expect(interrupted.length).toBeGreaterThan(0);
    expect(ok.length + interrupted.length).toBe(900);
    expect(count(db, 'select count(*) as n from manifestations')).toBe(ok.length);
    expectWhole(db, ok);

    const again = runPillars(['--db', db, 'ingest', corpus.dir, '--json']);
    expect(again.code, again.stderr).toBe(0);
    const second = (JSON.parse(again.stdout) as { summary: { ok: number; skipped: number } })
      .summary;
    expect(second).toMatchObject({ ok: interrupted.length, skipped: ok.length });
    expectWhole(db, []);
  }, 180_000);

  it('SIGTERM while the server ingests an upload: the answer comes, the documents are whole, exit 0', async () => {
    const db = join(dir, 'serve.db');
    const server = await startServe(['--db', db, 'serve', '--port', '0', '--host', '127.0.0.1']);
    servers.push(server);
    const user = runPillars(['--db', db, 'user', 'add', 'ingester', '--role', 'secretariat']);
    expect(user.code, user.stderr).toBe(0);
    const token = runPillars([
      '--db',
      db,
      'token',
      'create',
      'ingester',
      '--name',
      'upload',
      '--scope',
      'documents',
    ]);
    expect(token.code, token.stderr).toBe(0);
    const bearer = token.stdout.trim().split('\n').at(-1)!;
    const before = count(db, 'select count(*) as n from manifestations');
    // 150 files (an upload takes up to 200), each long enough that the batch spans several commits.
    const corpus = generateCorpus(join(dir, 'upload'), 150, 11);
    const form = new FormData();
    for (const file of corpus.files)
      form.append('files', new Blob([lengthen(readFileSync(file, 'utf8'))]), basename(file));
    let settled = false;
    const answer = fetch(`${server.url}/api/v1/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bearer}` },
      body: form,
    }).finally(() => (settled = true));
    await waitFor(() => {
      const n = count(db, 'select count(*) as n from manifestations');
      return n > before || settled;
    }, 'the first stored upload');
    server.child.kill('SIGTERM');
    const response = await answer;
    const text = await response.text();
    expect(response.status, text).toBe(200);
    const body = JSON.parse(text) as { results: IngestResult[] };
    expect(await server.exited).toBe(0);
    const ok = body.results.filter((r) => r.status === 'ok');
    const interrupted = body.results.filter((r) => r.reason === INTERRUPTED_REASON);
    expect(ok.length + interrupted.length).toBe(150);
    expect(interrupted.length).toBeGreaterThan(0);
    expect(count(db, 'select count(*) as n from manifestations')).toBe(before + ok.length);
    expectWhole(db, ok);
    expect(server.stderr()).not.toMatch(/drain took over/);
  }, 180_000);
});

describe('readiness and migrations', () => {
  it('with PILLARS_MIGRATE=off, is live but not ready until `pillars migrate` runs', async () => {
    const db = join(dir, 'unmigrated.db');
    const server = await startServe(['--db', db, 'serve', '--port', '0', '--host', '127.0.0.1'], {
      PILLARS_MIGRATE: 'off',
    });
    servers.push(server);
    expect(server.stderr()).toMatch(/migration\(s\) pending/);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    const notReady = await fetch(`${server.url}/api/ready`);
    expect(notReady.status).toBe(503);
    expect(
      ((await notReady.json()) as { pendingMigrations: string[] }).pendingMigrations.length,
    ).toBeGreaterThanOrEqual(8);
    const status = runPillars(['--db', db, 'migrate', '--status']);
    expect(status.stdout).toMatch(/0 applied, \d+ pending/);
    const migrate = runPillars(['--db', db, 'migrate']);
    expect(migrate.code, migrate.stderr).toBe(0);
    expect(migrate.stdout).toMatch(/applied 0001-reference-data, .*0008-accounts-reports/);
    expect((await fetch(`${server.url}/api/ready`)).status).toBe(200);
    expect(runPillars(['--db', db, 'migrate']).stdout).toMatch(/nothing to apply/);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  }, 120_000);
});
