/**
 * Invariants of paragraph comparison over random texts and random edits of them: every paragraph
 * of each side is accounted for exactly once, in reading order, and word changes rebuild both texts.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { ParagraphChange } from '../domain/alignment.js';
import { compareSegments, paragraphKey, withMoveOrigins } from './compare-segments.js';
import { similarity } from './word-diff.js';

const word = fc.constantFrom(
  'the',
  'States',
  'Assembly',
  'calls',
  'upon',
  'all',
  '55/100',
  '2015',
  'reaffirms',
  'travel',
  'family',
  '五常',
  '审查了',
  '条约',
);
const paragraph = fc
  .array(fc.tuple(word, fc.constantFrom(' ', ' ', ', ', '  ')), { maxLength: 12 })
  .map(
    (parts) =>
      parts
        .map(([w, s]) => w + s)
        .join('')
        .trim() + '.',
  );
const paragraphs = fc.array(paragraph, { maxLength: 25 });

type Op =
  | { kind: 'delete'; at: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'move'; from: number; to: number }
  | { kind: 'edit'; at: number; text: string };
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: paragraph }),
  fc.record({ kind: fc.constant('move' as const), from: fc.nat(), to: fc.nat() }),
  fc.record({ kind: fc.constant('edit' as const), at: fc.nat(), text: word }),
);

function apply(texts: readonly string[], ops: readonly Op[]): string[] {
  const out = [...texts];
  for (const o of ops) {
    if (o.kind === 'insert') out.splice(o.at % (out.length + 1), 0, o.text);
    else if (out.length === 0) continue;
    else if (o.kind === 'delete') out.splice(o.at % out.length, 1);
    else if (o.kind === 'move') {
      const [moved] = out.splice(o.from % out.length, 1);
      out.splice(o.to % (out.length + 1), 0, moved!);
    } else {
      const i = o.at % out.length;
      out[i] = `${o.text} ${out[i]!}`;
    }
  }
  return out;
}

/** Two sides: unrelated texts, or a text and an edited copy of it. */
const sides = fc.oneof(
  fc.tuple(paragraphs, paragraphs),
  fc
    .tuple(paragraphs, fc.array(op, { maxLength: 8 }))
    .map(([older, ops]) => [older, apply(older, ops)] as [string[], string[]]),
);

function checkInvariants(older: string[], newer: string[], changes: ParagraphChange[]) {
  const seenA = older.map(() => 0);
  const seenB = newer.map(() => 0);
  for (const c of changes) {
    if (c.a !== null) seenA[c.a]!++;
    if (c.b !== null) seenB[c.b]!++;
    expect(c.similarity).toBeGreaterThanOrEqual(0);
    expect(c.similarity).toBeLessThanOrEqual(1);
    switch (c.kind) {
      case 'inserted':
        expect(c.a).toBeNull();
        break;
      case 'deleted':
        expect(c.b).toBeNull();
        break;
      case 'equal':
        expect(paragraphKey(older[c.a!]!)).toBe(paragraphKey(newer[c.b!]!));
        expect(c.similarity).toBe(1);
        break;
      default:
        expect(c.a).not.toBeNull();
        expect(c.b).not.toBeNull();
    }
    if (c.words) {
      expect(
        c.words
          .filter((w) => w.op !== 'insert')
          .map((w) => w.text)
          .join(''),
      ).toBe(older[c.a!]);
      expect(
        c.words
          .filter((w) => w.op !== 'delete')
          .map((w) => w.text)
          .join(''),
      ).toBe(newer[c.b!]);
    } else if (c.kind === 'moved') {
      expect(paragraphKey(older[c.a!]!)).toBe(paragraphKey(newer[c.b!]!));
    }
    if (c.kind === 'changed') expect(c.words).toBeDefined();
  }
  expect(seenA.every((n) => n === 1)).toBe(true);
  expect(seenB.every((n) => n === 1)).toBe(true);
  // Reading order of the newer text, and the older order for all that did not move.
  expect(changes.filter((c) => c.b !== null).map((c) => c.b)).toEqual(newer.map((_, i) => i));
  const kept = changes.filter((c) => c.a !== null && c.kind !== 'moved').map((c) => c.a!);
  expect(kept).toEqual([...kept].sort((x, y) => x - y));
  // No pair was missed: what is left unpaired is less alike than a move needs (0.7), which
  // checks that candidate filtering never drops a pair that qualifies.
  for (const d of changes.filter((c) => c.kind === 'deleted'))
    for (const i of changes.filter((c) => c.kind === 'inserted'))
      expect(similarity(older[d.a!]!, newer[i.b!]!, 'en')).toBeLessThan(0.7);
}

it('accounts for every paragraph of each side exactly once, in reading order', () => {
  fc.assert(
    fc.property(sides, ([older, newer]) => {
      const changes = compareSegments(
        older.map((text) => ({ text })),
        newer.map((text) => ({ text })),
        'en',
      );
      checkInvariants(older, newer, changes);
    }),
    { numRuns: 400 },
  );
});

it('reports an unchanged text as all equal, paragraph for paragraph', () => {
  fc.assert(
    fc.property(paragraphs, (texts) => {
      const segments = texts.map((text, i) => ({ text, eId: `para_${i + 1}` }));
      const changes = compareSegments(segments, segments, 'en');
      expect(changes).toEqual(texts.map((_, i) => ({ kind: 'equal', a: i, b: i, similarity: 1 })));
    }),
  );
});

it('shows a moved paragraph at both places in a redline, every other change once', () => {
  fc.assert(
    fc.property(sides, ([older, newer]) => {
      const changes = compareSegments(
        older.map((text) => ({ text })),
        newer.map((text) => ({ text })),
        'en',
      );
      const entries = withMoveOrigins(changes);
      expect(entries.filter((e) => e.at === 'new').map((e) => e.change)).toEqual(changes);
      expect(entries.filter((e) => e.at === 'old').map((e) => e.change)).toEqual(
        changes.filter((c) => c.kind === 'moved').sort((x, y) => x.a! - y.a!),
      );
      // Old places keep the older order among everything that did not move.
      const olderOrder = entries
        .filter((e) => e.change.a !== null && (e.at === 'old' || e.change.kind !== 'moved'))
        .map((e) => e.change.a!);
      expect(olderOrder).toEqual([...olderOrder].sort((x, y) => x - y));
    }),
    { numRuns: 300 },
  );
});
