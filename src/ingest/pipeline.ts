/**
 * @module The ingest pipeline as declared stages. Each stage states what it reads and writes on
 * the context; `runPipeline` runs them in order and checks those declarations, so a stage cannot
 * silently depend on something nobody produced. Everything here is in memory: storing the result
 * is the caller's transaction.
 */
import { invalidParameter } from '../domain/errors.js';
import type { Lang } from '../domain/language-codes.js';
import type { Segment } from '../domain/documents.js';
import type { Group, Meeting } from '../domain/model.js';
import type { NameResolver } from '../states/name-resolver.js';
import { extractDocument } from './extract-document.js';
import {
  DEFAULT_LIMITS,
  type DocumentFormat,
  type ExtractedDocument,
  type ExtractionLimits,
} from './extracted-document.js';
import { profileFor } from './languages/language-profile.js';
import { attributeAuthors, type Author } from './stages/attribute-authors.js';
import { detectFormat } from './stages/detect-format.js';
import { detectLanguage } from './stages/detect-language.js';
import { linkMeeting } from './stages/link-meeting.js';
import { toParagraphs, type Paragraph } from './stages/paragraphs.js';
import { readHeader, type DocumentHeader } from './stages/read-header.js';
import { findRecordedVote, type RecordedVote } from './stages/recorded-votes.js';
import { segmentParagraphs } from './stages/segment-text.js';
import { findSymbols, parseSymbol, revisionLabel, type UnSymbol } from './symbols/un-symbol.js';

export interface IngestOptions {
  /** The document's symbol, when the file does not say it (or says it wrongly). */
  readonly symbol?: string | undefined;
  /** The document's language, when detection should not decide. */
  readonly lang?: Lang | undefined;
  readonly limits?: ExtractionLimits;
}

export interface PipelineEnv {
  readonly resolver: NameResolver;
  readonly groups: readonly Group[];
  readonly meetings: readonly Meeting[];
}

export interface IngestContext {
  readonly fileName: string;
  readonly bytes: Buffer;
  readonly options: IngestOptions;
  format?: DocumentFormat;
  extracted?: ExtractedDocument;
  paragraphs?: Paragraph[];
  lang?: Lang | 'und';
  header?: DocumentHeader;
  body?: Paragraph[];
  segments?: Segment[];
  symbol?: UnSymbol | null;
  meetingId?: string | null;
  authors?: Author[];
  vote?: RecordedVote | null;
  warnings: string[];
}

type Key = Exclude<keyof IngestContext, 'fileName' | 'bytes' | 'options' | 'warnings'>;

export interface Stage {
  readonly name: string;
  readonly reads: readonly Key[];
  readonly writes: readonly Key[];
  run(ctx: IngestContext, env: PipelineEnv): void | Promise<void>;
}

