/**
 * The app as the load benchmark runs it: the real `buildApp` over the configured store
 * (PILLARS_DB or PILLARS_DATABASE_URL), listening on loopback, no rate limit (one load generator
 * is one client address), no request logs. It skips `pillars serve`'s start-up work (seeding,
 * evidence and glossary scans of the whole corpus), which is not what is being measured.
 * Prints "listening <url>" on stdout; SIGTERM closes it.
 */
import { loadConfig } from '../src/config/config.js';
import { buildApp } from '../src/server/app.js';
import { openStore } from '../src/store/open-store.js';

const config = loadConfig({ port: process.env.PILLARS_PORT ?? 0, host: '127.0.0.1' });
const store = await openStore(config.store);
const app = await buildApp({
  store,
  rateLimitPerMinute: 0,
  logger: false,
  searchCacheMs: config.searchCacheMs,
  searchStaleMs: config.searchStaleMs,
  searchWorkers: config.searchWorkers,
});
const url = await app.listen({ port: config.port, host: '127.0.0.1' });
process.stdout.write(`listening ${url}\n`);
process.once('SIGTERM', () => {
  void app
    .close()
    .then(() => store.close())
    .then(() => process.exit(0));
});
