import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AnalysisLang } from './analyzer.js';
import { ANALYSIS_LANGS, analyzerFor, createAnalyzer, isAnalysisLang } from './analyzers.js';

const SAMPLES = new URL('../../../data/samples/', import.meta.url);

function terms(lang: AnalysisLang, text: string): string[] {
  return analyzerFor(lang)
    .analyze(text)
    .map((token) => token.term);
}

function words(lang: AnalysisLang, text: string): string[] {
  return analyzerFor(lang)
    .analyze(text)
    .map((token) => text.slice(token.start, token.end));
}

describe('the registry', () => {
  it('has an analyzer for the six languages and und, created once', () => {
    expect(ANALYSIS_LANGS).toEqual(['ar', 'zh', 'en', 'fr', 'ru', 'es', 'und']);
    for (const lang of ANALYSIS_LANGS) {
      expect(analyzerFor(lang).lang).toBe(lang);
      expect(analyzerFor(lang)).toBe(analyzerFor(lang));
    }
    expect(isAnalysisLang('und')).toBe(true);
    expect(isAnalysisLang('de')).toBe(false);
  });

  it('offers characters() for Chinese only', () => {
    expect('characters' in analyzerFor('zh')).toBe(true);
    for (const lang of ['ar', 'en', 'fr', 'ru', 'es', 'und'] as const) {
      expect('characters' in analyzerFor(lang)).toBe(false);
    }
  });
});

describe('tokenizing', () => {
  it('gives offsets into the original text', () => {
    const text = '  Family reunification (A/RES/55/100), 2010…';
    expect(analyzerFor('en').analyze(text)).toEqual([
      { term: 'famili', start: 2, end: 8 },
      { term: 'reunif', start: 9, end: 22 },
      { term: 'a', start: 24, end: 25 },
      { term: 'res', start: 26, end: 29 },
      { term: '55', start: 30, end: 32 },
      { term: '100', start: 33, end: 36 },
      { term: '2010', start: 39, end: 43 },
    ]);
  });

  it('keeps numbers as they are and stop words', () => {
    expect(terms('en', 'the 21 States of 2010')).toEqual(['the', '21', 'state', 'of', '2010']);
    expect(terms('fr', 'le 21 et la 2010')).toEqual(['le', '21', 'et', 'la', '2010']);
  });

  it('splits at apostrophes outside French', () => {
    expect(terms('en', "the State's position")).toEqual(['the', 'state', 's', 'posit']);
    expect(terms('es', "l'arme")).toEqual(['l', 'arme']);
  });

  it('keeps a word with a soft hyphen or a zero-width joiner in it whole', () => {
    expect(terms('en', 'non\u00ADproliferation')).toEqual(terms('en', 'nonproliferation'));
    expect(words('en', 'a non\u00ADproliferation\u00AD treaty')).toEqual([
      'a',
      'non\u00ADproliferation',
      'treaty',
    ]);
  });

  it('splits what NFKC makes several words of, and drops what it makes punctuation', () => {
    expect(terms('en', '½')).toEqual(['1', '2']);
    expect(terms('en', 'ﬁssile ＩＡＥＡ H₂O')).toEqual(['fissil', 'iaea', 'h2o']);
  });

  it('maps Arabic-Indic digits to ASCII in every language', () => {
    for (const lang of ANALYSIS_LANGS) {
      expect(terms(lang, '٢٠١٠ ۲۰۱۵')).toEqual(['2010', '2015']);
    }
  });
});

describe('English', () => {
  it('stems with Snowball', () => {
    expect(terms('en', 'family reunification')).toEqual(['famili', 'reunif']);
    expect(terms('en', 'reunifications families')).toEqual(terms('en', 'reunification family'));
  });

  it('folds accents', () => {
    expect(terms('en', 'naïve café régime')).toEqual(terms('en', 'naive cafe regime'));
  });
});

