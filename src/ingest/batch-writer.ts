/**
 * @module Writes of one ingestion run, grouped: up to `size` files (or `maxOpenMs` of work) share
 * one transaction, each file in its own savepoint. A file that fails to store rolls back to its
 * savepoint alone, exactly as if it had had its own transaction; the others commit together, so
 * the per-commit cost (the WAL write, FTS5 merging a new segment per language) is paid once per
 * group. A crash loses at most the group in progress, never half a file.
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

/**
 * One name for every file's savepoint: each is released before the next is taken, and a name that
 * never changes keeps its statements prepared (a new name per file prepared three new statements
 * per file and pushed useful ones out of the statement cache).
 */
const SAVEPOINT = 'file';

export class BatchWriter {
  readonly #db: Kysely<Database>;
  readonly #size: number;
  readonly #maxOpenMs: number;
  readonly #buffer = new IndexWriteBuffer();
  #trx: ControlledTransaction<Database> | undefined;
  #opened = 0;
  #files = 0;

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

  /** Whether FTS5 rows are waiting to be written. */
  get hasPendingIndex(): boolean {
    return this.#buffer.size > 0;
  }

  /**
   * Runs `work` in a savepoint of the group's transaction; its failure undoes only its writes.
   * What `work` leaves in its index buffer joins the group's once it has succeeded.
   */
  async write<T>(work: (trx: Kysely<Database>, index: IndexWriteBuffer) => Promise<T>): Promise<T> {
    if (!this.#trx) {
      this.#trx = await this.#db.startTransaction().execute();
      this.#opened = performance.now();
    }
    const trx = this.#trx;
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
    this.#files++;
    if (this.#files >= this.#size || performance.now() - this.#opened >= this.#maxOpenMs) {
      await this.flush();
    }
    return result;
  }

  /** Writes what waits for the index now, in the open transaction (outside any savepoint). */
  async settleIndex(): Promise<void> {
    if (this.#trx) await this.#buffer.write(this.#trx);
  }

  /** Commits the group. */
  async flush(): Promise<void> {
    const trx = this.#trx;
    if (!trx) return;
    try {
      await this.#buffer.write(trx);
    } catch (error) {
      await this.abort();
      throw error;
    }
    this.#trx = undefined;
    this.#files = 0;
    await trx.commit().execute();
  }

  /** Rolls the group back (a failure outside any one file). */
  async abort(): Promise<void> {
    this.#buffer.clear();
    const trx = this.#trx;
    if (!trx) return;
    this.#trx = undefined;
    this.#files = 0;
    await trx.rollback().execute();
  }
}
