/**
 * The monitoring API through the real application, on SQLite and PostgreSQL: evidence lists,
 * review, evidence by hand, assessments, the matrix and its CSV, bad input.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedSampleDocuments } from '../../src/documents/seed-sample-documents.js';
import { scanEvidence } from '../../src/evidence/evidence-service.js';
import { buildApp } from '../../src/server/app.js';
import { addAccount, type TestAccount } from '../support/accounts.js';
import { forEachStore } from '../support/for-each-store.js';

interface Page {
  items: { id: string; actionId: string; text: string; states: string[]; status: string }[];
  total: number;
}

forEachStore('monitoring API', ({ store }) => {
  let app: FastifyInstance;
  let analyst: TestAccount;
  let secretariat: TestAccount;
  beforeAll(async () => {
    await seedSampleDocuments(store());
    await scanEvidence(store().db);
    analyst = await addAccount(store(), 'monitor', 'analyst');
    secretariat = await addAccount(store(), 'sec', 'secretariat');
    app = await buildApp({ store: store() });
  });
  afterAll(() => app.close());
  const get = (url: string) => app.inject({ method: 'GET', url });
  /** A write as the analyst, who may review evidence and record assessments. */
  const post = (url: string, payload: object) =>
    app.inject({ method: 'POST', url, payload, headers: analyst.headers });

  it('lists evidence for an action, with the paragraph and the States', async () => {
    const r = await get('/api/v1/actions/9/evidence?cycle=2015');
    expect(r.statusCode, r.body).toBe(200);
    const page = r.json<Page>();
    const zone = page.items.find((e) => e.text.includes('无核武器区'));
    expect(zone).toMatchObject({
      actionId: 'AP2010-A9',
      states: ['CHN', 'FRA', 'GBR', 'RUS', 'USA'],
    });
    expect((await get('/api/v1/evidence?action=99')).statusCode).toBe(400);
    expect((await get('/api/v1/evidence?status=maybe')).statusCode).toBe(400);
  });

  it('reviews evidence and records an assessment; the matrix and its CSV show them', async () => {
    const page = (await get('/api/v1/evidence?action=21&cycle=2015')).json<Page>();
    const item = page.items[0]!;
    const reviewed = await post(`/api/v1/evidence/${item.id}/review`, {
      status: 'confirmed',
      stance: 'reports-implementation',
      actor: 'API monitor',
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json()).toEqual([
      expect.objectContaining({ revision: 1, status: 'confirmed', actor: 'monitor' }),
    ]);
    expect(
      (await post(`/api/v1/evidence/${item.id}/review`, { status: 'maybe', actor: 'x' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await post('/api/v1/evidence/ev_none/review', { status: 'rejected', actor: 'x' }))
        .statusCode,
    ).toBe(404);

    const assessed = await post('/api/v1/assessments', {
      action: '21',
      state: 'GBR',
      cycle: 2015,
      status: 'implemented',
      rationale: 'Reported on the standard form.',
      evidenceIds: [item.id],
      actor: 'API assessor',
    });
    expect(assessed.statusCode, assessed.body).toBe(200);
    const matrix = (await get('/api/v1/matrix?cycle=2015&group=P5')).json<{
      cells: {
        action: string;
        state: string;
        confirmed: number;
        assessment: { status: string } | null;
      }[];
    }>();
    expect(matrix.cells.find((c) => c.action === 'AP2010-A21' && c.state === 'GBR')).toMatchObject({
      confirmed: 1,
      assessment: { status: 'implemented' },
    });
    const csv = await get('/api/v1/matrix.csv?cycle=2015&group=P5');
    expect(csv.headers['content-type']).toMatch(/text\/csv/u);
    expect(csv.body).toMatch(/AP2010-A21,GBR,\d+,1,implemented,2015,monitor/u);
    const all = await get('/api/v1/evidence.csv?status=confirmed');
    expect(all.body).toContain(`${item.id},AP2010-A21,`);
    expect((await get('/api/v1/matrix?group=NOPE')).statusCode).toBe(400);
    expect((await get('/api/v1/assessments?action=21&history=true')).json()).toHaveLength(1);
  });

  it('takes evidence made by hand, and refuses an unknown paragraph', async () => {
    const made = await post('/api/v1/evidence', {
      symbol: 'A/RES/55/100',
      lang: 'fr',
      eId: 'para_2',
      action: '64',
      actor: 'API monitor',
    });
    expect(made.statusCode, made.body).toBe(200);
    const { id } = made.json<{ id: string }>();
    const history = (await get(`/api/v1/evidence/${id}/history`)).json<
      { status: string; actor: string }[]
    >();
    expect(history.map((h) => h.status)).toEqual(['confirmed']);
    expect(history.map((h) => h.actor)).toEqual(['monitor']);
    const missing = await post('/api/v1/evidence', {
      symbol: 'A/RES/55/100',
      lang: 'fr',
      eId: 'para_99',
      action: '64',
      actor: 'API monitor',
    });
    expect(missing.statusCode).toBe(404);
  });

  it('refuses writes without credentials (401) and from the wrong role (403)', async () => {
    const page = (await get('/api/v1/evidence?action=9&cycle=2015')).json<Page>();
    const item = page.items[0]!;
    const review = { status: 'rejected' };
    const assessment = {
      action: '9',
      state: 'FRA',
      cycle: 2015,
      status: 'implemented',
      rationale: 'Not by a secretariat account.',
      evidenceIds: [item.id],
    };
    for (const [url, payload] of [
      [`/api/v1/evidence/${item.id}/review`, review],
      ['/api/v1/evidence', { symbol: 'A/RES/55/100', lang: 'fr', eId: 'para_3', action: '64' }],
      ['/api/v1/assessments', assessment],
    ] as const) {
      const anonymous = await app.inject({ method: 'POST', url, payload });
      expect(anonymous.statusCode, url).toBe(401);
      expect(anonymous.json()).toMatchObject({ code: 'unauthenticated' });
    }
    // Reviewing is open to the secretariat too; recording an assessment is the analyst's alone.
    const wrongRole = await app.inject({
      method: 'POST',
      url: '/api/v1/assessments',
      payload: assessment,
      headers: secretariat.headers,
    });
    expect(wrongRole.statusCode).toBe(403);
    expect(wrongRole.json()).toMatchObject({ code: 'forbidden' });
    expect((await get('/api/v1/assessments?action=9&history=true')).json()).toEqual([]);
    const history = (await get(`/api/v1/evidence/${item.id}/history`)).json<unknown[]>();
    expect(history).toEqual([]);
  });
});
