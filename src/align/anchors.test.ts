import { describe, expect, it } from 'vitest';
import {
  anchorSimilarity,
  extractAnchors,
  numberAnchors,
  sortedCommonCount,
  symbolAnchors,
} from './anchors.js';

describe('numberAnchors', () => {
  it('normalises Arabic-Indic, Eastern Arabic and full-width digits', () => {
    expect(numberAnchors('القرار ٥٥/١٠٠', 'ar')).toEqual(['n:55/100']);
    expect(numberAnchors('قرار ۵۴/۱۶۹', 'ar')).toEqual(['n:54/169']);
    expect(numberAnchors('第５５/１００号决议', 'zh')).toEqual(['n:55/100']);
  });

  it('keeps multi-part numbers and drops what is not a number', () => {
    expect(numberAnchors('resolution 54/169 of 17 December 1999', 'en')).toEqual([
      'n:54/169',
      'n:17',
      'n:1999',
    ]);
    expect(numberAnchors('Resolution 217 A (III).', 'en')).toEqual(['n:217']);
    expect(numberAnchors('the 81st plenary meeting', 'en')).toEqual(['n:81']);
    expect(numberAnchors('(A/55/602/Add.2, para. 94)', 'en')).toEqual(['n:55/602', 'n:2', 'n:94']);
  });

  it('joins thousands groups however they are written', () => {
    for (const [text, lang] of [
      ['1,500 delegates', 'en'],
      ['1 500 délégués', 'fr'],
      ['1\u202f500 délégués', 'fr'],
      ['1.500 delegados', 'es'],
    ] as const) {
      expect(numberAnchors(text, lang)).toEqual(['n:1500']);
    }
    expect(numberAnchors('in 2000 200 people', 'en')).toEqual(['n:2000', 'n:200']);
  });

  it('drops a Chinese month, the Arabic session number and Word footnote marks', () => {
    expect(numberAnchors('2000年12月4日', 'zh')).toEqual(['n:2000', 'n:4']);
    expect(numberAnchors('القرار 217 ألف (د - 3)', 'ar')).toEqual(['n:217']);
    expect(numberAnchors('الإنسان([1]) القرار', 'ar')).toEqual([]);
    expect(numberAnchors('12月', 'en')).toEqual(['n:12']);
    expect(numberAnchors('(د - 3)', 'en')).toEqual(['n:3']);
  });
});

describe('symbolAnchors', () => {
  it('finds UN symbols in running text in any script', () => {
    expect(symbolAnchors('委员会的建议（A/55/602/Add.2，第94段）')).toEqual(['s:A/55/602/Add.2']);
    expect(symbolAnchors('see S/RES/1540 (2004), and A/55/602')).toEqual([
      's:S/RES/1540 (2004)',
      's:A/55/602',
    ]);
    expect(symbolAnchors('resolution 55/100 and 5/13')).toEqual([]);
  });
});

describe('extractAnchors', () => {
  it('adds the States the mentions function finds, sorted with the rest', () => {
    const mentions = (text: string) => (text.includes('Cuba') ? ['CUB'] : []);
    expect(extractAnchors('Cuba voted 106 to 1', 'en', { mentions })).toEqual([
      'n:1',
      'n:106',
      'st:CUB',
    ]);
  });

  it('is the same for the same resolution line in English and Chinese', () => {
    expect(extractAnchors('Recalling its resolution 54/169 of 17 December 1999,', 'en')).toEqual(
      extractAnchors('回顾其1999年12月17日第54/169号决议，', 'zh'),
    );
  });
});

describe('anchorSimilarity', () => {
  it('is Dice over multisets', () => {
    expect(anchorSimilarity(['n:1', 'n:1', 'n:2'], ['n:1', 'n:2'])).toBeCloseTo(0.8, 12);
    expect(anchorSimilarity(['n:1'], ['n:2'])).toBe(0);
    expect(anchorSimilarity(['n:1'], ['n:1'])).toBe(1);
  });

  it('is neutral (null) when neither side has an anchor, 0 when only one has', () => {
    expect(anchorSimilarity([], [])).toBeNull();
    expect(anchorSimilarity(['n:1'], [])).toBe(0);
  });

  it('counts repeats once per side', () => {
    expect(sortedCommonCount([1, 1, 1, 2], [1, 1, 3])).toBe(2);
  });
});
