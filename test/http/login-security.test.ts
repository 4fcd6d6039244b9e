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
      loginThrottle: { perAccount: 6, perAddress: 12, windowMs: 60_000 },
    });
    await addAccount(store(), 'target', 'analyst');
  });
  afterAll(() => app.close());

  const login = (
    username: string,
    password: string,
    address = '203.0.113.7',
    forwardedFor?: string,
  ) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username, password },
      remoteAddress: address,
      ...(forwardedFor ? { headers: { 'x-forwarded-for': forwardedFor } } : {}),
    });

  it('says the same thing, in the same time, for an unknown name and a wrong password', async () => {
    const unknown = await login('nobody-here', 'whatever-password', '198.51.100.1');
    const wrong = await login('target', 'wrong-password', '198.51.100.2');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(unknown.json<{ message: string }>().message).toBe('wrong user name or password');
    // Timing: both run one argon2id verification. Samples interleaved, medians compared loosely
    // (other tests share the CPU); the point is that neither path skips the hash.
    const unknownTimes: number[] = [];
    const knownTimes: number[] = [];
    for (let i = 0; i < 5; i++) {
      for (const [name, times] of [
        ['ghost-account', unknownTimes],
        ['target', knownTimes],
      ] as const) {
        const start = performance.now();
        await login(name, `wrong-${i}`, `198.51.${name === 'target' ? 101 : 102}.${i}`);
        times.push(performance.now() - start);
      }
    }
    const median = (times: number[]) => [...times].sort((x, y) => x - y)[2]!;
    const ratio = median(unknownTimes) / median(knownTimes);
    expect(ratio).toBeGreaterThan(1 / 3);
    expect(ratio).toBeLessThan(3);
    expect(Math.min(median(unknownTimes), median(knownTimes))).toBeGreaterThan(5);
  });

  it('locks an account after repeated failures, existing or not, even for the right password', async () => {
    const victim = await addAccount(store(), 'victim', 'analyst');
    for (const name of ['victim', 'no-such-account']) {
      for (let i = 0; i < 6; i++)
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

  it('limits one address across many account names, whatever X-Forwarded-For it claims', async () => {
    let status = 0;
    for (let i = 0; i < 13; i++)
      status = (await login(`spray-${i}`, 'password-123', '203.0.113.50', `10.9.8.${i}`))
        .statusCode;
    expect(status).toBe(429);
    // Another address is not affected.
    const other = await addAccount(store(), 'other-user', 'analyst');
    expect((await login('other-user', other.password, '203.0.113.51')).statusCode).toBe(200);
  });
});
