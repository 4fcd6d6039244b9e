/**
 * Two `pillars serve` processes on one store behave as one system, on PostgreSQL (the deployment
 * the issue is about) and on SQLite (several processes on one file): a session made on one is
 * good on the other, a write through one is read through the other, a logout on one ends the
 * session everywhere, and failed logins are counted across both.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { StoreConfig } from '../../src/config/config.js';
import { addAccount, type TestAccount } from '../support/accounts.js';
import { forEachStore } from '../support/for-each-store.js';
import { startServe, type ServeProcess } from '../support/serve-process.js';

const storeArgs = (config: StoreConfig) =>
  config.kind === 'sqlite' ? ['--db', config.file] : ['--database-url', config.url];

forEachStore('two app processes on one store', ({ config, store }) => {
  let a: ServeProcess;
  let b: ServeProcess;
  let sec: TestAccount;
  beforeAll(async () => {
    a = await startServe([...storeArgs(config()), 'serve', '--port', '0', '--host', '127.0.0.1']);
    b = await startServe([...storeArgs(config()), 'serve', '--port', '0', '--host', '127.0.0.1']);
    sec = await addAccount(store(), 'shared-sec', 'secretariat');
  }, 180_000);
  afterAll(async () => {
    for (const server of [a, b]) {
      server?.child.kill('SIGTERM');
      if (server) expect(await server.exited).toBe(0);
    }
  });

  const logIn = async (url: string, username: string, password: string) => {
    const response = await fetch(`${url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const cookie = response.headers.get('set-cookie')?.split(';')[0] ?? '';
    return {
      status: response.status,
      cookie,
      csrf: ((await response.json()) as { csrfToken?: string }).csrfToken ?? '',
    };
  };

  it('serves a session made on one process from the other, and ends it everywhere', async () => {
    const session = await logIn(a.url, 'shared-sec', sec.password);
    expect(session.status).toBe(200);
    const onB = await fetch(`${b.url}/api/v1/session`, { headers: { cookie: session.cookie } });
    expect(((await onB.json()) as { user: { username: string } | null }).user?.username).toBe(
      'shared-sec',
    );
    const logout = await fetch(`${b.url}/api/v1/session`, {
      method: 'DELETE',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf },
    });
    expect(logout.status).toBe(200);
    const onA = await fetch(`${a.url}/api/v1/session`, { headers: { cookie: session.cookie } });
    expect(((await onA.json()) as { user: unknown }).user).toBeNull();
  });

  it('reads on one process what was written through the other', async () => {
    const session = await logIn(a.url, 'shared-sec', sec.password);
    const concept = (await (await fetch(`${a.url}/api/v1/glossary/concepts/fmct`)).json()) as {
      revision: number;
      domain: string;
      languages: unknown;
      links?: unknown;
    };
    const current = (await (
      await fetch(`${b.url}/api/v1/glossary/concepts/fmct`)
    ).json()) as Record<string, unknown>;
    expect(current.revision).toBe(concept.revision);
    const { revision, ...rest } = current;
    const editable = Object.fromEntries(
      Object.entries(rest).filter(([k]) => !['narrower', 'updatedAt', 'contentHash'].includes(k)),
    );
    const put = await fetch(`${b.url}/api/v1/glossary/concepts/fmct`, {
      method: 'PUT',
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrf,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        concept: { ...editable, note: 'edited through process B' },
        comment: 'scale-out test',
        baseRevision: revision,
      }),
    });
    expect(put.status, await put.clone().text()).toBe(200);
    const seen = (await (await fetch(`${a.url}/api/v1/glossary/concepts/fmct`)).json()) as {
      note?: string;
      revision: number;
    };
    expect(seen).toMatchObject({
      note: 'edited through process B',
      revision: (revision as number) + 1,
    });
    const history = (await (
      await fetch(`${a.url}/api/v1/glossary/concepts/fmct/history`)
    ).json()) as {
      actor: string;
      comment: string;
    }[];
    expect(history.some((r) => r.actor === 'shared-sec' && r.comment === 'scale-out test')).toBe(
      true,
    );
  });

  it('counts failed logins across both processes', async () => {
    const victim = await addAccount(store(), 'shared-victim', 'analyst');
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await logIn(i % 2 ? a.url : b.url, 'shared-victim', 'wrong-password')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    // The sixth attempt, even with the right password, is refused by either process.
    expect((await logIn(a.url, 'shared-victim', victim.password)).status).toBe(429);
    expect((await logIn(b.url, 'shared-victim', victim.password)).status).toBe(429);
  });
});
