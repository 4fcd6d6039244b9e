/**
 * @module Where files are prepared (prepare-document.ts): inline, or in worker threads so that the
 * pipeline and the text analysis of the next files run on other cores while the writer stores
 * the current one. Both give the same answers; the workers only change when they are computed.
 */
import { availableParallelism } from 'node:os';
import { startSiblingWorker } from '../lib/start-worker.js';
import { leastBusy, WorkerCalls } from '../lib/worker-calls.js';
import type { IngestOptions, PipelineEnv } from './pipeline.js';
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

export interface PrepareWorkerData {
  readonly options: IngestOptions;
  readonly env: PipelineEnvData;
}

/**
 * Files go to worker threads. A worker takes a few hundred milliseconds to load its modules, and
 * the writer would spend them waiting for its first files: until a worker says it is ready, files
 * are prepared on the calling thread instead, one per turn of the event loop (so a server goes
 * on answering requests), each going to a worker after all if one is ready by its turn.
 */
class WorkerPreparer implements Preparer {
  readonly window: number;
  readonly #workers: WorkerCalls<FileToPrepare, Prepared>[];
  readonly #options: IngestOptions;
  readonly #data: PipelineEnvData;
  #inlineEnv: PipelineEnv | undefined;
  #ready = false;
  #closed = false;

  constructor(options: IngestOptions, env: PipelineEnvData, count: number) {
    // Enough files queued per worker to last through a group's commit, when the writer hands out
    // none: a group now writes its index rows at the commit (index-write-buffer.ts), so the
    // commit holds the writer for about 100 ms, and the worker prepares a file in about 0.5 ms.
    // Measured at 10,000 documents on 2 cores: with 128 both threads sat idle 15 % of the time,
    // and 512 ran 7 % faster; 1,024 and 2,048 were slower (more prepared files alive, more GC).
    this.window = count * 512;
    this.#options = options;
    this.#data = env;
    const workerData: PrepareWorkerData = { options, env };
    this.#workers = Array.from({ length: count }, () => {
      const worker = startSiblingWorker(import.meta.url, 'prepare-worker', { workerData });
      // The worker's first message says it has loaded (prepare-worker.ts).
      worker.once('message', () => (this.#ready = true));
      return new WorkerCalls<FileToPrepare, Prepared>(worker, { label: 'prepare' });
    });
  }

  prepare(file: FileToPrepare): Promise<Prepared> {
    if (this.#closed) return Promise.reject(new Error('prepare: the pool is closed'));
    if (this.#ready) return leastBusy(this.#workers).call(file);
    return new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      if (this.#ready || this.#closed) return leastBusy(this.#workers).call(file);
      this.#inlineEnv ??= pipelineEnvFrom(this.#data);
      return prepareDocument(file, this.#options, this.#inlineEnv);
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.all(this.#workers.map((worker) => worker.terminate()));
  }
}
