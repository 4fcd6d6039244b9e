/**
 * /api/v1/documents through the real application, on SQLite and PostgreSQL: upload (multipart,
 * 413, 415), list with filters, one document, a language version, a segment, the vote, AKN.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedSampleDocuments } from '../../src/documents/seed-sample-documents.js';
import { buildApp } from '../../src/server/app.js';
import { addAccount, type TestAccount } from '../support/accounts.js';
import { forEachStore } from '../support/for-each-store.js';
import { FIXTURES, toText } from '../support/un-fixtures.js';

function multipart(
  files: { name: string; content: Buffer | string }[],
  fields: Record<string, string> = {},
) {
  const boundary = '----pillars-test-boundary';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  for (const file of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
    );
    parts.push(Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content));
    parts.push(Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

forEachStore('documents API', ({ store }) => {
  let app: FastifyInstance;
  let secretariat: TestAccount;
  let analyst: TestAccount;
  beforeAll(async () => {
    await seedSampleDocuments(store());
    secretariat = await addAccount(store(), 'sec', 'secretariat');
    analyst = await addAccount(store(), 'analyst', 'analyst');
    app = await buildApp({ store: store(), uploadLimitBytes: 64 * 1024 });
  });
  afterAll(() => app.close());
  /** An upload as the secretariat: multipart headers plus the token. */
  const upload = (body: ReturnType<typeof multipart>) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/documents',
      payload: body.payload,
      headers: { ...body.headers, ...secretariat.headers },
    });
  const get = async (url: string) => {
    const r = await app.inject({ method: 'GET', url });
    return {
      status: r.statusCode,
      json: () => r.json<Record<string, unknown>>(),
      body: r.body,
      headers: r.headers,
    };
  };

  it('uploads files and answers one result per file', async () => {
    const body = multipart([
      {
        name: 'wp-en.txt',
        content: toText({ ...FIXTURES.en, symbol: 'NPT/CONF.2015/PC.II/WP.21' }),
      },
      {
        name: 'wp-ru.txt',
        content: toText({ ...FIXTURES.ru, symbol: 'NPT/CONF.2015/PC.II/WP.21' }),
      },
      { name: 'empty.txt', content: '' },
    ]);
    const r = await upload(body);
    expect(r.statusCode).toBe(200);
    const json = r.json<{
      results: { file: string; status: string; lang?: string; reason?: string }[];
      summary: object;
    }>();
    expect(json.summary).toEqual({ ok: 2, skipped: 0, error: 1 });
    expect(json.results.map((x) => [x.file, x.status, x.lang ?? x.reason])).toEqual([
      ['wp-en.txt', 'ok', 'en'],
      ['wp-ru.txt', 'ok', 'ru'],
      ['empty.txt', 'error', 'detect format: the file is empty'],
    ]);
  });

  it('takes the symbol and language from form fields', async () => {
    const body = multipart(
      [
        {
          name: 'note.txt',
          content: 'Note verbale\n\n1. La Mission permanente présente ses compliments.\n',
        },
      ],
      { symbol: 'npt/conf.2015/pc.ii/inf.3', lang: 'fr' },
    );
    const r = await upload(body);
    expect(r.json<{ results: { symbol: string; lang: string }[] }>().results[0]).toMatchObject({
      symbol: 'NPT/CONF.2015/PC.II/INF/3',
      lang: 'fr',
    });
  });

  it('answers 413 for a file over the limit and 415 for a body that is not multipart', async () => {
    const big = multipart([{ name: 'big.txt', content: 'x'.repeat(70 * 1024) }]);
    const tooLarge = await upload(big);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({ code: 'payload_too_large' });
    const json = await app.inject({
      method: 'POST',
      url: '/api/v1/documents',
      payload: { file: 'x' },
      headers: secretariat.headers,
    });
    expect(json.statusCode).toBe(415);
    expect(json.json()).toMatchObject({ code: 'unsupported_media_type' });
    const bad = await upload(multipart([{ name: 'a.txt', content: 'x' }], { lang: 'de' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'invalid_parameter', field: 'lang' });
  });

  it('refuses an upload without credentials (401) and from an analyst (403), storing nothing', async () => {
    const body = multipart([
      {
        name: 'intruder.txt',
        content: toText({ ...FIXTURES.en, symbol: 'NPT/CONF.2015/PC.II/WP.99' }),
      },
    ]);
    const anonymous = await app.inject({ method: 'POST', url: '/api/v1/documents', ...body });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ code: 'unauthenticated' });
    const wrongRole = await app.inject({
      method: 'POST',
      url: '/api/v1/documents',
      payload: body.payload,
      headers: { ...body.headers, ...analyst.headers },
    });
    expect(wrongRole.statusCode).toBe(403);
    expect(wrongRole.json()).toMatchObject({ code: 'forbidden' });
    expect((await get('/api/v1/documents/NPT%2FCONF.2015%2FPC.II%2FWP.99')).status).toBe(404);
  });

  it('lists documents with filters and paging', async () => {
    const all = (await get('/api/v1/documents')).json();
    expect(all.total).toBeGreaterThanOrEqual(3);
    const res = (await get('/api/v1/documents?type=res')).json();
    expect(res.items).toEqual([
      expect.objectContaining({
        title: expect.stringMatching(/^Respect for the right/) as unknown,
        titleLang: 'en',
      }),
    ]);
    expect((res.items as { symbol: string }[]).map((d) => d.symbol)).toEqual(['A/RES/55/100']);
    const ru = (await get('/api/v1/documents?lang=ru&meeting=NPT-2015-PC2')).json();
    expect((ru.items as { symbol: string }[]).map((d) => d.symbol)).toEqual([
      'NPT/CONF.2015/PC.II/WP.21',
    ]);
    expect((await get('/api/v1/documents?limit=1&offset=1')).json()).toMatchObject({
      limit: 1,
      offset: 1,
    });
    expect((await get('/api/v1/documents?year=1800')).status).toBe(400);
  });

  it('gives a document, a language version, a segment and the vote, with encoded or literal slashes', async () => {
    const work = (await get('/api/v1/documents/A%2FRES%2F55%2F100')).json();
    expect((work.expressions as unknown[]).length).toBe(6);
    expect(work.hasRecordedVote).toBe(true);
    expect(
      (await get('/api/v1/documents/NPT%2FCONF.2015%2FPC.II%2FWP.21')).json().hasRecordedVote,
    ).toBe(false);
    expect((await get('/api/v1/documents/A/RES/55/100')).json().id).toBe('A/RES/55/100');
    const ar = (await get('/api/v1/documents/A%2FRES%2F55%2F100/ar')).json();
    expect((ar.expression as { lang: string }).lang).toBe('ar');
    const segment = (await get('/api/v1/documents/A%2FRES%2F55%2F100/en/segments/para_2')).json();
    expect(segment).toMatchObject({ eId: 'para_2', kind: 'paragraph', num: '2' });
    expect((await get('/api/v1/documents/A/RES/55/100/en/segments/para_2')).json()).toEqual(
      segment,
    );
    const votes = (await get('/api/v1/documents/A%2FRES%2F55%2F100/votes')).json() as unknown as {
      inFavour: string[];
    }[];
    expect(votes).toHaveLength(6);
    expect(votes[0]!.inFavour).toHaveLength(106);
  });

  it('exports an earlier version, and asks for the text before a revision', async () => {
    const rev = toText({ ...FIXTURES.en, symbol: 'NPT/CONF.2015/PC.II/WP.21/Rev.1' }).replace(
      'The States parties recall',
      'The States parties firmly recall',
    );
    const again = toText({ ...FIXTURES.en, symbol: 'NPT/CONF.2015/PC.II/WP.21' }).replace(
      'The Agency should',
      'The Agency shall',
    );
    const uploaded = await upload(
      multipart([
        { name: 'rev1.txt', content: rev },
        { name: 'v2.txt', content: again },
      ]),
    );
    expect(uploaded.json<{ summary: object }>().summary).toEqual({ ok: 2, skipped: 0, error: 0 });
    const latest = (await get('/api/v1/documents/NPT%2FCONF.2015%2FPC.II%2FWP.21/en')).json();
    expect(latest.expression).toMatchObject({ revision: 'Rev.1', version: 1 });
    const original = (
      await get('/api/v1/documents/NPT%2FCONF.2015%2FPC.II%2FWP.21/en?revision=')
    ).json();
    expect(original.expression).toMatchObject({ revision: '', version: 2, current: true });
    const first = await get(
      '/api/v1/documents/NPT%2FCONF.2015%2FPC.II%2FWP.21/en/akn?revision=&version=1',
    );
    expect(first.body).toContain('The Agency should');
    expect(first.body).not.toContain('The Agency shall');
  });

  it('exports Akoma Ntoso XML', async () => {
    const r = await get('/api/v1/documents/A%2FRES%2F55%2F100/fr/akn');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/application\/akn\+xml/);
    expect(r.body).toMatch(/<akomaNtoso[\s\S]*FRBRlanguage language="fra"/);
  });

  it('answers 404 and 400 as JSON', async () => {
    expect((await get('/api/v1/documents/NPT%2FCONF.2015%2FPC.II%2FWP.404')).json()).toMatchObject({
      code: 'not_found',
    });
    expect((await get('/api/v1/documents/A%2FRES%2F55%2F100/en/segments/para_99')).status).toBe(
      404,
    );
    expect((await get('/api/v1/documents/A%2FRES%2F55%2F100/de')).status).toBe(400);
    const bad = await get('/api/v1/documents/NPT%2FCONF.2015%2FPC.IV%2F1');
    expect(bad.status).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'invalid_parameter', field: 'symbol' });
  });
});
