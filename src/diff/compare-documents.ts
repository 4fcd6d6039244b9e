/**
 * @module Comparing two texts the store holds (or files on disk, read through the ingest
 * pipeline without storing them): usually one language of two works (successive yearly
 * statements) or two revisions or versions of one work. Optionally with a second language: each
 * change is shown beside the paragraphs aligned with it in that language.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { Kysely } from 'kysely';
import type { ParagraphChange } from '../domain/alignment.js';
import type { Segment } from '../domain/documents.js';
import { invalidData, invalidParameter } from '../domain/errors.js';
import type { Lang } from '../domain/language-codes.js';
import { getExpression, getWork } from '../documents/document-queries.js';
import { alignWork } from '../align/align-work.js';
import { loadPipelineEnvData } from '../ingest/ingest-files.js';
import { DEFAULT_LIMITS } from '../ingest/extracted-document.js';
import { pipelineEnvFrom, prepareDocument } from '../ingest/prepare-document.js';
import type { Database } from '../store/database.js';
import { compareSegments, summarizeChanges } from './compare-segments.js';

/** One side of a comparison: a stored language version, or a file read for the occasion. */
export interface ComparedText {
  /** The symbol (with version when one was asked for) or the file name. */
  readonly label: string;
  /** The stored work's symbol, when the text is stored. */
  readonly symbol: string | null;
  readonly lang: Lang | 'und';
  readonly title: string | null;
  readonly segments: readonly Segment[];
}

export interface Comparison {
  readonly older: ComparedText;
  readonly newer: ComparedText;
  readonly changes: readonly ParagraphChange[];
  readonly summary: Record<ParagraphChange['kind'], number>;
  /** With a second language: per change, that language's aligned paragraphs (eIds and texts). */
  readonly across?: {
    readonly lang: Lang;
    readonly olderSegments: readonly Segment[];
    readonly newerSegments: readonly Segment[];
    /** Indexed like `changes`: positions in olderSegments / newerSegments. */
    readonly rows: readonly { readonly older: number[]; readonly newer: number[] }[];
  };
}

export interface ComparisonRequest {
  /** A symbol (`A/RES/55/100`, `…/Rev.1`, `…@2` for version 2) or a path to a file. */
  readonly older: string;
  readonly newer: string;
  /** The language to compare; by default one both have (the newer's original first). */
  readonly lang?: Lang;
  /** A second language to show each change in, through the alignments. */
  readonly across?: Lang;
  /** Whether a reference may name a file on disk (the CLI); never for requests from outside. */
  readonly allowFiles?: boolean;
}

const VERSION_SUFFIX = /@(\d+)$/u;

function isFile(ref: string, allowFiles: boolean): boolean {
  return allowFiles && !VERSION_SUFFIX.test(ref) && existsSync(ref) && statSync(ref).isFile();
}

