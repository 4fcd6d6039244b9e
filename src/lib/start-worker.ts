/**
 * @module Starts a worker thread on a module that sits next to the caller: the compiled `.js` in a
 * build. Run from the TypeScript sources (tsx, vitest), a small script first registers tsx's
 * loader in the new thread, which does not inherit it, then imports the `.ts` source.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** `callerUrl`: the caller's `import.meta.url`; `name`: the worker module's name, without extension. */
export function startSiblingWorker(
  callerUrl: string,
  name: string,
  options: WorkerOptions = {},
): Worker {
  if (!callerUrl.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, callerUrl), options);
  const tsxDir = dirname(createRequire(callerUrl).resolve('tsx/package.json'));
  const loader = pathToFileURL(join(tsxDir, 'dist', 'esm', 'api', 'index.mjs')).href;
  const source = new URL(`./${name}.ts`, callerUrl).href;
  const script = `const { register } = await import(${JSON.stringify(loader)}); register(); await import(${JSON.stringify(source)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(script)}`), options);
}
