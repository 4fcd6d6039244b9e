/**
 * /api/v1/alignment, /api/v1/alignment/corrections, /api/v1/tmx and /api/v1/compare through the
 * real application, on SQLite and PostgreSQL.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedSampleDocuments } from '../../src/documents/seed-sample-documents.js';
import { ingestFiles } from '../../src/ingest/ingest-files.js';
import { buildApp } from '../../src/server/app.js';
import { addAccount, type TestAccount } from '../support/accounts.js';
import { forEachStore } from '../support/for-each-store.js';
import { checkTmx } from '../support/tmx-structure.js';

const GA_EN = 'data/samples/un-ga-res-55-100/UN_GA_res55-100.en.txt';

forEachStore('alignment and comparison API', ({ store }) => {
  let app: FastifyInstance;
  let secretariat: TestAccount;
  let analyst: TestAccount;
  beforeAll(async () => {
    await seedSampleDocuments(store());
    secretariat = await addAccount(store(), 'sec', 'secretariat');
    analyst = await addAccount(store(), 'analyst', 'analyst');
    // Version 2 of the English text: one operative paragraph reworded, one dropped.
    const lines = readFileSync(GA_EN, 'utf8').split('\n');
    const edited = lines
      .filter((_, i) => i !== 13)
      .map((line, i) => (i === 11 ? line.replace('Once again calls upon', 'Urges') : line));
    const [result] = await ingestFiles(store(), [
      { name: 'UN_GA_res55-100.v2.en.txt', bytes: Buffer.from(edited.join('\n')) },
    ]);
    expect(result?.status).toBe('ok');
    expect(result?.version).toBe(2);
    app = await buildApp({ store: store() });
  });
  afterAll(() => app.close());
  const get = (url: string) => app.inject({ method: 'GET', url });

  it('gives three languages side by side, one row per paragraph', async () => {
    const r = await get('/api/v1/alignment?symbol=A/RES/55/100&langs=fr,ar,zh');
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json<{
      langs: string[];
      sides: Record<string, { segments: { eId: string }[] }>;
      rows: { units: Record<string, string[]> }[];
      alignment?: unknown;
    }>();
    expect(body.langs).toEqual(['fr', 'ar', 'zh']);
    expect(body.rows).toHaveLength(14);
    expect(body.rows[3]!.units).toEqual({ fr: ['p_3'], ar: ['p_3'], zh: ['p_3'] });
    expect(body.sides.ar!.segments).toHaveLength(14);
    expect(body.alignment).toBeUndefined();
  });

  it('aligns the current version: the edited English has 13 paragraphs, one French left alone', async () => {
    const r = await get('/api/v1/alignment?symbol=A/RES/55/100&langs=en,fr');
    expect(r.statusCode, r.body).toBe(200);
    const { alignment } = r.json<{
      alignment: { links: { type: string; a: string[]; b: string[] }[] };
    }>();
    expect(alignment.links.filter((l) => l.type === '0-1')).toEqual([
      expect.objectContaining({ a: [], b: ['para_3'] }),
    ]);
    expect(alignment.links.filter((l) => l.type === '1-1')).toHaveLength(13);
  });

  it('takes a correction, and refuses bad ones with the field named', async () => {
    const post = (payload: object) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/alignment/corrections',
        payload,
        headers: secretariat.headers,
      });
    const ok = await post({
      symbol: 'A/RES/55/100',
      langs: ['ar', 'zh'],
      op: 'link',
      a: ['p_1'],
      b: ['p_1', 'p_2'],
      actor: 'API test',
      comment: 'why not',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const corrected = ok.json<{
      links: { a: string[]; b: string[]; origin: string }[];
      corrections: { actor: string; comment: string | null }[];
    }>();
    expect(corrected.links.find((l) => l.origin === 'manual')).toMatchObject({
      a: ['p_1'],
      b: ['p_1', 'p_2'],
    });
    // The actor is the signed-in user; an `actor` in the body is ignored.
    expect(corrected.corrections.at(-1)).toMatchObject({ actor: 'sec', comment: 'why not' });

    const unknown = await post({
      symbol: 'A/RES/55/100',
      langs: ['ar', 'zh'],
      op: 'link',
      a: ['p_1'],
      b: ['nope'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'invalid_parameter', field: 'b' });
  });

  it('refuses a correction without credentials (401) and from an analyst (403)', async () => {
    const payload = {
      symbol: 'A/RES/55/100',
      langs: ['ar', 'zh'],
      op: 'unlink',
      a: ['p_1'],
      b: [],
    };
    const url = '/api/v1/alignment/corrections';
    const anonymous = await app.inject({ method: 'POST', url, payload });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'unauthenticated' });
    const wrongRole = await app.inject({ method: 'POST', url, payload, headers: analyst.headers });
    expect(wrongRole.statusCode).toBe(403);
    expect(wrongRole.json()).toMatchObject({ code: 'forbidden' });
    const after = await get('/api/v1/alignment?symbol=A/RES/55/100&langs=ar,zh');
    const { alignment } = after.json<{ alignment: { corrections: unknown[] } }>();
    expect(alignment.corrections).toHaveLength(1);
  });

  it('exports TMX with the languages asked for', async () => {
    const r = await get('/api/v1/tmx?symbol=A/RES/55/100&langs=ar,ru');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['content-type']).toMatch(/application\/x-tmx\+xml/u);
    expect(r.headers['content-disposition']).toMatch(/A-RES-55-100\.tmx/u);
    const tmx = checkTmx(r.body);
    expect(tmx.header.srclang).toBe('ar');
    expect(tmx.units).toHaveLength(14);
    const sentences = await get('/api/v1/tmx?symbol=A/RES/55/100&langs=en,fr&sentences=true');
    expect(sentences.statusCode, sentences.body).toBe(200);
    expect(checkTmx(sentences.body).header.segtype).toBe('sentence');
    expect(
      (await get('/api/v1/tmx?symbol=A/RES/55/100&langs=en,fr,ru&sentences=true')).statusCode,
    ).toBe(400);
    expect((await get('/api/v1/tmx?langs=ar,ru')).statusCode).toBe(400);
    // The whole corpus, streamed: every work with two or more languages.
    const corpus = await get('/api/v1/tmx?all=true');
    expect(corpus.statusCode).toBe(200);
    const units = checkTmx(corpus.body).units;
    expect(units.filter((u) => u.id?.startsWith('A/RES/55/100#')).length).toBeGreaterThanOrEqual(
      13,
    );
    expect((await get('/api/v1/tmx?symbol=A/RES/55/100&langs=ar,xx')).statusCode).toBe(400);
  });

  it('compares version 1 with version 2, as JSON, HTML and docx', async () => {
    const query = 'older=A/RES/55/100@1&newer=A/RES/55/100@2&lang=en';
    const r = await get(`/api/v1/compare?${query}`);
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json<{
      summary: Record<string, number>;
      changes: { kind: string; a: number | null }[];
    }>();
    expect(body.summary).toMatchObject({ changed: 1, deleted: 1, inserted: 0, moved: 0 });
    expect(body.changes.filter((c) => c.kind !== 'equal').map((c) => [c.kind, c.a])).toEqual([
      ['changed', 10],
      ['deleted', 12],
    ]);

    const html = await get(`/api/v1/compare/redline.html?${query}`);
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toMatch(/text\/html/u);
    expect(html.body).toMatch(/<ins[^>]*>\s*Urges/u);

    const docx = await get(`/api/v1/compare/redline.docx?${query}`);
    expect(docx.statusCode).toBe(200);
    const xml = await (
      await JSZip.loadAsync(docx.rawPayload)
    )
      .file('word/document.xml')!
      .async('string');
    expect(xml).toMatch(/<w:del\b/u);
    expect(xml).toMatch(/<w:ins\b/u);
  });

  it('shows each change beside the aligned paragraphs of another language', async () => {
    const r = await get('/api/v1/compare?older=A/RES/55/100&newer=A/RES/55/100&lang=en&across=zh');
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json<{ across: { lang: string; rows: { newer: number[] }[] } }>();
    expect(body.across.lang).toBe('zh');
    expect(body.across.rows[0]!.newer).toEqual([0]);
  });

  it('never reads files from the server disk', async () => {
    const r = await get('/api/v1/compare?older=/etc/passwd&newer=/etc/hostname');
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ code: 'invalid_parameter' });
  });

  it('answers 404 for an unknown document', async () => {
    const r = await get('/api/v1/alignment?symbol=A/RES/99/99&langs=en,fr');
    expect(r.statusCode).toBe(404);
  });
});
