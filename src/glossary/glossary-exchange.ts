/**
 * @module The glossary in and out of exchange formats: TBX-Basic and CSV both ways, SKOS (Turtle,
 * JSON-LD) out. An import is read whole, checked whole and written in one transaction or not at
 * all; the report says per entry what was added, changed, merged, left or rejected, and why.
 */
import type { Kysely } from 'kysely';
import type { ImportEntryResult } from '../domain/glossary.js';
import type { Database } from '../store/database.js';
import { applyConcepts, type ApplyReport } from './apply-concepts.js';
import { glossaryConcepts } from './glossary-editions.js';
import { readGlossaryCsv, writeGlossaryCsv } from './formats/glossary-csv.js';
import { writeSkosJsonLd, writeSkosTurtle } from './formats/skos.js';
import { readTbx, type GlossaryEntryReport } from './formats/tbx-read.js';
import { writeTbx } from './formats/tbx-write.js';

export const EXPORT_FORMATS = ['tbx', 'csv', 'skos-ttl', 'skos-jsonld'] as const;
export type GlossaryExportFormat = (typeof EXPORT_FORMATS)[number];
export const IMPORT_FORMATS = ['tbx', 'csv'] as const;
export type GlossaryImportFormat = (typeof IMPORT_FORMATS)[number];

export const EXPORT_MEDIA_TYPES: Readonly<
  Record<GlossaryExportFormat, { type: string; ext: string }>
> = {
  tbx: { type: 'application/x-tbx+xml; charset=utf-8', ext: 'tbx' },
  csv: { type: 'text/csv; charset=utf-8', ext: 'csv' },
  'skos-ttl': { type: 'text/turtle; charset=utf-8', ext: 'ttl' },
  'skos-jsonld': { type: 'application/ld+json; charset=utf-8', ext: 'jsonld' },
};

/** The IRI concepts are named under in SKOS; an operator may serve the concept pages there. */
export const DEFAULT_SKOS_BASE = 'https://pillars.invalid/glossary/';

export async function exportGlossary(
  db: Kysely<Database>,
  format: GlossaryExportFormat,
  options: { edition?: string; baseIri?: string } = {},
): Promise<string> {
  const concepts = await glossaryConcepts(db, options.edition);
  const title = options.edition
    ? `Pillars glossary, edition ${options.edition}`
    : 'Pillars glossary';
  switch (format) {
    case 'tbx':
      return writeTbx(concepts, { title });
    case 'csv':
      return writeGlossaryCsv(concepts);
    case 'skos-ttl':
      return writeSkosTurtle(concepts, {
        baseIri: options.baseIri ?? DEFAULT_SKOS_BASE,
        schemeTitle: title,
      });
    case 'skos-jsonld':
      return writeSkosJsonLd(concepts, {
        baseIri: options.baseIri ?? DEFAULT_SKOS_BASE,
        schemeTitle: title,
      });
  }
}

export interface ImportRequest {
  readonly format: GlossaryImportFormat;
  readonly content: string;
  readonly actor: string;
  readonly comment?: string;
  readonly mode?: 'merge' | 'replace';
  readonly dryRun?: boolean;
}

export interface ImportReport extends ApplyReport {
  /** What the reader noticed about the file and its entries (defaults assumed, ids derived). */
  readonly warnings: readonly string[];
}

export async function importGlossary(
  db: Kysely<Database>,
  request: ImportRequest,
): Promise<ImportReport> {
  const read =
    request.format === 'tbx' ? readTbx(request.content) : readGlossaryCsv(request.content);
  const entries: readonly GlossaryEntryReport[] = read.entries;
  const lineOf = new Map<string, number>();
  for (const e of entries)
    if (e.outcome === 'accepted' && !lineOf.has(e.conceptId)) lineOf.set(e.conceptId, e.line);
  const rejected: ImportEntryResult[] = entries
    .filter((e) => e.outcome === 'rejected')
    .map((e) => ({ conceptId: e.conceptId, outcome: 'rejected', reason: e.reason, line: e.line }));
  const warnings = [
    ...read.warnings,
    ...entries.flatMap((e) => e.warnings.map((w) => `line ${e.line} (${e.conceptId}): ${w}`)),
  ];
  const report = await applyConcepts(
    db,
    read.concepts.map((concept) => {
      const line = lineOf.get(concept.id);
      return line === undefined ? { concept } : { concept, line };
    }),
    {
      actor: request.actor,
      comment: request.comment ?? `imported from ${request.format.toUpperCase()}`,
      mode: request.mode ?? 'merge',
      rejected,
      dryRun: request.dryRun === true,
    },
  );
  const results = [...report.results].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { ...report, results, warnings };
}
