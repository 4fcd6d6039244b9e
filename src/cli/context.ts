/**
 * @module What every CLI verb needs: configuration from flags and environment, and a store that
 * is migrated and holds the bundled reference data and starter glossary.
 */
import { loadConfig, type Config, type ConfigFlags } from '../config/config.js';
import { loadReferenceData } from '../reference/load-reference-data.js';
import { seedReferenceData } from '../reference/seed-reference-data.js';
import { openStore, type Store } from '../store/open-store.js';
import { seedTemplates } from '../reporting/report-templates.js';
import { seedGlossary } from '../glossary/seed-glossary.js';

export interface GlobalOptions {
  db?: string;
  databaseUrl?: string;
}

export function configFrom(options: GlobalOptions & ConfigFlags): Config {
  return loadConfig({
    db: options.db,
    databaseUrl: options.databaseUrl,
    port: options.port,
    host: options.host,
  });
}

/** Opens the store, seeding the reference data first if it is missing or out of date. */
export async function withStore<T>(
  options: GlobalOptions,
  work: (store: Store) => Promise<T>,
): Promise<T> {
  const store = await openStore(configFrom(options).store);
  try {
    await seedReferenceData(store, loadReferenceData());
    await seedGlossary(store.db);
    await seedTemplates(store.db);
    return await work(store);
  } finally {
    await store.close();
  }
}
