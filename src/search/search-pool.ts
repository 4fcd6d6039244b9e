/**
 * @module Searches over SQLite computed in worker threads (search-worker.ts), each with its own
 * read-only connection. better-sqlite3 answers synchronously, so a search run on the server's
 * event loop holds every other request for its whole length; in a worker it runs on another core
 * while the event loop goes on serving document views, lists and cached answers. PostgreSQL needs
 * none: its queries already run in the server's processes.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { PillarsError, type ErrorCode } from '../domain/errors.js';
import { startSiblingWorker } from '../lib/start-worker.js';
import type { Promotion } from '../lib/promotion.js';
import type { ComputePriority } from './search-cache.js';
import type { SearchRequest } from './search-service.js';

export interface SearchWorkerData {
  readonly file: string;
}
export interface SearchJob {
  readonly id: number;
  readonly request: SearchRequest;
}
export type SearchAnswer =
  | { readonly id: number; readonly body: string }
  | {
      readonly id: number;
      readonly error: {
        readonly code: ErrorCode;
        readonly message: string;
        readonly field: string | undefined;
        readonly position: number | undefined;
        readonly detail: Readonly<Record<string, unknown>> | undefined;
      };
    }
  | { readonly id: number; readonly failure: string };

/** Search workers for this machine: every core but the event loop's, at least one, at most four. */
export function searchWorkerCount(): number {
  return Math.min(4, Math.max(1, availableParallelism() - 1));
}

interface Waiting {
  readonly resolve: (body: string) => void;
  readonly reject: (error: Error) => void;
}

interface Queued extends Waiting {
  readonly request: SearchRequest;
  readonly promotion: Promotion | undefined;
}

interface Slot {
  readonly worker: Worker;
  readonly waiting: Map<number, Waiting>;
}

export class SearchPool {
  readonly #file: string;
  readonly #size: number;
  #slots: Slot[] | undefined;
  #nextId = 0;
  #closed = false;
  readonly #inFlight = new Set<Promise<string>>();
  /** Background searches wait here until a worker has nothing else to do. */
  readonly #background: Queued[] = [];

  /** Workers start with the first search, so an app that never searches starts none. */
  constructor(file: string, size = searchWorkerCount()) {
    if (!Number.isInteger(size) || size < 1)
      throw new Error(`a search pool has a positive whole number of workers, not ${size}`);
    this.#file = file;
    this.#size = size;
  }

  /**
   * The search's answer as the JSON the API sends, or its error. A search someone waits for goes
   * to the least busy worker at once; a background one (a cache refresh) waits until a worker is
   * idle, so refreshes never delay a request — until `promotion` asks: then it goes to the least
   * busy worker like a request.
   */
  search(
    request: SearchRequest,
    priority: ComputePriority = 'now',
    promotion?: Promotion,
  ): Promise<string> {
    if (this.#closed) return Promise.reject(new Error('search: the pool is closed'));
    this.#started();
    const answer =
      priority === 'now' || promotion?.requested === true
        ? new Promise<string>((resolve, reject) =>
            this.#post(this.#leastBusy(), request, { resolve, reject }),
          )
        : new Promise<string>((resolve, reject) => {
            const queued: Queued = { request, resolve, reject, promotion };
            this.#background.push(queued);
            promotion?.bind(() => {
              const at = this.#background.indexOf(queued);
              if (at === -1) return;
              this.#background.splice(at, 1);
              this.#post(this.#leastBusy(), request, queued);
            });
            this.#pump();
          });
    this.#inFlight.add(answer);
    const done = () => this.#inFlight.delete(answer);
    answer.then(done, done);
    return answer;
  }

  /** The workers, started (again, for any that died) if need be. */
  #started(): Slot[] {
    const slots = (this.#slots ??= []);
    while (slots.length < this.#size) slots.push(this.#start());
    return slots;
  }

  /** The least busy worker; ties go to the first. */
  #leastBusy(): Slot {
    return this.#started().reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a));
  }

  #post(slot: Slot, request: SearchRequest, waiting: Waiting): void {
    const id = this.#nextId++;
    slot.waiting.set(id, waiting);
    slot.worker.postMessage({ id, request } satisfies SearchJob);
  }

  /** Hands queued background searches to idle workers. */
  #pump(): void {
    for (const slot of this.#slots ?? []) {
      if (this.#background.length === 0) return;
      if (slot.waiting.size > 0) continue;
      const queued = this.#background.shift()!;
      queued.promotion?.bind(undefined);
      this.#post(slot, queued.request, queued);
    }
  }

  #start(): Slot {
    const worker = startSiblingWorker(import.meta.url, 'search-worker', {
      workerData: { file: this.#file } satisfies SearchWorkerData,
    });
    const slot: Slot = { worker, waiting: new Map() };
    worker.on('message', (answer: SearchAnswer) => {
      const waiting = slot.waiting.get(answer.id);
      if (!waiting) return;
      slot.waiting.delete(answer.id);
      if ('body' in answer) waiting.resolve(answer.body);
      else if ('error' in answer) {
        const { code, message, field, position, detail } = answer.error;
        waiting.reject(
          new PillarsError(code, message, {
            ...(field !== undefined ? { field } : {}),
            ...(position !== undefined ? { position } : {}),
            ...(detail !== undefined ? { detail } : {}),
          }),
        );
      } else waiting.reject(new Error(`search: ${answer.failure}`));
      this.#pump();
    });
    const failAll = (error: Error) => {
      for (const waiting of slot.waiting.values()) waiting.reject(error);
      slot.waiting.clear();
      // A worker that died is replaced at the next search.
      const at = this.#slots?.indexOf(slot) ?? -1;
      if (at !== -1) this.#slots!.splice(at, 1);
    };
    worker.on('error', (error) => failAll(new Error(`search worker failed: ${error.message}`)));
    worker.on('exit', (code) => {
      if (!this.#closed) failAll(new Error(`search worker stopped (exit code ${code})`));
    });
    worker.unref();
    return slot;
  }

  /** Lets the searches in flight finish (a shutdown drains its requests), then stops the threads. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    // Refreshes nobody waits for are dropped; requests in flight are answered.
    for (const queued of this.#background.splice(0))
      queued.reject(new Error('search: the pool is closed'));
    await Promise.allSettled([...this.#inFlight]);
    const slots = this.#slots ?? [];
    this.#slots = undefined;
    await Promise.all(slots.map(({ worker }) => worker.terminate()));
  }
}
