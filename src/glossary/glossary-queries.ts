/**
 * @module Reading the glossary: concepts filtered and paged, one concept with its derived narrower
 * links, its history, term search in any language (folded: case, accents, Arabic letter forms),
 * and the A–Z index of a language in that language's collation.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type {
  Concept,
  ConceptRevision,
  GlossaryDomain,
  StoredConcept,
  TermStatus,
} from '../domain/glossary.js';
import { notFound } from '../domain/errors.js';
import { LANGUAGES, type Lang } from '../domain/language-codes.js';
import type { Database } from '../store/database.js';
import { foldTerm, narrowerIndex, preferredTerm } from './concept-content.js';
import { readConceptRows, readRevisions } from './glossary-rows.js';
import { initialOf, sortKeyOf } from './collation.js';

export interface ConceptSummary {
  readonly id: string;
  readonly domain: GlossaryDomain;
  readonly revision: number;
  readonly updatedAt: string;
  /** The preferred term in each language that has one. */
  readonly preferred: Partial<Record<Lang, string>>;
  readonly definition?: string;
}

export interface ConceptListQuery {
  readonly domain?: GlossaryDomain;
  /** Term text, any language, folded; matches preferred, admitted and deprecated terms. */
  readonly q?: string;
  /** With `letter`: the A–Z language; also the language of `definition` in the summaries. */
  readonly lang?: Lang;
  readonly letter?: string;
  readonly limit?: number;
  readonly offset?: number;
}

export interface ConceptList {
  readonly total: number;
  readonly items: readonly ConceptSummary[];
}

function summarize(c: Concept, revision: number, updatedAt: string, lang: Lang): ConceptSummary {
  const preferred: Partial<Record<Lang, string>> = {};
  for (const l of LANGUAGES) {
    const term = preferredTerm(c, l);
    if (term !== undefined) preferred[l] = term;
  }
  const definition = c.languages[lang]?.definition?.text ?? c.languages.en?.definition?.text;
  return {
    id: c.id,
    domain: c.domain,
    revision,
    updatedAt,
    preferred,
    ...(definition === undefined ? {} : { definition }),
  };
}

/** `column LIKE '%text%'` with the text's own % and _ taken literally, alike on both engines. */
function likeContains(column: string, text: string): RawBuilder<boolean> {
  const escaped = text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
  return sql<boolean>`${sql.ref(column)} like ${`%${escaped}%`} escape '\\'`;
}

async function idsMatching(db: Kysely<Database>, q: string): Promise<Set<string>> {
  const folded = foldTerm(q);
  if (folded === '') return new Set();
  const rows = await db
    .selectFrom('glossary_terms')
    .select('concept_id')
    .distinct()
    .where((eb) => eb.or([likeContains('folded', folded), eb('concept_id', '=', q.trim())]))
    .execute();
  return new Set(rows.map((r) => r.concept_id));
}

export async function listConcepts(
  db: Kysely<Database>,
  query: ConceptListQuery = {},
): Promise<ConceptList> {
  const lang = query.lang ?? 'en';
  let rows = await readConceptRows(db);
  if (query.domain) rows = rows.filter((r) => r.concept.domain === query.domain);
  if (query.q !== undefined && query.q.trim() !== '') {
    const ids = await idsMatching(db, query.q);
    rows = rows.filter((r) => ids.has(r.concept.id));
  }
  let ordered = rows;
  if (query.letter !== undefined || query.lang !== undefined) {
    const keyed = rows
      .map((r) => ({ r, term: preferredTerm(r.concept, lang) }))
      .filter((x): x is { r: (typeof rows)[number]; term: string } => x.term !== undefined)
      .filter((x) => query.letter === undefined || initialOf(x.term, lang) === query.letter);
    const collator = new Intl.Collator(collationLocale(lang));
    keyed.sort((a, b) => collator.compare(sortKeyOf(a.term, lang), sortKeyOf(b.term, lang)));
    ordered = keyed.map((x) => x.r);
  }
  const offset = query.offset ?? 0;
  const limit = query.limit ?? 500;
  return {
    total: ordered.length,
    items: ordered
      .slice(offset, offset + limit)
      .map((r) => summarize(r.concept, r.revision, r.updatedAt, lang)),
  };
}

