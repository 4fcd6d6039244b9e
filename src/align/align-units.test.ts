import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AlignLink, AlignUnit } from '../domain/alignment.js';
import { LANGUAGES, type Lang } from '../domain/languages.js';
import { loadReferenceData } from '../reference/load-reference-data.js';
import { alignUnits, numKey } from './align-units.js';
import type { MentionFinder } from './anchors.js';
import { stateMentions } from './state-mentions.js';

const SAMPLE = new URL('../../data/samples/un-ga-res-55-100/', import.meta.url);
const lines = (lang: Lang): string[] =>
  readFileSync(new URL(`UN_GA_res55-100.${lang}.txt`, SAMPLE), 'utf8').split('\n');
const units = (texts: readonly string[]): AlignUnit[] => texts.map((text) => ({ text }));
const pairs = (links: readonly AlignLink[]) => links.map((l) => [l.a, l.b]);

let mentions: MentionFinder;
beforeAll(() => {
  mentions = stateMentions(loadReferenceData().states);
});

describe('alignUnits on the GA sample', () => {
  const all = LANGUAGES.flatMap((x, i) => LANGUAGES.slice(i + 1).map((y) => [x, y] as const));

  it.each(all)('aligns line i of %s with line i of %s', (x, y) => {
    const a = lines(x);
    const b = lines(y);
    const links = alignUnits(units(a), units(b), { langA: x, langB: y, mentions });
    expect(pairs(links)).toEqual(a.map((_, i) => [[i], [i]]));
    for (const link of links) {
      expect(link.score).toBeGreaterThan(0);
      expect(link.score).toBeLessThanOrEqual(1);
    }
  });

  it('aligns en–zh line by line without the States too (numbers and lengths alone)', () => {
    const links = alignUnits(units(lines('en')), units(lines('zh')), { langA: 'en', langB: 'zh' });
    expect(pairs(links)).toEqual(lines('en').map((_, i) => [[i], [i]]));
  });

  it('finds a merge, a split, a dropped line and a swap', () => {
    const en = lines('en');
    const fr = lines('fr');
    // Lines 11 and 12 (operative paragraphs 1 and 2) merged in French.
    const merged = [...fr.slice(0, 11), `${fr[11]} ${fr[12]}`, ...fr.slice(13)];
    const mergedLinks = alignUnits(units(en), units(merged), {
      langA: 'en',
      langB: 'fr',
      mentions,
    });
    expect(pairs(mergedLinks)[11]).toEqual([[11, 12], [11]]);
    expect(mergedLinks).toHaveLength(14);
    // Line 10 dropped in English.
    const dropped = [...en.slice(0, 10), ...en.slice(11)];
    const droppedLinks = alignUnits(units(dropped), units(fr), {
      langA: 'en',
      langB: 'fr',
      mentions,
    });
    expect(pairs(droppedLinks)[10]).toEqual([[], [10]]);
    // Lines 12 and 13 swapped in French: the best monotonic answer is one 2-2 link.
    const swapped = [...fr.slice(0, 12), fr[13]!, fr[12]!, ...fr.slice(14)];
    const swappedLinks = alignUnits(units(en), units(swapped), {
      langA: 'en',
      langB: 'fr',
      mentions,
    });
    expect(pairs(swappedLinks)[12]).toEqual([
      [12, 13],
      [12, 13],
    ]);
  });
});

