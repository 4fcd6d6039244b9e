/**
 * Cutting a paragraph into text and term pieces: whatever offsets arrive, the pieces join back to
 * the text, terms cover exactly their match, and nothing overlaps.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nonOverlapping, splitByTerms } from './glossary-pieces.js';

const TEXT = '五核国重申支持《全面禁止核试验条约》和禁产条约谈判。';

describe('splitByTerms', () => {
  it('cuts terms out of the text in order', () => {
    const ctbt = { start: 8, end: 17, id: 'ctbt' };
    const fmct = { start: 19, end: 23, id: 'fmct' };
    expect(splitByTerms(TEXT, [fmct, ctbt])).toEqual([
      { kind: 'text', text: '五核国重申支持《' },
      { kind: 'term', text: '全面禁止核试验条约', match: ctbt },
      { kind: 'text', text: '》和' },
      { kind: 'term', text: '禁产条约', match: fmct },
      { kind: 'text', text: '谈判。' },
    ]);
  });

  it('keeps the earlier, then the longer of overlapping matches', () => {
    const long = { start: 8, end: 17, id: 'ctbt' };
    const inner = { start: 12, end: 15, id: 'test' };
    const sameStart = { start: 8, end: 12, id: 'short' };
    expect(nonOverlapping(TEXT, [inner, sameStart, long])).toEqual([long]);
  });

  it('leaves bad offsets as text', () => {
    const text = 'AP 😀 NPT';
    const bad = [
      { start: -1, end: 2, id: 'negative' },
      { start: 3, end: 4, id: 'half an emoji' },
      { start: 5, end: 5, id: 'empty' },
      { start: 7, end: 99, id: 'past the end' },
      { start: 1.5, end: 2, id: 'fraction' },
    ];
    expect(splitByTerms(text, bad)).toEqual([{ kind: 'text', text }]);
    expect(splitByTerms(text, [{ start: 6, end: 9, id: 'npt' }]).map((p) => p.text)).toEqual([
      'AP 😀 ',
      'NPT',
    ]);
  });

  it('gives one empty piece for an empty text', () => {
    expect(splitByTerms('', [])).toEqual([{ kind: 'text', text: '' }]);
  });

  it('joins back to the text whatever the matches (property)', () => {
    const textAndMatches = fc.string({ unit: 'binary', maxLength: 80 }).chain((text) =>
      fc.tuple(
        fc.constant(text),
        fc.array(
          fc.record({
            start: fc.integer({ min: -3, max: text.length + 3 }),
            end: fc.integer({ min: -3, max: text.length + 3 }),
            id: fc.string({ maxLength: 3 }),
          }),
          { maxLength: 12 },
        ),
      ),
    );
    fc.assert(
      fc.property(textAndMatches, ([text, matches]) => {
        const pieces = splitByTerms(text, matches);
        expect(pieces.map((p) => p.text).join('')).toBe(text);
        let at = 0;
        for (const piece of pieces) {
          if (piece.kind === 'term') {
            expect(piece.match.start).toBe(at);
            expect(piece.text).toBe(text.slice(piece.match.start, piece.match.end));
            expect(piece.text).not.toBe('');
          } else if (pieces.length > 1) {
            expect(piece.text).not.toBe('');
          }
          at += piece.text.length;
        }
      }),
    );
  });
});
