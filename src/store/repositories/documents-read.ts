/**
 * @module Reads documents back: lists of works, one work with its language versions, one
 * expression with its segments in order, and recorded votes per language version.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Lang } from '../../domain/language-codes.js';
import type { Expression, Segment, Work } from '../../domain/documents.js';
import type { Database, ExpressionsTable } from '../database.js';

export interface WorkSummary {
  readonly id: string;
  readonly symbol: string | null;
  readonly docType: string | null;
  readonly meetingId: string | null;
  readonly title: string | null;
  /** The language the title is in: the original's, else English, else the first available. */
  readonly titleLang: Lang | 'und' | null;
  readonly date: string | null;
  readonly languages: (Lang | 'und')[];
  readonly originalLang: Lang | null;
}

export interface WorkFilter {
  lang?: string | undefined;
  meetingId?: string | undefined;
  docType?: string | undefined;
  year?: number | undefined;
  limit: number;
  offset: number;
}

type ExpressionRow = Selectable<ExpressionsTable> & {
  m_sha256: string;
  m_file_name: string;
  m_format: string;
  m_size: number;
  m_ingested_at: string;
};

function expressionQuery(db: Kysely<Database>) {
  return db
    .selectFrom('expressions')
    .innerJoin('manifestations', 'manifestations.id', 'expressions.manifestation_id')
    .selectAll('expressions')
    .select([
      'manifestations.sha256 as m_sha256',
      'manifestations.file_name as m_file_name',
      'manifestations.format as m_format',
      'manifestations.size as m_size',
      'manifestations.ingested_at as m_ingested_at',
    ]);
}

function toExpression(row: ExpressionRow): Expression {
  return {
    id: row.id,
    workId: row.work_id,
    lang: row.lang as Expression['lang'],
    revision: row.revision,
    version: row.version,
    current: row.current === 1,
    title: row.title,
    date: row.date,
    originalLang: row.original_lang as Expression['originalLang'],
    place: row.place,
    distribution: row.distribution,
    agendaItem: row.agenda_item,
    segmentCount: row.segment_count,
    manifestation: {
      id: row.m_sha256,
      sha256: row.m_sha256,
      fileName: row.m_file_name,
      format: row.m_format as Expression['manifestation']['format'],
      size: Number(row.m_size),
      ingestedAt: row.m_ingested_at,
    },
    warnings: JSON.parse(row.warnings) as string[],
  };
}

/** The order a reader expects: original language first, then the UN order ar, zh, en, fr, ru, es. */
const LANG_ORDER = ['ar', 'zh', 'en', 'fr', 'ru', 'es', 'und'];

