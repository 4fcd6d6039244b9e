/**
 * `parseSymbol` on the spellings people and PDFs actually produce, and on input it must refuse
 * with a message that says what was expected and where.
 */
import { describe, expect, it } from 'vitest';
import { parseSymbol } from './un-symbol.js';

function canonical(input: string): string {
  const result = parseSymbol(input);
  if (!result.ok) throw new Error(`${JSON.stringify(input)}: ${result.error.message}`);
  return result.symbol.canonical;
}

function error(input: string) {
  const result = parseSymbol(input);
  if (result.ok) throw new Error(`${JSON.stringify(input)} parsed as ${result.symbol.canonical}`);
  return result.error;
}

describe('liberal input, one canonical symbol', () => {
  it.each([
    // Case, surrounding and inner whitespace, non-breaking and ideographic spaces.
    ['npt/conf.2015/pc.ii/wp.13', 'NPT/CONF.2015/PC.II/WP.13'],
    ['  NPT/CONF.2015/PC.II/WP.13\n', 'NPT/CONF.2015/PC.II/WP.13'],
    ['NPT / CONF.2015 / PC.II / WP.13', 'NPT/CONF.2015/PC.II/WP.13'],
    ['\u3000NPT/CONF.2015/PC.II/WP.13\u00a0', 'NPT/CONF.2015/PC.II/WP.13'],
    ['NPT/CONF.2010/50\u00a0(Vol.\u00a0I)', 'NPT/CONF.2010/50 (Vol. I)'],
    // Full-width slash, full stop, digits and parentheses (Chinese and Japanese documents).
    ['NPT／CONF．2015／PC．II／WP．13', 'NPT/CONF.2015/PC.II/WP.13'],
    ['Ａ／ＲＥＳ／５５／１００', 'A/RES/55/100'],
    ['S/RES/1540（2004）', 'S/RES/1540 (2004)'],
    // Typing shortcuts seen in citations: no dot after CONF, Arabic PrepCom numbers.
    ['NPT/CONF2010/PC.1/WP.78', 'NPT/CONF.2010/PC.I/WP.78'],
    ['NPT/CONF.2015/PC 3/WP 1', 'NPT/CONF.2015/PC.III/WP.1'],
    // Volumes and parts: any case, with or without the dot, Arabic or Roman, over a line break.
    ['NPT/CONF.2010/50 (vol. I)', 'NPT/CONF.2010/50 (Vol. I)'],
    ['NPT/CONF.2010/50 (Vol I)', 'NPT/CONF.2010/50 (Vol. I)'],
    ['NPT/CONF.2010/50(Vol.I)', 'NPT/CONF.2010/50 (Vol. I)'],
    ['NPT/CONF.2010/50 (Volume 2)', 'NPT/CONF.2010/50 (Vol. II)'],
    ['NPT/CONF.2010/50 (Vol.\nI)', 'NPT/CONF.2010/50 (Vol. I)'],
    ['NPT/CONF.2005/57 (part 1)', 'NPT/CONF.2005/57 (Part I)'],
    ['NPT/CONF.2000/28 (Part I and II)', 'NPT/CONF.2000/28 (Parts I and II)'],
    // Parenthesised years, corrected circulars, GC sessions.
    ['S/RES/1540(2004)', 'S/RES/1540 (2004)'],
    ['s/res/1540 ( 2004 )', 'S/RES/1540 (2004)'],
    ['INFCIRC/153(Corrected)', 'INFCIRC/153 (Corrected)'],
    ['infcirc/153 (corrected)', 'INFCIRC/153 (Corrected)'],
    ['gc(57)/res/13', 'GC(57)/RES/13'],
    ['GC (57) / RES / 13', 'GC(57)/RES/13'],
    ['GC(60)/RES/DEC (2016)', 'GC(60)/RES/DEC(2016)'],
    // Revision suffixes: with or without the dot, any case, spaced.
    ['A/C.1/65/L.1/Rev 1', 'A/C.1/65/L.1/Rev.1'],
    ['A/C.1/65/L.1/rev.1', 'A/C.1/65/L.1/Rev.1'],
    ['A/C.1/65/L.1/Rev. 1', 'A/C.1/65/L.1/Rev.1'],
    ['A/C1/65/L.1/REV.1', 'A/C.1/65/L.1/Rev.1'],
    ['A/55/602/Add.2/Corr. 1', 'A/55/602/Add.2/Corr.1'],
    ['INFCIRC/274/Rev 1/Mod 1', 'INFCIRC/274/Rev.1/Mod.1'],
    // Suffixes in an unofficial order come out in the official one.
    ['INFCIRC/254/Part 1/Rev.13', 'INFCIRC/254/Rev.13/Part 1'],
    ['INFCIRC/254/Rev.13 (Part 1)', 'INFCIRC/254/Rev.13/Part 1'],
    ['NPT/CONF.2010/50/Corr.1 (Vol. I)', 'NPT/CONF.2010/50 (Vol. I)/Corr.1'],
    ['INFCIRC/153 (Corrected)/Add.1', 'INFCIRC/153/Add.1 (Corrected)'],
    // Dashes: en dash and the spaced dash of CTBTO headers.
    ['CTBT–Art.XIV/2019/6', 'CTBT-Art.XIV/2019/6'],
    ['CTBT – Art.XIV/2003/3', 'CTBT-Art.XIV/2003/3'],
    ['CTBT-Art.14/2003/3', 'CTBT-Art.XIV/2003/3'],
    ['CTBT/PC–50/1', 'CTBT/PC-50/1'],
    ['A/RES/ES–10/19', 'A/RES/ES-10/19'],
    ['ctbt/pts/inf/1361', 'CTBT/PTS/INF.1361'],
    ['NPT/CONF.2015/INF.2', 'NPT/CONF.2015/INF/2'],
    // The reissue mark, spaced or not.
    ['NPT/CONF.2010/50 (Vol. I) *', 'NPT/CONF.2010/50 (Vol. I)*'],
    // Old GA resolutions, whichever way they are written.
    ['A/RES/2373(XXII)', 'A/RES/2373 (XXII)'],
    ['A/RES/22/2373', 'A/RES/2373 (XXII)'],
    ['A/RES/100 (XXXV)', 'A/RES/35/100'],
  ])('%j → %s', (input, expected) => {
    expect(canonical(input)).toBe(expected);
  });
});

