/**
 * /api/v1/glossary/… and /documents/{symbol}/{lang}/terms through the real application, on SQLite
 * and PostgreSQL: browsing, editing with revisions (409 on a stale edit), imports all-or-nothing
 * (422 with a report per entry, XXE refused), exports in four formats, annotation, and the
 * consistency check.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedSampleDocuments } from '../../src/documents/seed-sample-documents.js';
import { seedGlossary } from '../../src/glossary/seed-glossary.js';
import { buildApp } from '../../src/server/app.js';
import { editableConcept } from '../../src/glossary/concept-content.js';
import { addAccount, type TestAccount } from '../support/accounts.js';
import { forEachStore } from '../support/for-each-store.js';

interface Concept {
  id: string;
  revision: number;
  note?: string;
  languages: Record<string, { terms: { text: string; status: string }[] }>;
  [key: string]: unknown;
}

forEachStore('glossary API', ({ store }) => {
  let app: FastifyInstance;
  let secretariat: TestAccount;
  let analyst: TestAccount;
  beforeAll(async () => {
    await seedGlossary(store().db);
    await seedSampleDocuments(store());
    secretariat = await addAccount(store(), 'sec', 'secretariat');
    analyst = await addAccount(store(), 'analyst', 'analyst');
    app = await buildApp({ store: store() });
  });
  afterAll(() => app.close());
  const get = (url: string) => app.inject({ method: 'GET', url });

  it('lists, finds and shows concepts', async () => {
    const list = await get('/api/v1/glossary/concepts?domain=safeguards&lang=fr');
    expect(list.statusCode, list.body).toBe(200);
    const body = list.json<{
      total: number;
      items: { id: string; preferred: Record<string, string> }[];
    }>();
    expect(body.total).toBeGreaterThan(10);
    expect(body.items.every((c) => c.preferred.fr)).toBe(true);
    const terms = await get(`/api/v1/glossary/terms?q=${encodeURIComponent('МАГАТЭ')}`);
    expect(terms.json<{ conceptId: string }[]>()[0]!.conceptId).toBe('iaea');
    const one = await get('/api/v1/glossary/concepts/ctbt');
    expect(one.json<Concept>().languages.ru!.terms.some((t) => t.text === 'ДВЗЯИ')).toBe(true);
    expect((await get('/api/v1/glossary/concepts/no-such')).statusCode).toBe(404);
    const letters = await get('/api/v1/glossary/alphabet?lang=ru');
    expect(letters.json<{ letter: string }[]>().some((l) => l.letter === 'Я')).toBe(true);
  });

  it('edits as revisions and answers a stale edit with 409', async () => {
    const current = (await get('/api/v1/glossary/concepts/fmct')).json<Concept>();
    const { revision } = current;
    const concept = editableConcept(current as never);
    const put = (baseRevision: number, note: string) =>
      app.inject({
        method: 'PUT',
        url: '/api/v1/glossary/concepts/fmct',
        payload: {
          concept: { ...concept, note },
          actor: 'api test',
          comment: 'note',
          baseRevision,
        },
        headers: secretariat.headers,
      });
    const first = await put(revision, 'first');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<Concept>().revision).toBe(revision + 1);
    const stale = await put(revision, 'second');
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ code: string }>().code).toBe('conflict');
    const history = await get('/api/v1/glossary/concepts/fmct/history');
    // The signed-in user, not the `actor` the body still carries.
    expect(history.json<{ actor: string }[]>().at(-1)!.actor).toBe('sec');
    const bad = await app.inject({
      method: 'PUT',
      url: '/api/v1/glossary/concepts/fmct',
      payload: {
        concept: { ...concept, languages: { de: { terms: [{ text: 'x', status: 'preferred' }] } } },
        actor: 'a',
        comment: 'b',
      },
      headers: secretariat.headers,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('exports TBX, CSV and SKOS; imports all or nothing', async () => {
    const tbx = await get('/api/v1/glossary/export.tbx');
    expect(tbx.statusCode).toBe(200);
    expect(tbx.headers['content-type']).toMatch(/tbx/);
    expect(tbx.body).toContain('urn:iso:std:iso:30042:ed-2');
    for (const [url, type] of [
      ['/api/v1/glossary/export.csv', /csv/],
      ['/api/v1/glossary/skos.ttl', /turtle/],
      ['/api/v1/glossary/skos.jsonld', /ld\+json/],
    ] as const) {
      const r = await get(url);
      expect(r.statusCode, url).toBe(200);
      expect(r.headers['content-type']).toMatch(type);
    }
    const same = await app.inject({
      method: 'POST',
      url: '/api/v1/glossary/import',
      payload: { format: 'tbx', content: tbx.body, actor: 'api test' },
      headers: secretariat.headers,
    });
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json<{ counts: { unchanged: number; added: number } }>().counts.added).toBe(0);

    const xxe = tbx.body.replace(
      /^<\?xml[^>]*>/,
      '<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
    );
    const refused = await app.inject({
      method: 'POST',
      url: '/api/v1/glossary/import',
      payload: { format: 'tbx', content: xxe, actor: 'a' },
      headers: secretariat.headers,
    });
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    expect(refused.body).not.toContain('root:');

    const german = tbx.body.replace('xml:lang="fr"', 'xml:lang="de"');
    const rejected = await app.inject({
      method: 'POST',
      url: '/api/v1/glossary/import',
      payload: { format: 'tbx', content: german, actor: 'a' },
      headers: secretariat.headers,
    });
    expect(rejected.statusCode).toBe(422);
    const report = rejected.json<{
      applied: boolean;
      results: { outcome: string; line?: number; reason: string }[];
    }>();
    expect(report.applied).toBe(false);
    expect(report.results.find((r) => r.outcome === 'rejected')!.line).toBeGreaterThan(0);
  });

  it('refuses glossary writes without credentials (401) and from an analyst (403)', async () => {
    const current = (await get('/api/v1/glossary/concepts/npt')).json<Concept>();
    const editions = (await get('/api/v1/glossary/editions')).json<unknown[]>();
    const writes = [
      {
        method: 'PUT' as const,
        url: '/api/v1/glossary/concepts/npt',
        payload: {
          concept: { ...editableConcept(current as never), note: 'not allowed' },
          comment: 'x',
        },
      },
      { method: 'DELETE' as const, url: '/api/v1/glossary/concepts/npt?comment=x' },
      {
        method: 'POST' as const,
        url: '/api/v1/glossary/editions',
        payload: { id: 'refused', title: 'Refused' },
      },
      {
        method: 'POST' as const,
        url: '/api/v1/glossary/import',
        payload: { format: 'csv', content: 'x' },
      },
    ];
    for (const write of writes) {
      const anonymous = await app.inject(write);
      expect(anonymous.statusCode, `${write.method} ${write.url}`).toBe(401);
      expect(anonymous.json()).toMatchObject({ code: 'unauthenticated' });
      const wrongRole = await app.inject({ ...write, headers: analyst.headers });
      expect(wrongRole.statusCode, `${write.method} ${write.url}`).toBe(403);
      expect(wrongRole.json()).toMatchObject({ code: 'forbidden' });
    }
    const after = (await get('/api/v1/glossary/concepts/npt')).json<Concept>();
    expect(after.revision).toBe(current.revision);
    expect(after.note).toBe(current.note);
    expect((await get('/api/v1/glossary/editions')).json()).toEqual(editions);
  });

  it('annotates a text and a stored document', async () => {
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/glossary/annotate',
      payload: {
        text: 'Les États parties au TNP et l’Agence internationale de l’énergie atomique.',
        lang: 'fr',
      },
    });
    expect(r.statusCode, r.body).toBe(200);
    const ids = r.json<{ conceptId: string }[]>().map((m) => m.conceptId);
    expect(ids).toContain('npt');
    expect(ids).toContain('iaea');
    const doc = await get(`/api/v1/documents/${encodeURIComponent('A/RES/55/100')}/ru/terms`);
    expect(doc.statusCode, doc.body).toBe(200);
    const terms = doc.json<{
      segments: { eId: string; terms: { conceptId: string }[] }[];
      concepts: Record<string, { preferred: Record<string, string> }>;
    }>();
    expect(terms.segments.flatMap((s) => s.terms.map((t) => t.conceptId))).toContain(
      'plenary-meeting',
    );
    expect(terms.concepts['plenary-meeting']!.preferred.zh).toBe('全体会议');
  });

  it('checks a stored document, as JSON and as HTML', async () => {
    const r = await get(
      `/api/v1/glossary/check?symbol=${encodeURIComponent('A/RES/55/100')}&source=en&target=zh`,
    );
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json<{ conceptsChecked: number }>().conceptsChecked).toBeGreaterThan(0);
    const html = await get(
      `/api/v1/glossary/check.html?symbol=${encodeURIComponent('A/RES/55/100')}&source=en&target=ar`,
    );
    expect(html.headers['content-type']).toMatch(/html/);
    expect(html.body).toContain('A/RES/55/100');
    expect(
      (await get('/api/v1/glossary/check?symbol=A%2FRES%2F55%2F100&source=en&target=en'))
        .statusCode,
    ).toBe(400);
  });
});
