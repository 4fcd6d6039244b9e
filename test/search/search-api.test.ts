/**
 * Search through GET /api/v1/search on each engine, over the bundled sample documents: the
 * acceptance queries (Chinese words, cross-language, Arabic spellings), malformed queries, paging,
 * and the index staying exact through reindex and failed writes.
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SearchResponse } from '../../src/contract/api-schemas.js';
import { seedSampleDocuments } from '../../src/documents/seed-sample-documents.js';
import { ensureSearchIndex, rebuildSearchIndex } from '../../src/search/index/search-index.js';
import { buildApp } from '../../src/server/app.js';
import type { Database } from '../../src/store/database.js';
import type { Kysely } from 'kysely';
import { forEachStore } from '../support/for-each-store.js';

const SEED = 'pillars:'; // the P5 statement has no symbol; its work id starts so

forEachStore('search API', ({ store, engine }) => {
  let app: FastifyInstance;

  beforeAll(async () => {
    const results = await seedSampleDocuments(store());
    expect(results.filter((r) => r.status === 'error')).toEqual([]);
    app = await buildApp({ store: store() });
  });
  afterAll(() => app.close());

  async function get(q: string, params: Record<string, string> = {}) {
    const query = new URLSearchParams({ q, ...params });
    return app.inject({ method: 'GET', url: `/api/v1/search?${query}` });
  }
  async function results(q: string, params: Record<string, string> = {}) {
    const response = await get(q, params);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<SearchResponse>();
  }
  const hits = (r: SearchResponse) =>
    r.groups.flatMap((g) => g.hits.map((h) => ({ ...h, lang: g.lang, workId: g.workId })));
  const marked = (r: SearchResponse) =>
    hits(r).flatMap((h) => h.snippet.filter((p) => p.hit).map((p) => p.text));

  it.each([
    ['核裁军', ['para_2']],
    ['裂变材料禁产条约', ['para_5']],
    ['附加议定书', ['para_4', 'para_8']],
  ])('%s finds the right paragraphs of the P5 statement', async (q, paragraphs) => {
    const r = await results(q);
    const found = hits(r).filter((h) => h.workId.startsWith(SEED));
    expect(found.map((h) => h.eId).sort()).toEqual(expect.arrayContaining(paragraphs));
    expect(found.every((h) => h.lang === 'zh')).toBe(true);
    expect(marked(r).join('')).toContain(q);
  });

  it('one or two Chinese characters are found as substrings', async () => {
    const r = await results('裁军');
    const texts = hits(r).map((h) => h.snippet.map((p) => p.text).join(''));
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.every((t) => t.includes('裁军'))).toBe(true);
    // 核裁军 holds 裁军 inside one word: substring search finds it anyway.
    expect(hits(r).some((h) => h.eId === 'para_2')).toBe(true);
  });

  it('Chinese text cut across word boundaries falls back to a substring search', async () => {
    // 实现核裁军和普遍彻底裁军: the words are 核/裁军/和/普遍, so 军和普遍 is no sequence of words.
    const r = await results('军和普遍');
    expect(hits(r).map((h) => h.eId)).toEqual(['para_2']);
    expect(marked(r)).toEqual(['军和普遍']);
  });

  it('a prefix longer than the stem still finds the word (reunifica* → reunification)', async () => {
    const r = await results('reunifica* lang:en');
    expect(r.total.value).toBe(4);
    expect(marked(r).map((t) => t.toLowerCase())).toContain('reunification');
  });

  it('family reunification finds A/RES/55/100 in English, and across all six versions', async () => {
    const plain = await results('family reunification');
    expect(new Set(plain.groups.map((g) => `${g.symbol} ${g.lang}`))).toEqual(
      new Set(['A/RES/55/100 en']),
    );
    expect(marked(plain).map((t) => t.toLowerCase())).toContain('reunification');
    const across = await results('family reunification', { across: 'true' });
    expect(new Set(across.groups.map((g) => g.lang))).toEqual(
      new Set(['ar', 'zh', 'en', 'fr', 'ru', 'es']),
    );
    expect(across.groups.every((g) => g.symbol === 'A/RES/55/100')).toBe(true);
    expect(
      across.expansions
        .filter((e) => e.source === 'aligned')
        .map((e) => e.lang)
        .sort(),
    ).toEqual(['ar', 'es', 'fr', 'ru', 'zh']);
  });

  it('an Arabic query with or without diacritics, and with another alef form, finds the same', async () => {
    const variants = ['جمع شمل الأسرة', 'جَمْعِ شَمْلِ الأُسْرَةِ', 'جمع شمل الاسرة', 'جمع شمل الإسره'];
    const answers = await Promise.all(variants.map((q) => results(q)));
    const keys = answers.map((r) => hits(r).map((h) => `${h.expressionId}#${h.eId}`));
    expect(keys[0]!.length).toBeGreaterThan(0);
    for (const k of keys) expect(k).toEqual(keys[0]);
  });

  it('State names expand across languages and the expansions are reported', async () => {
    const r = await results('France', { across: 'true' });
    const fr = r.expansions.filter((e) => e.source === 'state-name');
    expect(fr.map((e) => e.lang)).toEqual(expect.arrayContaining(['zh', 'ru', 'ar']));
    expect(fr.find((e) => e.lang === 'zh')?.to).toBe('法国');
  });

  it('filters, facets and exact totals', async () => {
    const r = await results('lang:fr year:2000');
    expect(r.total).toEqual({ value: r.total.value, exact: true });
    expect(r.total.value).toBeGreaterThan(5);
    expect(r.facets?.counts.lang).toEqual([{ value: 'fr', count: r.total.value }]);
    expect(r.facets?.counts.year).toEqual([{ value: '2000', count: r.total.value }]);
    expect(r.groups.every((g) => g.lang === 'fr')).toBe(true);
    const none = await results('lang:fr year:1999');
    expect(none.total.value).toBe(0);
  });

  it('pages with a cursor until the last page', async () => {
    const seen = new Set<string>();
    let cursor: string | undefined;
    let pages = 0;
    do {
      const r = await results('lang:en', { limit: '3', ...(cursor ? { cursor } : {}) });
      for (const h of hits(r)) seen.add(`${h.expressionId}#${h.eId}`);
      cursor = r.nextCursor ?? undefined;
      pages++;
    } while (cursor && pages < 50);
    const total = (await results('lang:en')).total.value;
    expect(seen.size).toBe(total);
    expect(pages).toBe(Math.ceil(total / 3));
    const wrong = await get('lang:fr', {
      cursor: Buffer.from('{"o":3,"h":"x"}').toString('base64url'),
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'invalid_parameter', field: 'cursor' });
  });

  it.each([
    ['"nuclear weapons', 0, /never closed/],
    ['nuclear (weapons', 8, /never closed/],
    ['nuclear)', 7, /no matching/],
    ['AND nuclear', 0, /AND needs a term/],
    ['nuclear OR', 8, /OR needs a term/],
    ['nuclear -', 8, /attached/],
    ['colour:red', 0, /unknown filter 'colour'/],
    ['lang:xx nuclear', 5, /unknown language/],
    ['state:Atlantis nuclear', 0, /not a State we know/],
    ['x'.repeat(10_240), 1000, /10240 characters long; the limit is 1000/],
  ])('malformed %#: %s → 400 invalid_query at %i', async (q, position, message) => {
    const response = await get(q);
    expect(response.statusCode).toBe(400);
    const body = response.json<{
      code: string;
      message: string;
      position: number;
      field: string;
    }>();
    expect(body).toMatchObject({ code: 'invalid_query', field: 'q', position });
    expect(body.message).toMatch(message);
    expect(body.message).toContain(`at character ${position + 1}`);
  });

  it('a bad lang parameter names the parameter', async () => {
    const response = await get('nuclear', { lang: 'en,klingon' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid_parameter', field: 'lang' });
  });

  async function indexSnapshot(db: Kysely<Database>) {
    const docs = await db
      .selectFrom('search_docs')
      .select(['expression_id', 'eid', 'lang', 'len', 'actions', 'year', 'work_id'])
      .orderBy('expression_id')
      .orderBy('eid')
      .execute();
    const stats = await db.selectFrom('search_stats').selectAll().orderBy('lang').execute();
    return {
      docs,
      stats: stats.map((s) => ({ ...s, docs: Number(s.docs), tokens: Number(s.tokens) })),
    };
  }

  it('reindex gives the same index and the same answers as ingestion did', async () => {
    const before = await indexSnapshot(store().db);
    const queries = ['family reunification', '核裁军', 'lang:ru', 'الحكومات'];
    const answers = await Promise.all(queries.map((q) => results(q)));
    const strip = (r: SearchResponse) => ({ ...r, tookMs: 0 });
    await store()
      .db.transaction()
      .execute((trx) => rebuildSearchIndex(trx));
    expect(await indexSnapshot(store().db)).toEqual(before);
    const again = await Promise.all(queries.map((q) => results(q)));
    expect(again.map(strip)).toEqual(answers.map(strip));
  });

  it('a store whose documents predate the index gets it built on start, once', async () => {
    const before = await indexSnapshot(store().db);
    await store().db.deleteFrom('search_docs').execute();
    expect(await ensureSearchIndex(store().db)).toBe(true);
    expect(await ensureSearchIndex(store().db)).toBe(false);
    expect(await indexSnapshot(store().db)).toEqual(before);
  });

  it('an index made by an earlier version of the analysis is rebuilt on start, once', async () => {
    const before = await indexSnapshot(store().db);
    await store()
      .db.updateTable('meta')
      .set({ value: '1' })
      .where('key', '=', 'search_index_version')
      .execute();
    expect(await ensureSearchIndex(store().db)).toBe(true);
    expect(await ensureSearchIndex(store().db)).toBe(false);
    expect(await indexSnapshot(store().db)).toEqual(before);
  });

  it('a write that fails leaves the index as it was', async () => {
    const before = await indexSnapshot(store().db);
    await expect(
      store()
        .db.transaction()
        .execute(async (trx) => {
          await rebuildSearchIndex(trx);
          await sql`select * from no_such_table`.execute(trx);
        }),
    ).rejects.toThrow();
    expect(await indexSnapshot(store().db)).toEqual(before);
    expect((await results('family reunification')).total.value).toBeGreaterThan(0);
    expect(engine).toMatch(/sqlite|postgres/);
  });
});
