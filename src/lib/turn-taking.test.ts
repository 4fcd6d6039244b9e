import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Promotion } from './promotion.js';
import { TurnTaking } from './turn-taking.js';

describe('turn taking', () => {
  it('never runs more than N at once, runs everything, in arrival order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 25 }),
        async (max, delays) => {
          const turns = new TurnTaking(max);
          let active = 0;
          let peak = 0;
          const started: number[] = [];
          const results = await Promise.all(
            delays.map((delay, i) =>
              turns.run(async () => {
                started.push(i);
                active++;
                peak = Math.max(peak, active);
                await new Promise((r) => setTimeout(r, delay));
                active--;
                return i;
              }),
            ),
          );
          expect(results).toEqual(delays.map((_, i) => i));
          expect(peak).toBeLessThanOrEqual(max);
          expect(started).toEqual(delays.map((_, i) => i));
          expect(turns.running).toBe(0);
          expect(turns.waiting).toBe(0);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('lets timers and I/O run between two synchronous turns', async () => {
    const turns = new TurnTaking(1);
    const order: string[] = [];
    const busy = (name: string) => () => {
      order.push(name);
      const end = performance.now() + 5;
      while (performance.now() < end); // synchronous work, like a better-sqlite3 search
      return Promise.resolve();
    };
    const work = [turns.run(busy('a')), turns.run(busy('b'))];
    setImmediate(() => order.push('other'));
    await Promise.all(work);
    expect(order.indexOf('other')).toBeLessThan(order.indexOf('b'));
  });

  it('frees the turn when a task fails', async () => {
    const turns = new TurnTaking(1);
    await expect(turns.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await turns.run(() => Promise.resolve(3))).toBe(3);
    expect(() => new TurnTaking(0)).toThrow(/positive whole number/);
  });

  it('runs background work only when no request waits, on at most half the turns', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 2 })), {
          minLength: 1,
          maxLength: 25,
        }),
        async (max, tasks) => {
          const turns = new TurnTaking(max);
          let active = 0;
          let activeBackground = 0;
          let peak = 0;
          let peakBackground = 0;
          const results = await Promise.all(
            tasks.map(([background, delay], i) =>
              turns.run(
                async () => {
                  active++;
                  if (background) activeBackground++;
                  peak = Math.max(peak, active);
                  peakBackground = Math.max(peakBackground, activeBackground);
                  await new Promise((r) => setTimeout(r, delay));
                  active--;
                  if (background) activeBackground--;
                  return i;
                },
                background ? 'background' : 'now',
              ),
            ),
          );
          expect(results).toEqual(tasks.map((_, i) => i));
          expect(peak).toBeLessThanOrEqual(max);
          expect(peakBackground).toBeLessThanOrEqual(Math.ceil(max / 2));
          expect(turns.running).toBe(0);
          expect(turns.waiting).toBe(0);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('gives a freed turn to a waiting request before waiting background work', async () => {
    const turns = new TurnTaking(1);
    const order: string[] = [];
    const task = (name: string) => () => {
      order.push(name);
      return new Promise<void>((r) => setTimeout(r, 2));
    };
    const first = turns.run(task('request 1'));
    const refresh = turns.run(task('refresh'), 'background');
    const second = turns.run(task('request 2'));
    await Promise.all([first, refresh, second]);
    expect(order).toEqual(['request 1', 'request 2', 'refresh']);
  });

  it('moves waiting background work to the foreground queue when its promotion is asked', async () => {
    const turns = new TurnTaking(1);
    const order: string[] = [];
    const task = (name: string) => () => {
      order.push(name);
      return new Promise<void>((r) => setTimeout(r, 2));
    };
    const promotion = new Promotion();
    const work = [
      turns.run(task('request 1')),
      turns.run(task('refresh'), 'background', promotion),
      turns.run(task('request 2')),
    ];
    promotion.request(); // a request now waits for the refresh
    work.push(turns.run(task('request 3')));
    await Promise.all(work);
    expect(order).toEqual(['request 1', 'request 2', 'refresh', 'request 3']);
    expect(turns.running).toBe(0);
    expect(turns.waiting).toBe(0);
  });
});