export async function listWorks(
  db: Kysely<Database>,
  filter: WorkFilter,
): Promise<{ items: WorkSummary[]; total: number }> {
  let works = db
    .selectFrom('works')
    .select(['id', 'symbol', 'doc_type', 'meeting_id', 'created_at']);
  if (filter.meetingId !== undefined) works = works.where('meeting_id', '=', filter.meetingId);
  if (filter.docType !== undefined) works = works.where('doc_type', '=', filter.docType);
  if (filter.lang !== undefined) {
    const lang = filter.lang;
    works = works.where((eb) =>
      eb.exists(
        eb
          .selectFrom('expressions')
          .select('id')
          .whereRef('expressions.work_id', '=', 'works.id')
          .where('expressions.lang', '=', lang),
      ),
    );
  }
  if (filter.year !== undefined) {
    const year = String(filter.year);
    works = works.where((eb) =>
      eb.exists(
        eb
          .selectFrom('expressions')
          .select('id')
          .whereRef('expressions.work_id', '=', 'works.id')
          .where('expressions.date', '>=', `${year}-01-01`)
          .where('expressions.date', '<=', `${year}-12-31`),
      ),
    );
  }
  const count = await db
    .selectFrom(works.as('w'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await works
    .orderBy('symbol')
    .orderBy('id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  const ids = rows.map((r) => r.id);
  const expressions = ids.length
    ? await db
        .selectFrom('expressions')
        .select(['work_id', 'lang', 'title', 'date', 'original_lang', 'current'])
        .where('work_id', 'in', ids)
        .where('current', '=', 1)
        .execute()
    : [];
  const items = rows.map((row): WorkSummary => {
    const own = expressions
      .filter((e) => e.work_id === row.id)
      .sort((a, b) => LANG_ORDER.indexOf(a.lang) - LANG_ORDER.indexOf(b.lang));
    const original =
      own.find((e) => e.original_lang !== null && e.original_lang === e.lang) ??
      own.find((e) => e.lang === 'en') ??
      own[0];
    return {
      id: row.id,
      symbol: row.symbol,
      docType: row.doc_type,
      meetingId: row.meeting_id,
      title: original?.title ?? null,
      titleLang: (original?.lang as Lang | 'und' | undefined) ?? null,
      date: own.map((e) => e.date).find((d) => d !== null) ?? null,
      languages: [...new Set(own.map((e) => e.lang as Lang | 'und'))],
      originalLang:
        (own.find((e) => e.original_lang !== null)?.original_lang as Lang | undefined) ?? null,
    };
  });
  return { items, total: Number(count.n) };
}

export async function findWork(db: Kysely<Database>, id: string): Promise<Work | null> {
  const work = await db.selectFrom('works').selectAll().where('id', '=', id).executeTakeFirst();
  if (!work) return null;
  const [expressions, authors, vote] = await Promise.all([
    expressionQuery(db).where('expressions.work_id', '=', id).execute(),
    db
      .selectFrom('work_authors')
      .selectAll()
      .where('work_id', '=', id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('vote_entries')
      .innerJoin('expressions', 'expressions.id', 'vote_entries.expression_id')
      .select('vote_entries.position')
      .where('expressions.work_id', '=', id)
      .where('expressions.current', '=', 1)
      .limit(1)
      .executeTakeFirst(),
  ]);
  return {
    id: work.id,
    hasRecordedVote: vote !== undefined,
    symbol: work.symbol,
    docType: work.doc_type,
    meetingId: work.meeting_id,
    authors: authors.map((a) => ({
      kind: a.kind as 'state' | 'group',
      id: a.author_id,
      name: a.name,
    })),
    expressions: expressions
      .map(toExpression)
      .sort(
        (a, b) =>
          LANG_ORDER.indexOf(a.lang) - LANG_ORDER.indexOf(b.lang) ||
          a.revision.localeCompare(b.revision) ||
          b.version - a.version,
      )
      .map(({ warnings: _warnings, ...rest }) => rest),
  };
}

export interface ExpressionSelector {
  lang: string;
  revision?: string | undefined;
  /** A version number; the current one by default. */
  version?: number | undefined;
}

export async function findExpression(
  db: Kysely<Database>,
  workId: string,
  selector: ExpressionSelector,
): Promise<Expression | null> {
  let query = expressionQuery(db)
    .where('expressions.work_id', '=', workId)
    .where('expressions.lang', '=', selector.lang);
  if (selector.revision !== undefined)
    query = query.where('expressions.revision', '=', selector.revision);
  query =
    selector.version !== undefined
      ? query.where('expressions.version', '=', selector.version)
      : query.where('expressions.current', '=', 1);
  // Without a revision asked for, the latest revision's current text.
  const rows = await query.orderBy('expressions.revision', 'desc').execute();
  const row = rows[0];
  return row ? toExpression(row) : null;
}

export async function listSegments(db: Kysely<Database>, expressionId: string): Promise<Segment[]> {
  const rows = await db
    .selectFrom('segments')
    .select(['eid', 'kind', 'num', 'text'])
    .where('expression_id', '=', expressionId)
    .orderBy('position')
    .execute();
  return rows.map((r) => ({
    eId: r.eid,
    kind: r.kind as Segment['kind'],
    num: r.num,
    text: r.text,
  }));
}

export async function findSegment(
  db: Kysely<Database>,
  expressionId: string,
  eId: string,
): Promise<Segment | null> {
  const row = await db
    .selectFrom('segments')
    .select(['eid', 'kind', 'num', 'text'])
    .where('expression_id', '=', expressionId)
    .where('eid', '=', eId)
    .executeTakeFirst();
  return row
    ? { eId: row.eid, kind: row.kind as Segment['kind'], num: row.num, text: row.text }
    : null;
}

export interface VoteRecord {
  readonly lang: Lang | 'und';
  readonly revision: string;
  readonly version: number;
  readonly inFavour: string[];
  readonly against: string[];
  readonly abstaining: string[];
  readonly unresolved: string[];
}

export async function listVotes(db: Kysely<Database>, workId: string): Promise<VoteRecord[]> {
  const expressions = await db
    .selectFrom('expressions')
    .select(['id', 'lang', 'revision', 'version'])
    .where('work_id', '=', workId)
    .where('current', '=', 1)
    .execute();
  const entries = expressions.length
    ? await db
        .selectFrom('vote_entries')
        .selectAll()
        .where(
          'expression_id',
          'in',
          expressions.map((e) => e.id),
        )
        .orderBy('expression_id')
        .orderBy('position')
        .execute()
    : [];
  return expressions
    .filter((e) => entries.some((v) => v.expression_id === e.id))
    .sort((a, b) => LANG_ORDER.indexOf(a.lang) - LANG_ORDER.indexOf(b.lang))
    .map((e) => {
      const own = entries.filter((v) => v.expression_id === e.id);
      const ids = (choice: string) =>
        own.filter((v) => v.choice === choice && v.state_id !== null).map((v) => v.state_id!);
      return {
        lang: e.lang as Lang | 'und',
        revision: e.revision,
        version: e.version,
        inFavour: ids('in_favour'),
        against: ids('against'),
        abstaining: ids('abstaining'),
        unresolved: own.filter((v) => v.state_id === null).map((v) => v.name),
      };
    });
}
