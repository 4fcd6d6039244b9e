/**
 * @module Calls into a worker thread, answered out of order: each call carries an id and its
 * answer comes back with it, as a value or as a failure. A Pillars error crosses the thread as
 * data and is rebuilt as itself on the other side (a malformed query keeps its code and
 * position); any other error arrives as its message. Used by the prepare pool (ingest) and the
 * search pool, whose workers answer with `answerCalls`.
 */
import type { MessagePort, Worker } from 'node:worker_threads';
import { PillarsError, type ErrorCode } from '../domain/errors.js';

export interface WorkerCall<I> {
  readonly id: number;
  readonly input: I;
}

interface Failure {
  readonly message: string;
  readonly pillars?: {
    readonly code: ErrorCode;
    readonly field: string | undefined;
    readonly position: number | undefined;
    readonly detail: Readonly<Record<string, unknown>> | undefined;
  };
}

export type WorkerReply<O> =
  { readonly id: number; readonly value: O } | { readonly id: number; readonly failure: Failure };

/** The worker's side: answers every call with `handle`'s value or failure. */
export function answerCalls<I, O>(port: MessagePort, handle: (input: I) => Promise<O>): void {
  port.on('message', (call: WorkerCall<I>) => {
    handle(call.input).then(
      (value) => port.postMessage({ id: call.id, value } satisfies WorkerReply<O>),
      (error: unknown) =>
        port.postMessage({ id: call.id, failure: failureOf(error) } satisfies WorkerReply<O>),
    );
  });
}

function failureOf(error: unknown): Failure {
  if (!(error instanceof PillarsError))
    return { message: error instanceof Error ? error.message : String(error) };
  const { message, code, field, position, detail } = error;
  return { message, pillars: { code, field, position, detail } };
}

function errorOf(failure: Failure, label: string): Error {
  const p = failure.pillars;
  if (!p) return new Error(`${label}: ${failure.message}`);
  return new PillarsError(p.code, failure.message, {
    ...(p.field !== undefined ? { field: p.field } : {}),
    ...(p.position !== undefined ? { position: p.position } : {}),
    ...(p.detail !== undefined ? { detail: p.detail } : {}),
  });
}

interface Waiting<O> {
  readonly resolve: (value: O) => void;
  readonly reject: (error: Error) => void;
}

export interface WorkerCallsOptions {
  /** Names the worker in errors: "search" gives "search worker stopped (exit code 1)". */
  readonly label: string;
  /** After each answer (a pool may hand the worker more work). */
  readonly onAnswer?: () => void;
  /** When the worker fails or stops unasked; its calls in flight have been rejected. */
  readonly onGone?: () => void;
}

/** The parent's side of one worker: `call` posts, the answer with the same id settles it. */
export class WorkerCalls<I, O> {
  readonly #worker: Worker;
  readonly #label: string;
  readonly #waiting = new Map<number, Waiting<O>>();
  #nextId = 0;
  #stopping = false;

  constructor(worker: Worker, options: WorkerCallsOptions) {
    this.#worker = worker;
    this.#label = options.label;
    worker.on('message', (reply: WorkerReply<O>) => {
      const waiting = this.#waiting.get(reply.id);
      if (!waiting) return;
      this.#waiting.delete(reply.id);
      if ('value' in reply) waiting.resolve(reply.value);
      else waiting.reject(errorOf(reply.failure, this.#label));
      options.onAnswer?.();
    });
    const gone = (error: Error) => {
      for (const waiting of this.#waiting.values()) waiting.reject(error);
      this.#waiting.clear();
      options.onGone?.();
    };
    worker.on('error', (error) =>
      gone(new Error(`${this.#label} worker failed: ${error.message}`)),
    );
    worker.on('exit', (code) => {
      if (!this.#stopping) gone(new Error(`${this.#label} worker stopped (exit code ${code})`));
    });
  }

  /** Calls posted and not yet answered. */
  get pending(): number {
    return this.#waiting.size;
  }

  call(input: I): Promise<O> {
    const id = this.#nextId++;
    return new Promise<O>((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#worker.postMessage({ id, input } satisfies WorkerCall<I>);
    });
  }

  /** Lets the process exit while the worker idles. */
  unref(): void {
    this.#worker.unref();
  }

  async terminate(): Promise<void> {
    this.#stopping = true;
    await this.#worker.terminate();
  }
}

/** The worker with the fewest calls in flight; ties go to the first. */
export function leastBusy<T extends { readonly pending: number }>(workers: readonly T[]): T {
  return workers.reduce((a, b) => (b.pending < a.pending ? b : a));
}
