/**
 * @module A worker thread of prepare-pool.ts: prepares each file it is sent and answers with the
 * result. Files may overlap (PDF extraction waits on I/O); answers carry the job's id.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PrepareAnswer, PrepareJob, PrepareWorkerData } from './prepare-pool.js';
import { pipelineEnvFrom, prepareDocument } from './prepare-document.js';

const port = parentPort;
if (!port) throw new Error('prepare-worker.ts runs as a worker thread of prepare-pool.ts');
const { options, env: data } = workerData as PrepareWorkerData;
const env = pipelineEnvFrom(data);

port.on('message', (job: PrepareJob) => {
  prepareDocument(job.file, options, env).then(
    (result) => port.postMessage({ id: job.id, result } satisfies PrepareAnswer),
    (error: unknown) =>
      port.postMessage({
        id: job.id,
        failure: error instanceof Error ? error.message : String(error),
      } satisfies PrepareAnswer),
  );
});
