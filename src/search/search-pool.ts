/**
 * @module Searches over SQLite computed in worker threads (search-worker.ts), each with its own
 * read-only connection. better-sqlite3 answers synchronously, so a search run on the server's
 * event loop holds every other request for its whole length; in a worker it runs on another core
 * while the event loop goes on serving document views, lists and cached answers. PostgreSQL needs
 * none: its queries already run in the server's processes.
 */
import { availableParallelism } from 'node:os';
import { startSiblingWorker } from '../lib/start-worker.js';
import type { Promotion } from '../lib/promotion.js';
import { leastBusy, WorkerCalls } from '../lib/worker-calls.js';
import type { ComputePriority } from './search-cache.js';
import type { SearchRequest } from './search-service.js';

export interface SearchWorkerData {
  readonly file: string;
}

/** Search workers for this machine: every core but the event loop's, at least one, at most four. */
export function searchWorkerCount(): number {
  return Math.min(4, Math.max(1, availableParallelism() - 1));
}

/** One search worker: called with a request, it answers with the JSON the API sends. */
type Slot = WorkerCalls<SearchRequest, string>;

interface Queued {
  readonly request: SearchRequest;
  readonly promotion: Promotion | undefined;
  readonly resolve: (body: string) => void;
  readonly reject: (error: Error) => void;
}

export class SearchPool {
  readonly #file: string;
  readonly #size: number;
  #slots: Slot[] | undefined;
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
        ? this.#leastBusy().call(request)
        : new Promise<string>((resolve, reject) => {
            const queued: Queued = { request, resolve, reject, promotion };
            this.#background.push(queued);
            promotion?.bind(() => {
              const at = this.#background.indexOf(queued);
              if (at === -1) return;
              this.#background.splice(at, 1);
              this.#leastBusy().call(request).then(resolve, reject);
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

  #leastBusy(): Slot {
    return leastBusy(this.#started());
  }

  /** Hands queued background searches to idle workers. */
  #pump(): void {
    for (const slot of this.#slots ?? []) {
      if (this.#background.length === 0) return;
      if (slot.pending > 0) continue;
      const queued = this.#background.shift()!;
      queued.promotion?.bind(undefined);
      slot.call(queued.request).then(queued.resolve, queued.reject);
    }
  }

  #start(): Slot {
    const worker = startSiblingWorker(import.meta.url, 'search-worker', {
      workerData: { file: this.#file } satisfies SearchWorkerData,
    });
    const slot: Slot = new WorkerCalls(worker, {
      label: 'search',
      onAnswer: () => this.#pump(),
      // A worker that died is replaced at the next search.
      onGone: () => {
        const at = this.#slots?.indexOf(slot) ?? -1;
        if (at !== -1) this.#slots!.splice(at, 1);
      },
    });
    slot.unref();
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
    await Promise.all(slots.map((slot) => slot.terminate()));
  }
}
