/**
 * @module Ingests a batch of files: one result per file (ok | skipped | error, with the reason),
 * one transaction per file, idempotent by the file's SHA-256. A file whose bytes were already
 * ingested is skipped; a different file for the same symbol and language becomes a new version.
 * Two files of one batch that claim the same symbol, language and revision are both refused.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Kysely } from 'kysely';
import type { Lang } from '../domain/language-codes.js';
import type { Database } from '../store/database.js';
import type { Store } from '../store/open-store.js';
import { listGroups } from '../store/repositories/groups-repository.js';
import { listMeetings } from '../store/repositories/meetings-repository.js';
import {
  assignSymbol,
  expressionIdFor,
  removeStoredDocument,
  storeDocument,
} from '../store/repositories/documents-write.js';
import {
  indexNewDocument,
  syncSearchIndex,
  unindexExpressions,
  yearOf,
} from '../search/index/search-index.js';
import { BatchWriter } from './batch-writer.js';
import { loadNameResolver } from '../states/state-queries.js';
import { DEFAULT_LIMITS, ExtractionError } from './extracted-document.js';
import {
  runPipeline,
  StageError,
  type IngestContext,
  type IngestOptions,
  type PipelineEnv,
} from './pipeline.js';
import { parseSymbol, revisionLabel } from './symbols/un-symbol.js';

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

export async function loadPipelineEnv(db: Kysely<Database>): Promise<PipelineEnv> {
  const [resolver, groups, meetings] = await Promise.all([
    loadNameResolver(db),
    listGroups(db),
    listMeetings(db),
  ]);
  return { resolver, groups, meetings };
}

function reasonOf(error: unknown): string {
  if (error instanceof StageError) {
    const cause = error.cause;
    if (cause instanceof ExtractionError) return `${error.stage}: ${cause.message}`;
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

export async function ingestFiles(
  store: Store,
  inputs: readonly IngestInput[],
  options: IngestOptions = {},
  onResult?: (result: IngestResult, index: number) => void,
): Promise<IngestResult[]> {
  const env = await loadPipelineEnv(store.db);
  const limits = options.limits ?? DEFAULT_LIMITS;
  const results: IngestResult[] = [];
  /** work|lang|revision → index in results and sha of the file of this batch that claimed it. */
  const claimed = new Map<string, { index: number; sha256: string; workId: string }>();
  const writer = new BatchWriter(store.db);
  try {
    for (const [index, input] of inputs.entries()) {
      const result = await ingestOne(writer, input, options, env, limits, claimed, results);
      results.push(result);
      onResult?.(result, index);
    }
    await writer.flush();
  } catch (error) {
    await writer.abort();
    throw error;
  }
  return results;
}

