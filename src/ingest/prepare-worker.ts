/**
 * @module A worker thread of prepare-pool.ts: prepares each file it is sent and answers with the
 * result. Files may overlap (PDF extraction waits on I/O); answers carry the job's id.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { answerCalls } from '../lib/worker-calls.js';
import type { PrepareWorkerData } from './prepare-pool.js';
import { pipelineEnvFrom, prepareDocument, type FileToPrepare } from './prepare-document.js';

const port = parentPort;
if (!port) throw new Error('prepare-worker.ts runs as a worker thread of prepare-pool.ts');
const { options, env: data } = workerData as PrepareWorkerData;
const env = pipelineEnvFrom(data);

answerCalls(port, (file: FileToPrepare) => prepareDocument(file, options, env));
// Loaded: the pool sends files here from now on instead of preparing them itself.
port.postMessage({ ready: true });
