/**
 * Temporary directories that tests remove when they are done: test stores, corpora and 200 MB
 * files left in the system's temp directory by every run fill a CI machine's disk.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, onTestFinished } from 'vitest';

const make = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));
const remove = (dir: string) => rmSync(dir, { recursive: true, force: true });

/** A directory for a whole file or suite (call it at its top level): removed after its tests. */
export function suiteTempDir(prefix: string): string {
  const dir = make(prefix);
  afterAll(() => remove(dir));
  return dir;
}

/** A directory for one test (call it inside the test): removed when the test ends. */
export function testTempDir(prefix: string): string {
  const dir = make(prefix);
  onTestFinished(() => remove(dir));
  return dir;
}
