/**
 * Logging in under attack, on both engines: one message for every failure, the same hashing work
 * whether or not the account exists, and throttling per account (existing or not) and per
 * address, counted in the database so every app process sees the same failures.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { addAccount } from '../support/accounts.js';
import { forEachStore } from '../support/for-each-store.js';

forEachStore('login security', ({ store }) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({
      store: store(),
      loginThrottle: { perAccount: 3, perAddress: 12, windowMs: 60_000 },
    });
    await addAccount(store(), 'target', 'analyst');
  });
  afterAll(() => app.close());

  const login = (username: string, password: string, address = '203.0.113.7') =>
    app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username, password },
      remoteAddress: address,
    });

  it('says the same thing, in the same time, for an unknown name and a wrong password', async () => {
    const unknown = await login('nobody-here', 'whatever-password', '198.51.100.1');
    const wrong = await login('target', 'wrong-password', '198.51.100.2');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(unknown.json<{ message: string }>().message).toBe('wrong user name or password');
    // Timing: both run one argon2id verification; medians within a factor of two.
    const median = async (username: string, address: string) => {
      const times: number[] = [];
      for (let i = 0; i < 2; i++) {
        const start = performance.now();
        await login(username, `wrong-${i}`, `${address}${i}`);
        times.push(performance.now() - start);
      }
      return times.sort((a, b) => a - b)[0]!;
    };
    const [a, b] = [
      await median('ghost-account', '198.51.100.1'),
      await median('target', '198.51.100.2'),
    ];
    expect(a / b).toBeGreaterThan(0.5);
    expect(a / b).toBeLessThan(2);
    expect(Math.min(a, b)).toBeGreaterThan(5); // a real hash ran, not a shortcut
  });

  it('locks an account after repeated failures, existing or not, even for the right password', async () => {
    const victim = await addAccount(store(), 'victim', 'analyst');
    for (const name of ['victim', 'no-such-account']) {
      for (let i = 0; i < 3; i++)
        expect((await login(name, 'bad-password-x', `192.0.2.${i + 10}`)).statusCode).toBe(401);
      const locked = await login(
        name,
        name === 'victim' ? victim.password : 'anything',
        '192.0.2.99',
      );
      expect(locked.statusCode).toBe(429);
      expect(locked.json<{ code: string; message: string }>().message).toMatch(
        /too many failed logins; try again in \d+ s/,
      );
    }
    // A locked-out attempt is audited and changes nothing else.
    const throttled = await store()
      .db.selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'login.throttled')
      .execute();
    expect(throttled.length).toBeGreaterThanOrEqual(2);
  });

  it('limits one address across many account names', async () => {
    let status = 0;
    for (let i = 0; i < 13; i++)
      status = (await login(`spray-${i}`, 'password-123', '203.0.113.50')).statusCode;
    expect(status).toBe(429);
    // Another address is not affected.
    const other = await addAccount(store(), 'other-user', 'analyst');
    expect((await login('other-user', other.password, '203.0.113.51')).statusCode).toBe(200);
  });
});
