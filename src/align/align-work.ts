/**
 * @module Aligning the language versions of a stored work: read (or compute and store) the
 * alignment of two current expressions, correct it, and line up several languages through a
 * pivot. An alignment is computed on first use and again whenever the aligner (ALIGN_METHOD) or
 * the corrections changed; corrections are replayed as fixed links, so they win.
 */
import type { Kysely } from 'kysely';
import type { AlignLink, AlignLang, AlignmentCorrection, AlignUnit } from '../domain/alignment.js';
import type { Expression, Segment, Work } from '../domain/documents.js';
import { invalidParameter } from '../domain/errors.js';
import { LANGUAGES, type Lang } from '../domain/language-codes.js';
import type { State } from '../domain/model.js';
import { getExpression, getWork } from '../documents/document-queries.js';
import { loadStateCatalog } from '../states/state-catalog.js';
import type { Database } from '../store/database.js';
import {
  addCorrection,
  alignmentIdFor,
  findAlignment,
  listCorrections,
  listLinks,
  saveAlignment,
  type CorrectionRecord,
  type StoredLink,
} from '../store/repositories/alignments-repository.js';
import { alignSentences } from './align-sentences.js';
import { alignUnits } from './align-units.js';
import { alignedRows, type AlignedRow } from './aligned-rows.js';
import { fixedLinksFrom, resolveCorrection } from './corrections.js';
import { stateMentions } from './state-mentions.js';

/** Names the aligner; changing it re-aligns stored alignments on their next read. */
export const ALIGN_METHOD = 'pillars-align-1';

export interface AlignmentSide {
  readonly expression: Expression;
  readonly segments: readonly Segment[];
}

export interface WorkAlignment {
  readonly work: Work;
  readonly a: AlignmentSide;
  readonly b: AlignmentSide;
  readonly links: readonly StoredLink[];
  readonly alignedAt: string;
  readonly corrections: readonly CorrectionRecord[];
}

type Mentions = (text: string, lang: AlignLang) => readonly string[];
const mentionsCache = new WeakMap<readonly State[], Mentions>();

async function mentionsFor(db: Kysely<Database>): Promise<Mentions> {
  const { states } = await loadStateCatalog(db);
  let mentions = mentionsCache.get(states);
  if (!mentions) {
    mentions = stateMentions(states);
    mentionsCache.set(states, mentions);
  }
  return mentions;
}

function langOrder(lang: string): number {
  const index = (LANGUAGES as readonly string[]).indexOf(lang);
  return index < 0 ? LANGUAGES.length : index;
}

function units(segments: readonly Segment[]): AlignUnit[] {
  return segments.map((s) => ({ text: s.text, num: s.num, kind: s.kind, eId: s.eId }));
}

/** Runs the aligner over two sides with the corrections as fixed links. */
export function alignSides(
  a: { lang: AlignLang; segments: readonly Segment[] },
  b: { lang: AlignLang; segments: readonly Segment[] },
  corrections: readonly AlignmentCorrection[],
  mentions?: Mentions,
): StoredLink[] {
  const fixed = fixedLinksFrom(
    corrections,
    a.segments.map((s) => s.eId),
    b.segments.map((s) => s.eId),
  );
  const links = alignUnits(units(a.segments), units(b.segments), {
    langA: a.lang,
    langB: b.lang,
    ...(mentions ? { mentions } : {}),
    fixed,
  });
  const manual = new Set(fixed.map(linkKey));
  return links.map((link) => ({
    a: link.a,
    b: link.b,
    score: link.score,
    origin: manual.has(linkKey(link)) ? 'manual' : 'auto',
  }));
}

function linkKey(link: AlignLink): string {
  return `${link.a.join(',')}|${link.b.join(',')}`;
}

function swapped(alignment: WorkAlignment): WorkAlignment {
  return {
    ...alignment,
    a: alignment.b,
    b: alignment.a,
    links: alignment.links.map((link) => ({ ...link, a: link.b, b: link.a })),
    corrections: alignment.corrections.map((record) => ({
      ...record,
      correction: { ...record.correction, a: record.correction.b, b: record.correction.a },
    })),
  };
}

