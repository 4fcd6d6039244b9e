/**
 * @module Where files are prepared (prepare-document.ts): inline, or in worker threads so that the
 * pipeline and the text analysis of the next files run on other cores while the writer stores
 * the current one. Both give the same answers; the workers only change when they are computed.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startSiblingWorker } from '../lib/start-worker.js';
import type { IngestOptions } from './pipeline.js';
import {
  pipelineEnvFrom,
  prepareDocument,
  type FileToPrepare,
  type PipelineEnvData,
  type Prepared,
} from './prepare-document.js';

export interface Preparer {
  /** Starts preparing a file. */
  prepare(file: FileToPrepare): Promise<Prepared>;
  /** How many files may be in preparation at once to keep it busy. */
  readonly window: number;
  close(): Promise<void>;
}

/** Below this many files, starting workers (about 0.1 s each) costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 24;

/** Worker threads for a batch of `files`: one per core but the writer's, none for small batches. */
export function workerCountFor(files: number, requested?: number): number {
  if (requested !== undefined) return Math.max(0, Math.floor(requested));
  if (files < MIN_FILES_FOR_WORKERS) return 0;
  return Math.min(4, Math.max(1, availableParallelism() - 1));
}

export function createPreparer(
  options: IngestOptions,
  env: PipelineEnvData,
  workers: number,
): Preparer {
  return workers > 0 ? new WorkerPreparer(options, env, workers) : inlinePreparer(options, env);
}

function inlinePreparer(options: IngestOptions, data: PipelineEnvData): Preparer {
  const env = pipelineEnvFrom(data);
  return {
    prepare: (file) => prepareDocument(file, options, env),
    window: 1,
    close: async () => {},
  };
}

/** The message a worker receives (prepare-worker.ts) and the one it answers with. */
export interface PrepareJob {
  readonly id: number;
  readonly file: FileToPrepare;
}
export type PrepareAnswer =
  | { readonly id: number; readonly result: Prepared }
  | { readonly id: number; readonly failure: string };
export interface PrepareWorkerData {
  readonly options: IngestOptions;
  readonly env: PipelineEnvData;
}

interface Waiting {
  resolve(result: Prepared): void;
  reject(error: Error): void;
}

/** The worker: prepare-worker.ts (see start-worker.ts for how it is started from sources). */
function startWorker(workerData: PrepareWorkerData) {
  return startSiblingWorker(import.meta.url, 'prepare-worker', { workerData });
}

class WorkerPreparer implements Preparer {
  readonly window: number;
  readonly #workers: { worker: Worker; waiting: Map<number, Waiting> }[];
  #nextId = 0;
  #closed = false;

  constructor(options: IngestOptions, env: PipelineEnvData, count: number) {
    // Enough files queued per worker to last through a group's commit (up to ~100 ms with a WAL
    // checkpoint), when the writer hands out none. Measured at 10,000 documents on 2 cores: 32
    // left the writer idle 15 % of the time waiting for answers; 128 ran 15 % faster (512 no more).
    this.window = count * 128;
    const workerData: PrepareWorkerData = { options, env };
    this.#workers = Array.from({ length: count }, () => {
      const worker = startWorker(workerData);
      const entry = { worker, waiting: new Map<number, Waiting>() };
      worker.on('message', (answer: PrepareAnswer) => {
        const waiting = entry.waiting.get(answer.id);
        if (!waiting) return;
        entry.waiting.delete(answer.id);
        if ('result' in answer) waiting.resolve(answer.result);
        else waiting.reject(new Error(`prepare: ${answer.failure}`));
      });
      const failAll = (error: Error) => {
        for (const waiting of entry.waiting.values()) waiting.reject(error);
        entry.waiting.clear();
      };
      worker.on('error', (error) => failAll(new Error(`prepare worker failed: ${error.message}`)));
      worker.on('exit', (code) => {
        if (!this.#closed) failAll(new Error(`prepare worker stopped (exit code ${code})`));
      });
      return entry;
    });
  }

  prepare(file: FileToPrepare): Promise<Prepared> {
    if (this.#closed) return Promise.reject(new Error('prepare: the pool is closed'));
    // The least busy worker; ties go to the first.
    const entry = this.#workers.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a));
    const id = this.#nextId++;
    return new Promise<Prepared>((resolve, reject) => {
      entry.waiting.set(id, { resolve, reject });
      const job: PrepareJob = { id, file };
      entry.worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.all(this.#workers.map(({ worker }) => worker.terminate()));
  }
}
