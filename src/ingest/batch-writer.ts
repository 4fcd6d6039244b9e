/**
 * @module Writes of one ingestion run, grouped: up to `size` files (or `maxOpenMs` of work) share
 * one transaction, each file in its own savepoint. A file that fails to store rolls back to its
 * savepoint alone, exactly as if it had had its own transaction; the others commit together, so
 * the per-commit cost (the WAL write, FTS5 flushing its pending terms) is paid once per group.
 * A crash loses at most the group in progress, never half a file.
 */
import type { ControlledTransaction, Kysely } from 'kysely';
import type { Database } from '../store/database.js';

export interface BatchWriterOptions {
  /** Files per transaction. */
  readonly size?: number;
  /** Commit when the transaction has been open this long, so other writers are not held up. */
  readonly maxOpenMs?: number;
}

export class BatchWriter {
  readonly #db: Kysely<Database>;
  readonly #size: number;
  readonly #maxOpenMs: number;
  #trx: ControlledTransaction<Database> | undefined;
  #opened = 0;
  #files = 0;
  #savepoints = 0;

  constructor(db: Kysely<Database>, options: BatchWriterOptions = {}) {
    this.#db = db;
    this.#size = options.size ?? 32;
    this.#maxOpenMs = options.maxOpenMs ?? 250;
  }

  /**
   * Where to read: inside the open transaction when there is one (it sees the group's writes, and
   * on SQLite's single connection a read outside it would wait for it).
   */
  get reader(): Kysely<Database> {
    return this.#trx ?? this.#db;
  }

  /** Runs `work` in a savepoint of the group's transaction; its failure undoes only its writes. */
  async write<T>(work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
    if (!this.#trx) {
      this.#trx = await this.#db.startTransaction().execute();
      this.#opened = performance.now();
    }
    const name = `file_${++this.#savepoints}`;
    const trx = this.#trx;
    const point = await trx.savepoint(name).execute();
    let result: T;
    try {
      result = await work(point);
    } catch (error) {
      await point.rollbackToSavepoint(name).execute();
      await point.releaseSavepoint(name).execute();
      throw error;
    }
    await point.releaseSavepoint(name).execute();
    this.#files++;
    if (this.#files >= this.#size || performance.now() - this.#opened >= this.#maxOpenMs) {
      await this.flush();
    }
    return result;
  }

  /** Commits the group. */
  async flush(): Promise<void> {
    const trx = this.#trx;
    if (!trx) return;
    this.#trx = undefined;
    this.#files = 0;
    await trx.commit().execute();
  }

  /** Rolls the group back (a failure outside any one file). */
  async abort(): Promise<void> {
    const trx = this.#trx;
    if (!trx) return;
    this.#trx = undefined;
    this.#files = 0;
    await trx.rollback().execute();
  }
}
