/**
 * @module Ingests a batch of files: one result per file (ok | skipped | error, with the reason),
 * idempotent by the file's SHA-256. A file whose bytes were already ingested is skipped; a
 * different file for the same symbol and language becomes a new version. Two files of one batch
 * that claim the same symbol, language and revision are both refused.
 *
 * Files are read, hashed and checked against the store in order; what needs no database (the
 * pipeline, the index rows) is prepared up to a window ahead, in worker threads for big batches
 * (prepare-pool.ts); the writer stores each file in its own savepoint of a group transaction
 * (batch-writer.ts), in input order, so results never depend on which thread was faster.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { Lang } from '../domain/language-codes.js';
import type { Database } from '../store/database.js';
import type { Store } from '../store/open-store.js';
import { listGroups } from '../store/repositories/groups-repository.js';
import { listMeetings } from '../store/repositories/meetings-repository.js';
import {
  assignSymbol,
  expressionIdFor,
  readWork,
  removeStoredDocument,
  storeDocument,
  type StoredDocument,
} from '../store/repositories/documents-write.js';
import { insertRows, syncSearchIndex, unindexExpressions } from '../search/index/search-index.js';
import { loadStateCatalog } from '../states/state-catalog.js';
import { BatchWriter, GroupLostError } from './batch-writer.js';
import { DEFAULT_LIMITS, type ExtractionLimits } from './extracted-document.js';
import type { IngestOptions } from './pipeline.js';
import { reasonOf, type PipelineEnvData, type Prepared } from './prepare-document.js';
import { createPreparer, workerCountFor, type Preparer } from './prepare-pool.js';
import { parseSymbol } from './symbols/un-symbol.js';
import { ingestedFiles } from '../observability/metrics.js';
import { preparedQuery } from '../store/prepared-query.js';

export type IngestStatus = 'ok' | 'skipped' | 'error';

export interface IngestResult {
  readonly file: string;
  readonly status: IngestStatus;
  readonly reason?: string;
  readonly workId?: string;
  readonly symbol?: string | null;
  readonly lang?: Lang | 'und';
  readonly version?: number;
  readonly segments?: number;
  readonly warnings?: string[];
}

export interface IngestInput {
  /** The name the file is known by (a path, or an uploaded file's name). */
  readonly name: string;
  /** The bytes, or a path to read them from. */
  readonly bytes?: Buffer;
  readonly path?: string;
}

export interface IngestFilesOptions extends IngestOptions {
  /**
   * Worker threads preparing files ahead of the writer; 0 prepares them inline. By default one
   * per core but one, and none for a batch too small to repay starting them.
   */
  readonly workers?: number;
  /**
   * Stops the batch between two files (a shutdown): what is stored stays whole and committed, and
   * each file not reached gets an error saying so, to be sent again.
   */
  readonly signal?: AbortSignal;
}

export const INTERRUPTED_REASON =
  'not ingested: the ingest was interrupted (shutdown); send it again';

export async function loadPipelineEnvData(db: Kysely<Database>): Promise<PipelineEnvData> {
  const [catalog, groups, meetings] = await Promise.all([
    loadStateCatalog(db),
    listGroups(db),
    listMeetings(db),
  ]);
  return { states: catalog.states, groups, meetings };
}

/** A file read and hashed, or why it could not be. */
type ReadFile =
  | { readonly ok: true; readonly bytes: Buffer; readonly sha256: string }
  | { readonly ok: false; readonly reason: string };

