import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Promotion } from '../lib/promotion.js';
import { SearchCache, type CacheOutcome } from './search-cache.js';

/**
 * A cache over an index that moves when told, whose background computations wait for
 * `release()` — a refresh on a busy store. Records outcomes, priorities and promotions.
 */
function busyStore(staleMs: number) {
  const state = {
    clock: 0,
    generation: 'g1',
    computed: 0,
    priorities: [] as string[],
    outcomes: [] as CacheOutcome[],
    promotion: undefined as Promotion | undefined,
    release: () => undefined as void,
  };
  const cache = new SearchCache<number>({
    ttlMs: 1000,
    staleMs,
    now: () => state.clock,
    generation: () => Promise.resolve(state.generation),
  });
  const compute = (priority: string, promotion?: Promotion) => {
    state.priorities.push(priority);
    state.promotion = promotion;
    const n = ++state.computed;
    return priority === 'now'
      ? Promise.resolve(n)
      : new Promise<number>((resolve) => (state.release = () => resolve(n)));
  };
  const ask = () => cache.get('q', compute, (o) => state.outcomes.push(o));
  return { state, ask };
}

describe('search cache', () => {
  it('past the window, serves an answer again while the index generation matches', async () => {
    let clock = 0;
    let generation = 'g1';
    let reads = 0;
    let computed = 0;
    const cache = new SearchCache<number>({
      ttlMs: 2000,
      maxAgeMs: 60_000,
      now: () => clock,
      generation: () => {
        reads++;
        return Promise.resolve(generation);
      },
    });
    const compute = () => Promise.resolve(++computed);
    const outcomes: CacheOutcome[] = [];
    const ask = () => cache.get('q', compute, (o) => outcomes.push(o));
    expect(await ask()).toBe(1);
    expect(reads).toBe(1);
    clock = 1500;
    expect(await ask()).toBe(1);
    expect(reads).toBe(1); // within the window nothing is asked
    clock = 5000;
    expect(await ask()).toBe(1);
    expect(outcomes.at(-1)).toBe('revalidated');
    clock = 6000;
    expect(await ask()).toBe(1); // checked a second ago: a hit without asking
    expect(reads).toBe(2);
    generation = 'g2'; // a document was indexed
    clock = 7500;
    expect(await ask()).toBe(2);
    expect(outcomes.at(-1)).toBe('miss');
    clock = 70_000; // older than maxAgeMs: computed again although nothing changed
    expect(await ask()).toBe(3);
  });

  it('labels an answer with the generation read before computing it', async () => {
    let clock = 0;
    let generation = 'g1';
    const cache = new SearchCache<string>({
      ttlMs: 10,
      now: () => clock,
      generation: () => Promise.resolve(generation),
    });
    // The index changes while the answer is being computed.
    const first = await cache.get('q', () => {
      generation = 'g2';
      return Promise.resolve('during');
    });
    expect(first).toBe('during');
    clock = 20;
    expect(await cache.get('q', () => Promise.resolve('after'))).toBe('after');
  });

  it('lets a failed generation read fail the search, and keeps nothing', async () => {
    let fail = true;
    const cache = new SearchCache<number>({
      ttlMs: 1000,
      now: () => 0,
      generation: () => (fail ? Promise.reject(new Error('store down')) : Promise.resolve('g')),
    });
    await expect(cache.get('q', () => Promise.resolve(1))).rejects.toThrow('store down');
    await new Promise((r) => setTimeout(r, 0));
    fail = false;
    expect(await cache.get('q', () => Promise.resolve(2))).toBe(2);
  });

  it('computes once for concurrent identical keys, then serves hits until the window ends', async () => {
    let clock = 0;
    let computed = 0;
    const cache = new SearchCache<number>({ ttlMs: 2000, now: () => clock });
    const outcomes: CacheOutcome[] = [];
    const compute = () =>
      new Promise<number>((resolve) => setTimeout(() => resolve(++computed), 5));
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => cache.get('q=nuclear', compute, (o) => outcomes.push(o))),
    );
    expect(answers).toEqual(Array(10).fill(1));
    expect(outcomes.filter((o) => o === 'miss')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'joined')).toHaveLength(9);
    clock = 1999;
    expect(await cache.get('q=nuclear', compute, (o) => outcomes.push(o))).toBe(1);
    expect(outcomes.at(-1)).toBe('hit');
    clock = 2000;
    expect(await cache.get('q=nuclear', compute)).toBe(2);
  });

  it('does not keep failures, and computes every time when turned off', async () => {
    const cache = new SearchCache<number>({ ttlMs: 1000, now: () => 0 });
    await expect(cache.get('k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await new Promise((r) => setTimeout(r, 0));
    expect(await cache.get('k', () => Promise.resolve(7))).toBe(7);
    const off = new SearchCache<number>({ ttlMs: 0 });
    let n = 0;
    await off.get('k', () => Promise.resolve(++n));
    expect(await off.get('k', () => Promise.resolve(++n))).toBe(2);
  });

  it('never holds more than its bound, and answers each key with its own value', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ maxLength: 4 }), { maxLength: 200 }), async (keys) => {
        const cache = new SearchCache<string>({ ttlMs: 1000, maxEntries: 16, now: () => 0 });
        for (const key of keys) {
          expect(await cache.get(key, () => Promise.resolve(`v:${key}`))).toBe(`v:${key}`);
          expect(cache.size).toBeLessThanOrEqual(16);
        }
      }),
    );
  });

  it('serves a stale answer within staleMs while one background refresh replaces it', async () => {
    const { state, ask } = busyStore(10_000);
    expect(await ask()).toBe(1);
    state.generation = 'g2'; // a commit during a batch ingest
    state.clock = 3000;
    expect(await ask()).toBe(1);
    expect(await ask()).toBe(1); // still refreshing: no second refresh
    expect(state.outcomes).toEqual(['miss', 'stale', 'stale']);
    expect(state.priorities).toEqual(['now', 'background']);
    state.release();
    await new Promise((r) => setTimeout(r, 0));
    expect(await ask()).toBe(2); // the refreshed answer, current as of when it began
    expect(state.outcomes.at(-1)).toBe('hit');
    state.generation = 'g3';
    state.clock = 3000 + 10_000; // last known current 10 s ago: too old to serve
    expect(await ask()).toBe(3);
    expect(state.outcomes.at(-1)).toBe('miss');
    expect(state.priorities.at(-1)).toBe('now');
  });

  it('keeps the stale answer when its refresh fails, and tries again at the next request', async () => {
    let clock = 0;
    let generation = 'g1';
    let fail = true;
    let computed = 0;
    const cache = new SearchCache<number>({
      ttlMs: 1000,
      staleMs: 60_000,
      now: () => clock,
      generation: () => Promise.resolve(generation),
    });
    const compute = (priority: string) =>
      priority === 'background' && fail
        ? Promise.reject(new Error('store busy'))
        : Promise.resolve(++computed);
    expect(await cache.get('q', compute)).toBe(1);
    generation = 'g2';
    clock = 2000;
    expect(await cache.get('q', compute)).toBe(1);
    await new Promise((r) => setTimeout(r, 0));
    fail = false;
    expect(await cache.get('q', compute)).toBe(1); // stale again; this refresh succeeds
    await new Promise((r) => setTimeout(r, 0));
    expect(await cache.get('q', compute)).toBe(2);
  });

  it('never serves stale answers when staleMs is 0', async () => {
    let clock = 0;
    let generation = 'g1';
    let computed = 0;
    const cache = new SearchCache<number>({
      ttlMs: 1000,
      now: () => clock,
      generation: () => Promise.resolve(generation),
    });
    const compute = () => Promise.resolve(++computed);
    expect(await cache.get('q', compute)).toBe(1);
    generation = 'g2';
    clock = 1500;
    expect(await cache.get('q', compute)).toBe(2);
  });

  it('past the stale bound, waits for the refresh under way instead of computing again', async () => {
    const { state, ask } = busyStore(5000);
    expect(await ask()).toBe(1);
    state.generation = 'g2';
    state.clock = 2000;
    expect(await ask()).toBe(1); // stale; the refresh starts (and is slow: a busy store)
    state.clock = 9000; // last known current 9 s ago
    const waiting = ask();
    await new Promise((r) => setTimeout(r, 0));
    expect(state.outcomes).toEqual(['miss', 'stale', 'joined']);
    expect(state.promotion?.requested).toBe(true); // somebody waits for the refresh now
    state.release();
    expect(await waiting).toBe(2);
    expect(state.computed).toBe(2);
  });

  it('shares one generation read among the revalidations of the same moment', async () => {
    let clock = 0;
    let reads = 0;
    const cache = new SearchCache<string>({
      ttlMs: 1000,
      now: () => clock,
      generation: () => {
        reads++;
        return Promise.resolve('g1');
      },
    });
    const keys = Array.from({ length: 50 }, (_, i) => `q${i}`);
    for (const key of keys) await cache.get(key, () => Promise.resolve(key));
    const before = reads;
    clock = 5000;
    const answers = await Promise.all(
      keys.map((key) => cache.get(key, () => Promise.resolve('x'))),
    );
    expect(answers).toEqual(keys);
    expect(reads - before).toBe(1);
    clock = 5200; // a later moment reads again
    await cache.get('q0', () => Promise.resolve('x'));
    expect(reads - before).toBe(1); // q0 was checked at 5000: within its window, a hit
    clock = 6500;
    await cache.get('q0', () => Promise.resolve('x'));
    expect(reads - before).toBe(2);
  });
});
