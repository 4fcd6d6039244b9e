/**
 * @module The bundled sample documents a new installation starts with: the founding P5 joint
 * statement (Chinese) and General Assembly resolution 55/100 in the six languages. Ingesting them
 * again skips them (same bytes), so seeding stays idempotent.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestFiles, type IngestResult } from '../ingest/ingest-files.js';
import type { Store } from '../store/open-store.js';

export const SAMPLES_DIR = fileURLToPath(new URL('../../data/samples/', import.meta.url));
const SAMPLE_FOLDERS = ['seed', 'un-ga-res-55-100'];

export function sampleDocuments(): { name: string; path: string }[] {
  return SAMPLE_FOLDERS.flatMap((folder) =>
    readdirSync(join(SAMPLES_DIR, folder))
      .filter((name) => name.endsWith('.txt'))
      .sort()
      .map((name) => ({
        name: `data/samples/${folder}/${name}`,
        path: join(SAMPLES_DIR, folder, name),
      })),
  );
}

export function seedSampleDocuments(store: Store): Promise<IngestResult[]> {
  return ingestFiles(store, sampleDocuments());
}
