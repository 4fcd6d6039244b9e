/**
 * Citation numbers are read from the printed numbers along an eId's path; these cases are the
 * shapes the ingest produces (numbered, lettered, points, unnumbered, preambles, footnotes).
 */
import { describe, expect, it } from 'vitest';
import type { Segment } from './api-types.js';
import { citationNumbers, citedSymbol } from './citation.js';

const seg = (eId: string, kind: Segment['kind'], num: string | null): Segment => ({
  eId,
  kind,
  num,
  text: '…',
});

describe('citation numbers', () => {
  const resolution = [
    seg('title', 'title', null),
    seg('p_1', 'paragraph', null),
    seg('para_2', 'paragraph', '2'),
    seg('para_2__subpara_b', 'subparagraph', '(b)'),
    seg('para_2__subpara_b__point_ii', 'subparagraph', '(ii)'),
    seg('hcontainer_1', 'heading', 'I'),
    seg('fn_1', 'footnote', '1'),
  ];

  it('joins the printed numbers along the path, and skips what has no number', () => {
    expect([...citationNumbers(resolution, 'en')]).toEqual([
      ['para_2', '2'],
      ['para_2__subpara_b', '2 (b)'],
      ['para_2__subpara_b__point_ii', '2 (b) (ii)'],
    ]);
  });

  it('writes the parts together in Chinese', () => {
    expect(citationNumbers(resolution, 'zh').get('para_2__subpara_b')).toBe('2(b)');
  });

  it('keeps the letters the text prints', () => {
    const russian = [
      seg('para_6', 'paragraph', '6'),
      seg('para_6__subpara_b', 'subparagraph', '(б)'),
    ];
    expect(citationNumbers(russian, 'ru').get('para_6__subpara_b')).toBe('6 (б)');
  });

  it('numbers the paragraphs of a document that prints none by their order', () => {
    const statement = [seg('para_1', 'paragraph', null), seg('para_12', 'paragraph', null)];
    expect([...citationNumbers(statement, 'en').values()]).toEqual(['1', '12']);
  });

  it('names a revision as part of the symbol', () => {
    expect(citedSymbol('NPT/CONF.2015/PC.II/WP.13', 'Rev.1')).toBe(
      'NPT/CONF.2015/PC.II/WP.13/Rev.1',
    );
    expect(citedSymbol('A/RES/55/100', '')).toBe('A/RES/55/100');
  });
});
