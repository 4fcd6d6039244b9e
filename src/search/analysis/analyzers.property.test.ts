import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { AnalysisLang, AnalyzedToken } from './analyzer.js';
import { ANALYSIS_LANGS, analyzerFor, createAnalyzer } from './analyzers.js';
import { foldDiacritics } from './normalize.js';

const RUNS = { numRuns: 1000 };

/** Pieces of text that exercise every rule: scripts, marks, variants, apostrophes, joiners. */
const PIECES = [
  'a',
  'Z',
  'é',
  'E\u0301',
  'ß',
  'İ',
  'ﬁ',
  'ñ',
  'ç',
  'œ',
  'ö',
  'tion',
  'ées',
  'ion',
  '½',
  '²',
  'Ⅻ',
  '①',
  '٣',
  '۷',
  '7',
  '0',
  'ﷺ',
  'ﷲ',
  'Ω',
  'ς',
  'й',
  'Й',
  'ё',
  'Ё',
  'я',
  'ого',
  'ые',
  'ا',
  'أ',
  'إ',
  'آ',
  'ٱ',
  'ة',
  'ه',
  'ى',
  'ي',
  'ؤ',
  'ئ',
  'ء',
  'ال',
  'ك',
  'ی',
  '\u064E',
  '\u0651',
  '\u0670',
  '\u0640',
  '\u06E5',
  '核',
  'カ',
  'タワー',
  'の',
  '裁',
  '军',
  '条约',
  '\uF9DC',
  '𠀀',
  '\uFE00',
  '〇',
  '々',
  "'",
  '’',
  'ʼ',
  'l',
  'qu',
  'jusqu',
  ' ',
  '\n',
  '-',
  '_',
  '.',
  '،',
  '，',
  '。',
  '*',
  '"',
  '\u00AD',
  '\u200B',
  '\u200C',
  '\u200D',
  '\u2060',
  '\uFEFF',
  '\u0301',
  '\u0308',
  '\uD800',
  '\uDC00',
];

const mixedText = fc
  .array(fc.constantFrom(...PIECES), { maxLength: 40 })
  .map((pieces) => pieces.join(''));
const anyText = fc.oneof(mixedText, fc.string({ unit: 'binary', maxLength: 40 }));
const anyLang = fc.constantFrom(...ANALYSIS_LANGS);

const TERM = /^[\p{L}\p{N}]+$/u;
const WORD_START = /^[\p{L}\p{N}]/u;
const WORD_CHARS = /^[\p{L}\p{N}\p{M}\u00AD\u200C\u2060\uFEFF\u200D]+$/u;

function termsOf(tokens: readonly AnalyzedToken[]): string[] {
  return tokens.map((token) => token.term);
}

function allTokens(lang: AnalysisLang, text: string): AnalyzedToken[] {
  const analyzer = analyzerFor(lang);
  return [...analyzer.analyze(text), ...(analyzer.characters?.(text) ?? [])];
}

describe('every analyzer, on any text', () => {
  it('gives offsets of a word in the original text, in order', () => {
    fc.assert(
      fc.property(anyLang, anyText, (lang, text) => {
        for (const tokens of [
          analyzerFor(lang).analyze(text),
          analyzerFor(lang).characters?.(text),
        ]) {
          let previous = 0;
          for (const { start, end } of tokens ?? []) {
            expect(start).toBeGreaterThanOrEqual(previous);
            expect(end).toBeGreaterThan(start);
            expect(end).toBeLessThanOrEqual(text.length);
            const word = text.slice(start, end);
            expect(word).toMatch(WORD_START);
            expect(word).toMatch(WORD_CHARS);
            // Never half of a surrogate pair.
            expect(text.charCodeAt(start) & 0xfc00).not.toBe(0xdc00);
            expect(text.charCodeAt(end - 1) & 0xfc00).not.toBe(0xd800);
            previous = start;
          }
        }
      }),
      RUNS,
    );
  });

  it('writes terms of letters and digits only', () => {
    fc.assert(
      fc.property(anyLang, anyText, (lang, text) => {
        for (const { term } of allTokens(lang, text)) expect(term).toMatch(TERM);
      }),
      RUNS,
    );
  });

  it('is deterministic, with or without its word cache', () => {
    fc.assert(
      fc.property(anyLang, anyText, (lang, text) => {
        const uncached = createAnalyzer(lang, { cacheSize: 0 });
        const first = analyzerFor(lang).analyze(text);
        expect(analyzerFor(lang).analyze(text)).toEqual(first);
        expect(uncached.analyze(text)).toEqual(first);
        expect(uncached.characters?.(text)).toEqual(analyzerFor(lang).characters?.(text));
      }),
      RUNS,
    );
  });

  describe('terms survive SQLite FTS5 unicode61 as one token each', () => {
    const db = new BetterSqlite3(':memory:');
    afterAll(() => db.close());
    db.exec(`CREATE VIRTUAL TABLE t USING fts5(body,
      tokenize = "unicode61 remove_diacritics 0 tokenchars '_'")`);
    db.exec(`CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance')`);
    const insert = db.prepare<[number, string]>('INSERT INTO t(rowid, body) VALUES (?, ?)');
    const tokens = db.prepare<[number], { term: string }>(
      'SELECT term FROM v WHERE doc = ? ORDER BY offset',
    );
    const remove = db.prepare<[number]>('DELETE FROM t WHERE rowid = ?');
    let rowid = 0;

    it('for any text', () => {
      fc.assert(
        fc.property(anyLang, anyText, (lang, text) => {
          const terms = termsOf(allTokens(lang, text));
          rowid += 1;
          insert.run(rowid, terms.join(' '));
          const indexed = tokens.all(rowid).map((row) => row.term);
          remove.run(rowid);
          expect(indexed).toEqual(terms);
        }),
        RUNS,
      );
    });
  });
});

