/**
 * The HTTP API through the real application (Fastify inject), on SQLite and on PostgreSQL.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { forEachStore } from '../support/for-each-store.js';

forEachStore('HTTP API', ({ store, engine }) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ store: store() });
  });
  afterAll(() => app.close());

  const get = async (url: string) => {
    const response = await app.inject({ method: 'GET', url });
    return {
      status: response.statusCode,
      body: response.json<Record<string, unknown>>(),
      headers: response.headers,
    };
  };

  it('answers health with the engine in use', async () => {
    expect(await get('/api/health')).toMatchObject({ status: 200, body: { status: 'ok', engine } });
  });

  it('lists States with paging and filters', async () => {
    const page = await get('/api/v1/states?limit=5&offset=10');
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ total: 197, limit: 5, offset: 10 });
    expect((page.body.items as unknown[]).length).toBe(5);
    expect((await get('/api/v1/states?group=P5')).body.total).toBe(5);
    expect((await get('/api/v1/states?group=CTBT-ANNEX2&limit=500')).body.total).toBe(44);
    expect((await get(`/api/v1/states?q=${encodeURIComponent('Côte')}`)).body.total).toBe(1);
  });

  it('gives one State with its memberships, by code or name', async () => {
    const fra = await get('/api/v1/states/FRA');
    expect(fra.status).toBe(200);
    expect(fra.body).toMatchObject({ id: 'FRA', names: { fr: { short: 'France (la)' } } });
    expect((fra.body.memberships as { group: string }[]).map((m) => m.group)).toEqual(
      expect.arrayContaining(['P5', 'EU', 'NPT']),
    );
    expect(
      (await get(`/api/v1/states/${encodeURIComponent('Libyan Arab Jamahiriya')}`)).body.id,
    ).toBe('LBY');
  });

  it('answers 404 JSON for unknown ids and routes', async () => {
    for (const url of [
      '/api/v1/states/XXX',
      '/api/v1/actions/A99',
      '/api/v1/groups/NOPE',
      '/api/v1/meetings/none',
      '/api/v1/instruments/NONE',
      '/api/v1/nothing',
    ]) {
      const r = await get(url);
      expect(r.status, url).toBe(404);
      expect(r.body, url).toMatchObject({
        code: 'not_found',
        message: expect.any(String) as unknown,
      });
    }
  });

  it('answers 400 naming the field for bad parameters', async () => {
    const cases: [string, string][] = [
      ['/api/v1/states?limit=0', 'limit'],
      ['/api/v1/states?limit=abc', 'limit'],
      ['/api/v1/states?at=2020-13-01', 'at'],
      ['/api/v1/states?group=NOPE', 'group'],
      ['/api/v1/actions?pillar=fourth', 'pillar'],
      ['/api/v1/meetings?cycle=12', 'cycle'],
      ['/api/v1/resolve-name', 'name'],
      ['/api/v1/resolve-name?name=France&lang=de', 'lang'],
    ];
    for (const [url, field] of cases) {
      const r = await get(url);
      expect(r.status, url).toBe(400);
      expect(r.body, url).toMatchObject({ code: 'invalid_parameter', field });
      expect(String(r.body.message), url).toContain(field);
    }
  });

  it('resolves names, unknown ones explicitly', async () => {
    const r = await get(
      `/api/v1/resolve-name?name=${encodeURIComponent('伊朗伊斯兰共和国')}&name=Nowhere`,
    );
    expect(r.body).toEqual([
      {
        input: '伊朗伊斯兰共和国',
        state: { id: 'IRN', alpha2: 'IR', name: 'Iran (Islamic Republic of)' },
      },
      { input: 'Nowhere', state: null, status: 'unknown', candidates: [] },
    ]);
  });

  it('lists groups, instruments, meetings and actions', async () => {
    const groups = await get('/api/v1/groups?limit=100');
    expect(
      (groups.body.items as { id: string; memberCount: number }[]).find((g) => g.id === 'P5')
        ?.memberCount,
    ).toBe(5);
    expect((await get('/api/v1/groups/EU?')).body.id).toBe('EU');
    expect((await get('/api/v1/instruments/NPT')).body).toMatchObject({
      entryIntoForce: '1970-03-05',
    });
    const meetings = await get('/api/v1/meetings?cycle=2015');
    expect((meetings.body.items as { id: string }[]).map((m) => m.id)).toEqual(
      expect.arrayContaining(['NPT-2015-PC1', 'NPT-2015-PC2', 'NPT-2015-PC3', 'NPT-REVCON-2015']),
    );
    const actions = await get('/api/v1/actions?limit=500');
    expect(actions.body.total).toBe(65);
    expect((await get('/api/v1/actions?pillar=peaceful-uses')).body.total).toBe(18);
    expect((await get('/api/v1/actions/A21')).body).toMatchObject({
      id: 'AP2010-A21',
      number: 21,
      pillar: 'disarmament',
    });
  });

  it('serves the dashboard overview', async () => {
    const r = await get('/api/v1/overview');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ counts: { states: 197, actions: 65 } });
  });

  it('describes itself in OpenAPI 3.1 and serves the docs page', async () => {
    const spec = await get('/api/openapi.json');
    expect(spec.body.openapi).toBe('3.1.0');
    const paths = Object.keys(spec.body.paths as object);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/states',
        '/api/v1/states/{id}',
        '/api/v1/actions/{id}',
        '/api/health',
      ]),
    );
    const docs = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('sends security headers', async () => {
    const { headers } = await get('/api/health');
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['x-frame-options']).toBeDefined();
    // Plain HTTP on a LAN address must keep working: no forced upgrade to https, no HSTS.
    expect(headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(headers['strict-transport-security']).toBeUndefined();
  });
});

forEachStore('HTTP API rate limit', ({ store }) => {
  it('limits /api requests per client and leaves other paths and the probes alone', async () => {
    const app = await buildApp({ store: store(), rateLimitPerMinute: 3 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await app.inject({ method: 'GET', url: '/api/v1/groups' })).statusCode);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const limited = await app.inject({ method: 'GET', url: '/api/v1/states' });
      expect(limited.json()).toMatchObject({ code: 'rate_limited' });
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(200);
      const page = await app.inject({ method: 'GET', url: '/states' });
      expect(page.statusCode).not.toBe(429);
    } finally {
      await app.close();
    }
  });
});
