/**
 * The writer beside the load: ingests every file of a directory through the real pipeline
 * (`ingestFiles`, as `pillars ingest` does, without the evidence and glossary scans that follow
 * it) into the configured store, and prints one JSON line: files, MB, seconds, outcomes.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { ingestFiles } from '../src/ingest/ingest-files.js';
import { openStore } from '../src/store/open-store.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: load-ingest <dir>');
const files = readdirSync(dir)
  .sort()
  .map((name) => join(dir, name));
const bytes = files.reduce((sum, file) => sum + statSync(file).size, 0);
const store = await openStore(loadConfig().store);
const start = performance.now();
const results = await ingestFiles(
  store,
  files.map((path) => ({ name: path, path })),
);
const seconds = (performance.now() - start) / 1000;
await store.close();
const count = (status: string) => results.filter((r) => r.status === status).length;
process.stdout.write(
  `${JSON.stringify({ files: files.length, megabytes: bytes / 1e6, seconds, ok: count('ok'), skipped: count('skipped'), error: count('error'), errors: results.filter((r) => r.status === 'error').slice(0, 5) })}\n`,
);
