/**
 * @module Search, end to end: parse, expand across languages, compile per language, ask the
 * engine for the best paragraphs and a sample, then count facets, cut snippets, add aligned
 * language versions and group by document. Only topK/firstIds differ between engines.
 */
import type { Kysely } from 'kysely';
import { invalidParameter, invalidQuery } from '../domain/errors.js';
import { isLang } from '../domain/language-codes.js';
import type { SearchResponse } from '../contract/api-schemas.js';
import { parseSymbol } from '../ingest/symbols/parse-symbol.js';
import type { Database } from '../store/database.js';
import { engineOf } from '../store/engine-of.js';
import { listActions } from '../store/repositories/actions-repository.js';
import { allNames } from '../states/state-names.js';
import { loadStateCatalog, type StateCatalog } from '../states/state-catalog.js';
import type { AnalysisLang } from './analysis/analyzer.js';
import { postgresSearch } from './backends/postgres-search.js';
import type { SearchBackend } from './backends/search-backend.js';
import { sqliteSearch } from './backends/sqlite-search.js';
import {
  buildExpansionIndex,
  expandAcross,
  type Concept,
  type ExpansionIndex,
  type UsedExpansion,
} from './expand-across.js';
import { estimateMatches } from './index/search-ids.js';
import { compileQuery, queryLanguages, type CompileContext } from './query/compile-query.js';
import type { MatchNode } from './query/match-tree.js';
import { parseQuery } from './query/parse-query.js';
import { highlighterFor, snippet } from './snippets.js';
import { countFacets, FACET_SAMPLE, type LangSample } from './search-facets.js';

export interface SearchRequest {
  readonly q: string;
  readonly langs?: readonly AnalysisLang[];
  readonly across?: boolean;
  readonly facets?: boolean;
  readonly recency?: boolean;
  readonly limit?: number;
  readonly cursor?: string;
}

/** Totals are counted exactly up to this many paragraphs per language, estimated above. */
export const EXACT_TOTAL_LIMIT = 10_000;
/** Paging goes this deep into a ranking. */
export const MAX_DEPTH = 1_000;

const expansionIndexes = new WeakMap<Kysely<Database>, { hash: string; index: ExpansionIndex }>();

async function expansionIndex(db: Kysely<Database>): Promise<ExpansionIndex> {
  const catalog = await loadStateCatalog(db);
  const actions = await listActions(db);
  const hash = `${catalog.states.length}:${actions.length}`;
  const cached = expansionIndexes.get(db);
  if (cached && cached.hash === hash) return cached.index;
  const concepts: Concept[] = catalog.states.map((state) => ({
    source: 'state-name',
    wordings: allNames(state).map(({ lang, name }) => ({ lang, text: name })),
  }));
  for (const action of actions) {
    const keywords = action.keywords as Partial<Record<string, readonly string[]>>;
    const count = Math.max(0, ...Object.values(keywords).map((k) => k?.length ?? 0));
    for (let i = 0; i < count; i++) {
      const wordings = Object.entries(keywords).flatMap(([lang, list]) =>
        isLang(lang) && list?.[i] ? [{ lang, text: list[i]! }] : [],
      );
      concepts.push({ source: 'action-keyword', wordings });
    }
  }
  const index = buildExpansionIndex(concepts);
  expansionIndexes.set(db, { hash, index });
  return index;
}

function fingerprint(request: SearchRequest): string {
  const text = JSON.stringify([
    request.q,
    request.langs ?? [],
    !!request.across,
    !!request.recency,
  ]);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(36);
}

function readCursor(cursor: string | undefined, request: SearchRequest): number {
  if (cursor === undefined || cursor === '') return 0;
  try {
    const { o, h } = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as {
      o: unknown;
      h: unknown;
    };
    if (typeof o === 'number' && Number.isInteger(o) && o >= 0 && h === fingerprint(request))
      return o;
  } catch {
    // falls through to the error
  }
  throw invalidParameter('cursor', 'not a cursor of this query; start again without it');
}

const writeCursor = (offset: number, request: SearchRequest) =>
  Buffer.from(JSON.stringify({ o: offset, h: fingerprint(request) })).toString('base64url');

export function backendFor(db: Kysely<Database>): SearchBackend {
  return engineOf(db) === 'postgres' ? postgresSearch(db) : sqliteSearch(db);
}