describe('French', () => {
  it('drops elided articles and pronouns, with either apostrophe', () => {
    expect(terms('fr', "l'arme d'armes qu'il L’Agence")).toEqual(['arme', 'arme', 'il', 'agenc']);
    expect(words('fr', "jusqu'à lorsqu’il puisqu'elle s'engage n'est c'est j'ai m'a t'a")).toEqual([
      'à',
      'il',
      'elle',
      'engage',
      'est',
      'est',
      'ai',
      'a',
      'a',
    ]);
  });

  it('keeps an elision not followed by a word, and other apostrophes split', () => {
    expect(words('fr', "l' arme")).toEqual(['l', 'arme']);
    expect(words('fr', "aujourd'hui")).toEqual(['aujourd', 'hui']);
  });

  it('gives a word typed without accents the term of the word written with them', () => {
    expect(terms('fr', 'sécurité sécurités désarmée désarmés')).toEqual(
      terms('fr', 'securite securites desarmee desarmes'),
    );
    expect(terms('fr', 'désarmée')).toEqual(terms('fr', 'désarmé'));
    expect(terms('fr', 'Traité sur la non-prolifération')).toEqual([
      'trait',
      'sur',
      'la',
      'non',
      'prolifer',
    ]);
  });
});

describe('Spanish', () => {
  it('stems the same with and without accents, singular and plural', () => {
    expect(terms('es', 'energía verificación')).toEqual(terms('es', 'energia verificacion'));
    expect(terms('es', 'verificación')).toEqual(terms('es', 'verificaciones'));
    expect(terms('es', 'recomendación')).toEqual(terms('es', 'recomendaciones'));
  });
});

describe('Russian', () => {
  it('stems inflected forms to one term', () => {
    expect(terms('ru', 'ядерного')).toEqual(terms('ru', 'ядерное'));
    expect(terms('ru', 'ядерного оружия')).toEqual(terms('ru', 'ядерное оружие'));
  });

  it('reads ё as е and drops stress marks, but keeps й', () => {
    expect(terms('ru', 'ёлка Ёлка')).toEqual(terms('ru', 'елка елка'));
    expect(terms('ru', 'за\u0301мок')).toEqual(terms('ru', 'замок'));
    expect(terms('ru', 'район')).toEqual(['район']);
  });
});

describe('Arabic', () => {
  it('gives every spelling of a word the same term', () => {
    const expected = terms('ar', 'الأسلحة النووية');
    expect(expected).toHaveLength(2);
    expect(terms('ar', 'الاسلحة النوويه')).toEqual(expected);
    expect(terms('ar', 'الأَسْلِحَة النَّوَوِيَّة')).toEqual(expected);
    expect(terms('ar', 'الإسلحـــة النوويّة')).toEqual(expected);
    expect(terms('ar', 'أسلحة')).toEqual(terms('ar', 'الأسلحة'));
  });

  it('unifies alef maqsura, hamza carriers and Persian letters', () => {
    expect(terms('ar', 'على')).toEqual(terms('ar', 'علي'));
    expect(terms('ar', 'مؤتمر')).toEqual(terms('ar', 'موتمر'));
    expect(terms('ar', 'إسرائيل')).toEqual(terms('ar', 'اسراييل'));
    expect(terms('ar', 'سیاسة')).toEqual(terms('ar', 'سياسة'));
  });

  it('never writes ة, ى, hamza carriers or harakat into a term', () => {
    const text = readFileSync(new URL('un-ga-res-55-100/UN_GA_res55-100.ar.txt', SAMPLES), 'utf8');
    for (const term of terms('ar', text)) {
      expect(term).not.toMatch(/[\u064b-\u065f\u0670\u0622-\u0626\u0629\u0649\u0671\u0640]/);
    }
  });
});

