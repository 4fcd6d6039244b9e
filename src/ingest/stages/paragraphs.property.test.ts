/**
 * The white-space clean-up's quick paths (checks that spare most paragraphs a replacement) give
 * exactly what the plain replacements give, on any text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collapseBlanks } from '../text/line-breaks.js';
import { tidy } from './paragraphs.js';

const SPACE_BETWEEN_HAN = /(\p{Script=Han})[ \u00A0\u3000]+(?=\p{Script=Han})/gu;
const plainTidy = (text: string) =>
  text.replace(/\s+/gu, ' ').replace(SPACE_BETWEEN_HAN, '$1').trim();
const plainCollapse = (text: string) => text.replace(/[ \t\u00A0]+/gu, ' ').trim();

/** Pieces that matter here: every kind of white space, Han in and out of the BMP, other scripts. */
const piece = fc.constantFrom(
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\u00A0',
  '\u3000',
  '\u2009',
  '\u202F',
  '\uFEFF',
  '核',
  '武器',
  '𠀀',
  '\u{16FE2}',
  '\u{31350}',
  '⺀',
  '豈',
  'a',
  'Treaty',
  'ل',
  'я',
  '1',
  '。',
  '-',
);
const text = fc.oneof(
  fc.array(piece, { maxLength: 30 }).map((p) => p.join('')),
  fc.string(),
);

describe('white-space clean-up', () => {
  it('tidy gives what the plain replacements give', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(tidy(t)).toBe(plainTidy(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('collapseBlanks gives what the plain replacement gives', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(collapseBlanks(t)).toBe(plainCollapse(t));
      }),
      {
        numRuns: 2000,
      },
    );
  });
});
