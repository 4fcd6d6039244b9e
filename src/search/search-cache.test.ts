import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SearchCache, type CacheOutcome } from './search-cache.js';

describe('search micro-cache', () => {
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
});
