/**
 * @module Writes of one ingestion run, grouped: up to `size` files (or `maxOpenMs` of work) share
 * one transaction, so the per-commit cost (the WAL write, FTS5 merging a new segment per
 * language) is paid once per group. A file that fails to store leaves the store exactly as if it
 * had had its own transaction; the others commit together. A crash loses at most the group in
 * progress, never half a file.
 *
 * Files are written without a savepoint each, because failures are rare and savepoints are not
 * free: while one is open SQLite copies every page a file changes into a sub-journal first, in
 * case it rolls back (over 1 GB of copies for 10,000 documents; ingesting without them was 5 to
 * 10 % faster). When a file fails, the group is rolled back and its files that had succeeded are
 * written again, each in its own savepoint this time, as is the rest of the group. They give the
 * same results unless another process wrote in between: a write whose result then differs tells
 * its caller through `onRedo`, and one without `onRedo` that fails stops the batch.
 *
 * The defaults (256 files, 1 s) are measured: at 10,000 documents, groups of 32 files ran at 660
 * documents/s and groups of 256 at 850. Other writers wait about a second at most (SQLite's busy
 * timeout is 5 s).
 *
 * What the group's new documents add to the search index waits in an `IndexWriteBuffer` and is
 * written just before the commit (see index-write-buffer.ts for why). A write that may take rows
 * out of the index must call `settleIndex()` first, so it never looks for rows still waiting.
 */
import type { ControlledTransaction, Kysely } from 'kysely';
import { IndexWriteBuffer } from '../search/index/index-write-buffer.js';
import type { Database } from '../store/database.js';

export interface BatchWriterOptions {
  /** Files per transaction. */
  readonly size?: number;
  /** Commit when the transaction has been open this long, so other writers are not held up. */
  readonly maxOpenMs?: number;
}

/** One file's writes: run again, with the same arguments, if the group has to be written again. */
export type Work<T> = (trx: Kysely<Database>, index: IndexWriteBuffer) => Promise<T>;

/** What a write gave when the group was written again. */
export type Redone<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: unknown };

/** What the group has done so far, in order, to do again after a rollback. */
type Step =
  | {
      readonly kind: 'write';
      readonly work: Work<unknown>;
      readonly onRedo?: (redone: Redone<unknown>) => void;
    }
  | { readonly kind: 'settle' };

/**
 * One name for every file's savepoint: each is released before the next is taken, and a name that
 * never changes keeps its statements prepared (a new name per file prepared three new statements
 * per file and pushed useful ones out of the statement cache).
 */
const SAVEPOINT = 'file';

/**
 * The group's transaction was lost: it could not be written again after a file failed, or its
 * index rows could not be written. Nothing of the files stored in it so far is stored: the batch
 * stops (a run again skips what earlier groups committed).
 */
export class GroupLostError extends Error {
  constructor(cause: unknown) {
    super(
      `ingest: the files stored so far in this transaction are lost (${cause instanceof Error ? cause.message : String(cause)}); nothing of them is stored: run the batch again`,
      { cause },
    );
    this.name = 'GroupLostError';
  }
}

export class BatchWriter {
  readonly #db: Kysely<Database>;
  readonly #size: number;
  readonly #maxOpenMs: number;
  readonly #buffer = new IndexWriteBuffer();
  #trx: ControlledTransaction<Database> | undefined;
  #opened = 0;
  #files = 0;
  #steps: Step[] = [];
  /** A file of this group failed: the rest of it is written file by file in savepoints. */
  #careful = false;

  constructor(db: Kysely<Database>, options: BatchWriterOptions = {}) {
    this.#db = db;
    this.#size = options.size ?? 256;
    this.#maxOpenMs = options.maxOpenMs ?? 1000;
  }

  /**
   * Where to read: inside the open transaction when there is one (it sees the group's writes, and
   * on SQLite's single connection a read outside it would wait for it).
   */
  get reader(): Kysely<Database> {
    return this.#trx ?? this.#db;
  }

  /** Whether index rows are waiting to be written. */
  get hasPendingIndex(): boolean {
    return this.#buffer.size > 0;
  }

