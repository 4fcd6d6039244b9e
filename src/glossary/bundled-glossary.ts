/**
 * @module The starter glossary shipped in data/glossary/*.json: concepts and definitions written
 * by the Pillars editors (marked `origin: "ours"`), read and checked as a whole — each file
 * against the schema, ids unique across files, every link pointing at a concept of the bundle.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { glossaryFileSchema, type Concept } from '../domain/glossary.js';
import { invalidData } from '../domain/errors.js';
import { DEFAULT_DATA_DIR } from '../reference/load-reference-data.js';
import { danglingLinks } from './concept-content.js';
import { readDataFile } from '../reference/read-data-file.js';

export const BUNDLED_GLOSSARY_DIR = join(DEFAULT_DATA_DIR, 'glossary');

/** The actor of revisions made by seeding the bundle; people's revisions are never overwritten. */
export const BUNDLE_ACTOR = 'pillars-bundle';

function bundleFiles(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch (error) {
    throw invalidData(
      dir,
      `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
}

/** The hash of the bundle's bytes: cheap enough to compare on every start. */
export function bundledGlossaryHash(dir: string = BUNDLED_GLOSSARY_DIR): string {
  const hash = createHash('sha256');
  for (const file of bundleFiles(dir)) {
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(dir, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

export function loadBundledGlossary(dir: string = BUNDLED_GLOSSARY_DIR): Concept[] {
  const concepts: Concept[] = [];
  const origin = new Map<string, string>();
  for (const file of bundleFiles(dir)) {
    const path = join(dir, file);
    const data = readDataFile(path, glossaryFileSchema);
    for (const [i, c] of data.concepts.entries()) {
      const first = origin.get(c.id);
      if (first) {
        throw invalidData(
          `${path}: concepts[${i}].id`,
          `duplicate concept id "${c.id}" (first in ${first})`,
        );
      }
      origin.set(c.id, file);
      concepts.push(c);
    }
  }
  const dangling = danglingLinks(concepts, new Set(origin.keys()));
  if (dangling.length > 0) {
    throw invalidData(
      dir,
      `links to concepts not in the glossary: ${dangling.slice(0, 10).join(', ')}`,
    );
  }
  return concepts;
}
