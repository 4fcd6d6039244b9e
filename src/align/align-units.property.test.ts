import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AlignLang, AlignLink, AlignUnit } from '../domain/alignment.js';
import { alignUnits } from './align-units.js';

const RUNS = { numRuns: 200 };
const LANGS: AlignLang[] = ['ar', 'zh', 'en', 'fr', 'ru', 'es', 'und'];
const WORDS = ['the', 'States', 'Conference', 'de', 'la', 'и', 'الدول', '国家', 'treaty', ','];

const text = fc
  .tuple(fc.array(fc.constantFrom(...WORDS), { maxLength: 30 }), fc.option(fc.nat(3000)))
  .map(([words, n]) => (n === null ? words.join(' ') : `${words.join(' ')} ${n}`));
const unitList = fc.array(
  fc.record({
    text,
    num: fc.option(fc.constantFrom('1.', '2.', '(a)', 'IV'), { nil: undefined }),
    kind: fc.option(fc.constantFrom('paragraph', 'heading'), { nil: undefined }),
  }),
  { maxLength: 40 },
);

/** Every index of both sides exactly once, in order, in links of the allowed shapes. */
function expectCovering(links: readonly AlignLink[], n: number, m: number): void {
  expect(links.flatMap((l) => l.a)).toEqual(Array.from({ length: n }, (_, i) => i));
  expect(links.flatMap((l) => l.b)).toEqual(Array.from({ length: m }, (_, i) => i));
  for (const link of links) {
    expect(link.a.length + link.b.length).toBeGreaterThan(0);
    expect(link.score).toBeGreaterThanOrEqual(0);
    expect(link.score).toBeLessThanOrEqual(1);
  }
}

/**
 * Units that cannot be confused: each has a number of its own (an anchor) and a length of its
 * own, as paragraphs of a real document mostly do.
 */
const distinctUnits = fc
  .array(fc.array(fc.constantFrom(...WORDS.slice(0, 9)), { minLength: 3, maxLength: 25 }), {
    minLength: 3,
    maxLength: 30,
  })
  .map((paragraphs) => paragraphs.map((words, i) => `${words.join(' ')} ${1000 + i * 7}.`));

describe('alignUnits (properties)', () => {
  it('aligns a sequence with itself on the diagonal', () => {
    fc.assert(
      fc.property(unitList, fc.constantFrom(...LANGS), (units, lang) => {
        const links = alignUnits(units, units, { langA: lang, langB: lang });
        expect(links.map((l) => [l.a, l.b])).toEqual(units.map((_, i) => [[i], [i]]));
      }),
      RUNS,
    );
  });

  it('covers every index of both sides exactly once, in order', () => {
    fc.assert(
      fc.property(
        unitList,
        unitList,
        fc.constantFrom(...LANGS),
        fc.constantFrom(...LANGS),
        (a, b, langA, langB) =>
          expectCovering(alignUnits(a, b, { langA, langB }), a.length, b.length),
      ),
      RUNS,
    );
  });

  it('finds the 2-1 (or 1-2) link where two adjacent units were merged on one side', () => {
    fc.assert(
      fc.property(distinctUnits, fc.nat(), fc.boolean(), (texts, at, onA) => {
        const k = at % (texts.length - 1);
        const merged = [...texts.slice(0, k), `${texts[k]} ${texts[k + 1]}`, ...texts.slice(k + 2)];
        const whole: AlignUnit[] = texts.map((t) => ({ text: t }));
        const joined: AlignUnit[] = merged.map((t) => ({ text: t }));
        const links = onA
          ? alignUnits(joined, whole, { langA: 'en', langB: 'en' })
          : alignUnits(whole, joined, { langA: 'en', langB: 'en' });
        const expected = onA ? { a: [k], b: [k, k + 1] } : { a: [k, k + 1], b: [k] };
        expect(links.map((l) => ({ a: l.a, b: l.b }))).toContainEqual(expected);
        expect(links).toHaveLength(texts.length - 1);
      }),
      RUNS,
    );
  });

  it('keeps a fixed link unchanged, with score 1, and still covers both sides', () => {
    fc.assert(
      fc.property(
        unitList,
        unitList,
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 0, max: 2 }),
        (a, b, atA, atB, sizeA, sizeB) => {
          const na = Math.min(sizeA, a.length);
          const nb = Math.min(sizeB, b.length);
          fc.pre(na + nb > 0);
          const startA = a.length - na === 0 ? 0 : atA % (a.length - na + 1);
          const startB = b.length - nb === 0 ? 0 : atB % (b.length - nb + 1);
          const fixed: AlignLink = {
            a: Array.from({ length: na }, (_, i) => startA + i),
            b: Array.from({ length: nb }, (_, i) => startB + i),
            score: 0.5,
          };
          const links = alignUnits(a, b, { langA: 'en', langB: 'fr', fixed: [fixed] });
          expect(links).toContainEqual({ a: fixed.a, b: fixed.b, score: 1 });
          expectCovering(links, a.length, b.length);
        },
      ),
      RUNS,
    );
  });
});
