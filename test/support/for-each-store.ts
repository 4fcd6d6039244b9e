/**
 * Runs a suite once on SQLite (a real file) and once on PostgreSQL (a real server), each with a
 * fresh, migrated store. Without PostgreSQL configured the PostgreSQL run is reported as skipped,
 * never silently passed; the full test command (npm run test:all) requires it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import type { StoreConfig } from '../../src/config/config.js';
import { loadReferenceData, type ReferenceData } from '../../src/reference/load-reference-data.js';
import { seedReferenceData } from '../../src/reference/seed-reference-data.js';
import { openStore, type Engine, type Store } from '../../src/store/open-store.js';
import { POSTGRES_REQUIRED, TEST_DATABASE_URL, createTestDatabase } from './postgres-database.js';

export const ENGINES: readonly Engine[] = ['sqlite', 'postgres'];

export interface StoreFixture {
  readonly engine: Engine;
  readonly config: () => StoreConfig;
  readonly store: () => Store;
}

export interface StoreSuiteOptions {
  /** Seed the bundled reference data before the tests (default true). */
  seed?: boolean;
}

let referenceData: ReferenceData | undefined;
export function bundledReferenceData(): ReferenceData {
  return (referenceData ??= loadReferenceData());
}

/** A fresh store config for one engine, and its clean-up. */
export async function freshStoreConfig(
  engine: Engine,
): Promise<{ config: StoreConfig; dispose: () => Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'pillars-test-'));
    return {
      config: { kind: 'sqlite', file: join(dir, 'pillars.db') },
      dispose: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    };
  }
  const database = await createTestDatabase();
  return { config: { kind: 'postgres', url: database.url }, dispose: database.drop };
}

export function forEachStore(
  title: string,
  body: (fixture: StoreFixture) => void,
  options: StoreSuiteOptions = {},
): void {
  for (const engine of ENGINES) {
    const unavailable = engine === 'postgres' && !TEST_DATABASE_URL;
    if (unavailable && POSTGRES_REQUIRED)
      throw new Error(
        'PostgreSQL is required (PILLARS_REQUIRE_POSTGRES=1) but PILLARS_TEST_DATABASE_URL is not set',
      );
    describe.skipIf(unavailable)(`${title} [${engine}]`, () => {
      let store: Store | undefined;
      let config: StoreConfig | undefined;
      let dispose: (() => Promise<void>) | undefined;
      beforeAll(async () => {
        const fresh = await freshStoreConfig(engine);
        config = fresh.config;
        dispose = fresh.dispose;
        store = await openStore(config);
        if (options.seed ?? true) await seedReferenceData(store, bundledReferenceData());
      });
      afterAll(async () => {
        await store?.close();
        await dispose?.();
      });
      body({
        engine,
        config: () => config ?? fail('store config used before beforeAll'),
        store: () => store ?? fail('store used before beforeAll'),
      });
    });
  }
}

function fail(message: string): never {
  throw new Error(message);
}
