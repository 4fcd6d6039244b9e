import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { citedActions } from './cited-actions.js';
import { metaTokens, metaValue, seriesValues } from './meta-tokens.js';
import { estimateMatches, langIdRange, permute32, searchDocId } from './search-ids.js';
import { buildSearchRow, buildSearchRows, columnTerms, tsvectorLiteral } from './search-row.js';

describe('search ids', () => {
  it('never collide: the permutation is a bijection of 32-bit counters', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (a, b) => {
          expect(permute32(a) === permute32(b)).toBe(a === b);
        },
      ),
    );
  });

  it('keep each language in its own range', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('ar', 'zh', 'en', 'fr', 'ru', 'es', 'und' as const),
        fc.nat(),
        (lang, n) => {
          const [lo, hi] = langIdRange(lang);
          const id = searchDocId(lang, n);
          expect(id).toBeGreaterThanOrEqual(lo);
          expect(id).toBeLessThanOrEqual(hi);
          expect(Number.isSafeInteger(id)).toBe(true);
        },
      ),
    );
  });

  it('spread consecutive paragraphs evenly, so the first k of n matches estimate n', () => {
    for (const [total, every] of [
      [300_000, 1],
      [50_000, 7],
      [20_000, 3],
    ] as const) {
      // The matches are every `every`-th paragraph of a corpus indexed in order.
      const ids = Array.from({ length: total }, (_, i) => searchDocId('en', 1 + i * every)).sort(
        (a, b) => a - b,
      );
      const k = 10_001;
      const estimate = estimateMatches(k, ids[k - 1]!, 'en');
      expect(Math.abs(estimate - total) / total).toBeLessThan(0.03);
    }
  });
});

describe('cited actions', () => {
  it.each([
    ['Progress on action 21 was reported.', 'en', [21]],
    ['Actions 5, 20 and 21 call for reports.', 'en', [5, 20, 21]],
    ['actions 1 to 4 of the plan', 'en', [1, 2, 3, 4]],
    ['au titre de la mesure 21 du Plan', 'fr', [21]],
    ['las medidas 20 y 21', 'es', [20, 21]],
    ['выполнения действия 21 Плана', 'ru', [21]],
    ['في تنفيذ الإجراء ٢١ من خطة', 'ar', [21]],
    ['执行行动21的进展', 'zh', [21]],
    ['第 5 项行动', 'zh', [5]],
    ['执行行动 5、20 和 21 的规定', 'zh', [5, 20, 21]],
    ['行动1至3', 'zh', [1, 2, 3]],
    ['Action 65 and action 0 are not actions; 2010 is a year.', 'en', []],
  ] as const)('%s', (text, lang, expected) => {
    expect(citedActions(text, lang)).toEqual(expected);
  });
});

describe('meta tokens', () => {
  it('turn values into single tokens with _ and never end with it', () => {
    expect(metaValue('NPT/CONF.2015/PC.I')).toBe('npt_conf_2015_pc_i');
    expect(seriesValues('NPT/CONF.2015/PC.I')).toEqual([
      'NPT',
      'NPT/CONF.2015',
      'NPT/CONF.2015/PC.I',
    ]);
    const tokens = metaTokens({
      lang: 'fr',
      year: 2015,
      docType: 'WP',
      symbol: 'NPT/CONF.2015/PC.I/WP.3',
      body: 'NPT/CONF.2015/PC.I',
      meetingId: 'NPT-2015-PC1',
      states: ['FRA', 'IRL'],
      actions: [21],
    });
    expect(tokens).toEqual([
      'lang_fr',
      'year_2015',
      'type_wp',
      'symbol_npt_conf_2015_pc_i_wp_3',
      'series_npt',
      'series_npt_conf_2015',
      'series_npt_conf_2015_pc_i',
      'meeting_npt_2015_pc1',
      'state_fra',
      'state_irl',
      'action_21',
    ]);
  });
});

describe('search rows', () => {
  const paragraph = {
    expressionId: 'x1',
    eid: 'para_1',
    position: 1,
    workId: 'A/RES/55/100',
    year: 2000,
    docType: 'RES',
    symbol: 'A/RES/55/100',
    body: 'A',
    meetingId: null,
    states: [] as string[],
  };

  it('put titles and headings in head, and count every token in the length', () => {
    const row = buildSearchRow({
      ...paragraph,
      lang: 'en',
      kind: 'title',
      text: 'Family reunification',
    });
    expect(columnTerms(row, 'head')).toEqual(['famili', 'reunif']);
    expect(columnTerms(row, 'body')).toEqual([]);
    expect(row.len).toBe(2 + columnTerms(row, 'meta').length);
  });

  it("give each paragraph its own document's filter tokens and its own actions", () => {
    const row = (over: Partial<typeof paragraph>, text: string) =>
      columnTerms(
        buildSearchRow({ ...paragraph, ...over, lang: 'en', kind: 'paragraph', text }),
        'meta',
      );
    const a1 = row({}, 'See action 5.');
    const b = row({ year: 2015, states: ['FRA'] }, 'Nothing cited.');
    const a2 = row({}, 'Action 21 again.');
    expect(a1).toContain('year_2000');
    expect(a1).toContain('action_5');
    expect(b).toContain('year_2015');
    expect(b).toContain('state_fra');
    expect(b.some((t) => t.startsWith('action_') || t === 'year_2000')).toBe(false);
    expect(a2).toEqual([...a1.filter((t) => t !== 'action_5'), 'action_21']);
  });

  it('are the same built for a whole document as one paragraph at a time', () => {
    const text = fc.oneof(
      fc.constantFrom('See action 5.', 'Actions 20 and 21.', 'Nothing cited.', '行动 5、20 和 21'),
      fc.string({ maxLength: 40 }),
    );
    const paragraphOf = fc.record({
      eid: fc.string({ minLength: 1, maxLength: 6 }),
      position: fc.nat(),
      kind: fc.constantFrom('paragraph', 'title', 'heading', 'footnote'),
      text,
    });
    fc.assert(
      fc.property(
        fc.constantFrom('ar', 'zh', 'en', 'fr', 'ru', 'es', 'und' as const),
        fc.option(fc.integer({ min: 1970, max: 2030 }), { nil: null }),
        fc.array(fc.constantFrom('FRA', 'CHN', 'RUS'), { maxLength: 2 }),
        fc.array(paragraphOf, { maxLength: 5 }),
        (lang, year, states, paragraphs) => {
          const document = { ...paragraph, lang, year, states };
          expect(buildSearchRows(document, paragraphs)).toEqual(
            paragraphs.map((p) => buildSearchRow({ ...document, ...p })),
          );
        },
      ),
    );
  });

  it('give Chinese paragraphs words and characters', () => {
    const row = buildSearchRow({ ...paragraph, lang: 'zh', kind: 'paragraph', text: '实现核裁军' });
    expect(row.columns.body).toBe('实现 核 裁军');
    expect(columnTerms(row, 'chars')).toEqual(['实', '现', '核', '裁', '军']);
  });

  it('write a tsvector literal with a gap between columns and the column as weight', () => {
    const row = buildSearchRow({ ...paragraph, lang: 'zh', kind: 'paragraph', text: '核裁军' });
    const literal = tsvectorLiteral(row);
    expect(literal).toContain("'核':1A,4C");
    expect(literal).toContain("'裁军':2A");
    expect(literal).toMatch(/'lang_zh':\d+D/);
  });
});
