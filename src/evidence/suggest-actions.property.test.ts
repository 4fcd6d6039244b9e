import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../domain/language-codes.js';
import { loadReferenceData } from '../reference/load-reference-data.js';
import { descriptorsFrom } from './action-descriptors.js';
import { createActionMatcher } from './suggest-actions.js';

const matcher = createActionMatcher(descriptorsFrom(loadReferenceData().actions));

/** Words of the plan in every script, citations and noise, so that matches actually happen. */
const PIECES = [
  'Action 21',
  'actions 1 to 22',
  '行动 5、20 和 21',
  'الإجراء ٢١',
  'CTBT',
  'Additional Protocol',
  'protocoles additionnels',
  'ядерного разоружения',
  'salvaguardias',
  'نزع السلاح النووي',
  '《全面禁止核试验条约》',
  '无核武器区',
  'ولنزع',
  ' ',
  '\n',
  ',',
  '、',
  'é',
  'E\u0301',
  '\u200D',
  '\uFEFF',
  '٣',
  '99',
  '\uD83D\uDE00',
  '\uD800',
];

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((p) => p.join('')),
);

describe('suggest on arbitrary text', () => {
  it('never throws; scores in [0, 1], sorted, at most limit, matched words from the text', () => {
    fc.assert(
      fc.property(
        text,
        fc.constantFrom(...LANGUAGES, 'und' as const),
        fc.integer({ min: 0, max: 12 }),
        (input, lang, limit) => {
          const suggestions = matcher.suggest(input, lang, limit);
          expect(suggestions.length).toBeLessThanOrEqual(limit);
          suggestions.forEach((s, i) => {
            expect(s.score).toBeGreaterThanOrEqual(0);
            expect(s.score).toBeLessThanOrEqual(1);
            if (i > 0) expect(s.score).toBeLessThanOrEqual(suggestions[i - 1]!.score);
            for (const r of s.reasons) {
              expect(r.weight).toBeGreaterThanOrEqual(0);
              if (r.kind !== 'summary') expect(input).toContain(r.matched);
            }
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});