  /**
   * Runs one file's `work` in the group's transaction; its failure undoes only its writes. What
   * `work` leaves in its index buffer joins the group's once it has succeeded. `onRedo` hears what
   * `work` gave if it had to run again (another file of the group failed after it).
   */
  async write<T>(work: Work<T>, onRedo?: (redone: Redone<T>) => void): Promise<T> {
    const trx = await this.#transaction();
    const result = this.#careful ? await this.#runCarefully(trx, work) : await this.#run(trx, work);
    this.#steps.push({
      kind: 'write',
      work,
      ...(onRedo ? { onRedo: onRedo as (redone: Redone<unknown>) => void } : {}),
    });
    this.#files++;
    if (this.#files >= this.#size || performance.now() - this.#opened >= this.#maxOpenMs) {
      await this.flush();
    }
    return result;
  }

  /**
   * Writes what waits for the index now, in the open transaction. Rows that cannot be written
   * belong to files already stored: the group is lost.
   */
  async settleIndex(): Promise<void> {
    if (!this.#trx) return;
    try {
      await this.#buffer.write(this.#trx);
    } catch (error) {
      await this.abort().catch(() => undefined);
      throw new GroupLostError(error);
    }
    this.#steps.push({ kind: 'settle' });
  }

  /** Commits the group; if that fails, the group is lost. */
  async flush(): Promise<void> {
    const trx = this.#trx;
    if (!trx) return;
    try {
      await this.#buffer.write(trx);
    } catch (error) {
      await this.abort().catch(() => undefined);
      throw new GroupLostError(error);
    }
    this.#end();
    try {
      await trx.commit().execute();
    } catch (error) {
      await trx
        .rollback()
        .execute()
        .catch(() => undefined);
      throw new GroupLostError(error);
    }
  }

  /** Rolls the group back (a failure outside any one file). */
  async abort(): Promise<void> {
    this.#buffer.clear();
    const trx = this.#trx;
    if (!trx) return;
    this.#end();
    await trx.rollback().execute();
  }

  async #transaction(): Promise<ControlledTransaction<Database>> {
    if (!this.#trx) {
      this.#trx = await this.#db.startTransaction().execute();
      this.#opened = performance.now();
    }
    return this.#trx;
  }

  #end(): void {
    this.#trx = undefined;
    this.#files = 0;
    this.#steps = [];
    this.#careful = false;
  }

  /** Runs `work` with nothing to roll back to but the group's start. */
  async #run<T>(trx: Kysely<Database>, work: Work<T>): Promise<T> {
    const mine = new IndexWriteBuffer(this.#buffer);
    let result: T;
    try {
      result = await work(trx, mine);
    } catch (error) {
      await this.#rewrite();
      throw error;
    }
    mine.moveTo(this.#buffer);
    return result;
  }

  /** Runs `work` in a savepoint, as every write of a group that has had a failure. */
  async #runCarefully<T>(trx: ControlledTransaction<Database>, work: Work<T>): Promise<T> {
    const point = await trx.savepoint(SAVEPOINT).execute();
    const mine = new IndexWriteBuffer(this.#buffer);
    let result: T;
    try {
      result = await work(point, mine);
    } catch (error) {
      await point.rollbackToSavepoint(SAVEPOINT).execute();
      await point.releaseSavepoint(SAVEPOINT).execute();
      this.#buffer.dropIds();
      throw error;
    }
    await point.releaseSavepoint(SAVEPOINT).execute();
    mine.moveTo(this.#buffer);
    return result;
  }

  /**
   * A file failed with nothing but the group to roll back to: rolls the group back and does
   * again, carefully, what it had done before the failure.
   */
  async #rewrite(): Promise<void> {
    const steps = this.#steps;
    const files = this.#files;
    try {
      await this.abort();
      const trx = await this.#transaction();
      this.#careful = true;
      for (const step of steps) {
        if (step.kind === 'settle') {
          await this.settleIndex();
          continue;
        }
        let redone: Redone<unknown>;
        try {
          redone = { ok: true, value: await this.#runCarefully(trx, step.work) };
          this.#steps.push(step);
        } catch (error) {
          if (!step.onRedo) throw new GroupLostError(error);
          redone = { ok: false, error };
        }
        step.onRedo?.(redone);
      }
      this.#files = files;
    } catch (error) {
      // Whatever went wrong (a lost connection too), the files stored so far are gone: say so.
      await this.abort().catch(() => undefined);
      throw error instanceof GroupLostError ? error : new GroupLostError(error);
    }
  }
}
