/**
 * @module Seeding the bundled starter glossary: skipped while the bundle's bytes are unchanged;
 * otherwise new concepts are added and concepts last written by the bundle are brought up to date,
 * while a concept a person has edited or removed since is left as they made it.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/database.js';
import { applyConcepts, type ApplyReport } from './apply-concepts.js';
import {
  BUNDLE_ACTOR,
  BUNDLED_GLOSSARY_DIR,
  bundledGlossaryHash,
  loadBundledGlossary,
} from './bundled-glossary.js';
import { readMeta, writeMeta } from '../store/meta.js';
import { latestActors, removedConcepts } from './glossary-rows.js';

const BUNDLE_HASH_KEY = 'glossary_bundle_hash';

export interface GlossarySeedResult {
  readonly status: 'seeded' | 'unchanged';
  readonly report?: ApplyReport;
}

export async function seedGlossary(
  db: Kysely<Database>,
  dir: string = BUNDLED_GLOSSARY_DIR,
): Promise<GlossarySeedResult> {
  const hash = bundledGlossaryHash(dir);
  if ((await readMeta(db, BUNDLE_HASH_KEY)) === hash) return { status: 'unchanged' };
  const actors = await latestActors(db);
  // A concept a person removed stays removed, as an edited one stays as they left it.
  const removed = await removedConcepts(db);
  const gone = new Set([...removed].filter(([, by]) => by !== BUNDLE_ACTOR).map(([id]) => id));
  const concepts = loadBundledGlossary(dir)
    .filter((c) => !gone.has(c.id))
    .map((c) => ({
      ...c,
      broader: c.broader.filter((id) => !gone.has(id)),
      related: c.related.filter((id) => !gone.has(id)),
    }));
  const report = await applyConcepts(
    db,
    concepts.map((concept) => ({ concept })),
    {
      actor: BUNDLE_ACTOR,
      comment: 'bundled starter glossary (definitions written by the Pillars editors)',
      mode: 'replace',
      keep: (row) => {
        const actor = actors.get(row.concept.id);
        return actor !== undefined && actor !== BUNDLE_ACTOR
          ? `edited by ${actor}; kept`
          : undefined;
      },
    },
  );
  if (!report.applied) {
    const first = report.results.find((r) => r.outcome === 'rejected');
    throw new Error(`bundled glossary: ${first?.conceptId ?? '?'}: ${first?.reason ?? 'rejected'}`);
  }
  await writeMeta(db, BUNDLE_HASH_KEY, hash);
  return { status: 'seeded', report };
}
