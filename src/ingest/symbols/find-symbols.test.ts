/**
 * `findSymbols` on document headers and citations as they come out of text extraction, in
 * English and Chinese, and on prose full of slashes that are not symbols.
 */
import { describe, expect, it } from 'vitest';
import { findSymbols } from './un-symbol.js';

/** What was found, as [the text matched, its canonical symbol]. */
function found(text: string): [string, string][] {
  return findSymbols(text).map(({ symbol, index, length }) => [
    text.slice(index, index + length),
    symbol.canonical,
  ]);
}

// Shaped on the first page of A/70/460 and of a PrepCom working paper, as pdftotext gives them.
const ENGLISH_HEADER = `United Nations\tA/70/460
General Assembly\tDistr.: General
18 November 2015
Original: English
15-20203 (E) 251115
*1520203*
Seventieth session
Agenda item 97
General and complete disarmament
Report of the First Committee
1. At its 2nd plenary meeting, on 18 September 2015, the General Assembly, on the
recommendation of the General Committee (see A/70/250, para. 12), decided to allocate the
item to the First Committee. Draft resolution A/C.1/70/L.1 was adopted without a vote; see
also resolution 70/28 of 7 December 2015, Security Council resolution 1540 (2004)
(S/RES/1540 (2004)) and the Final Document (NPT/CONF.2010/50 (Vol. I)*, part I).
2. Safeguards agreements follow INFCIRC/153 (Corrected); two thirds (2/3) of the States,
or 3/4 of those present on 12/05/2015, voted in favour (A/C.1/70/PV.18, A/C.1/70/PV.19).`;

const NPT_HEADER = `Preparatory Committee for the 2015 Review Conference of the
Parties to the Treaty on the Non-Proliferation of Nuclear Weapons
NPT/CONF.2015/PC.II/WP.13
Distr.: General
Second session
Geneva, 22 April-3 May 2013`;

// The Chinese versions print the symbol in ASCII in the header but may use full-width forms in
// the running text, with full-width commas and parentheses around it.
const CHINESE_HEADER = `不扩散核武器条约缔约国2015年审议大会筹备委员会
NPT/CONF.2015/PC.II/WP.13
Distr.: General
第二届会议
2013年4月22日至5月3日，日内瓦
第55/100号决议
2000年12月4日第81次全体会议根据委员会的建议（A/55/602/Add.2，第94段）
回顾《世界人权宣言》第217 A(III)号决议，见第2200 A(XXI)号决议，附件。
安全理事会第1540（2004）号决议（S/RES/1540（2004））和ＮＰＴ／ＣＯＮＦ．２０１０／５０（Ｖｏｌ．Ｉ）`;

describe('findSymbols', () => {
  it('finds the symbols of an English header and its citations, and nothing else', () => {
    expect(found(ENGLISH_HEADER)).toEqual([
      ['A/70/460', 'A/70/460'],
      ['A/70/250', 'A/70/250'],
      ['A/C.1/70/L.1', 'A/C.1/70/L.1'],
      ['S/RES/1540 (2004)', 'S/RES/1540 (2004)'],
      ['NPT/CONF.2010/50 (Vol. I)*', 'NPT/CONF.2010/50 (Vol. I)*'],
      ['INFCIRC/153 (Corrected)', 'INFCIRC/153 (Corrected)'],
      ['A/C.1/70/PV.18', 'A/C.1/70/PV.18'],
      ['A/C.1/70/PV.19', 'A/C.1/70/PV.19'],
    ]);
  });

  it('stops a symbol at the end of its line', () => {
    const [first] = findSymbols(NPT_HEADER);
    expect(first?.symbol).toMatchObject({
      conference: 2015,
      prepCom: 2,
      series: 'WP',
      number: '13',
    });
    expect(found(NPT_HEADER)).toEqual([['NPT/CONF.2015/PC.II/WP.13', 'NPT/CONF.2015/PC.II/WP.13']]);
    expect(found('NPT/CONF.2015/PC.II/WP.13\nDistr.: General')).toEqual([
      ['NPT/CONF.2015/PC.II/WP.13', 'NPT/CONF.2015/PC.II/WP.13'],
    ]);
  });

  it('finds symbols in Chinese text, full-width forms included, with their positions', () => {
    expect(found(CHINESE_HEADER)).toEqual([
      ['NPT/CONF.2015/PC.II/WP.13', 'NPT/CONF.2015/PC.II/WP.13'],
      ['A/55/602/Add.2', 'A/55/602/Add.2'],
      ['S/RES/1540（2004）', 'S/RES/1540 (2004)'],
      ['ＮＰＴ／ＣＯＮＦ．２０１０／５０（Ｖｏｌ．Ｉ）', 'NPT/CONF.2010/50 (Vol. I)'],
    ]);
  });

  it('takes the longest symbol, and only what belongs to it', () => {
    expect(found('(A/55/602/Add.2 and Corr.1, para. 94)')).toEqual([
      ['A/55/602/Add.2', 'A/55/602/Add.2'],
    ]);
    expect(found('see A/C.1/65/L.1/Rev.1.')).toEqual([
      ['A/C.1/65/L.1/Rev.1', 'A/C.1/65/L.1/Rev.1'],
    ]);
    expect(found('INFCIRC/254/Rev.13/Part 1 and INFCIRC/254/Rev.11/Part 2')).toEqual([
      ['INFCIRC/254/Rev.13/Part 1', 'INFCIRC/254/Rev.13/Part 1'],
      ['INFCIRC/254/Rev.11/Part 2', 'INFCIRC/254/Rev.11/Part 2'],
    ]);
    expect(found('GOV/INF/2025/8-GC(69)/INF/4')).toEqual([
      ['GOV/INF/2025/8', 'GOV/INF/2025/8'],
      ['GC(69)/INF/4', 'GC(69)/INF/4'],
    ]);
    expect(found('CTBT – Art.XIV/2003/3, 30 July 2003')).toEqual([
      ['CTBT – Art.XIV/2003/3', 'CTBT-Art.XIV/2003/3'],
    ]); // Followed by a word, not a comma: the spaces read looking for a suffix are not the symbol's.
    expect(found('resolution S/RES/1540 (2004) and its follow-up')).toEqual([
      ['S/RES/1540 (2004)', 'S/RES/1540 (2004)'],
    ]);
  });

  it('finds no symbols in prose, dates, fractions or barcodes', () => {
    const prose = [
      'The A/B test, s/he said, and/or 3/4 of 1/2 on 12/05/2010 or 2010/05/12.',
      'CD/DVD drives, S/N 12345, GC content, A/C units, grade S/2, 5 A/3 V.',
      'Resolutions 55/100 and 2373 (XXII); 217 A (III); 15-20203 (E) 251115 *1520203*.',
      'Article VI, paragraph 3; NPT Review Conference; the CTBT; a CD; GOV.UK; GC(',
      'XA/65/150, A/65/150x, UNA/RES/1, A/65/, S/RES/, INFCIRC/, NPT/CONF.2015/PC.IV/1',
    ].join('\n');
    expect(found(prose)).toEqual([]);
  });

  it('is linear on long text', () => {
    const text = `${'Lorem ipsum A/ S/ GC( 1/2 '.repeat(4_000)}A/65/150`;
    const started = performance.now();
    expect(found(text)).toEqual([['A/65/150', 'A/65/150']]);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
