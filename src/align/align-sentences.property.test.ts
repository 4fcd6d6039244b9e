import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AlignLang } from '../domain/alignment.js';
import { splitSentences } from './align-sentences.js';

const PIECES = [
  'The General Assembly',
  ' ',
  '  ',
  '\n',
  '. ',
  '.',
  '; ',
  'Mr. ',
  'para. ',
  '1. ',
  '1． ',
  '(a) ',
  'E.95.XIII.18',
  '。',
  '．',
  '？',
  '！',
  '؟ ',
  '؛',
  '،',
  '大会',
  'الجمعية',
  'Ассамблея',
  'см. ',
  '"',
  '”',
  ')',
  '\u00a0',
  '\u200b',
  '🙂',
];

const LANGS: AlignLang[] = ['ar', 'zh', 'en', 'fr', 'ru', 'es', 'und'];
const text = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((p) => p.join('')),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
);

describe('splitSentences (properties)', () => {
  it('never loses or adds a character, and never returns an empty sentence', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(...LANGS), (input, lang) => {
        const sentences = splitSentences(input, lang);
        expect(sentences.join('')).toBe(input);
        for (const sentence of sentences) expect(sentence.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });
});
