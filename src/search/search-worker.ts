/**
 * @module A worker thread of search-pool.ts: answers searches over its own read-only connection
 * to the SQLite file, with the answer checked against the contract and serialised here, so the
 * event loop that serves HTTP only passes the bytes on.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { searchResponseSchema } from '../contract/api-schemas.js';
import { answerCalls } from '../lib/worker-calls.js';
import { openSqliteReader } from '../store/dialects/sqlite.js';
import type { SearchWorkerData } from './search-pool.js';
import { search, type SearchRequest } from './search-service.js';

const port = parentPort;
if (!port) throw new Error('search-worker.ts runs as a worker thread of search-pool.ts');
const { file } = workerData as SearchWorkerData;
const db = openSqliteReader(file);

answerCalls(port, async (request: SearchRequest) =>
  JSON.stringify(searchResponseSchema.parse(await search(db, request))),
);