const ARABIC_LETTERS = [...'ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآٱةىؤئ'];
const HARAKAT = [
  '\u064B',
  '\u064C',
  '\u064D',
  '\u064E',
  '\u064F',
  '\u0650',
  '\u0651',
  '\u0652',
  '\u0670',
  '\u0640',
];
const arabicText = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...ARABIC_LETTERS) },
      { weight: 2, arbitrary: fc.constantFrom(...HARAKAT) },
      { weight: 1, arbitrary: fc.constantFrom(' ', 'ال', '، ', '١٩') },
    ),
    { maxLength: 40 },
  )
  .map((pieces) => pieces.join(''));

const ALEF_FORMS = ['ا', 'أ', 'إ', 'آ', 'ٱ'];
const VARIANTS: Readonly<Record<string, readonly string[]>> = {
  ...Object.fromEntries(ALEF_FORMS.map((alef) => [alef, ALEF_FORMS])),
  ة: ['ة', 'ه'],
  ه: ['ة', 'ه'],
  ى: ['ى', 'ي'],
  ي: ['ى', 'ي', 'ئ'],
  و: ['و', 'ؤ'],
};

describe('Arabic', () => {
  it('gives the same terms without harakat and tatweel', () => {
    fc.assert(
      fc.property(arabicText, (text) => {
        const bare = text.replace(/[\u064B-\u065F\u0670\u0640]/g, '');
        expect(termsOf(analyzerFor('ar').analyze(bare))).toEqual(
          termsOf(analyzerFor('ar').analyze(text)),
        );
      }),
      RUNS,
    );
  });

  it('gives the same terms whichever alef, ta marbuta/heh, yeh/alef maqsura form is written', () => {
    fc.assert(
      fc.property(arabicText, fc.infiniteStream(fc.nat()), (text, choices) => {
        const variant = [...text]
          .map((letter) => {
            const forms = VARIANTS[letter];
            return forms ? (forms[choices.next().value % forms.length] ?? letter) : letter;
          })
          .join('');
        expect(termsOf(analyzerFor('ar').analyze(variant))).toEqual(
          termsOf(analyzerFor('ar').analyze(text)),
        );
      }),
      RUNS,
    );
  });
});

const latinText = fc
  .array(
    fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...'aeioucnrstldmpgvy') },
      {
        weight: 3,
        arbitrary: fc.constantFrom(...'éèêëàâäîïôöùûüçñáíóúœæÉÈÀÇÑ', 'e\u0301', 'ion', 'ee'),
      },
      { weight: 2, arbitrary: fc.constantFrom(' ', "'", '’', 'l', 'qu', '-', ', ', '21') },
    ),
    { maxLength: 40 },
  )
  .map((pieces) => pieces.join(''));

describe('French, Spanish, English and und', () => {
  it('give the same terms with and without accents', () => {
    fc.assert(
      fc.property(fc.constantFrom('fr', 'es', 'en', 'und'), latinText, (lang, text) => {
        expect(termsOf(analyzerFor(lang).analyze(foldDiacritics(text)))).toEqual(
          termsOf(analyzerFor(lang).analyze(text)),
        );
      }),
      RUNS,
    );
  });
});

describe('Russian', () => {
  it('gives the same terms for ё and е', () => {
    const russianText = fc
      .array(fc.constantFrom(...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяЁЕ ', 'ого', 'ые'), {
        maxLength: 40,
      })
      .map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(russianText, (text) => {
        const plain = text.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
        expect(termsOf(analyzerFor('ru').analyze(plain))).toEqual(
          termsOf(analyzerFor('ru').analyze(text)),
        );
      }),
      RUNS,
    );
  });
});

describe('Chinese', () => {
  it('segments each run of Han characters as Intl.Segmenter segments it alone', () => {
    const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
    const hanText = fc
      .array(
        fc.oneof(
          {
            weight: 8,
            arbitrary: fc.constantFrom(...'核裁军不扩散条约和平利用能源国际原子机构会议大会'),
          },
          {
            weight: 2,
            arbitrary: fc.constantFrom(
              ' ',
              '，',
              '“',
              'IAEA',
              '2010',
              '\u00AD',
              '\uFE00',
              '\uF9DC',
            ),
          },
        ),
        { maxLength: 60 },
      )
      .map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(hanText, (text) => {
        const expected = [...text.matchAll(/\p{Script=Han}[\p{Script=Han}\p{M}]*/gu)].flatMap(
          (run) =>
            [...segmenter.segment(run[0])]
              .filter((segment) => segment.isWordLike === true)
              .map((segment) => [run.index + segment.index, segment.segment]),
        );
        const actual = analyzerFor('zh')
          .analyze(text)
          .filter((token) => /\p{Script=Han}/u.test(token.term))
          .map((token) => [token.start, text.slice(token.start, token.end)]);
        expect(actual).toEqual(expected);
      }),
      RUNS,
    );
  });
});
