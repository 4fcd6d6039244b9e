/**
 * @module `pillars seed`: load the bundled reference data into the store (idempotent).
 */
import type { Command } from 'commander';
import { loadReferenceData } from '../../reference/load-reference-data.js';
import { seedReferenceData } from '../../reference/seed-reference-data.js';
import { seedSampleDocuments } from '../../documents/seed-sample-documents.js';
import { ensureSearchIndex } from '../../search/index/search-index.js';
import { openStore } from '../../store/open-store.js';
import { describeStore } from '../../config/config.js';
import { configFrom, type GlobalOptions } from '../context.js';
import type { Output } from '../output.js';
import { scanEvidence } from '../../evidence/evidence-service.js';
import { seedTemplates } from '../../reporting/report-templates.js';
import { seedGlossary } from '../../glossary/seed-glossary.js';
import { annotateStale } from '../../glossary/term-annotations.js';

export function registerSeedCommand(program: Command, out: Output): void {
  program
    .command('seed')
    .description(
      'load the bundled reference data (states, groups, instruments, meetings, actions); running it again changes nothing',
    )
    .option('--json', 'print JSON only')
    .action(async (options: { json?: boolean }) => {
      const config = configFrom(program.opts<GlobalOptions>());
      const data = loadReferenceData();
      const store = await openStore(config.store);
      try {
        const result = await seedReferenceData(store, data);
        const glossary = await seedGlossary(store.db);
        await seedTemplates(store.db);
        const documents = await seedSampleDocuments(store);
        await ensureSearchIndex(store.db);
        await scanEvidence(store.db);
        await annotateStale(store.db);
        const ingested = documents.filter((d) => d.status === 'ok').length;
        const failed = documents.filter((d) => d.status === 'error');
        if (failed.length > 0) process.exitCode = 1;
        for (const f of failed) out.error(`pillars: sample ${f.file}: ${f.reason ?? 'failed'}`);
        if (options.json)
          return out.json({
            store: describeStore(config.store),
            ...result,
            glossary: glossary.report?.counts ?? 'unchanged',
            documents,
          });
        const counts = Object.entries(result.counts)
          .map(([k, v]) => `${v} ${k}`)
          .join(', ');
        out.line(
          result.status === 'seeded'
            ? `seeded ${describeStore(config.store)}: ${counts}`
            : `reference data already up to date in ${describeStore(config.store)} (${counts})`,
        );
        out.line(
          glossary.report
            ? `glossary: ${glossary.report.counts.added} concepts added, ${glossary.report.counts.changed} updated`
            : 'glossary already up to date',
        );
        out.line(
          `sample documents: ${ingested} ingested, ${documents.length - ingested - failed.length} already there, ${failed.length} failed`,
        );
      } finally {
        await store.close();
      }
    });
}
