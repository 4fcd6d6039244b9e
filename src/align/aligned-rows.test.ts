import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AlignLink } from '../domain/alignment.js';
import { alignedRows } from './aligned-rows.js';

const link = (a: number[], b: number[], score = 0.9): AlignLink => ({ a, b, score });

const SHAPES: [number, number][] = [
  [1, 1],
  [1, 0],
  [0, 1],
  [2, 1],
  [1, 2],
  [2, 2],
];

/** Monotone links from link shapes, covering exactly `n` pivot units (0–2 units a side). */
function linksFrom(shapes: readonly [number, number][], n: number) {
  let a = 0;
  let b = 0;
  const links: AlignLink[] = [];
  const take = (x: number, y: number) => {
    links.push(
      link(
        Array.from({ length: x }, (_, i) => a + i),
        Array.from({ length: y }, (_, i) => b + i),
      ),
    );
    a += x;
    b += y;
  };
  for (const [x, y] of shapes) {
    if (a >= n) break;
    take(Math.min(x, n - a), y);
  }
  while (a < n) take(1, 1);
  return { links, m: b };
}

const shapesArbitrary = fc.array(fc.constantFrom(...SHAPES), { maxLength: 40 });

describe('alignedRows', () => {
  it('gives one row per link for two languages', () => {
    const rows = alignedRows('en', 3, [
      { lang: 'fr', links: [link([0], [0]), link([1, 2], [1], 0.5), link([], [2])] },
    ]);
    expect(rows.map((r) => r.units)).toEqual([
      { en: [0], fr: [0] },
      { en: [1, 2], fr: [1] },
      { fr: [2] },
    ]);
    expect(rows[1]!.score).toBe(0.5);
  });

  it('joins pivot paragraphs that another language links together', () => {
    const rows = alignedRows('en', 3, [
      { lang: 'fr', links: [link([0], [0]), link([1], [1]), link([2], [2])] },
      { lang: 'zh', links: [link([0, 1], [0]), link([2], [1])] },
    ]);
    expect(rows.map((r) => r.units)).toEqual([
      { en: [0, 1], fr: [0, 1], zh: [0] },
      { en: [2], fr: [2], zh: [1] },
    ]);
  });

  it('keeps a paragraph without counterpart inside the group it sits in', () => {
    const rows = alignedRows('en', 2, [
      { lang: 'fr', links: [link([0], [0]), link([], [1]), link([1], [2])] },
      { lang: 'zh', links: [link([0, 1], [0])] },
    ]);
    expect(rows.map((r) => r.units)).toEqual([{ en: [0, 1], fr: [0, 1, 2], zh: [0] }]);
  });

  it('marks rows a person decided', () => {
    const rows = alignedRows('en', 1, [
      { lang: 'fr', links: [{ ...link([0], [0], 1), origin: 'manual' }] },
    ]);
    expect(rows[0]!.manual).toBe(true);
  });

  it('places every unit of every language exactly once, in order (property)', () => {
    fc.assert(
      fc.property(fc.nat(25), shapesArbitrary, shapesArbitrary, (n, shapesX, shapesY) => {
        const x = linksFrom(shapesX, n);
        const y = linksFrom(shapesY, n);
        const rows = alignedRows('en', n, [
          { lang: 'fr', links: x.links },
          { lang: 'zh', links: y.links },
        ]);
        const seen = (lang: 'en' | 'fr' | 'zh') => rows.flatMap((r) => r.units[lang] ?? []);
        expect(seen('en')).toEqual([...Array(n).keys()]);
        expect(seen('fr')).toEqual([...Array(x.m).keys()]);
        expect(seen('zh')).toEqual([...Array(y.m).keys()]);
      }),
      { numRuns: 300 },
    );
  });
});