export interface AlignRequest {
  /** The work's symbol (any spelling; a revision suffix picks that revision). */
  readonly symbol: string;
  readonly langs: readonly [Lang, Lang];
  /** Align again even when the stored alignment is up to date. */
  readonly refresh?: boolean;
}

async function sidesOf(
  db: Kysely<Database>,
  symbol: string,
  langs: readonly [Lang, Lang],
): Promise<{ work: Work; first: AlignmentSide; second: AlignmentSide; reversed: boolean }> {
  if (langs[0] === langs[1])
    throw invalidParameter('langs', `two different languages are needed (got ${langs[0]} twice)`);
  const work = await getWork(db, symbol);
  let [x, y] = await Promise.all(langs.map((lang) => getExpression(db, symbol, lang)));
  // Two languages at different revisions (English Rev.1, French not yet revised) are not
  // translations of each other: align the latest revision both have, or say there is none.
  if (x!.expression.revision !== y!.expression.revision) {
    const revisionsOf = (lang: Lang) =>
      new Set(work.expressions.filter((e) => e.current && e.lang === lang).map((e) => e.revision));
    const [inX, inY] = [revisionsOf(langs[0]), revisionsOf(langs[1])];
    const shared = [...inX].filter((r) => inY.has(r)).sort();
    const revision = shared.at(-1);
    if (revision === undefined)
      throw invalidParameter(
        'langs',
        `${langs[0]} is at ${x!.expression.revision || 'the original text'} and ${langs[1]} at ${y!.expression.revision || 'the original text'}, and they share no revision`,
      );
    [x, y] = await Promise.all(
      langs.map((lang) => getExpression(db, symbol, lang, undefined, revision)),
    );
  }
  const sideX = { expression: x!.expression, segments: x!.segments };
  const sideY = { expression: y!.expression, segments: y!.segments };
  // Stored in one orientation (the UN order of languages), whichever way it was asked for.
  const reversed = langOrder(langs[0]) > langOrder(langs[1]);
  return reversed
    ? { work, first: sideY, second: sideX, reversed }
    : { work, first: sideX, second: sideY, reversed };
}

async function alignStored(
  db: Kysely<Database>,
  work: Work,
  first: AlignmentSide,
  second: AlignmentSide,
  refresh: boolean,
): Promise<WorkAlignment> {
  const id = alignmentIdFor(first.expression.id, second.expression.id);
  const header = await findAlignment(db, id);
  const corrections = header ? await listCorrections(db, id) : [];
  if (
    header &&
    !refresh &&
    header.method === ALIGN_METHOD &&
    header.corrections === corrections.length
  ) {
    return {
      work,
      a: first,
      b: second,
      links: await listLinks(db, id),
      alignedAt: header.alignedAt,
      corrections,
    };
  }
  const links = alignSides(
    { lang: first.expression.lang, segments: first.segments },
    { lang: second.expression.lang, segments: second.segments },
    corrections.map((c) => c.correction),
    await mentionsFor(db),
  );
  const alignedAt = new Date().toISOString();
  await saveAlignment(
    db,
    {
      id,
      workId: work.id,
      expressionA: first.expression.id,
      expressionB: second.expression.id,
      langA: first.expression.lang,
      langB: second.expression.lang,
      method: ALIGN_METHOD,
      corrections: corrections.length,
      alignedAt,
    },
    links,
  );
  return { work, a: first, b: second, links, alignedAt, corrections };
}

/** The alignment of two language versions of a work, stored on first use. */
export async function alignWork(
  db: Kysely<Database>,
  request: AlignRequest,
): Promise<WorkAlignment> {
  const { work, first, second, reversed } = await sidesOf(db, request.symbol, request.langs);
  const alignment = await db
    .transaction()
    .execute((trx) => alignStored(trx, work, first, second, request.refresh === true));
  return reversed ? swapped(alignment) : alignment;
}

export interface CorrectionRequest {
  readonly symbol: string;
  /** Side A's language first, as the correction's `a` and `b` name them. */
  readonly langs: readonly [Lang, Lang];
  readonly correction: AlignmentCorrection;
  readonly actor: string;
  readonly comment?: string | null;
}

