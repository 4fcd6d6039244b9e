/** A word difference always rebuilds both texts, and similarity stays a proper score. */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { LANGUAGES } from '../domain/language-codes.js';
import { similarity, wordDiff } from './word-diff.js';

const words = fc.constantFrom(
  'the',
  'States',
  'Assembly',
  '55/100',
  ',',
  '.',
  ' ',
  ' ',
  '  ',
  '五常',
  '审查',
  '了',
  '条约',
  '。',
  'الدول',
  'جميع',
  '،',
  'Ассамблея',
);
const text = fc.oneof(
  fc.array(words, { maxLength: 40 }).map((w) => w.join('')),
  fc.string({ unit: 'binary', maxLength: 20 }),
);
const lang = fc.constantFrom(...LANGUAGES, 'und' as const);

it('rebuilds the older text from equal and delete runs, the newer from equal and insert runs', () => {
  fc.assert(
    fc.property(text, text, lang, (a, b, l) => {
      const changes = wordDiff(a, b, l);
      const older = changes.filter((c) => c.op !== 'insert').map((c) => c.text);
      const newer = changes.filter((c) => c.op !== 'delete').map((c) => c.text);
      expect(older.join('')).toBe(a);
      expect(newer.join('')).toBe(b);
      for (const c of changes) expect(c.text).not.toBe('');
      // Runs: two neighbours never have the same op.
      for (let i = 1; i < changes.length; i++) expect(changes[i]!.op).not.toBe(changes[i - 1]!.op);
    }),
    { numRuns: 400 },
  );
});

it('rebuilds a text from an edited copy of itself', () => {
  fc.assert(
    fc.property(
      fc.array(words, { minLength: 1, maxLength: 40 }),
      fc.array(fc.tuple(fc.nat(), fc.option(words)), { maxLength: 5 }),
      (tokens, edits) => {
        const edited = [...tokens];
        for (const [at, word] of edits) {
          const i = at % (edited.length + 1);
          if (word === null) edited.splice(i, 1);
          else edited.splice(i, 0, word);
        }
        const [a, b] = [tokens.join(''), edited.join('')];
        const changes = wordDiff(a, b, 'en');
        expect(
          changes
            .filter((c) => c.op !== 'insert')
            .map((c) => c.text)
            .join(''),
        ).toBe(a);
        expect(
          changes
            .filter((c) => c.op !== 'delete')
            .map((c) => c.text)
            .join(''),
        ).toBe(b);
      },
    ),
  );
});

it('scores in [0, 1], symmetric, and 1 for a text with itself', () => {
  fc.assert(
    fc.property(text, text, lang, (a, b, l) => {
      const s = similarity(a, b, l);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
      expect(similarity(b, a, l)).toBeCloseTo(s, 12);
      expect(similarity(a, a, l)).toBe(1);
    }),
    { numRuns: 300 },
  );
});