export function collationLocale(lang: Lang): string {
  return lang === 'zh' ? 'zh-u-co-pinyin' : lang;
}

/** The initials of a language's preferred terms, in collation order, with counts. */
export async function alphabetOf(
  db: Kysely<Database>,
  lang: Lang,
): Promise<{ letter: string; count: number }[]> {
  const rows = await db
    .selectFrom('glossary_terms')
    .select('text')
    .where('lang', '=', lang)
    .where('status', '=', 'preferred')
    .execute();
  const counts = new Map<string, number>();
  for (const r of rows) {
    const letter = initialOf(r.text, lang);
    counts.set(letter, (counts.get(letter) ?? 0) + 1);
  }
  const collator = new Intl.Collator(collationLocale(lang));
  return [...counts]
    .map(([letter, count]) => ({ letter, count }))
    .sort((a, b) => collator.compare(a.letter, b.letter));
}

export async function getConcept(db: Kysely<Database>, id: string): Promise<StoredConcept> {
  const [row] = await readConceptRows(db, [id]);
  if (!row) throw notFound('concept', id);
  const narrowerRows = await db
    .selectFrom('glossary_concepts')
    .select('content')
    .where(likeContains('content', `"${id}"`))
    .execute();
  const narrower =
    narrowerIndex(narrowerRows.map((r) => JSON.parse(r.content) as Concept)).get(id) ?? [];
  return { ...row.concept, revision: row.revision, updatedAt: row.updatedAt, narrower };
}

export async function conceptHistory(db: Kysely<Database>, id: string): Promise<ConceptRevision[]> {
  const revisions = await readRevisions(db, id);
  if (revisions.length === 0) throw notFound('concept', id);
  return revisions;
}

export interface TermHit {
  readonly conceptId: string;
  readonly lang: Lang;
  readonly term: string;
  readonly status: TermStatus;
  /** The concept's preferred term in each language, to show the hit in context. */
  readonly preferred: Partial<Record<Lang, string>>;
}

/** Terms whose folded form starts with (ranked first) or contains the query, in any language. */
export async function searchTerms(
  db: Kysely<Database>,
  q: string,
  options: { lang?: Lang; limit?: number } = {},
): Promise<TermHit[]> {
  const folded = foldTerm(q);
  if (folded === '') return [];
  let query = db
    .selectFrom('glossary_terms')
    .select(['concept_id', 'lang', 'text', 'status', 'folded'])
    .where(likeContains('folded', folded));
  if (options.lang) query = query.where('lang', '=', options.lang);
  const rows = await query.execute();
  const rank = (f: string) => (f === folded ? 0 : f.startsWith(folded) ? 1 : 2);
  rows.sort(
    (a, b) =>
      rank(a.folded) - rank(b.folded) ||
      a.folded.length - b.folded.length ||
      (a.concept_id < b.concept_id ? -1 : 1),
  );
  const limited = rows.slice(0, options.limit ?? 50);
  const concepts = new Map(
    (await readConceptRows(db, [...new Set(limited.map((r) => r.concept_id))])).map((r) => [
      r.concept.id,
      r.concept,
    ]),
  );
  return limited.map((r) => {
    const c = concepts.get(r.concept_id);
    const preferred: Partial<Record<Lang, string>> = {};
    for (const l of LANGUAGES) {
      const t = c ? preferredTerm(c, l) : undefined;
      if (t !== undefined) preferred[l] = t;
    }
    return {
      conceptId: r.concept_id,
      lang: r.lang as Lang,
      term: r.text,
      status: r.status as TermStatus,
      preferred,
    };
  });
}