async function ingestOne(
  writer: BatchWriter,
  input: IngestInput,
  options: IngestOptions,
  env: PipelineEnv,
  limits: typeof DEFAULT_LIMITS,
  claimed: Map<string, { index: number; sha256: string; workId: string }>,
  results: IngestResult[],
): Promise<IngestResult> {
  const file = input.name;
  let bytes: Buffer;
  try {
    if (input.bytes !== undefined) bytes = input.bytes;
    else {
      const size = statSync(input.path!).size;
      if (size > limits.maxInputBytes) {
        return {
          file,
          status: 'error',
          reason: `read: ${size.toLocaleString('en')} bytes (limit ${limits.maxInputBytes.toLocaleString('en')})`,
        };
      }
      bytes = readFileSync(input.path!);
    }
  } catch (error) {
    return {
      file,
      status: 'error',
      reason: `read: ${(error as NodeJS.ErrnoException).code ?? reasonOf(error)}`,
    };
  }
  if (bytes.length > limits.maxInputBytes) {
    return {
      file,
      status: 'error',
      reason: `read: ${bytes.length.toLocaleString('en')} bytes (limit ${limits.maxInputBytes.toLocaleString('en')})`,
    };
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const existing = await writer.reader
    .selectFrom('expressions')
    .innerJoin('works', 'works.id', 'expressions.work_id')
    .select(['works.id as workId', 'works.symbol', 'expressions.lang', 'expressions.version'])
    .where('expressions.manifestation_id', '=', sha256)
    .executeTakeFirst();
  if (existing) {
    if (options.symbol !== undefined) {
      const parsed = parseSymbol(options.symbol);
      if (!parsed.ok)
        return {
          file,
          status: 'error',
          reason: `symbol: '${options.symbol}' does not parse: ${parsed.error.message} (at position ${parsed.error.position})`,
        };
      if (parsed.symbol.base !== existing.workId) {
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

  let ctx: IngestContext;
  try {
    ctx = await runPipeline(
      { fileName: basename(file), bytes, options: { ...options, limits }, warnings: [] },
      env,
    );
  } catch (error) {
    return { file, status: 'error', reason: reasonOf(error) };
  }
  const symbol = ctx.symbol ?? null;
  const workId = symbol?.base ?? `pillars:${sha256.slice(0, 12)}`;
  const revision = symbol ? revisionLabel(symbol) : '';
  const key = `${workId}|${ctx.lang!}|${revision}`;
  const earlier = claimed.get(key);
  if (earlier) {
    await writer.write(async (trx) => {
      await unindexExpressions(trx, [expressionIdFor(earlier.sha256)]);
      await removeStoredDocument(trx, earlier.sha256);
      await syncSearchIndex(trx, [earlier.workId]);
    });
    const reason = `conflict: ${results[earlier.index]!.file} and ${file} in this batch both claim ${symbol?.canonical ?? workId} (${ctx.lang!}); ingest them in separate runs so that one becomes a new version`;
    results[earlier.index] = { file: results[earlier.index]!.file, status: 'error', reason };
    return { file, status: 'error', reason };
  }
  const header = ctx.header!;
  try {
    const stored = await writer.write(async (trx) => {
      const stored = await storeDocument(trx, {
        sha256,
        fileName: basename(file),
        format: ctx.format!,
        size: bytes.length,
        extractor: ctx.extracted!.extractor,
        workId,
        symbol: symbol?.base ?? null,
        body: symbol?.body ?? null,
        docType: symbol?.series ?? null,
        meetingId: ctx.meetingId ?? null,
        lang: ctx.lang!,
        revision,
        title: header.title,
        date: header.date,
        originalLang: header.originalLang,
        place: header.place,
        distribution: header.distribution,
        agendaItem: header.agendaItem,
        segments: ctx.segments!,
        authors: ctx.authors ?? [],
        votes: ctx.vote?.entries ?? [],
        warnings: ctx.warnings,
      });
      if (stored.workCreated) {
        const meetingDate = env.meetings.find((m) => m.id === ctx.meetingId)?.startDate;
        await indexNewDocument(trx, {
          expressionId: stored.expressionId,
          workId: stored.workId,
          lang: ctx.lang!,
          year: yearOf(header.date, meetingDate),
          docType: symbol?.series ?? null,
          symbol: symbol?.base ?? null,
          body: symbol?.body ?? null,
          meetingId: ctx.meetingId ?? null,
          states: (ctx.authors ?? []).filter((a) => a.kind === 'state').map((a) => a.id),
          paragraphs: ctx.segments!,
        });
      } else {
        await syncSearchIndex(trx, [stored.workId], { refresh: stored.workChanged });
      }
      return stored;
    });
    claimed.set(key, { index: results.length, sha256, workId: stored.workId });
    return {
      file,
      status: 'ok',
      workId: stored.workId,
      symbol: symbol?.base ?? null,
      lang: ctx.lang!,
      version: stored.version,
      segments: ctx.segments!.length,
      ...(ctx.warnings.length ? { warnings: ctx.warnings } : {}),
    };
  } catch (error) {
    return { file, status: 'error', reason: `store: ${reasonOf(error)}` };
  }
}