function readInput(input: IngestInput, limits: ExtractionLimits): ReadFile {
  const tooBig = (size: number): ReadFile => ({
    ok: false,
    reason: `read: ${size.toLocaleString('en')} bytes (limit ${limits.maxInputBytes.toLocaleString('en')})`,
  });
  let bytes: Buffer;
  try {
    if (input.bytes !== undefined) bytes = input.bytes;
    else {
      const size = statSync(input.path!).size;
      if (size > limits.maxInputBytes) return tooBig(size);
      bytes = readFileSync(input.path!);
    }
  } catch (error) {
    return {
      ok: false,
      reason: `read: ${(error as NodeJS.ErrnoException).code ?? reasonOf(error)}`,
    };
  }
  if (bytes.length > limits.maxInputBytes) return tooBig(bytes.length);
  return { ok: true, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

interface Existing {
  readonly workId: string;
  readonly symbol: string | null;
  readonly lang: string;
  readonly version: number;
}

const selectExisting = preparedQuery(1, (db, sha256: string) =>
  db
    .selectFrom('expressions')
    .innerJoin('works', 'works.id', 'expressions.work_id')
    .select(['works.id as workId', 'works.symbol', 'expressions.lang', 'expressions.version'])
    .where('expressions.manifestation_id', '=', sha256),
);

async function findExisting(db: Kysely<Database>, sha256: string): Promise<Existing | undefined> {
  return (await selectExisting(db, sha256))[0];
}

/** Files read ahead stop at this many bytes in memory (large PDFs), whatever the window. */
const MAX_BYTES_AHEAD = 64 * 1024 * 1024;

/** A file on its way: read, checked against the store, and (if new) being prepared. */
interface Pending {
  readonly read: ReadFile;
  /** Already in the store when the file was read (checked again if the batch repeats its bytes). */
  readonly existing?: Existing;
  readonly prepared?: Promise<Prepared>;
}

/** work|lang|revision → the file of this batch that claimed it. */
type Claims = Map<string, { index: number; sha256: string; workId: string }>;

export async function ingestFiles(
  store: Store,
  inputs: readonly IngestInput[],
  options: IngestFilesOptions = {},
  onResult?: (result: IngestResult, index: number) => void,
): Promise<IngestResult[]> {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const docOptions: IngestOptions = { symbol: options.symbol, lang: options.lang, limits };
  const preparer = createPreparer(
    docOptions,
    await loadPipelineEnvData(store.db),
    workerCountFor(inputs.length, options.workers),
  );
  const writer = new BatchWriter(store.db);
  const results: IngestResult[] = [];
  const claimed: Claims = new Map();
  const pending = new Map<number, Pending>();
  const seen = new Set<string>();
  let next = 0;
  let bytesAhead = 0;
  try {
    for (const [index, input] of inputs.entries()) {
      if (options.signal?.aborted) {
        for (const [rest, skipped] of inputs.entries()) {
          if (rest < index) continue;
          const result: IngestResult = {
            file: skipped.name,
            status: 'error',
            reason: INTERRUPTED_REASON,
          };
          results.push(result);
          onResult?.(result, rest);
        }
        break;
      }
      while (
        next < inputs.length &&
        next < index + preparer.window &&
        (next === index || bytesAhead < MAX_BYTES_AHEAD)
      ) {
        const started = await startFile(writer, preparer, inputs[next]!, limits);
        if (started.read.ok) bytesAhead += started.read.bytes.length;
        pending.set(next, started);
        next++;
      }
      const file = pending.get(index)!;
      pending.delete(index);
      if (file.read.ok) bytesAhead -= file.read.bytes.length;
      const result = await ingestOne(writer, input.name, file, options, claimed, results, seen);
      results.push(result);
      ingestedFiles.inc({ status: result.status });
      onResult?.(result, index);
      // Between two files the event loop gets a turn: SQLite answers synchronously, and with the
      // next files already prepared nothing else would yield — a server would answer no request
      // and hear no SIGTERM until the whole batch was stored.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await writer.flush();
  } catch (error) {
    await writer.abort();
    throw error;
  } finally {
    await preparer.close();
  }
  return results;
}

async function startFile(
  writer: BatchWriter,
  preparer: Preparer,
  input: IngestInput,
  limits: ExtractionLimits,
): Promise<Pending> {
  const read = readInput(input, limits);
  if (!read.ok) return { read };
  const existing = await findExisting(writer.reader, read.sha256);
  if (existing) return { read, existing };
  const prepared = preparer.prepare({ name: input.name, bytes: read.bytes, sha256: read.sha256 });
  // Awaited in order later; until then a failure must not count as unhandled.
  prepared.catch(() => {});
  return { read, prepared };
}

async function ingestOne(
  writer: BatchWriter,
  file: string,
  { read, existing: existingAtRead, prepared }: Pending,
  options: IngestFilesOptions,
  claimed: Claims,
  results: IngestResult[],
  seen: Set<string>,
): Promise<IngestResult> {
  if (!read.ok) return { file, status: 'error', reason: read.reason };
  const { sha256 } = read;
  // A file repeated within the batch is found by looking again, now that the first is stored.
  const existing = seen.has(sha256)
    ? ((await findExisting(writer.reader, sha256)) ?? existingAtRead)
    : existingAtRead;
  seen.add(sha256);
  if (existing) return existingFile(writer, file, sha256, existing, options);
  if (!prepared) throw new Error(`ingest: ${file} was never prepared`);

  const outcome = await prepared;
  if (!outcome.ok) return { file, status: 'error', reason: outcome.reason };
  const { document, canonicalSymbol, rows } = outcome.prepared;
  const workId = document.workId;
  const key = `${workId}|${document.lang}|${document.revision}`;
  const earlier = claimed.get(key);
  if (earlier) {
    await writer.settleIndex();
    await writer.write(async (trx) => {
      await unindexExpressions(trx, [expressionIdFor(earlier.sha256)]);
      await removeStoredDocument(trx, earlier.sha256);
      await syncSearchIndex(trx, [earlier.workId]);
    });
    const reason = `conflict: ${results[earlier.index]!.file} and ${file} in this batch both claim ${canonicalSymbol ?? workId} (${document.lang}); ingest them in separate runs so that one becomes a new version`;
    results[earlier.index] = { file: results[earlier.index]!.file, status: 'error', reason };
    return { file, status: 'error', reason };
  }
  const index = results.length;
  const describe = (stored: StoredDocument): IngestResult => ({
    file,
    status: 'ok',
    workId: stored.workId,
    symbol: document.symbol,
    lang: document.lang,
    version: stored.version,
    segments: document.segments.length,
    ...(document.warnings.length ? { warnings: [...document.warnings] } : {}),
  });
  const failed = (error: unknown): IngestResult => ({
    file,
    status: 'error',
    reason: `store: ${reasonOf(error)}`,
  });
  /** The result this file was last given. */
  let given: IngestResult | undefined;
  try {
    const work = await readWork(writer.reader, workId);
    // Only a document of a new work adds rows without looking at the index (see BatchWriter).
    if (work && writer.hasPendingIndex) await writer.settleIndex();
    const stored = await writer.write(
      async (trx, buffer) => {
        const stored = await storeDocument(trx, document, undefined, { work });
        if (stored.workCreated) await insertRows(trx, rows, buffer);
        else await syncSearchIndex(trx, [stored.workId], { refresh: stored.workChanged });
        return stored;
      },
      // Written again after a later file of the group failed: the result is what that run gave,
      // unless the file's result has been changed since (a conflict found later in the batch).
      (redone) => {
        if (results[index] !== given) return;
        given = redone.ok ? describe(redone.value) : failed(redone.error);
        results[index] = given;
        if (!redone.ok) claimed.delete(key);
      },
    );
    claimed.set(key, { index, sha256, workId: stored.workId });
    given = describe(stored);
    return given;
  } catch (error) {
    if (error instanceof GroupLostError) throw error;
    return failed(error);
  }
}

/** A file whose bytes are stored already: skipped, or given the symbol the caller names. */
async function existingFile(
  writer: BatchWriter,
  file: string,
  sha256: string,
  existing: Existing,
  options: IngestFilesOptions,
): Promise<IngestResult> {
  if (options.symbol !== undefined) {
    const parsed = parseSymbol(options.symbol);
    if (!parsed.ok)
      return {
        file,
        status: 'error',
        reason: `symbol: '${options.symbol}' does not parse: ${parsed.error.message} (at position ${parsed.error.position})`,
      };
    if (parsed.symbol.base !== existing.workId) {
      await writer.settleIndex();
      await writer.write(async (trx) => {
        const old = await assignSymbol(trx, sha256, {
          id: parsed.symbol.base,
          symbol: parsed.symbol.base,
          body: parsed.symbol.body,
          docType: parsed.symbol.series,
        });
        await syncSearchIndex(trx, [parsed.symbol.base, ...(old ? [old] : [])], {
          refresh: true,
        });
      });
      return {
        file,
        status: 'ok',
        reason: `symbol set: ${existing.workId} is now ${parsed.symbol.base}`,
        workId: parsed.symbol.base,
        symbol: parsed.symbol.base,
        lang: existing.lang as Lang,
      };
    }
  }
  return {
    file,
    status: 'skipped',
    reason: `already ingested (${existing.symbol ?? existing.workId}, ${existing.lang}, version ${existing.version})`,
    workId: existing.workId,
    symbol: existing.symbol,
    lang: existing.lang as Lang,
    version: existing.version,
  };
}