/** Records a person's correction as a new revision and re-aligns with it; returns the result. */
export async function correctAlignment(
  db: Kysely<Database>,
  request: CorrectionRequest,
): Promise<WorkAlignment> {
  const { work, first, second, reversed } = await sidesOf(db, request.symbol, request.langs);
  // Checked as asked, so an error names the side the caller called a or b.
  const [askedA, askedB] = reversed ? [second, first] : [first, second];
  resolveCorrection(
    request.correction,
    askedA.segments.map((s) => s.eId),
    askedB.segments.map((s) => s.eId),
  );
  const correction = reversed
    ? { ...request.correction, a: request.correction.b, b: request.correction.a }
    : request.correction;
  if (request.actor.trim() === '') throw invalidParameter('actor', 'say who made the correction');
  const alignment = await db.transaction().execute(async (trx) => {
    // The alignment row must exist before a correction can refer to it.
    const id = alignmentIdFor(first.expression.id, second.expression.id);
    if (!(await findAlignment(trx, id))) await alignStored(trx, work, first, second, false);
    await addCorrection(trx, id, {
      correction,
      actor: request.actor,
      comment: request.comment ?? null,
      createdAt: new Date().toISOString(),
    });
    return alignStored(trx, work, first, second, true);
  });
  return reversed ? swapped(alignment) : alignment;
}

export interface ParallelText {
  readonly work: Work;
  readonly langs: readonly Lang[];
  readonly sides: Readonly<Partial<Record<Lang, AlignmentSide>>>;
  readonly rows: readonly AlignedRow<Lang>[];
}

/**
 * Two to six language versions side by side: each language aligned with the first (the pivot),
 * then rows that never cross (aligned-rows.ts).
 */
export async function parallelText(
  db: Kysely<Database>,
  symbol: string,
  langs: readonly Lang[],
): Promise<ParallelText> {
  const unique = [...new Set(langs)];
  if (unique.length < 2) throw invalidParameter('langs', 'name at least two languages');
  const [pivot, ...others] = unique as [Lang, ...Lang[]];
  const alignments = [];
  for (const lang of others) alignments.push(await alignWork(db, { symbol, langs: [pivot, lang] }));
  const first = alignments[0]!;
  const sides: Partial<Record<Lang, AlignmentSide>> = { [pivot]: first.a };
  alignments.forEach((alignment, i) => (sides[others[i]!] = alignment.b));
  const rows = alignedRows(
    pivot,
    first.a.segments.length,
    alignments.map((alignment, i) => ({ lang: others[i]!, links: alignment.links })),
  );
  return { work: first.work, langs: unique, sides, rows };
}

/** The languages a work has current versions in, in the UN order. */
export function languagesOf(work: Work): Lang[] {
  const have = new Set(work.expressions.filter((e) => e.current).map((e) => e.lang));
  return LANGUAGES.filter((lang) => have.has(lang));
}

/** The sentences of one paragraph link, aligned inside it. */
export interface SentenceLinks {
  /** The paragraph link's index in `WorkAlignment.links`. */
  readonly link: number;
  readonly a: readonly string[];
  readonly b: readonly string[];
  readonly links: readonly AlignLink[];
}

/**
 * Sentences aligned inside each paragraph link that has text on both sides (paragraphs first,
 * then sentences, so a sentence never pairs across paragraphs that do not correspond).
 */
export async function sentenceLinks(
  db: Kysely<Database>,
  alignment: WorkAlignment,
): Promise<SentenceLinks[]> {
  const mentions = await mentionsFor(db);
  const langA = alignment.a.expression.lang;
  const langB = alignment.b.expression.lang;
  const text = (side: AlignmentSide, positions: readonly number[], lang: AlignLang) =>
    positions.map((p) => side.segments[p]!.text).join(lang === 'zh' ? '' : ' ');
  const out: SentenceLinks[] = [];
  alignment.links.forEach((link, index) => {
    if (link.a.length === 0 || link.b.length === 0) return;
    const sentences = alignSentences(
      text(alignment.a, link.a, langA),
      text(alignment.b, link.b, langB),
      langA,
      langB,
      mentions,
    );
    out.push({ link: index, ...sentences });
  });
  return out;
}
