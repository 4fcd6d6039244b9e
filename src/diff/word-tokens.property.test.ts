/** Tokens always join back to the text they came from, whatever the text. */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { LANGUAGES } from '../domain/language-codes.js';
import { isSpaceToken, wordTokens } from './word-tokens.js';

/** Pieces of the scripts and punctuation the six languages use, and arbitrary code points. */
const mixedText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'the',
        'General Assembly',
        '55/100',
        '2015',
        ' ',
        '  ',
        '\n',
        '\u00a0',
        '\u3000',
        ',',
        '.',
        '(',
        '”',
        '五常',
        '审查了',
        '《不扩散条约》',
        '。',
        'カタカナ',
        'الجمعية العامة',
        '،',
        'سّيما',
        'Ассамблея',
        'é',
        '\u0301',
        '😀',
      ),
      fc.string({ unit: 'binary', maxLength: 6 }),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

it('joins back to the text, with no empty token and spaces only in space tokens', () => {
  fc.assert(
    fc.property(mixedText, fc.constantFrom(...LANGUAGES, 'und' as const), (text, lang) => {
      const tokens = wordTokens(text, lang);
      expect(tokens.join('')).toBe(text);
      for (const token of tokens) {
        expect(token).not.toBe('');
        if (/\s/u.test(token)) expect(isSpaceToken(token)).toBe(true);
      }
    }),
    { numRuns: 500 },
  );
});
