/**
 * @module PostgreSQL's client programs (pg_dump, pg_restore) as the backups run them: which binary,
 * and how the connection reaches it without the password appearing on a command line, in `ps`
 * or in a message.
 *
 * The binary: `$PILLARS_PG_BIN/<tool>` when PILLARS_PG_BIN is set, else `<tool>` on the PATH, else
 * the newest `/usr/lib/postgresql/<version>/bin/<tool>` (Debian's layout; pg_dump must be at least
 * as new as the server it dumps).
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { storeUnavailable } from '../domain/errors.js';

export type PgTool = 'pg_dump' | 'pg_restore';

const DEBIAN_ROOT = '/usr/lib/postgresql';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `16` before `15`, `9.6` after both. */
function compareVersionsDescending(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pb[i] ?? 0) - (pa[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function findPgTool(tool: PgTool, env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.PILLARS_PG_BIN?.trim();
  if (configured) {
    const path = join(configured, tool);
    if (isExecutable(path)) return path;
    throw storeUnavailable(
      `${tool} not found in PILLARS_PG_BIN (${configured}): point it at the directory holding the PostgreSQL client programs`,
    );
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir !== '' && isExecutable(join(dir, tool))) return join(dir, tool);
  }
  let versions: string[] = [];
  try {
    versions = readdirSync(DEBIAN_ROOT).filter((name) => /^\d+(\.\d+)*$/.test(name));
  } catch {
    // Not a Debian layout.
  }
  for (const version of versions.sort(compareVersionsDescending)) {
    const path = join(DEBIAN_ROOT, version, 'bin', tool);
    if (isExecutable(path)) return path;
  }
  throw storeUnavailable(
    `${tool} is not installed: install the PostgreSQL client programs (Debian: apt-get install postgresql-client) or set PILLARS_PG_BIN to the directory holding them`,
  );
}

/** A connection for libpq programs: the URL without its password, which travels in PGPASSWORD. */
export interface PgConnection {
  readonly url: string;
  readonly env: NodeJS.ProcessEnv;
  /** Removes the password from a text (a program's error output) before anyone sees it. */
  readonly redact: (text: string) => string;
}

export function pgConnection(url: string, base: NodeJS.ProcessEnv = process.env): PgConnection {
  const parsed = new URL(url);
  const encoded = parsed.password;
  let password = encoded;
  try {
    password = decodeURIComponent(encoded);
  } catch {
    // Not percent-encoded: use it as written.
  }
  parsed.password = '';
  const env: NodeJS.ProcessEnv = { ...base, PGCONNECT_TIMEOUT: base.PGCONNECT_TIMEOUT ?? '10' };
  if (password !== '') env.PGPASSWORD = password;
  const secrets = [...new Set([password, encoded])].filter((s) => s.length > 0);
  return {
    url: parsed.toString(),
    env,
    redact: (text) => secrets.reduce((t, secret) => t.split(secret).join('***'), text),
  };
}

export interface PgRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

const STDERR_LIMIT = 64 * 1024;

/**
 * Runs a client program without a shell. `stdout: 'collect'` keeps its output (for small
 * outputs such as one table's rows); `'discard'` reads and drops it (a full read of an archive).
 */
export function runPgTool(
  tool: PgTool,
  args: readonly string[],
  connection: Pick<PgConnection, 'env' | 'redact'>,
  options: { stdout?: 'collect' | 'discard' } = {},
): Promise<PgRun> {
  const command = findPgTool(tool, connection.env);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: connection.env,
      stdio: ['ignore', options.stdout === 'collect' ? 'pipe' : 'ignore', 'pipe'],
      windowsHide: true,
    });
    const out: Buffer[] = [];
    let err = '';
    child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => {
      err = (err + chunk.toString('utf8')).slice(-STDERR_LIMIT);
    });
    child.on('error', (error) =>
      reject(storeUnavailable(`cannot run ${command}: ${error.message}`, error)),
    );
    child.on('close', (code) =>
      resolve({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: connection.redact(err),
      }),
    );
  });
}

/** The last lines of a program's error output, for a message. */
export function lastLines(text: string, count = 3): string {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return lines.slice(-count).join('; ');
}
