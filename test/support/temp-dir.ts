/**
 * Temporary directories that tests remove when they are done: test stores, corpora and 200 MB
 * files left in the system's temp directory by every run fill a CI machine's disk.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, onTestFinished } from 'vitest';

const make = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));
const remove = (dir: string) => rmSync(dir, { recursive: true, force: true });

/**
 * A directory for a whole file or suite (call it at its top level, before the suite's own hooks):
 * made when the suite starts and removed after its tests, so a suite skipped (no PostgreSQL)
 * leaves nothing behind.
 */
export function suiteTempDir(prefix: string): string {
  const dir = join(tmpdir(), `${prefix}${randomBytes(6).toString('hex')}`);
  beforeAll(() => mkdirSync(dir, { mode: 0o700 }));
  afterAll(() => remove(dir));
  return dir;
}

/** A directory for one test (call it inside the test): removed when the test ends. */
export function testTempDir(prefix: string): string {
  const dir = make(prefix);
  onTestFinished(() => remove(dir));
  return dir;
}
