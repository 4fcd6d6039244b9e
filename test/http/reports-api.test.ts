/**
 * The national reporting workspace through the real application, on SQLite and PostgreSQL:
 * who sees and edits what (a delegate of France gets 404 for China's draft; the secretariat
 * publishes but never edits), the workflow (double submit, edits after submission start a new
 * version, stale edits get 409 with both texts and lose nothing), publication as a searchable,
 * diffable document, exports, and the security cases: CSRF, session fixation, stored XSS,
 * oversized bodies, SQL metacharacters in every text field, token scopes.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedTemplates } from '../../src/reporting/report-templates.js';
import { buildApp } from '../../src/server/app.js';
import { addAccount, logIn, type TestAccount } from '../support/accounts.js';
import { forEachStore } from '../support/for-each-store.js';

interface ReportWire {
  id: string;
  title: string;
  templateId: string;
  versions: {
    version: number;
    status: string;
    revision: number;
    sections: Record<string, string>;
    contentHash: string | null;
    publishedSymbol: string | null;
  }[];
  canEdit: boolean;
  transitions: string[];
}

forEachStore('reports API', ({ store }) => {
  let app: FastifyInstance;
  let cn: TestAccount;
  let cn2: TestAccount;
  let fr: TestAccount;
  let de: TestAccount;
  let sec: TestAccount;
  let analyst: TestAccount;
  let sections: string[] = [];

  beforeAll(async () => {
    await seedTemplates(store().db);
    app = await buildApp({ store: store() });
    cn = await addAccount(store(), 'cn-delegate', 'delegate', 'CN');
    cn2 = await addAccount(store(), 'cn-delegate-2', 'delegate', 'CHN');
    fr = await addAccount(store(), 'fr-delegate', 'delegate', 'FRA');
    de = await addAccount(store(), 'de-delegate', 'delegate', 'DEU');
    sec = await addAccount(store(), 'secretariat', 'secretariat');
    analyst = await addAccount(store(), 'analyst', 'analyst');
    const template = await app.inject({ method: 'GET', url: '/api/v1/report-templates/nws' });
    sections = template.json<{ sections: { id: string }[] }>().sections.map((s) => s.id);
  });
  afterAll(() => app.close());

  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    who?: TestAccount | Record<string, string>,
    payload?: unknown,
  ) =>
    app.inject({
      method,
      url: `/api/v1${url}`,
      headers: who === undefined ? {} : 'headers' in who ? (who as TestAccount).headers : who,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const report = async (id: string, who?: TestAccount) =>
    (await call('GET', `/reports/${id}`, who)).json<ReportWire>();
  const save = (
    id: string,
    section: string,
    text: string,
    baseVersion: number,
    baseRevision: number,
    who: TestAccount = cn,
  ) => call('PUT', `/reports/${id}/sections/${section}`, who, { text, baseVersion, baseRevision });
  const move = (
    id: string,
    transition: string,
    version: number,
    who: TestAccount = cn,
    extra: object = {},
  ) => call('POST', `/reports/${id}/transitions`, who, { transition, version, ...extra });

  async function startReport(cycle: string, extra: object = {}): Promise<ReportWire> {
    const created = await call('POST', '/reports', cn, { cycle, ...extra });
    expect(created.statusCode, created.body).toBe(200);
    return created.json<ReportWire>();
  }

  it('keeps a draft to its State: France gets 404 for China’s draft, to read and to edit', async () => {
    const draft = await startReport('2015');
    expect(draft.templateId).toBe('nws');
    expect((await save(draft.id, sections[0]!, 'China’s policy.', 1, 0)).statusCode).toBe(200);
    expect((await call('GET', `/reports/${draft.id}`, fr)).statusCode).toBe(404);
    expect((await save(draft.id, sections[0]!, 'hijack', 1, 1, fr)).statusCode).toBe(404);
    expect((await move(draft.id, 'withdraw', 1, fr)).statusCode).toBe(404);
    expect((await call('GET', `/reports/${draft.id}/export?format=html`, fr)).statusCode).toBe(404);
    expect((await call('GET', `/reports/${draft.id}`)).statusCode).toBe(404);
    expect((await call('GET', `/reports/${draft.id}`, sec)).statusCode).toBe(404);
    // Another delegate of the same State works on it.
    expect((await save(draft.id, sections[1]!, 'Second section.', 1, 1, cn2)).statusCode).toBe(200);
    expect((await report(draft.id, cn)).versions[0]!.sections[sections[1]!]).toBe(
      'Second section.',
    );
    // France, a nuclear-weapon State too, starts its own report, not China's.
    const french = await call('POST', '/reports', fr, { cycle: '2015' });
    expect(french.json<ReportWire>()).toMatchObject({ templateId: 'nws', stateCode: 'FRA' });
    const german = await call('POST', '/reports', de, { cycle: '2015' });
    expect(german.json<ReportWire>()).toMatchObject({ templateId: 'nnws', stateCode: 'DEU' });
    expect((await call('POST', '/reports', cn, { cycle: '2015' })).statusCode).toBe(409);
  });

  it('runs the workflow: double submit refused, edits after submission start version 2, publish by the secretariat only', async () => {
    const r = await startReport('2020');
    expect((await save(r.id, sections[0]!, 'Text of 2020.\n\nMore text.', 1, 0)).statusCode).toBe(
      200,
    );
    expect((await move(r.id, 'submit', 1)).json<{ code: string }>().code).toBe(
      'invalid_transition',
    );
    expect((await move(r.id, 'send_to_clearance', 1)).statusCode).toBe(200);
    const submitted = await move(r.id, 'submit', 1);
    expect(submitted.statusCode, submitted.body).toBe(200);
    const hash = submitted.json<{ contentHash: string }>().contentHash;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const again = await move(r.id, 'submit', 1);
    expect(again.statusCode).toBe(409);
    expect(again.json<{ code: string }>().code).toBe('invalid_transition');
    // The secretariat may publish, never edit.
    expect((await save(r.id, sections[0]!, 'secretariat edit', 1, 1, sec)).statusCode).toBe(403);
    expect(
      (await move(r.id, 'publish', 1, cn, { symbol: 'NPT/CONF.2020/PC.III/99' })).statusCode,
    ).toBe(403);
    expect((await move(r.id, 'publish', 1, sec)).json<{ field: string }>().field).toBe('symbol');
    const published = await move(r.id, 'publish', 1, sec, { symbol: 'NPT/CONF.2020/PC.III/99' });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json<{ status: string; contentHash: string }>()).toMatchObject({
      status: 'published',
      contentHash: hash,
    });
    // Editing the published version starts version 2 and leaves version 1 as it was.
    const edit = await save(r.id, sections[0]!, 'Changed after publication.', 1, 1);
    expect(edit.json()).toMatchObject({
      version: 2,
      revision: 1,
      status: 'draft',
      newVersion: true,
    });
    const after = await report(r.id, cn);
    expect(after.versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'published'],
      [2, 'draft'],
    ]);
    expect(after.versions[0]!.sections[sections[0]!]).toBe('Text of 2020.\n\nMore text.');
    expect(after.versions[0]!.contentHash).toBe(hash);
    // The public sees the published version only.
    const open = await report(r.id);
    expect(open.versions.map((v) => v.version)).toEqual([1]);
    expect(open.canEdit).toBe(false);
    // Withdrawing the new draft leaves the published report: still the State's one for the cycle.
    expect((await move(r.id, 'withdraw', 2)).statusCode).toBe(200);
    expect((await call('POST', '/reports', cn, { cycle: '2020' })).statusCode).toBe(409);
    // A report withdrawn before anything was published makes way for a new one.
    const scrapped = await startReport('1980');
    expect((await move(scrapped.id, 'withdraw', 1)).statusCode).toBe(200);
    expect((await call('POST', '/reports', cn, { cycle: '1980' })).statusCode).toBe(200);
  });

  it('answers a stale edit with 409 carrying both texts, and loses nothing', async () => {
    const r = await startReport('2010');
    const first = await save(r.id, sections[2]!, 'Alice’s text', 1, 0);
    expect(first.statusCode).toBe(200);
    const stale = await save(r.id, sections[2]!, 'Bob’s text, typed on an old page', 1, 0, cn2);
    expect(stale.statusCode).toBe(409);
    const body = stale.json<{
      code: string;
      detail: {
        current: { text: string; revision: number; updatedBy: string };
        yours: { text: string };
      };
    }>();
    expect(body.code).toBe('conflict');
    expect(body.detail.current).toMatchObject({
      text: 'Alice’s text',
      revision: 1,
      updatedBy: 'cn-delegate',
    });
    expect(body.detail.yours.text).toBe('Bob’s text, typed on an old page');
    expect((await report(r.id, cn)).versions[0]!.sections[sections[2]!]).toBe('Alice’s text');
    // Rebased on the current revision, Bob's text goes in, and both edits are kept.
    expect(
      (await save(r.id, sections[2]!, 'Bob’s text, typed on an old page', 1, 1, cn2)).statusCode,
    ).toBe(200);
    const edits = await store()
      .db.selectFrom('report_edits')
      .select(['revision', 'text', 'actor'])
      .where('report_id', '=', r.id)
      .orderBy('revision')
      .execute();
    expect(edits.map((e) => [Number(e.revision), e.actor])).toEqual([
      [1, 'cn-delegate'],
      [2, 'cn-delegate-2'],
    ]);
    // Another section saved from an old base is no conflict: nobody changed that section.
    const other = await save(r.id, sections[3]!, 'A different section', 1, 0, cn2);
    expect(other.statusCode, other.body).toBe(200);
    expect(other.json()).toMatchObject({ revision: 3 });
    // Submitting text changed since one read it is refused.
    expect((await move(r.id, 'send_to_clearance', 1)).statusCode).toBe(200);
    const blind = await call('POST', `/reports/${r.id}/transitions`, cn, {
      transition: 'submit',
      version: 1,
      baseRevision: 1,
    });
    expect(blind.statusCode).toBe(409);
    expect(blind.json<{ field: string }>().field).toBe('baseRevision');
    expect(
      (
        await call('POST', `/reports/${r.id}/transitions`, cn, {
          transition: 'submit',
          version: 1,
          baseRevision: 3,
        })
      ).statusCode,
    ).toBe(200);
  });

  it('publishes a report as a document: found by search, diffed against the previous cycle’s', async () => {
    const older = await startReport('2025', { title: 'Report of China to the 2025 cycle' });
    await save(
      older.id,
      sections[0]!,
      'China firmly supports the comprehensive nuclear-test-ban treaty.\n\nChina reports on negative security assurances.',
      1,
      0,
    );
    await move(older.id, 'send_to_clearance', 1);
    await move(older.id, 'submit', 1);
    expect(
      (await move(older.id, 'publish', 1, sec, { symbol: 'NPT/CONF.2025/PC.III/98' })).statusCode,
    ).toBe(200);
    const newer = await startReport('2030', {
      from: older.id,
      title: 'Report of China to the 2030 cycle',
    });
    expect(newer.versions[0]!.sections[sections[0]!]).toContain('firmly supports');
    await save(
      newer.id,
      sections[0]!,
      'China firmly supports the comprehensive nuclear-test-ban treaty and its early entry into force.\n\nChina reports on negative security assurances.',
      1,
      0,
    );
    await move(newer.id, 'send_to_clearance', 1);
    await move(newer.id, 'submit', 1);
    expect(
      (await move(newer.id, 'publish', 1, sec, { symbol: 'NPT/CONF.2030/PC.III/98' })).statusCode,
    ).toBe(200);

    const search = await call('GET', `/search?q=${encodeURIComponent('"early entry into force"')}`);
    expect(search.statusCode).toBe(200);
    expect(search.json<{ groups: { symbol: string }[] }>().groups.map((g) => g.symbol)).toContain(
      'NPT/CONF.2030/PC.III/98',
    );
    const documentDiff = await call(
      'GET',
      `/compare?older=${encodeURIComponent('NPT/CONF.2025/PC.III/98')}&newer=${encodeURIComponent('NPT/CONF.2030/PC.III/98')}`,
    );
    expect(documentDiff.statusCode, documentDiff.body).toBe(200);
    const summary = documentDiff.json<{ summary: Record<string, number> }>().summary;
    expect(summary.changed).toBeGreaterThanOrEqual(2); // the title and the first paragraph
    const reportDiff = await call('GET', `/reports/${newer.id}/compare?against=${older.id}`);
    expect(reportDiff.statusCode).toBe(200);
    expect(
      reportDiff.json<{ changes: { kind: string }[] }>().changes.some((c) => c.kind === 'changed'),
    ).toBe(true);

    const html = await call('GET', `/reports/${newer.id}/export?format=html`);
    expect(html.headers['content-type']).toMatch(/text\/html/);
    expect(html.body).toContain('early entry into force');
    const pdf = await call('GET', `/reports/${newer.id}/export?format=pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await call('GET', `/reports/${newer.id}/export?format=docx`);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('keeps a States-parties-only report out of the public corpus', async () => {
    const created = await call('POST', '/reports', de, {
      cycle: '2030',
      visibility: 'states_parties',
    });
    const id = created.json<ReportWire>().id;
    const nnwsSection = (
      await app.inject({ method: 'GET', url: '/api/v1/report-templates/nnws' })
    ).json<{ sections: { id: string }[] }>().sections[0]!.id;
    await save(id, nnwsSection, 'A confidential German paragraph about zirconium.', 1, 0, de);
    await move(id, 'send_to_clearance', 1, de);
    await move(id, 'submit', 1, de);
    expect((await move(id, 'publish', 1, sec)).statusCode).toBe(200);
    expect((await call('GET', `/reports/${id}`)).statusCode).toBe(404);
    expect((await call('GET', `/reports/${id}`, analyst)).statusCode).toBe(200);
    expect((await call('GET', `/reports/${id}`, cn)).statusCode).toBe(200);
    expect((await call('GET', '/search?q=zirconium')).json<{ groups: unknown[] }>().groups).toEqual(
      [],
    );
  });

  it('refuses a cookie write without the CSRF token, and accepts it with one', async () => {
    const session = await logIn(app, cn.username, cn.password);
    const r = await startReport('2005');
    const url = `/api/v1/reports/${r.id}/sections/${sections[0]!}`;
    const payload = { text: 'via the browser', baseVersion: 1, baseRevision: 0 };
    const none = await app.inject({
      method: 'PUT',
      url,
      headers: { cookie: session.cookie },
      payload,
    });
    expect(none.statusCode).toBe(403);
    expect(none.json<{ code: string }>().code).toBe('csrf_failed');
    const wrong = await app.inject({
      method: 'PUT',
      url,
      headers: { cookie: session.cookie, 'x-csrf-token': 'x'.repeat(43) },
      payload,
    });
    expect(wrong.statusCode).toBe(403);
    const right = await app.inject({ method: 'PUT', url, headers: session.headers, payload });
    expect(right.statusCode, right.body).toBe(200);
    const me = await app.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { cookie: session.cookie },
    });
    expect(me.json()).toMatchObject({
      user: { username: 'cn-delegate', role: 'delegate', stateCode: 'CHN' },
      csrfToken: session.csrf,
    });
  });

  it('does not adopt a planted session id, and rotates the session on every login', async () => {
    const planted = 'pillars_session=attacker-chosen-value-0123456789abcdef';
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { cookie: planted },
      payload: { username: fr.username, password: fr.password },
    });
    expect(login.statusCode).toBe(200);
    const issued = login.cookies.find((c) => c.name === 'pillars_session')!;
    expect(issued.value).not.toBe('attacker-chosen-value-0123456789abcdef');
    expect(issued).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const asPlanted = await app.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { cookie: planted },
    });
    expect(asPlanted.json<{ user: unknown }>().user).toBeNull();
    // Logging in again from a live session ends the old one.
    const first = await logIn(app, fr.username, fr.password);
    const second = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: first.headers,
      payload: { username: fr.username, password: fr.password },
    });
    expect(second.cookies.find((c) => c.name === 'pillars_session')!.value).not.toBe(
      first.cookie.split('=')[1],
    );
    const old = await app.inject({
      method: 'GET',
      url: '/api/v1/session',
      headers: { cookie: first.cookie },
    });
    expect(old.json<{ user: unknown }>().user).toBeNull();
    // Logout ends the session.
    const third = await logIn(app, fr.username, fr.password);
    expect(
      (await app.inject({ method: 'DELETE', url: '/api/v1/session', headers: third.headers }))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await app.inject({
          method: 'GET',
          url: '/api/v1/session',
          headers: { cookie: third.cookie },
        })
      ).json<{ user: unknown }>().user,
    ).toBeNull();
  });

  it('stores script in report content as text and renders it escaped', async () => {
    const r = await startReport('2000');
    const payload = '<script>alert("x")</script><img src=x onerror="alert(1)"> & "quotes"';
    expect((await save(r.id, sections[0]!, payload, 1, 0)).statusCode).toBe(200);
    expect((await report(r.id, cn)).versions[0]!.sections[sections[0]!]).toBe(payload);
    const html = (await call('GET', `/reports/${r.id}/export?format=html`, cn)).body;
    expect(html).not.toContain('<script>alert');
    expect(html).not.toMatch(/<img[^>]*onerror/);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain("default-src 'none'");
  });

  it('refuses oversized bodies and sections', async () => {
    const r = await startReport('1995');
    const big = await save(r.id, sections[0]!, 'x'.repeat(100_001), 1, 0);
    expect(big.statusCode).toBe(400);
    expect(big.json<{ field: string }>().field).toBe('text');
    const huge = await app.inject({
      method: 'PUT',
      url: `/api/v1/reports/${r.id}/sections/${sections[0]!}`,
      headers: { ...cn.headers, 'content-type': 'application/json' },
      payload: JSON.stringify({
        text: 'y'.repeat(2 * 1024 * 1024),
        baseVersion: 1,
        baseRevision: 0,
      }),
    });
    expect(huge.statusCode).toBe(413);
    expect((await report(r.id, cn)).versions[0]!.revision).toBe(0);
  });

  it('treats SQL metacharacters in every text field as text', async () => {
    const evil = `'; DROP TABLE reports; -- " OR 1=1 /* \\ %_`;
    const created = await call('POST', '/reports', cn2, { cycle: '1990', title: evil });
    expect(created.statusCode, created.body).toBe(200);
    const r = created.json<ReportWire>();
    expect(r.title).toBe(evil);
    expect((await save(r.id, sections[0]!, evil, 1, 0, cn2)).statusCode).toBe(200);
    expect((await report(r.id, cn2)).versions[0]!.sections[sections[0]!]).toBe(evil);
    expect((await call('GET', `/reports/${encodeURIComponent(evil)}`, cn)).statusCode).toBe(404);
    expect(
      (
        await call('PUT', `/reports/${r.id}/sections/${encodeURIComponent(evil)}`, cn2, {
          text: 'x',
          baseVersion: 1,
          baseRevision: 1,
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await call('POST', '/session', {}, { username: evil, password: evil })).statusCode,
    ).toBe(401);
    expect((await call('GET', `/search?q=${encodeURIComponent(evil)}`)).statusCode).toBeLessThan(
      500,
    );
    const admin = await addAccount(store(), 'sql-admin', 'admin');
    const audit = await call(
      'GET',
      `/audit?actor=${encodeURIComponent(evil)}&action=${encodeURIComponent(evil)}`,
      admin,
    );
    expect(audit.json<{ total: number }>().total).toBe(0);
    expect(
      (await call('POST', '/users', admin, { username: evil, role: 'analyst' })).statusCode,
    ).toBe(400);
    expect((await call('POST', '/tokens', admin, { name: evil, scopes: [] })).statusCode).toBe(200);
    const count = await store()
      .db.selectFrom('reports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBeGreaterThan(5);
  });

  it('narrows API tokens to their scopes, and ends them with the account', async () => {
    const token = await call('POST', '/tokens', cn, {
      name: 'glossary script',
      scopes: ['glossary'],
    });
    const narrow = { authorization: `Bearer ${token.json<{ token: string }>().token}` };
    expect((await call('POST', '/reports', narrow, { cycle: '1985' })).statusCode).toBe(403);
    expect((await call('GET', '/reports', narrow)).statusCode).toBe(200);
    const admin = await addAccount(store(), 'token-admin', 'admin');
    expect((await call('DELETE', '/users/cn-delegate-2', admin)).statusCode).toBe(200);
    expect((await call('GET', '/reports', cn2)).statusCode).toBe(401);
    expect((await call('GET', '/reports', { authorization: 'Bearer pil_forged' })).statusCode).toBe(
      401,
    );
  });

  it('records logins, edits, transitions and exports in a chain that verifies', async () => {
    const admin = await addAccount(store(), 'audit-admin', 'admin');
    const page = (await call('GET', '/audit?limit=500', admin)).json<{
      items: { action: string }[];
    }>();
    const actions = new Set(page.items.map((e) => e.action));
    for (const action of [
      'user.add',
      'token.create',
      'login',
      'logout',
      'report.create',
      'report.edit',
      'report.version',
      'report.submit',
      'report.publish',
      'report.export',
      'user.disable',
    ])
      expect(actions, action).toContain(action);
    const verify = await call('GET', '/audit/verify', admin);
    expect(verify.json()).toMatchObject({ ok: true, findings: [] });
  });
});