/** How the compiler resolves States and symbols, and which expansions it adds. */
function compileContext(
  catalog: StateCatalog,
  expansions: readonly UsedExpansion[],
): CompileContext {
  return {
    resolveState(value, filter) {
      const byCode = catalog.byId.get(value.toUpperCase());
      if (byCode) return byCode.id;
      const resolution = catalog.resolver.resolve(value);
      if (resolution.status === 'resolved') return resolution.state.id;
      const hint = resolution.candidates
        .slice(0, 3)
        .map((c) => c.name)
        .join(', ');
      const problem = resolution.status === 'ambiguous' ? 'ambiguous' : 'not a State we know';
      throw invalidQuery(
        `state: '${value}' is ${problem}${hint ? ` (did you mean ${hint}?)` : ''}`,
        filter.start,
      );
    },
    canonicalSymbol(value) {
      const parsedSymbol = parseSymbol(value);
      return parsedSymbol.ok ? parsedSymbol.symbol.base : value;
    },
    expansions,
  };
}

/**
 * Per language: how many rows match (exact up to EXACT_TOTAL_LIMIT, estimated above from the
 * last id counted) and, for facets, the first FACET_SAMPLE ids.
 */
async function countMatches(
  backend: SearchBackend,
  entries: readonly (readonly [AnalysisLang, MatchNode])[],
  wantFacets: boolean,
): Promise<LangSample[]> {
  return Promise.all(
    entries.map(async ([lang, match]) => {
      const counted = await backend.countUpTo(lang, match, EXACT_TOTAL_LIMIT + 1);
      const { count, lastId } = counted;
      const exact = counted.exact === true || count <= EXACT_TOTAL_LIMIT;
      const ids = wantFacets && count > 0 ? await backend.firstIds(lang, match, FACET_SAMPLE) : [];
      return {
        lang,
        ids,
        count: exact || lastId === null ? count : estimateMatches(count, lastId, lang),
        exact,
      };
    }),
  );
}

/** One expansion line per language that got aligned paragraphs. */
function alignedExpansions(query: string, groups: readonly Group[]): SearchResponse['expansions'] {
  const counts = new Map<Group['lang'], number>();
  for (const g of groups) {
    const n = g.hits.filter((h) => h.via === 'aligned').length;
    if (n > 0) counts.set(g.lang, (counts.get(g.lang) ?? 0) + n);
  }
  return [...counts].map(([lang, n]) => ({
    from: query,
    lang,
    to: `${n} aligned paragraph(s)`,
    source: 'aligned' as const,
  }));
}

export async function search(
  db: Kysely<Database>,
  request: SearchRequest,
): Promise<SearchResponse> {
  const started = performance.now();
  const parsed = parseQuery(request.q);
  const limit = request.limit ?? 20;
  const offset = readCursor(request.cursor, request);
  if (offset + limit > MAX_DEPTH) {
    throw invalidParameter('cursor', `results go ${MAX_DEPTH} deep; narrow the query to see more`);
  }
  const catalog = await loadStateCatalog(db);
  const langs = queryLanguages(parsed, request.langs);
  const used = request.across ? expandAcross(parsed.text, await expansionIndex(db), langs) : [];
  const context = compileContext(catalog, used);
  const compiled = compileQuery(parsed, context, request.langs);
  const backend = backendFor(db);
  const options = { recency: !!request.recency, currentYear: new Date().getUTCFullYear() };
  const entries = [...compiled.perLang];
  // Chinese words that find nothing may have been segmented differently in the text: then the
  // characters are searched too (as a substring), in Chinese only.
  const zh = entries.findIndex(([lang]) => lang === 'zh');
  if (zh !== -1 && /\p{Script=Han}{3}/u.test(request.q)) {
    const { count } = await backend.countUpTo('zh', entries[zh]![1], 1);
    if (count === 0) {
      const wider = compileQuery(parsed, { ...context, chineseCharacters: 'always' }, ['zh']);
      const match = wider.perLang.get('zh');
      if (match) entries[zh] = ['zh', match];
    }
  }
  const ranked = (
    await Promise.all(
      entries.map(async ([lang, match]) =>
        (await backend.topK(lang, match, offset + limit + 1, options)).map((r) => ({
          ...r,
          lang,
          match,
        })),
      ),
    )
  ).flat();
  ranked.sort(
    (a, b) => b.score - a.score || (a.tiebreak < b.tiebreak ? -1 : a.tiebreak > b.tiebreak ? 1 : 0),
  );
  const page = ranked.slice(offset, offset + limit);
  const more = ranked.length > offset + limit;

  const wantFacets = request.facets !== false;
  const samples = await countMatches(backend, entries, wantFacets);
  const total = {
    value: samples.reduce((sum, s) => sum + s.count, 0),
    exact: samples.every((s) => s.exact),
  };
  const facets = wantFacets ? await countFacets(db, samples) : null;
  const groups = await hitGroups(db, page, !!request.across);
  const expansions: SearchResponse['expansions'] = [
    ...used.map((e) => ({ from: e.from, lang: e.lang, to: e.text, source: e.source })),
    ...alignedExpansions(request.q, groups),
  ];
  return {
    query: request.q,
    total,
    groups,
    facets,
    expansions,
    nextCursor: more ? writeCursor(offset + limit, request) : null,
    tookMs: Math.round((performance.now() - started) * 10) / 10,
  };
}

