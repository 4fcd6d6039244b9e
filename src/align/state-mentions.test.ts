import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { LANGUAGES } from '../domain/languages.js';
import { loadReferenceData } from '../reference/load-reference-data.js';
import type { MentionFinder } from './anchors.js';
import { stateMentions } from './state-mentions.js';

const SAMPLE = new URL('../../data/samples/un-ga-res-55-100/', import.meta.url);
const line = (lang: string, index: number): string =>
  readFileSync(new URL(`UN_GA_res55-100.${lang}.txt`, SAMPLE), 'utf8').split('\n')[index]!;

let mentions: MentionFinder;
beforeAll(() => {
  mentions = stateMentions(loadReferenceData().states);
});

describe('stateMentions', () => {
  it('finds short and formal names and variants, case- and accent-insensitively', () => {
    expect(mentions('Cuba and the People’s Republic of China', 'en')).toEqual(['CUB', 'CHN']);
    expect(mentions("SWAZILAND, côte d’ivoire, Cote d'Ivoire", 'en')).toEqual([
      'SWZ',
      'CIV',
      'CIV',
    ]);
    expect(mentions('la République populaire de Chine', 'fr')).toEqual(['CHN']);
  });

  it('takes the longest name: the Democratic Republic of the Congo is not the Congo', () => {
    expect(mentions('Democratic Republic of the Congo, Congo', 'en')).toEqual(['COD', 'COG']);
    expect(mentions("Democratic People's Republic of Korea, Republic of Korea", 'en')).toEqual([
      'PRK',
      'KOR',
    ]);
    expect(mentions('刚果民主共和国、刚果', 'zh')).toEqual(['COD', 'COG']);
  });

  it('respects word boundaries in alphabetic scripts, not in Chinese', () => {
    expect(mentions('Nigeria', 'en')).toEqual(['NGA']);
    expect(mentions('Omani', 'en')).toEqual([]);
    expect(mentions('Nigerian delegates', 'en')).toEqual([]);
    expect(mentions('古巴和中国代表团', 'zh')).toEqual(['CUB', 'CHN']);
  });

  it('reads Arabic through tatweel, alef variants and a leading و', () => {
    expect(mentions('جمهورية تنـزانيا المتحدة', 'ar')).toEqual(['TZA']);
    expect(mentions('بوليفيا، والصين', 'ar')).toEqual(['BOL', 'CHN']);
  });

  it('finds all 106 States of the GA vote list in every language', () => {
    const english = mentions(line('en', 2), 'en');
    expect(english).toHaveLength(106);
    for (const lang of LANGUAGES) {
      const found = mentions(line(lang, 2), lang);
      expect([...found].sort(), lang).toEqual([...english].sort());
    }
  });

  it('reads a 100-name vote list in well under a millisecond', () => {
    const text = line('en', 2);
    for (let i = 0; i < 50; i++) mentions(text, 'en');
    const runs = 500;
    const start = performance.now();
    for (let i = 0; i < runs; i++) mentions(text, 'en');
    expect((performance.now() - start) / runs).toBeLessThan(0.5);
  });
});
