/**
 * Runs the `pillars` command from source as a real child process (tsx), the way a user runs it,
 * and returns its exit code and output. Store settings from the environment are cleared so a
 * test's own --db or --database-url is the only store in play.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface PillarsRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runPillars(
  args: readonly string[],
  options: { input?: string; env?: NodeJS.ProcessEnv } = {},
): PillarsRun {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args],
    {
      cwd: ROOT,
      input: options.input ?? '',
      encoding: 'utf8',
      env: { ...process.env, PILLARS_DB: '', PILLARS_DATABASE_URL: '', ...options.env },
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
