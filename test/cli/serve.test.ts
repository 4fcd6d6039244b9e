/**
 * `pillars serve` as a process: it seeds a new database, answers /api/health, serves the web
 * app's HTML for client routes, and stops cleanly on SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/run-pillars.js';
import { startServe } from '../support/serve-process.js';
import { suiteTempDir } from '../support/temp-dir.js';

function startServer(args: string[]) {
  return startServe(args);
}

describe('pillars serve', () => {
  const dir = suiteTempDir('pillars-serve-');
  const children: ChildProcess[] = [];
  afterAll(() => children.forEach((c) => c.kill('SIGKILL')));

  it('seeds a new database, answers health and stops on SIGTERM', async () => {
    const { child, url, stderr } = await startServer([
      '--db',
      join(dir, 'new.db'),
      'serve',
      '--port',
      '0',
      '--host',
      '127.0.0.1',
    ]);
    children.push(child);
    expect(stderr()).toMatch(/reference data seeded/);
    const health = await fetch(`${url}/api/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', engine: 'sqlite' });
    const page = await fetch(`${url}/states/FRA`);
    expect([200, 503]).toContain(page.status);
    expect(page.headers.get('content-type')).toMatch(
      page.status === 200 ? /text\/html/ : /text\/plain/,
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('says clearly when the port is taken', async () => {
    const first = await startServer([
      '--db',
      join(dir, 'a.db'),
      'serve',
      '--port',
      '0',
      '--host',
      '127.0.0.1',
    ]);
    children.push(first.child);
    const port = new URL(first.url).port;
    const second = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(ROOT, 'src/cli/main.ts'),
        '--db',
        join(dir, 'b.db'),
        'serve',
        '--port',
        port,
        '--host',
        '127.0.0.1',
      ],
      {
        cwd: ROOT,
        env: { ...process.env, PILLARS_LOG_LEVEL: 'silent', PILLARS_DATABASE_URL: '' },
      },
    );
    let stderr = '';
    second.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toMatch(new RegExp(`pillars: --port: port ${port} is already in use`));
  });
});
