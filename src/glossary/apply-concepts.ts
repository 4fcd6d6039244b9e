/**
 * @module Writing concepts: an import, an edit or the bundle's seeding all come here. One
 * transaction for the whole set, and all or nothing: if any entry is rejected (a duplicate id, a
 * link to an unknown concept, a parse error the reader reported), nothing is written and the
 * report says why for each entry. Each written concept becomes a revision with actor and comment.
 */
import type { Kysely } from 'kysely';
import type { Concept, ImportEntryResult } from '../domain/glossary.js';
import { notFound } from '../domain/errors.js';
import type { Database } from '../store/database.js';
import { lockKey } from '../store/write-helpers.js';
import { canonicalConcept, mergeConcept, sameConcept } from './concept-content.js';
import {
  readConceptRows,
  removeConcept,
  updateGlossaryHash,
  writeConcept,
  type ConceptRow,
} from './glossary-rows.js';

export const GLOSSARY_LOCK = 'glossary';

export interface IncomingConcept {
  readonly concept: Concept;
  /** Where the entry was in its file, for the report. */
  readonly line?: number;
}

export interface ApplyOptions {
  readonly actor: string;
  readonly comment: string;
  /** merge: unite with the stored concept (the default); replace: the entry becomes the concept. */
  readonly mode?: 'merge' | 'replace';
  /** Entries the reader already rejected: they make the whole set fail, and are reported. */
  readonly rejected?: readonly ImportEntryResult[];
  /** Work out the report without writing anything. */
  readonly dryRun?: boolean;
  /** Leave a stored concept alone (e.g. a person edited it); reported as unchanged with this reason. */
  readonly keep?: (row: ConceptRow) => string | undefined;
  readonly now?: Date;
}

export interface ApplyReport {
  /** False when any entry was rejected (nothing was written) or on a dry run. */
  readonly applied: boolean;
  readonly results: readonly ImportEntryResult[];
  readonly counts: Readonly<Record<ImportEntryResult['outcome'], number>>;
}

function countOutcomes(results: readonly ImportEntryResult[]): ApplyReport['counts'] {
  const counts = { added: 0, changed: 0, merged: 0, unchanged: 0, rejected: 0 };
  for (const r of results) counts[r.outcome]++;
  return counts;
}

const at = (line: number | undefined) => (line === undefined ? {} : { line });

export async function applyConcepts(
  db: Kysely<Database>,
  incoming: readonly IncomingConcept[],
  options: ApplyOptions,
): Promise<ApplyReport> {
  const mode = options.mode ?? 'merge';
  const stamp = (options.now ?? new Date()).toISOString();
  return db.transaction().execute(async (trx) => {
    await lockKey(trx, GLOSSARY_LOCK);
    const results: ImportEntryResult[] = [...(options.rejected ?? [])];
    const firstLine = new Map<string, number | undefined>();
    const unique: IncomingConcept[] = [];
    for (const entry of incoming) {
      const id = entry.concept.id;
      if (firstLine.has(id)) {
        const first = firstLine.get(id);
        results.push({
          conceptId: id,
          outcome: 'rejected',
          reason: `duplicate concept id "${id}"${first === undefined ? '' : ` (first at line ${first})`}`,
          ...at(entry.line),
        });
        continue;
      }
      firstLine.set(id, entry.line);
      unique.push(entry);
    }
    const stored = new Map(
      (await readConceptRows(trx)).map((row) => [row.concept.id, row] as const),
    );
    const known = new Set([...stored.keys(), ...firstLine.keys()]);
    const writes: Concept[] = [];
    for (const { concept, line } of unique) {
      const missing = [...concept.broader, ...concept.related].filter((t) => !known.has(t));
      if (missing.length > 0) {
        results.push({
          conceptId: concept.id,
          outcome: 'rejected',
          reason: `links to unknown concept${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}`,
          ...at(line),
        });
        continue;
      }
      const row = stored.get(concept.id);
      if (!row) {
        results.push({
          conceptId: concept.id,
          outcome: 'added',
          reason: 'new concept',
          ...at(line),
        });
        writes.push(canonicalConcept(concept));
        continue;
      }
      const kept = options.keep?.(row);
      if (kept !== undefined) {
        results.push({ conceptId: concept.id, outcome: 'unchanged', reason: kept, ...at(line) });
        continue;
      }
      if (mode === 'replace') {
        if (sameConcept(row.concept, concept)) {
          results.push({
            conceptId: concept.id,
            outcome: 'unchanged',
            reason: 'identical',
            ...at(line),
          });
        } else {
          results.push({
            conceptId: concept.id,
            outcome: 'changed',
            reason: 'replaced',
            ...at(line),
          });
          writes.push(canonicalConcept(concept));
        }
        continue;
      }
      const merged = mergeConcept(row.concept, concept);
      if (sameConcept(merged.concept, row.concept)) {
        results.push({
          conceptId: concept.id,
          outcome: 'unchanged',
          reason: 'identical',
          ...at(line),
        });
      } else if (sameConcept(merged.concept, concept)) {
        results.push({
          conceptId: concept.id,
          outcome: 'changed',
          reason: ['the entry replaces the stored concept', ...merged.notes].join('; '),
          ...at(line),
        });
        writes.push(merged.concept);
      } else {
        results.push({
          conceptId: concept.id,
          outcome: 'merged',
          reason: ['united with the stored concept', ...merged.notes].join('; '),
          ...at(line),
        });
        writes.push(merged.concept);
      }
    }
    const report = { results, counts: countOutcomes(results) };
    if (report.counts.rejected > 0 || options.dryRun === true) return { applied: false, ...report };
    for (const concept of writes) {
      await writeConcept(trx, concept, {
        actor: options.actor,
        comment: options.comment,
        at: stamp,
      });
    }
    if (writes.length > 0) await updateGlossaryHash(trx);
    return { applied: true, ...report };
  });
}

/** Removes concepts by id; links from other concepts to them are removed in the same revision set. */
export async function removeConcepts(
  db: Kysely<Database>,
  ids: readonly string[],
  meta: { actor: string; comment: string; now?: Date },
): Promise<void> {
  const stamp = (meta.now ?? new Date()).toISOString();
  await db.transaction().execute(async (trx) => {
    await lockKey(trx, GLOSSARY_LOCK);
    const rows = await readConceptRows(trx);
    const gone = new Set(ids);
    for (const id of ids) {
      if (!rows.some((r) => r.concept.id === id)) throw notFound('concept', id);
    }
    for (const row of rows) {
      if (gone.has(row.concept.id)) continue;
      const c = row.concept;
      if (![...c.broader, ...c.related].some((t) => gone.has(t))) continue;
      await writeConcept(
        trx,
        {
          ...c,
          broader: c.broader.filter((t) => !gone.has(t)),
          related: c.related.filter((t) => !gone.has(t)),
        },
        {
          actor: meta.actor,
          comment: `links to removed ${[...gone].join(', ')} dropped`,
          at: stamp,
        },
      );
    }
    for (const id of ids)
      await removeConcept(trx, id, { actor: meta.actor, comment: meta.comment, at: stamp });
    await updateGlossaryHash(trx);
  });
}
