/**
 * The role × route matrix, generated from the application's own route table: every route must
 * declare an access rule (a route added without one fails here), and every route is called as
 * every kind of caller — the public, an admin, the secretariat, an analyst, a delegate of the
 * report's State and a delegate of another State — expecting exactly what its rule says: 401 for
 * the public at a signed-in door, 403 for a role the rule leaves out, and past the door, a report
 * of another State is 404 (not 403), as if it did not exist.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Role } from '../../src/domain/accounts.js';
import { seedGlossary } from '../../src/glossary/seed-glossary.js';
import { createReport } from '../../src/reporting/report-commands.js';
import { seedTemplates } from '../../src/reporting/report-templates.js';
import { findUser } from '../../src/auth/users.js';
import { buildApp } from '../../src/server/app.js';
import type { RouteEntry } from '../../src/server/access/authentication.js';
import { addAccount } from '../support/accounts.js';
import { forEachStore } from '../support/for-each-store.js';

type Persona =
  'anonymous' | 'admin' | 'secretariat' | 'analyst' | 'delegate-own' | 'delegate-other';
const PERSONAS: readonly Persona[] = [
  'anonymous',
  'admin',
  'secretariat',
  'analyst',
  'delegate-other',
  'delegate-own',
];
const ROLE: Record<Exclude<Persona, 'anonymous'>, Role> = {
  admin: 'admin',
  secretariat: 'secretariat',
  analyst: 'analyst',
  'delegate-own': 'delegate',
  'delegate-other': 'delegate',
};
/** Who may see a State's draft: its own delegates only. */
const SEES_DRAFT: Record<Persona, boolean> = {
  anonymous: false,
  admin: false,
  secretariat: false,
  analyst: false,
  'delegate-own': true,
  'delegate-other': false,
};

/** Bodies that pass validation without changing anything (stale versions, impossible values). */
const BODIES: Record<string, unknown> = {
  'PUT /api/v1/reports/:id/sections/:section': { text: 'matrix', baseVersion: 99, baseRevision: 0 },
  'POST /api/v1/reports/:id/transitions': { transition: 'withdraw', version: 99 },
  'POST /api/v1/reports': { cycle: 'not-a-cycle' },
};

forEachStore('access matrix', ({ store }) => {
  let app: FastifyInstance;
  let reportId = '';
  let section = '';
  const headers: Partial<Record<Persona, Record<string, string>>> = {};

  beforeAll(async () => {
    await seedGlossary(store().db);
    await seedTemplates(store().db);
    app = await buildApp({ store: store() });
    await app.ready();
    headers.admin = (await addAccount(store(), 'm-admin', 'admin')).headers;
    headers.secretariat = (await addAccount(store(), 'm-sec', 'secretariat')).headers;
    headers.analyst = (await addAccount(store(), 'm-analyst', 'analyst')).headers;
    headers['delegate-own'] = (await addAccount(store(), 'm-cn', 'delegate', 'CHN')).headers;
    headers['delegate-other'] = (await addAccount(store(), 'm-fr', 'delegate', 'FRA')).headers;
    const cn = await findUser(store().db, 'm-cn');
    const report = await createReport(
      store().db,
      { kind: 'user', user: cn, via: 'session', scopes: ['reports'], credentialId: 'x' },
      { cycle: '2026' },
    );
    reportId = report.id;
    section = 'x';
    expect(report.versions[0]!.status).toBe('draft');
  });
  afterAll(() => app.close());

  const routes = (): RouteEntry[] => app.routeTable;

  it('has an access rule on every route', () => {
    const missing = routes()
      .filter((r) => r.access === undefined)
      .map((r) => `${r.method} ${r.url}`);
    expect(missing, `routes without an access rule: ${missing.join(', ')}`).toEqual([]);
    expect(routes().length).toBeGreaterThan(80);
  });

  function concreteUrl(url: string): string {
    const params: Record<string, string> = {
      ':section': section,
      ':symbol': encodeURIComponent('A/RES/55/100'),
      ':lang': 'en',
      ':eId': 'para_1',
      ':username': 'nobody',
    };
    let id = 'unknown';
    if (url.startsWith('/api/v1/reports/')) id = reportId;
    else if (url.startsWith('/api/v1/glossary/concepts/')) id = 'ctbt';
    else if (url.startsWith('/api/v1/states/')) id = 'FRA';
    else if (url.startsWith('/api/v1/groups/')) id = 'P5';
    else if (url.startsWith('/api/v1/instruments/')) id = 'NPT';
    else if (url.startsWith('/api/v1/actions/')) id = 'AP2010-A1';
    else if (url.startsWith('/api/v1/report-templates/')) id = 'nws';
    return url
      .replace(/:[A-Za-z]+/g, (name) => (name === ':id' ? id : (params[name] ?? 'x')))
      .replace(/\*$/, 'anything');
  }

  it('answers every route as its rule says, for every caller', async () => {
    const failures: string[] = [];
    let calls = 0;
    for (const route of routes()) {
      const key = `${route.method} ${route.url}`;
      const url = concreteUrl(route.url);
      const objectRoute = route.url.startsWith('/api/v1/reports/:id');
      for (const persona of PERSONAS) {
        const response = await app.inject({
          method: route.method as 'GET',
          url,
          headers: headers[persona as Exclude<Persona, 'anonymous'>] ?? {},
          ...(route.method === 'GET' || route.method === 'DELETE'
            ? {}
            : { payload: BODIES[key] ?? {} }),
        });
        calls++;
        const status = response.statusCode;
        const rule = route.access!;
        let expected: string;
        let ok: boolean;
        if (rule.kind === 'roles' && persona === 'anonymous') {
          expected = '401';
          ok = status === 401;
        } else if (
          rule.kind === 'roles' &&
          !rule.roles.includes(ROLE[persona as Exclude<Persona, 'anonymous'>])
        ) {
          expected = '403';
          ok = status === 403;
        } else if (objectRoute && !SEES_DRAFT[persona]) {
          expected = '404 (hidden)';
          ok = status === 404;
        } else {
          expected = 'past the door (not 401/403)';
          ok = status !== 401 && status !== 403 && !(objectRoute && status === 404);
        }
        if (!ok)
          failures.push(
            `${key} as ${persona}: expected ${expected}, got ${status} ${response.body.slice(0, 120)}`,
          );
      }
    }
    expect(failures, failures.join('\n')).toEqual([]);
    expect(calls).toBe(routes().length * PERSONAS.length);
  });

  it('lists the draft to its own delegates only', async () => {
    const ids = async (persona: Persona) =>
      (
        await app.inject({
          method: 'GET',
          url: '/api/v1/reports',
          headers: headers[persona as Exclude<Persona, 'anonymous'>] ?? {},
        })
      )
        .json<{ items: { id: string }[] }>()
        .items.map((r) => r.id);
    for (const persona of PERSONAS)
      expect(await ids(persona), persona).toEqual(SEES_DRAFT[persona] ? [reportId] : []);
  });
});