interface PageHit {
  readonly id: number;
  readonly score: number;
  readonly lang: AnalysisLang;
  readonly match: MatchNode;
}

type Group = SearchResponse['groups'][number];
type Hit = Group['hits'][number];

/** A paragraph with what its group and hit show: segment, language version and work. */
function paragraphs(db: Kysely<Database>) {
  return db
    .selectFrom('segments as s')
    .innerJoin('expressions as e', 'e.id', 's.expression_id')
    .innerJoin('works as w', 'w.id', 'e.work_id')
    .select([
      's.expression_id',
      's.eid',
      's.position',
      's.kind',
      's.num',
      's.text',
      'e.lang',
      'e.title',
      'e.date',
      'w.id as workId',
      'w.symbol',
      'w.doc_type',
      'w.meeting_id',
    ]);
}
type Paragraph = Awaited<ReturnType<ReturnType<typeof paragraphs>['execute']>>[number];

const NO_HIGHLIGHT = { terms: new Set<string>(), prefixes: [], sequences: [] };

async function hitGroups(
  db: Kysely<Database>,
  page: readonly PageHit[],
  across: boolean,
): Promise<Group[]> {
  if (page.length === 0) return [];
  const docs = await paragraphs(db)
    .innerJoin('search_docs as d', (j) =>
      j.onRef('d.expression_id', '=', 's.expression_id').onRef('d.eid', '=', 's.eid'),
    )
    .select('d.id')
    .where(
      'd.id',
      'in',
      page.map((p) => p.id),
    )
    .execute();
  const byId = new Map(docs.map((d) => [Number(d.id), d]));
  const groups = new Map<string, Group & { hits: Hit[] }>();
  const add = (
    p: Paragraph,
    hit: Omit<Hit, 'expressionId' | 'eId' | 'kind' | 'num' | 'position'>,
  ) => {
    let group = groups.get(p.expression_id);
    if (!group) {
      group = {
        workId: p.workId,
        symbol: p.symbol,
        expressionId: p.expression_id,
        lang: isLang(p.lang) ? p.lang : 'und',
        title: p.title,
        date: p.date,
        docType: p.doc_type,
        meetingId: p.meeting_id,
        hits: [],
      };
      groups.set(p.expression_id, group);
    }
    group.hits.push({
      expressionId: p.expression_id,
      eId: p.eid,
      kind: p.kind,
      num: p.num,
      position: p.position,
      ...hit,
    });
  };
  const found: { hit: PageHit; p: Paragraph }[] = [];
  for (const hit of page) {
    const p = byId.get(hit.id);
    if (!p) continue; // removed by a concurrent ingestion since the ranking
    found.push({ hit, p });
    add(p, {
      score: hit.score,
      snippet: snippet(p.text, hit.lang, highlighterFor(hit.match)),
      via: 'query',
    });
  }
  if (across && found.length > 0) {
    // The same paragraph (work and eId) in the work's other current language versions.
    const counterparts = await paragraphs(db)
      .where('e.current', '=', 1)
      .where('e.work_id', 'in', [...new Set(found.map(({ p }) => p.workId))])
      .where('s.eid', 'in', [...new Set(found.map(({ p }) => p.eid))])
      .orderBy('e.lang')
      .execute();
    const seen = new Set(found.map(({ p }) => `${p.expression_id}#${p.eid}`));
    for (const { hit, p } of found) {
      for (const c of counterparts) {
        if (c.workId !== p.workId || c.eid !== p.eid || c.lang === p.lang) continue;
        const key = `${c.expression_id}#${c.eid}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const lang = isLang(c.lang) ? c.lang : 'und';
        add(c, { score: hit.score, snippet: snippet(c.text, lang, NO_HIGHLIGHT), via: 'aligned' });
      }
    }
  }
  return [...groups.values()];
}