/** The stage a failure happened in, for the per-file error message. */
export class StageError extends Error {
  constructor(
    readonly stage: string,
    override readonly cause: unknown,
  ) {
    super(`${stage}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'StageError';
  }
}

const profile = (ctx: IngestContext) =>
  profileFor(ctx.lang === 'und' || ctx.lang === undefined ? 'en' : ctx.lang);

export const STAGES: readonly Stage[] = [
  {
    name: 'detect format',
    reads: [],
    writes: ['format'],
    run: (ctx) => {
      ctx.format = detectFormat(ctx.fileName, ctx.bytes);
    },
  },
  {
    name: 'extract text',
    reads: ['format'],
    writes: ['extracted', 'paragraphs'],
    run: async (ctx) => {
      ctx.extracted = await extractDocument(
        ctx.format!,
        ctx.bytes,
        ctx.options.limits ?? DEFAULT_LIMITS,
      );
      ctx.warnings.push(...ctx.extracted.warnings);
      ctx.paragraphs = toParagraphs(ctx.extracted.blocks);
    },
  },
  {
    name: 'detect language',
    reads: ['extracted', 'paragraphs'],
    writes: ['lang'],
    run: (ctx) => {
      if (ctx.options.lang !== undefined) {
        ctx.lang = ctx.options.lang;
        return;
      }
      const guess = detectLanguage(ctx.paragraphs!.map((p) => p.text).join('\n'));
      ctx.lang = guess.lang !== 'und' ? guess.lang : (ctx.extracted!.metadata.lang ?? 'und');
      if (ctx.lang === 'und')
        ctx.warnings.push(
          `language not detected (${guess.reason ?? 'unknown'}): stored as 'und'; give --lang to set it`,
        );
    },
  },
  {
    name: 'read header',
    reads: ['paragraphs', 'lang'],
    writes: ['header', 'body'],
    run: (ctx) => {
      const finder = (text: string) =>
        findSymbols(text).map((s: { index: number; length: number }) => ({
          text: text.slice(s.index, s.index + s.length),
          index: s.index,
        }));
      const { header, body } = readHeader(ctx.paragraphs!, profile(ctx), finder);
      const title = header.title ?? ctx.extracted!.metadata.title ?? null;
      ctx.header = { ...header, title };
      ctx.body = body;
    },
  },
  {
    name: 'segment',
    reads: ['header', 'body', 'lang'],
    writes: ['segments'],
    run: (ctx) => {
      ctx.segments = segmentParagraphs(ctx.header!.title, ctx.body!, profile(ctx));
      if (ctx.segments.length === 0) throw new Error('no text to segment');
    },
  },
  {
    name: 'parse symbol',
    reads: ['header', 'extracted'],
    writes: ['symbol'],
    run: (ctx) => {
      const given = ctx.options.symbol ?? ctx.extracted!.metadata.symbol;
      if (given !== undefined) {
        const parsed = parseSymbol(given);
        if (!parsed.ok)
          throw invalidParameter(
            'symbol',
            `'${given}' does not parse: ${parsed.error.message} (at position ${parsed.error.position})`,
          );
        ctx.symbol = parsed.symbol;
        return;
      }
      const resolution = ctx.header!.resolution;
      const candidates = [
        ...(resolution ? [`A/RES/${resolution.session}/${resolution.number}`] : []),
        ...ctx.header!.symbols,
      ];
      const parsed = candidates.map((c) => parseSymbol(c)).find((p) => p.ok);
      ctx.symbol = parsed?.ok ? parsed.symbol : null;
      if (ctx.symbol === null)
        ctx.warnings.push(
          'no UN symbol found: stored under a generated id; give --symbol to set one',
        );
    },
  },
  {
    name: 'link meeting',
    reads: ['symbol', 'header'],
    writes: ['meetingId'],
    run: (ctx, env) => {
      ctx.meetingId = linkMeeting(ctx.symbol ?? null, ctx.header!, env.meetings);
    },
  },
  {
    name: 'attribute authors',
    reads: ['header', 'body', 'lang'],
    writes: ['authors'],
    run: (ctx, env) => {
      const texts = [ctx.header!.title ?? '', ...ctx.body!.slice(0, 6).map((p) => p.text)];
      ctx.authors =
        ctx.lang === 'und' ? [] : attributeAuthors(texts, profile(ctx), env.resolver, env.groups);
    },
  },
  {
    name: 'recorded votes',
    reads: ['body', 'lang'],
    writes: ['vote'],
    run: (ctx, env) => {
      ctx.vote =
        ctx.lang === 'und'
          ? null
          : findRecordedVote(
              ctx.body!.map((p) => p.text),
              profile(ctx),
              env.resolver,
            );
      if (ctx.vote && ctx.vote.unresolved.length > 0) {
        ctx.warnings.push(
          `recorded vote: ${ctx.vote.unresolved.length} name(s) not resolved to a State: ${ctx.vote.unresolved.join('; ')}`,
        );
      }
    },
  },
];

export async function runPipeline(
  ctx: IngestContext,
  env: PipelineEnv,
  stages: readonly Stage[] = STAGES,
): Promise<IngestContext> {
  for (const stage of stages) {
    for (const key of stage.reads) {
      if (ctx[key] === undefined)
        throw new StageError(stage.name, new Error(`needs '${key}', which no earlier stage wrote`));
    }
    try {
      await stage.run(ctx, env);
    } catch (error) {
      throw new StageError(stage.name, error);
    }
    for (const key of stage.writes) {
      if (ctx[key] === undefined)
        throw new StageError(stage.name, new Error(`did not write '${key}'`));
    }
  }
  return ctx;
}

export { revisionLabel };