describe('alignUnits', () => {
  const texts = ['Short.', 'A longer paragraph with 12 items.', 'Third one, 2000.', 'End;'];

  it('returns nothing for two empty sides, and leaves every unit alone when one is empty', () => {
    expect(alignUnits([], [], { langA: 'en', langB: 'fr' })).toEqual([]);
    const links = alignUnits(units(texts), [], { langA: 'en', langB: 'fr' });
    expect(pairs(links)).toEqual(texts.map((_, i) => [[i], []]));
    expect(pairs(alignUnits([], units(texts), { langA: 'en', langB: 'fr' }))).toEqual(
      texts.map((_, i) => [[], [i]]),
    );
  });

  it('uses printed numbers: a numbered paragraph pairs with the same number', () => {
    const a: AlignUnit[] = [
      { text: 'Calls upon all States to act;', num: '1.' },
      { text: 'Decides to remain seized of the matter.', num: '2.' },
    ];
    const b: AlignUnit[] = [{ text: 'Décide de rester saisie de la question.', num: '2.' }];
    expect(pairs(alignUnits(a, b, { langA: 'en', langB: 'fr' }))).toEqual([
      [[0], []],
      [[1], [0]],
    ]);
  });

  it('pairs a heading with a heading rather than with the paragraph after it', () => {
    const a: AlignUnit[] = [
      { text: 'Introduction', kind: 'heading' },
      { text: 'The Conference met in New York.', kind: 'paragraph' },
    ];
    const b: AlignUnit[] = [{ text: 'Introduction', kind: 'heading' }];
    expect(pairs(alignUnits(a, b, { langA: 'en', langB: 'fr' }))).toEqual([
      [[0], [0]],
      [[1], []],
    ]);
  });

  it('compares paragraph numbers across scripts', () => {
    expect(numKey('1.')).toBe('1');
    expect(numKey('١.')).toBe('1');
    expect(numKey('1．')).toBe('1');
    expect(numKey('(b)')).toBe('l2');
    expect(numKey('б)')).toBe('l2');
    expect(numKey('(ب)')).toBe('l2');
    expect(numKey('IV.')).toBe('iv');
    expect(numKey(null)).toBeNull();
  });

  it('keeps fixed links as they are and aligns around them', () => {
    const a = lines('en');
    const b = lines('ru');
    // A deliberately odd correction: lines 3 and 4 of A both go with line 3 of B, and line 4
    // of B stands alone.
    const fixed: AlignLink[] = [
      { a: [3, 4], b: [3], score: 0.2 },
      { a: [], b: [4], score: 1 },
    ];
    const links = alignUnits(units(a), units(b), { langA: 'en', langB: 'ru', mentions, fixed });
    expect(links).toContainEqual({ a: [3, 4], b: [3], score: 1 });
    expect(links).toContainEqual({ a: [], b: [4], score: 1 });
    expect(pairs(links).slice(0, 3)).toEqual([0, 1, 2].map((i) => [[i], [i]]));
    expect(pairs(links).slice(-10)).toEqual(
      [5, 6, 7, 8, 9, 10, 11, 12, 13, 14].map((i) => [[i], [i]]),
    );
  });

  it('lets a fixed link override what the aligner would do', () => {
    const a = lines('en');
    const b = lines('es');
    const fixed: AlignLink[] = [{ a: [7], b: [8], score: 1 }];
    const links = alignUnits(units(a), units(b), { langA: 'en', langB: 'es', fixed });
    expect(links).toContainEqual({ a: [7], b: [8], score: 1 });
    const covered = links.flatMap((l) => l.b);
    expect(covered).toEqual(b.map((_, i) => i));
  });

  it('rejects fixed links that overlap, cross or point nowhere', () => {
    const a = units(texts);
    const b = units(texts);
    const options = { langA: 'en', langB: 'fr' } as const;
    expect(() =>
      alignUnits(a, b, {
        ...options,
        fixed: [
          { a: [1], b: [1], score: 1 },
          { a: [1, 2], b: [2], score: 1 },
        ],
      }),
    ).toThrow(/fixed link #1 \(a \[1, 2\] ↔ b \[2\]\) overlaps fixed link #0/);
    expect(() =>
      alignUnits(a, b, {
        ...options,
        fixed: [
          { a: [0], b: [2], score: 1 },
          { a: [2], b: [0], score: 1 },
        ],
      }),
    ).toThrow(/fixed link #1 \(a \[2\] ↔ b \[0\]\) is out of order with fixed link #0/);
    expect(() => alignUnits(a, b, { ...options, fixed: [{ a: [9], b: [0], score: 1 }] })).toThrow(
      /fixed link #0 .*consecutive/,
    );
    expect(() =>
      alignUnits(a, b, { ...options, fixed: [{ a: [0, 2], b: [0], score: 1 }] }),
    ).toThrow(/fixed link #0/);
    expect(() => alignUnits(a, b, { ...options, fixed: [{ a: [], b: [], score: 1 }] })).toThrow(
      /links no unit/,
    );
  });

  it('is fast: 5,000 paragraphs a side in well under a second', () => {
    const en = lines('en');
    const zh = lines('zh');
    const a: string[] = [];
    const b: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const k = (i * 7 + (i >> 3)) % en.length;
      a.push(en[k]!);
      if (i % 97 !== 0) b.push(zh[k]!);
    }
    const start = performance.now();
    const links = alignUnits(units(a), units(b), { langA: 'en', langB: 'zh', mentions });
    expect(performance.now() - start).toBeLessThan(2000);
    expect(links.flatMap((l) => l.a)).toEqual(a.map((_, i) => i));
    expect(links.filter((l) => l.b.length === 0).length).toBeGreaterThanOrEqual(40);
  });
});
