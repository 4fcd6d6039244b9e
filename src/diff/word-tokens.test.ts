/** How texts in the six languages are cut into tokens for word-level comparison. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isSpaceToken, wordTokens } from './word-tokens.js';

describe('wordTokens', () => {
  it('cuts English into words, runs of spaces and single punctuation marks, numbers whole', () => {
    expect(
      wordTokens('Resolution 55/100, adopted on 4 December 2000  (81st meeting).', 'en'),
    ).toEqual([
      'Resolution',
      ' ',
      '55/100',
      ',',
      ' ',
      'adopted',
      ' ',
      'on',
      ' ',
      '4',
      ' ',
      'December',
      ' ',
      '2000',
      '  ',
      '(',
      '81st',
      ' ',
      'meeting',
      ')',
      '.',
    ]);
    expect(wordTokens('1,234.5 and 3.14.', 'en')).toEqual([
      '1,234.5',
      ' ',
      'and',
      ' ',
      '3.14',
      '.',
    ]);
  });

  it('cuts Chinese into dictionary words, keeping numbers whole', () => {
    expect(wordTokens('五常审查了 2015 年不扩散条约审议大会第55/100号决议。', 'zh')).toEqual([
      '五常',
      '审查',
      '了',
      ' ',
      '2015',
      ' ',
      '年',
      '不',
      '扩散',
      '条约',
      '审议',
      '大会',
      '第',
      '55/100',
      '号',
      '决议',
      '。',
    ]);
  });

  it('segments Han quoted in another language, and kana', () => {
    expect(wordTokens('le traité 条约审议 (カタカナ)', 'fr')).toEqual([
      'le',
      ' ',
      'traité',
      ' ',
      '条约',
      '审议',
      ' ',
      '(',
      'カタカナ',
      ')',
    ]);
  });

  it('keeps Arabic and Cyrillic words, with their marks, whole', () => {
    expect(wordTokens('اتخذ في الجلسة العامة 81، المعقودة', 'ar')).toEqual([
      'اتخذ',
      ' ',
      'في',
      ' ',
      'الجلسة',
      ' ',
      'العامة',
      ' ',
      '81',
      '،',
      ' ',
      'المعقودة',
    ]);
    expect(wordTokens('Генеральная Ассамблея,', 'ru')).toEqual([
      'Генеральная',
      ' ',
      'Ассамблея',
      ',',
    ]);
    expect(wordTokens('ولا سّيما', 'ar')).toEqual(['ولا', ' ', 'سّيما']);
  });

  it('cuts a long Chinese text (segmented in windows) as it cuts its parts', () => {
    const seed = readFileSync(
      new URL('../../data/samples/seed/p5-joint-statement-2013.zh.txt', import.meta.url),
      'utf8',
    );
    const once = wordTokens(seed, 'zh');
    expect(once.length).toBeGreaterThan(500);
    const copies = Array<string>(30).fill(seed).join('|');
    expect(wordTokens(copies, 'zh')).toEqual(
      Array.from({ length: 30 }, (_, i) => (i === 0 ? once : ['|', ...once])).flat(),
    );
  });

  it('gives nothing for an empty text and tells space tokens apart', () => {
    expect(wordTokens('', 'en')).toEqual([]);
    expect(isSpaceToken(' \u00a0\u3000')).toBe(true);
    expect(isSpaceToken('a')).toBe(false);
  });
});