describe('errors say what was expected, and where', () => {
  it.each([
    [
      'NPT/CONF.2015/PC.IV/1',
      17,
      /Preparatory Committee session \(I, II or III\) after PC\..*found 'IV'/,
    ],
    ['NPT/CONF.15/1', 9, /four-digit Review Conference year after CONF\..*found '15'/],
    ['NPT/CONF.1990/1', 9, /Review Conference year from 1995/],
    ['NPT/CONF.II/22/I', 9, /four-digit Review Conference year/],
    ['NPT/CONF.2015/PC.II', 19, /expected '\/' after PC\.II.*found the end of the input/],
    ['NPT/CONF.2015/MC.IV/1', 17, /Main Committee \(I, II or III\)/],
    ['A/RES/', 6, /expected a session number after A\/RES\/ at position 6/],
    ['A/RES/55/', 9, /resolution number/],
    ['A/65', 4, /expected '\/' after 65/],
    ['XYZ/1', 0, /expected a symbol beginning with NPT\/, A\/, S\/.*found 'XYZ'/],
    ['', 0, /expected a document symbol at position 0/],
    ['   ', 3, /expected a document symbol/],
    ['A/RES/55/100/Rev', 16, /expected a number after Rev\./],
    ['A/C.1/65/L.1/Rev.0', 17, /expected a number after Rev\./],
    ['A/RES/55/100 extra', 13, /expected the end of the symbol after A\/RES\/55\/100/],
    ['A/RES/55/100/Draft', 13, /expected Rev\., Corr\., Add\., Amend\., Mod\. or Part after '\/'/],
    ['INFCIRC/153 (Correctd)', 13, /expected Vol\., Part, Resumption or Corrected after '\('/],
    ['S/RES/1540 (20004)', 12, /four-digit year of the resolution/],
    ['S/PV', 4, /meeting number after S\/PV\./],
    ['S/06/815', 2, /RES\/, PRST\/, PV\. or a four-digit year after S\//],
    ['GC(XLIV)/RES/1', 3, /General Conference session number/],
    ['GC(57)/RES', 10, /expected '\/' after GC\(57\)\/RES/],
    ['GOV/13/27', 4, /INF\/ or a four-digit year after GOV\//],
    ['CTBT-Art.XV/2003/3', 5, /Art\.XIV/],
    ['CTBT/1', 5, /organ/],
    ['NPT/CONF.2010/50 (Vol. I) (Vol. II)', 26, /expected only one volume/],
    ['NPT/CONF.2015/PC.II/WP.13*/Rev.1', 26, /end of the symbol/],
  ])('%j fails at %i', (input, position, message) => {
    const e = error(input);
    expect(e.position).toBe(position);
    expect(e.message).toMatch(message);
    expect(e.message).toContain(`at position ${position}`);
  });
});

describe('long and hostile input', () => {
  const cases: readonly (readonly [string, string, boolean])[] = [
    ['10,000 letters', 'A'.repeat(10_000), false],
    ['10,000 slashes', '/'.repeat(10_000), false],
    ['10,000 opening parentheses after a symbol', `A/65/150${'('.repeat(9_992)}`, false],
    ['a run of spaces', `A/${' '.repeat(9_998)}`, false],
    ['a 9,998-digit session', `A/${'1'.repeat(9_998)}`, false],
    ['a document number of 9,986 digits', `NPT/CONF.2015/${'9'.repeat(9_986)}`, true],
    ['repeated working papers', `NPT/CONF.2015/${'WP.1/'.repeat(1_997)}`, false],
    ['1,665 revisions', `A/RES/55/100${'/Rev.1'.repeat(1_665)}`, true],
    ['nested volumes', `NPT/CONF.2010/50${' (Vol. I'.repeat(1_250)}`, false],
  ];

  // Catastrophic backtracking would take seconds or hours; the bound leaves room for a busy CI.
  it.each(cases)('%s: parsed or refused within 100 ms, without throwing', (_, input, ok) => {
    expect(input.length).toBeGreaterThanOrEqual(9_990);
    parseSymbol(input.slice(0, 100)); // warm up: the first call compiles the parser
    const started = performance.now();
    const result = parseSymbol(input);
    expect(performance.now() - started).toBeLessThan(100);
    expect(result.ok).toBe(ok);
    if (!result.ok) {
      expect(result.error.position).toBeGreaterThanOrEqual(0);
      expect(result.error.position).toBeLessThanOrEqual(input.length);
      expect(result.error.message.length).toBeLessThan(300);
    }
  });

  it('reports the first working paper that cannot follow a document number', () => {
    expect(error(`NPT/CONF.2015/${'WP.1/'.repeat(1_997)}`).position).toBe(19);
  });
});
