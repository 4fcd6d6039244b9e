import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { alignSentences, splitSentences } from './align-sentences.js';

const SAMPLE = new URL('../../data/samples/un-ga-res-55-100/', import.meta.url);
const line = (lang: string, index: number): string =>
  readFileSync(new URL(`UN_GA_res55-100.${lang}.txt`, SAMPLE), 'utf8').split('\n')[index]!;

describe('splitSentences', () => {
  it('splits English on sentence ends but not after abbreviations or inside symbols', () => {
    expect(
      splitSentences(
        'Cairo, 5-13 September 1994 (Sales No. E.95.XIII.18), chap. I, annex. See Mr. Smith (para. 94). Done',
        'en',
      ),
    ).toEqual([
      'Cairo, 5-13 September 1994 (Sales No. E.95.XIII.18), chap. I, annex. ',
      'See Mr. Smith (para. 94). ',
      'Done',
    ]);
  });

  it('keeps a paragraph number with its sentence', () => {
    expect(splitSentences('Recalling its resolution. 1. Calls upon all States;', 'en')).toEqual([
      'Recalling its resolution. ',
      '1. Calls upon all States;',
    ]);
    expect(splitSentences('1． 再次呼吁所有国家。大会决定。', 'zh')).toEqual([
      '1． 再次呼吁所有国家。',
      '大会决定。',
    ]);
  });

  it('splits Chinese and Arabic on their own marks, never on a semicolon', () => {
    expect(
      splitSentences('重申所有的人权。回顾其决议；如有这种法规则应加以废除？是的！', 'zh'),
    ).toEqual(['重申所有的人权。', '回顾其决议；如有这种法规则应加以废除？', '是的！']);
    expect(splitSentences('إذ تؤكد من جديد. هل هذا صحيح؟ نعم؛ لا.', 'ar')).toEqual([
      'إذ تؤكد من جديد. ',
      'هل هذا صحيح؟ ',
      'نعم؛ لا.',
    ]);
  });

  it('knows French and Russian abbreviations', () => {
    expect(splitSentences('M. Dupont est là. Il parle.', 'fr')).toEqual([
      'M. Dupont est là. ',
      'Il parle.',
    ]);
    expect(splitSentences('См. резолюцию 2200 А (XXI). Доклад.', 'ru')).toEqual([
      'См. резолюцию 2200 А (XXI). ',
      'Доклад.',
    ]);
  });

  it('returns nothing for an empty text and gives every GA line back whole', () => {
    expect(splitSentences('', 'en')).toEqual([]);
    for (const lang of ['ar', 'zh', 'en', 'fr', 'ru', 'es']) {
      for (let i = 0; i < 15; i++)
        expect(splitSentences(line(lang, i), 'en').join('')).toBe(line(lang, i));
    }
  });
});

describe('alignSentences', () => {
  it('aligns the one English sentence of a GA paragraph with its two Chinese ones', () => {
    const result = alignSentences(line('en', 9), line('zh', 9), 'en', 'zh');
    expect(result.a).toHaveLength(1);
    expect(result.b).toHaveLength(2);
    expect(result.links.map((l) => [l.a, l.b])).toEqual([[[0], [0, 1]]]);
  });

  it('aligns sentence by sentence', () => {
    const result = alignSentences(
      'The Conference opened on 27 April 2015. It adopted its agenda (NPT/CONF.2015/1). It closed on 22 May.',
      'La Conférence s’est ouverte le 27 avril 2015. Elle a adopté son ordre du jour (NPT/CONF.2015/1). Elle a pris fin le 22 mai.',
      'en',
      'fr',
    );
    expect(result.links.map((l) => [l.a, l.b])).toEqual([
      [[0], [0]],
      [[1], [1]],
      [[2], [2]],
    ]);
  });
});