export async function readDocumentFile(
  db: Kysely<Database>,
  path: string,
  lang: Lang | undefined,
): Promise<ComparedText> {
  const size = statSync(path).size;
  if (size > DEFAULT_LIMITS.maxInputBytes)
    throw invalidData(path, `${size} bytes is over the ${DEFAULT_LIMITS.maxInputBytes} limit`);
  const bytes = readFileSync(path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const env = pipelineEnvFrom(await loadPipelineEnvData(db));
  const prepared = await prepareDocument(
    { name: path, bytes, sha256 },
    { lang, limits: DEFAULT_LIMITS },
    env,
  );
  if (!prepared.ok) throw invalidData(path, prepared.reason);
  const doc = prepared.prepared.document;
  return {
    label: path.split('/').at(-1) ?? path,
    symbol: null,
    lang: doc.lang,
    title: doc.title,
    segments: doc.segments,
  };
}

async function languagesOfRef(db: Kysely<Database>, ref: string): Promise<Lang[]> {
  const work = await getWork(db, ref.replace(VERSION_SUFFIX, ''));
  return [
    ...new Set(work.expressions.map((e) => e.lang).filter((lang): lang is Lang => lang !== 'und')),
  ];
}

async function readStored(db: Kysely<Database>, ref: string, lang: Lang): Promise<ComparedText> {
  const match = VERSION_SUFFIX.exec(ref);
  const symbol = ref.replace(VERSION_SUFFIX, '');
  const { work, expression, segments } = await getExpression(
    db,
    symbol,
    lang,
    match ? Number(match[1]) : undefined,
  );
  return {
    label: `${work.symbol ?? work.id}${expression.revision ? `/${expression.revision}` : ''}${match ? ` (version ${expression.version})` : ''}`,
    symbol: work.symbol ?? work.id,
    lang: expression.lang,
    title: expression.title,
    segments,
  };
}

/** The language to compare in when none was asked for: the newer's original, else a shared one. */
async function chooseLang(
  db: Kysely<Database>,
  older: string,
  newer: string,
  allowFiles: boolean,
): Promise<Lang | undefined> {
  const olderLangs = isFile(older, allowFiles) ? undefined : await languagesOfRef(db, older);
  const newerLangs = isFile(newer, allowFiles) ? undefined : await languagesOfRef(db, newer);
  if (!olderLangs && !newerLangs) return undefined;
  const shared = (newerLangs ?? olderLangs!).filter((l) => (olderLangs ?? newerLangs!).includes(l));
  if (shared.length === 0)
    throw invalidParameter(
      'lang',
      `the two documents have no language in common (${olderLangs?.join(', ') ?? 'file'} vs ${newerLangs?.join(', ') ?? 'file'})`,
    );
  if (!newerLangs) return shared[0];
  const work = await getWork(db, newer.replace(VERSION_SUFFIX, ''));
  const original = work.expressions.find((e) => e.originalLang === e.lang)?.lang;
  return original !== undefined && original !== 'und' && shared.includes(original)
    ? original
    : shared.includes('en')
      ? 'en'
      : shared[0];
}

export async function compareDocuments(
  db: Kysely<Database>,
  request: ComparisonRequest,
): Promise<Comparison> {
  const allowFiles = request.allowFiles === true;
  const lang = request.lang ?? (await chooseLang(db, request.older, request.newer, allowFiles));
  const read = (ref: string) =>
    isFile(ref, allowFiles) ? readDocumentFile(db, ref, lang) : readStored(db, ref, lang!);
  const older = await read(request.older);
  const newer = await read(request.newer);
  if (older.lang !== newer.lang)
    throw invalidParameter(
      'lang',
      `the texts are in different languages (${older.lang} and ${newer.lang}); name one with --lang`,
    );
  const changes = compareSegments(older.segments, newer.segments, newer.lang);
  const comparison: Comparison = { older, newer, changes, summary: summarizeChanges(changes) };
  if (request.across === undefined || request.across === newer.lang) return comparison;
  if (older.symbol === null || newer.symbol === null)
    throw invalidParameter('across', 'a second language needs both texts in the store');
  if (VERSION_SUFFIX.test(request.older) || VERSION_SUFFIX.test(request.newer))
    throw invalidParameter(
      'across',
      'a second language is shown for current versions only (alignments are of current texts)',
    );
  const textLang = newer.lang as Lang;
  const [olderAlignment, newerAlignment] = await Promise.all(
    [request.older, request.newer].map((ref) =>
      alignWork(db, {
        symbol: ref.replace(VERSION_SUFFIX, ''),
        langs: [textLang, request.across!],
      }),
    ),
  );
  const counterparts = (links: readonly { a: readonly number[]; b: readonly number[] }[]) => {
    const byUnit = new Map<number, number[]>();
    for (const link of links) for (const i of link.a) byUnit.set(i, [...link.b]);
    return byUnit;
  };
  const olderMap = counterparts(olderAlignment!.links);
  const newerMap = counterparts(newerAlignment!.links);
  return {
    ...comparison,
    across: {
      lang: request.across,
      olderSegments: olderAlignment!.b.segments,
      newerSegments: newerAlignment!.b.segments,
      rows: changes.map((change) => ({
        older: change.a === null ? [] : (olderMap.get(change.a) ?? []),
        newer: change.b === null ? [] : (newerMap.get(change.b) ?? []),
      })),
    },
  };
}

/** The comparison as plain data (fresh arrays), for JSON. */
export function comparisonView(comparison: Comparison) {
  const text = (t: ComparedText) => ({ ...t, segments: [...t.segments] });
  return {
    older: text(comparison.older),
    newer: text(comparison.newer),
    changes: comparison.changes.map((c) => ({
      kind: c.kind,
      a: c.a,
      b: c.b,
      similarity: c.similarity,
      ...(c.words ? { words: c.words.map((w) => ({ ...w })) } : {}),
    })),
    summary: { ...comparison.summary },
    ...(comparison.across
      ? {
          across: {
            lang: comparison.across.lang,
            olderSegments: [...comparison.across.olderSegments],
            newerSegments: [...comparison.across.newerSegments],
            rows: comparison.across.rows.map((r) => ({ older: [...r.older], newer: [...r.newer] })),
          },
        }
      : {}),
  };
}
