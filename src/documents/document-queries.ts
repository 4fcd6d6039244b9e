/**
 * @module Feature queries over documents that the CLI and the API share: find a work by any
 * spelling of its symbol, read a language version with its segments, its recorded vote, and
 * export it as Akoma Ntoso, JSON or plain text.
 */
import type { Kysely } from 'kysely';
import { invalidParameter, notFound } from '../domain/errors.js';
import type { Expression, Segment, Work } from '../domain/documents.js';
import type { Database } from '../store/database.js';
import {
  findExpression,
  findSegment,
  findWork,
  listSegments,
  listVotes,
  type VoteRecord,
} from '../store/repositories/documents-read.js';
import { exportAkn } from '../ingest/akn/akn-export.js';
import { parseSymbol, revisionLabel } from '../ingest/symbols/un-symbol.js';

export interface WorkRef {
  readonly workId: string;
  /** The revision a symbol like `…/Rev.1` asks for. */
  readonly revision?: string;
}

/** `NPT/CONF.2015/PC.II/WP.13`, `npt/conf.2015/pc.ii/wp.13`, `pillars:0123456789ab` → the work. */
export function workRef(input: string): WorkRef {
  const text = input.trim();
  if (/^pillars:[0-9a-f]{12}$/u.test(text)) return { workId: text };
  const parsed = parseSymbol(text);
  if (!parsed.ok)
    throw invalidParameter(
      'symbol',
      `'${input}' is not a UN symbol: ${parsed.error.message} (at position ${parsed.error.position})`,
    );
  const revision = revisionLabel(parsed.symbol);
  return revision ? { workId: parsed.symbol.base, revision } : { workId: parsed.symbol.base };
}

export async function getWork(db: Kysely<Database>, input: string): Promise<Work> {
  const ref = workRef(input);
  const work = await findWork(db, ref.workId);
  if (!work) throw notFound('document', input);
  return work;
}

export interface ExpressionWithSegments {
  readonly work: Work;
  readonly expression: Expression;
  readonly segments: Segment[];
}

export async function getExpression(
  db: Kysely<Database>,
  input: string,
  lang: string | undefined,
  version?: number,
  /** "" for the text before any revision; the symbol's own revision, else the latest, by default. */
  revision?: string,
): Promise<ExpressionWithSegments> {
  const ref = workRef(input);
  const work = await getWork(db, input);
  const chosenLang =
    lang ??
    work.expressions.find((e) => e.current && e.originalLang === e.lang)?.lang ??
    work.expressions.find((e) => e.current)?.lang;
  if (chosenLang === undefined) throw notFound('document', input);
  const expression = await findExpression(db, work.id, {
    lang: chosenLang,
    revision: revision ?? ref.revision,
    version,
  });
  if (!expression) {
    const have = [...new Set(work.expressions.map((e) => e.lang))].join(', ');
    throw notFound(
      'language version',
      `${input} ${chosenLang}${version !== undefined ? ` version ${version}` : ''} (available: ${have})`,
    );
  }
  return { work, expression, segments: await listSegments(db, expression.id) };
}

export async function getSegment(
  db: Kysely<Database>,
  input: string,
  lang: string,
  eId: string,
): Promise<Segment> {
  const { expression } = await getExpression(db, input, lang);
  const segment = await findSegment(db, expression.id, eId);
  if (!segment) throw notFound('segment', `${input} ${lang} ${eId}`);
  return segment;
}

export async function getVotes(
  db: Kysely<Database>,
  input: string,
  lang?: string,
): Promise<VoteRecord[]> {
  const work = await getWork(db, input);
  const votes = (await listVotes(db, work.id)).filter((v) => lang === undefined || v.lang === lang);
  if (votes.length === 0) throw notFound('recorded vote', `${input}${lang ? ` ${lang}` : ''}`);
  return votes;
}

export const EXPORT_FORMATS = ['akn', 'json', 'txt'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A citation label for a segment: "para. 6", "para. 6 (b)", "title". */
export function segmentLabel(segment: Segment): string {
  return segment.num ? `${segment.num}${/^\d+$/u.test(segment.num) ? '.' : ''}` : '';
}

export function exportExpression(doc: ExpressionWithSegments, format: ExportFormat): string {
  const { work, expression, segments } = doc;
  if (format === 'json')
    return `${JSON.stringify({ work: { ...work, expressions: undefined }, expression, segments }, null, 2)}\n`;
  if (format === 'txt') {
    return `${segments.map((s) => (segmentLabel(s) ? `${segmentLabel(s)} ${s.text}` : s.text)).join('\n\n')}\n`;
  }
  return exportAkn({
    symbol: work.symbol,
    workId: work.id,
    lang: expression.lang === 'und' ? 'en' : expression.lang,
    revision: expression.revision,
    version: expression.version,
    title: expression.title,
    date: expression.date,
    sha256: expression.manifestation.sha256,
    segments,
  });
}
