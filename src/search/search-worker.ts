/**
 * @module A worker thread of search-pool.ts: answers searches over its own read-only connection
 * to the SQLite file, with the answer checked against the contract and serialised here, so the
 * event loop that serves HTTP only passes the bytes on.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { searchResponseSchema } from '../contract/api-schemas.js';
import { PillarsError } from '../domain/errors.js';
import { openSqliteReader } from '../store/dialects/sqlite.js';
import type { SearchAnswer, SearchJob, SearchWorkerData } from './search-pool.js';
import { search } from './search-service.js';

const port = parentPort;
if (!port) throw new Error('search-worker.ts runs as a worker thread of search-pool.ts');
const { file } = workerData as SearchWorkerData;
const db = openSqliteReader(file);

port.on('message', (job: SearchJob) => {
  search(db, job.request).then(
    (response) =>
      port.postMessage({
        id: job.id,
        body: JSON.stringify(searchResponseSchema.parse(response)),
      } satisfies SearchAnswer),
    (error: unknown) =>
      port.postMessage(
        error instanceof PillarsError
          ? ({
              id: job.id,
              error: {
                code: error.code,
                message: error.message,
                field: error.field,
                position: error.position,
                detail: error.detail,
              },
            } satisfies SearchAnswer)
          : ({
              id: job.id,
              failure: error instanceof Error ? error.message : String(error),
            } satisfies SearchAnswer),
      ),
  );
});
