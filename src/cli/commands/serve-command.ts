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
import { migrationStatus } from '../../store/migration-status.js';
import { migrateToLatest, openStore } from '../../store/open-store.js';
import { configFrom, type GlobalOptions } from '../context.js';
import type { Output } from '../output.js';
import { scanEvidence } from '../../evidence/evidence-service.js';
import { seedTemplates } from '../../reporting/report-templates.js';
import { seedGlossary } from '../../glossary/seed-glossary.js';
import { annotateStale } from '../../glossary/term-annotations.js';

const SHUTDOWN_GRACE_MS = 30_000;

export function registerServeCommand(program: Command, out: Output): void {
  program
    .command('migrate')
    .description(
      'apply pending schema migrations (what serve does at start unless PILLARS_MIGRATE=off)',
    )
    .option('--status', 'only list applied and pending migrations')
    .option('--json', 'print JSON only')
    .action(async (options: { status?: boolean; json?: boolean }) => {
      const config = configFrom(program.opts<GlobalOptions>());
      const store = await openStore(config.store, { migrate: false });
      try {
        const before = await migrationStatus(store.db);
        if (!options.status) await migrateToLatest(store.db);
        const after = options.status ? before : await migrationStatus(store.db);
        const applied = before.pending.filter((m) => !after.pending.includes(m));
        if (options.json) return out.json({ applied, pending: after.pending, all: after.applied });
        if (options.status) {
          out.line(`${after.applied.length} applied, ${after.pending.length} pending`);
          for (const m of after.pending) out.line(`pending: ${m}`);
          return;
        }
        out.line(
          applied.length
            ? `applied ${applied.join(', ')}`
            : 'nothing to apply: the schema is up to date',
        );
      } finally {
        await store.close();
      }
    });

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
      const store = await openStore(config.store, { migrate: config.migrate === 'auto' });
      const { pending } = await migrationStatus(store.db);
      let seededStatus = 'not checked';
      let glossaryStatus = 'not checked';
      if (pending.length > 0) {
        // Nothing is seeded into a schema that is not there yet; /api/ready says why.
        out.error(
          `pillars: ${pending.length} migration(s) pending (PILLARS_MIGRATE=off): run \`pillars migrate\`; /api/ready answers 503 until then`,
        );
      } else {
        const seeded = await seedReferenceData(store, loadReferenceData());
        const glossary = await seedGlossary(store.db);
        await seedTemplates(store.db);
        const samples = await seedSampleDocuments(store);
        await ensureSearchIndex(store.db);
        await scanEvidence(store.db);
        await annotateStale(store.db);
        for (const f of samples.filter((r) => r.status === 'error'))
          out.error(`pillars: sample ${f.file}: ${f.reason ?? 'failed'}`);
        seededStatus = seeded.status;
        glossaryStatus = glossary.status;
      }
      const app = await buildApp({
        store,
        logger: { level: config.logLevel },
        trustProxy: config.trustProxy,
        rateLimitPerMinute: config.rateLimitPerMinute,
        searchCacheMs: config.searchCacheMs,
        searchStaleMs: config.searchStaleMs,
        searchWorkers: config.searchWorkers,
      });
      let closing = false;
      const close = async (signal: string) => {
        if (closing) return;
        closing = true;
        app.log.info({ signal }, 'shutting down: no new requests; draining those in flight');
        // A request that never ends must not keep the process: after the grace period, leave.
        const force = setTimeout(() => {
          app.log.error('drain took over 30 s; exiting with requests still open');
          process.exit(1);
        }, SHUTDOWN_GRACE_MS);
        force.unref();
        try {
          await app.close();
          await store.close();
          app.log.info('shut down cleanly');
          process.exit(0);
        } catch (error) {
          app.log.error({ err: error }, 'shutdown failed');
          process.exit(1);
        }
      };
      process.once('SIGINT', () => void close('SIGINT'));
      process.once('SIGTERM', () => void close('SIGTERM'));
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
        `pillars: serving on ${address.replace('0.0.0.0', 'localhost')} (store ${describeStore(config.store)}, reference data ${seededStatus}, glossary ${glossaryStatus})`,
      );
    });
}
