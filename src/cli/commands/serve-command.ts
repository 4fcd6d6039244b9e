/**
 * @module `pillars serve`: the web app and the API on one port, on the configured store.
 */
import type { Command } from 'commander';
import { describeStore } from '../../config/config.js';
import { invalidParameter } from '../../domain/errors.js';
import { loadReferenceData } from '../../reference/load-reference-data.js';
import { seedReferenceData } from '../../reference/seed-reference-data.js';
import { seedSampleDocuments } from '../../documents/seed-sample-documents.js';
import { buildApp } from '../../server/app.js';
import { ensureSearchIndex } from '../../search/index/search-index.js';
import { openStore } from '../../store/open-store.js';
import { configFrom, type GlobalOptions } from '../context.js';
import type { Output } from '../output.js';
import { scanEvidence } from '../../evidence/evidence-service.js';
import { seedTemplates } from '../../reporting/report-templates.js';
import { seedGlossary } from '../../glossary/seed-glossary.js';
import { annotateStale } from '../../glossary/term-annotations.js';

export function registerServeCommand(program: Command, out: Output): void {
  program
    .command('serve')
    .description('serve the web app and the API (seeds the reference data on first start)')
    .option('--port <port>', 'port to listen on (PILLARS_PORT, default 8080)')
    .option('--host <host>', 'address to listen on (PILLARS_HOST, default 0.0.0.0)')
    .action(async (options: { port?: string; host?: string }) => {
      const config = configFrom({
        ...program.opts<GlobalOptions>(),
        port: options.port,
        host: options.host,
      });
      const store = await openStore(config.store);
      const seeded = await seedReferenceData(store, loadReferenceData());
      const glossary = await seedGlossary(store.db);
      await seedTemplates(store.db);
      const samples = await seedSampleDocuments(store);
      await ensureSearchIndex(store.db);
      await scanEvidence(store.db);
      await annotateStale(store.db);
      for (const f of samples.filter((r) => r.status === 'error'))
        out.error(`pillars: sample ${f.file}: ${f.reason ?? 'failed'}`);
      const app = await buildApp({
        store,
        logger: { level: config.logLevel },
        trustProxy: config.trustProxy,
      });
      const close = async () => {
        await app.close();
        await store.close();
        process.exit(0);
      };
      process.once('SIGINT', () => void close());
      process.once('SIGTERM', () => void close());
      let address: string;
      try {
        address = await app.listen({ port: config.port, host: config.host });
      } catch (error) {
        await app.close();
        await store.close();
        if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
          throw invalidParameter(
            '--port',
            `port ${config.port} is already in use (set PILLARS_PORT or --port)`,
          );
        }
        throw error;
      }
      out.error(
        `pillars: serving on ${address.replace('0.0.0.0', 'localhost')} (store ${describeStore(config.store)}, reference data ${seeded.status}, glossary ${glossary.status})`,
      );
    });
}
