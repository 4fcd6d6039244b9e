/**
 * `pillars serve` as a real child process (tsx), resolved once it prints the address it serves
 * on. The environment is the caller's, minus store settings, plus what the test passes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './run-pillars.js';

export interface ServeProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly stderr: () => string;
  /** Resolves with the exit code. */
  readonly exited: Promise<number | null>;
}

export function startServe(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ServeProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PILLARS_LOG_LEVEL: 'warn',
        PILLARS_DATABASE_URL: '',
        PILLARS_DB: '',
        ...env,
      },
    },
  );
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 60_000);
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /serving on (http:\/\/\S+)/.exec(stderr);
      if (match) {
        clearTimeout(timer);
        resolve({
          child,
          url: match[1]!.replace('localhost', '127.0.0.1'),
          stderr: () => stderr,
          exited,
        });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${stderr}`));
    });
  });
}
