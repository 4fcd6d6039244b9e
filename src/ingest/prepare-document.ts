/**
 * @module Everything about one file that needs no database: the pipeline's stages, the document
 * as it will be stored, and its search-index rows. Pure in the sense that matters here (no I/O
 * but what the format extractors do with the bytes), so it runs the same inline or in a worker
 * thread (prepare-pool.ts) while the writer stores the files before it.
 */
import { basename } from 'node:path';
import type { Group, Meeting, State } from '../domain/model.js';
import { buildSearchRows, yearOf, type SearchRow } from '../search/index/search-row.js';
import { resolverFromStates } from '../states/state-names.js';
import { expressionIdFor, type DocumentToStore } from '../store/repositories/documents-write.js';
import { ExtractionError } from './extracted-document.js';
import { runPipeline, StageError, type IngestOptions, type PipelineEnv } from './pipeline.js';
import { revisionLabel } from './symbols/un-symbol.js';

/** What the pipeline needs from the store, as plain data (it crosses to worker threads). */
export interface PipelineEnvData {
  readonly states: readonly State[];
  readonly groups: readonly Group[];
  readonly meetings: readonly Meeting[];
}

export function pipelineEnvFrom(data: PipelineEnvData): PipelineEnv {
  return {
    resolver: resolverFromStates(data.states),
    groups: data.groups,
    meetings: data.meetings,
  };
}

export interface FileToPrepare {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly sha256: string;
}

export interface PreparedDocument {
  readonly document: DocumentToStore;
  /** The symbol as written in full (with its revision), for messages. */
  readonly canonicalSymbol: string | null;
  /** The index rows of the document's paragraphs, as they are if its work is new. */
  readonly rows: readonly SearchRow[];
}

export type Prepared =
  | { readonly ok: true; readonly prepared: PreparedDocument }
  | { readonly ok: false; readonly reason: string };

/** The per-file message for a failure: the stage and what went wrong there. */
export function reasonOf(error: unknown): string {
  if (error instanceof StageError) {
    const cause = error.cause;
    if (cause instanceof ExtractionError) return `${error.stage}: ${cause.message}`;
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

export async function prepareDocument(
  file: FileToPrepare,
  options: IngestOptions,
  env: PipelineEnv,
): Promise<Prepared> {
  const bytes = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
  const fileName = basename(file.name);
  let ctx;
  try {
    ctx = await runPipeline({ fileName, bytes, options, warnings: [] }, env);
  } catch (error) {
    return { ok: false, reason: reasonOf(error) };
  }
  const symbol = ctx.symbol ?? null;
  const header = ctx.header!;
  const lang = ctx.lang!;
  const workId = symbol?.base ?? `pillars:${file.sha256.slice(0, 12)}`;
  const authors = ctx.authors ?? [];
  const document: DocumentToStore = {
    sha256: file.sha256,
    fileName,
    format: ctx.format!,
    size: bytes.length,
    extractor: ctx.extracted!.extractor,
    workId,
    symbol: symbol?.base ?? null,
    body: symbol?.body ?? null,
    docType: symbol?.series ?? null,
    meetingId: ctx.meetingId ?? null,
    lang,
    revision: symbol ? revisionLabel(symbol) : '',
    title: header.title,
    date: header.date,
    originalLang: header.originalLang,
    place: header.place,
    distribution: header.distribution,
    agendaItem: header.agendaItem,
    segments: ctx.segments!,
    authors,
    votes: ctx.vote?.entries ?? [],
    warnings: ctx.warnings,
  };
  const meetingDate = env.meetings.find((m) => m.id === document.meetingId)?.startDate;
  const common = {
    expressionId: expressionIdFor(file.sha256),
    workId,
    lang,
    year: yearOf(header.date, meetingDate),
    docType: document.docType,
    symbol: document.symbol,
    body: document.body,
    meetingId: document.meetingId,
    states: authors.filter((a) => a.kind === 'state').map((a) => a.id),
  };
  const rows = buildSearchRows(
    common,
    document.segments.map((s, position) => ({ eid: s.eId, kind: s.kind, text: s.text, position })),
  );
  return {
    ok: true,
    prepared: { document, canonicalSymbol: symbol?.canonical ?? null, rows },
  };
}