describe('Chinese', () => {
  const seed = readFileSync(new URL('seed/p5-joint-statement-2013.zh.txt', SAMPLES), 'utf8');

  it('segments words with the ICU dictionary', () => {
    expect(terms('zh', '不扩散核武器条约')).toEqual(['不', '扩散', '核武器', '条约']);
  });

  it('treats Latin letters and digits in Chinese text like und', () => {
    expect(analyzerFor('zh').analyze('2013年IAEA报告Ｔｒａｉｔé')).toEqual([
      { term: '2013', start: 0, end: 4 },
      { term: '年', start: 4, end: 5 },
      { term: 'iaea', start: 5, end: 9 },
      { term: '报告', start: 9, end: 11 },
      { term: 'traite', start: 11, end: 17 },
    ]);
  });

  it.each(['核裁军', '裂变材料禁产条约', '附加议定书', '不扩散条约'])(
    'segments %s alone as it does inside the seed text',
    (query) => {
      const alone = analyzerFor('zh').analyze(query);
      expect(alone.length).toBeGreaterThan(0);
      const tokens = analyzerFor('zh').analyze(seed);
      let at = seed.indexOf(query);
      expect(at).toBeGreaterThanOrEqual(0);
      for (; at >= 0; at = seed.indexOf(query, at + 1)) {
        const inside = tokens
          .filter((token) => token.start >= at && token.end <= at + query.length)
          .map((token) => ({ term: token.term, start: token.start - at, end: token.end - at }));
        expect(inside).toEqual(alone);
      }
    },
  );

  it('segments Han runs the same as ICU segments the whole text', () => {
    const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
    const whole = [...segmenter.segment(seed)]
      .filter((segment) => segment.isWordLike === true && /\p{Script=Han}/u.test(segment.segment))
      .map((segment) => [segment.index, segment.segment]);
    const ours = analyzerFor('zh')
      .analyze(seed)
      .filter((token) => /\p{Script=Han}/u.test(token.term))
      .map((token) => [token.start, seed.slice(token.start, token.end)]);
    expect(ours).toEqual(whole);
  });

  it('gives one character per Han character and one per other run', () => {
    const zh = analyzerFor('zh');
    expect(zh.characters?.('核裁军：IAEA２０１３年')).toEqual([
      { term: '核', start: 0, end: 1 },
      { term: '裁', start: 1, end: 2 },
      { term: '军', start: 2, end: 3 },
      { term: 'iaea2013', start: 4, end: 12 },
      { term: '年', start: 12, end: 13 },
    ]);
    expect(zh.characters?.('𠀀丽')).toEqual([
      { term: '𠀀', start: 0, end: 2 },
      { term: '丽', start: 2, end: 3 },
    ]);
  });

  it('segments a Han run alone when ICU joins it to kana', () => {
    expect(analyzerFor('zh').analyze('東京タワー')).toEqual([
      { term: '東京', start: 0, end: 2 },
      { term: 'タワー', start: 2, end: 5 },
    ]);
  });

  it('folds compatibility ideographs to unified ones', () => {
    expect(terms('zh', '\uF9DC')).toEqual(['\u9686']);
  });
});

describe('und', () => {
  it('lower-cases and folds without stemming, and segments Han', () => {
    expect(terms('und', 'Traités NUCLÉAIRES 核裁军 Ёлка الأسلحة')).toEqual([
      'traites',
      'nucleaires',
      '核',
      '裁军',
      'елка',
      'الاسلحه',
    ]);
  });
});

describe('the word cache', () => {
  it('gives the same terms when it is cleared in between', () => {
    const text = readFileSync(new URL('un-ga-res-55-100/UN_GA_res55-100.fr.txt', SAMPLES), 'utf8');
    const tiny = createAnalyzer('fr', { cacheSize: 3 });
    const none = createAnalyzer('fr', { cacheSize: 0 });
    const expected = analyzerFor('fr').analyze(text);
    expect(tiny.analyze(text)).toEqual(expected);
    expect(none.analyze(text)).toEqual(expected);
    expect(analyzerFor('fr').analyze(text)).toEqual(expected);
  });
});
