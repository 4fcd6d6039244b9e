/**
 * Real UN document symbols, each with its canonical form and the structured fields Pillars reads
 * from it. Every symbol in `REAL_SYMBOLS` was seen on a real document or cited in a real one
 * (UN, IAEA and CTBTO sites, UNODA pages, the staged UN corpora under ../shared/data); forms
 * that only illustrate the grammar are kept apart in `GRAMMAR_FORMS`.
 */
import { describe, expect, it } from 'vitest';
import { formatSymbol, parseSymbol, revisionLabel, type UnSymbol } from './un-symbol.js';

type Expected = Partial<Omit<UnSymbol, 'revisions'>> & {
  revisions?: UnSymbol['revisions'];
};

const rev = (kind: UnSymbol['revisions'][number]['kind'], number: number) => ({ kind, number });

const REAL_SYMBOLS: readonly (readonly [string, Expected])[] = [
  // NPT Review Conferences and their Preparatory Committees
  [
    'NPT/CONF.2015/PC.II/WP.13',
    { body: 'NPT', conference: 2015, prepCom: 2, series: 'WP', number: '13' },
  ],
  ['NPT/CONF.2015/PC.III/WP.1', { conference: 2015, prepCom: 3, series: 'WP', number: '1' }],
  [
    'NPT/CONF.2015/PC.I/WP.12*',
    { prepCom: 1, number: '12', reissued: true, base: 'NPT/CONF.2015/PC.I/WP.12' },
  ],
  ['NPT/CONF.2010/PC.I/WP.13', { conference: 2010, prepCom: 1, series: 'WP', number: '13' }],
  ['NPT/CONF.2010/PC.II/WP.20', { conference: 2010, prepCom: 2, series: 'WP', number: '20' }],
  ['NPT/CONF.2010/PC.III/WP.20', { conference: 2010, prepCom: 3, series: 'WP', number: '20' }],
  ['NPT/CONF.2010/PC.I/WP.78', { conference: 2010, prepCom: 1, number: '78' }],
  ['NPT/CONF.1995/MC.I/WP.5', { conference: 1995, mainCommittee: 1, series: 'WP', number: '5' }],
  ['NPT/CONF.1995/14', { conference: 1995, series: 'main', number: '14' }],
  ['NPT/CONF.1995/32 (Part I)', { conference: 1995, number: '32', part: 'I' }],
  ['NPT/CONF.2000/28 (Parts I and II)', { conference: 2000, number: '28', part: 'I and II' }],
  ['NPT/CONF.2005/1', { conference: 2005, series: 'main', number: '1' }],
  ['NPT/CONF.2005/PC.I/21', { conference: 2005, prepCom: 1, series: 'main', number: '21' }],
  [
    'NPT/CONF.2005/PC.I/21/Corr.1',
    { prepCom: 1, number: '21', revisions: [rev('Corr', 1)], base: 'NPT/CONF.2005/PC.I/21' },
  ],
  ['NPT/CONF.2005/PC.II/50', { conference: 2005, prepCom: 2, number: '50' }],
  [
    'NPT/CONF.2005/57 (Part I)*',
    { number: '57', part: 'I', reissued: true, base: 'NPT/CONF.2005/57 (Part I)' },
  ],
  ['NPT/CONF.2005/57 (Part II)', { number: '57', part: 'II' }],
  ['NPT/CONF.2005/57 (Part III)', { number: '57', part: 'III' }],
  ['NPT/CONF.2010/50 (Vol. I)', { conference: 2010, series: 'main', number: '50', volume: 'I' }],
  [
    'NPT/CONF.2010/50 (Vol. I)*',
    { volume: 'I', reissued: true, base: 'NPT/CONF.2010/50 (Vol. I)' },
  ],
  ['NPT/CONF.2010/50 (Vol. II)', { volume: 'II' }],
  ['NPT/CONF.2010/50 (Vol. III)', { volume: 'III' }],
  ['NPT/CONF.2020/1', { conference: 2020, series: 'main', number: '1' }],
  ['NPT/CONF.2020/19', { conference: 2020, series: 'main', number: '19' }],
  ['NPT/CONF.2020/WP.1', { conference: 2020, series: 'WP', number: '1' }],
  ['NPT/CONF.2020/WP.3', { conference: 2020, series: 'WP', number: '3' }],
  // General Assembly
  ['A/RES/55/100', { body: 'A', series: 'RES', session: 55, number: '100' }],
  [
    'A/55/602/Add.2',
    { session: 55, series: 'main', number: '602', revisions: [rev('Add', 2)], base: 'A/55/602' },
  ],
  [
    'A/55/602/Add.2/Corr.1',
    { number: '602', revisions: [rev('Add', 2), rev('Corr', 1)], base: 'A/55/602' },
  ],
  ['A/59/668', { session: 59, series: 'main', number: '668' }],
  ['A/59/668/Add.7', { session: 59, number: '668', revisions: [rev('Add', 7)], base: 'A/59/668' }],
  ['A/70/250', { session: 70, series: 'main', number: '250' }],
  ['A/70/460', { session: 70, series: 'main', number: '460' }],
  ['A/71/100', { session: 71, series: 'main', number: '100' }],
  ['A/C.1/70/L.1', { committee: 'C.1', session: 70, series: 'L', number: '1' }],
  ['A/C.1/70/L.2', { committee: 'C.1', session: 70, series: 'L', number: '2' }],
  ['A/C.1/71/L.41', { committee: 'C.1', session: 71, series: 'L', number: '41' }],
  [
    'A/C.1/56/INF/1/Add.1',
    {
      committee: 'C.1',
      session: 56,
      series: 'INF',
      number: '1',
      revisions: [rev('Add', 1)],
      base: 'A/C.1/56/INF/1',
    },
  ],
  ['A/C.2/70/SR.31', { committee: 'C.2', session: 70, series: 'SR', number: '31' }],
  ['A/RES/70/26', { series: 'RES', session: 70, number: '26' }],
  ['A/RES/70/70', { series: 'RES', session: 70, number: '70' }],
  ['A/RES/71/258', { series: 'RES', session: 71, number: '258' }],
  ['A/RES/50/245', { series: 'RES', session: 50, number: '245' }],
  ['A/RES/2373 (XXII)', { series: 'RES', session: 22, number: '2373' }],
  ['A/RES/S-10/2', { series: 'RES', specialSession: 'S', session: 10, number: '2' }],
  ['A/RES/ES-10/19', { series: 'RES', specialSession: 'ES', session: 10, number: '19' }],
  ['A/CONF.229/2017/8', { committee: 'CONF.229', year: 2017, series: 'main', number: '8' }],
  [
    'A/CONF.229/2017/L.3/Rev.1',
    {
      committee: 'CONF.229',
      year: 2017,
      series: 'L',
      number: '3',
      revisions: [rev('Rev', 1)],
      base: 'A/CONF.229/2017/L.3',
    },
  ],
  ['A/CONF.192/PC/L.3', { committee: 'CONF.192/PC', series: 'L', number: '3' }],
  ['A/AC.291/11', { committee: 'AC.291', series: 'main', number: '11' }],
  // Security Council
  ['S/RES/1540 (2004)', { body: 'S', series: 'RES', number: '1540', year: 2004 }],
  ['S/RES/1718 (2006)', { series: 'RES', number: '1718', year: 2006 }],
  ['S/RES/1887 (2009)', { series: 'RES', number: '1887', year: 2009 }],
  ['S/RES/984 (1995)', { series: 'RES', number: '984', year: 1995 }],
  ['S/RES/2223 (2015)', { series: 'RES', number: '2223', year: 2015 }],
  ['S/RES/2231 (2015)', { series: 'RES', number: '2231', year: 2015 }],
  ['S/2006/815', { series: 'main', year: 2006, number: '815' }],
  ['S/2015/1018', { series: 'main', year: 2015, number: '1018' }],
  ['S/2016/44', { series: 'main', year: 2016, number: '44' }],
  ['S/PRST/2014/16', { series: 'PRST', year: 2014, number: '16' }],
  ['S/PV.5551', { series: 'PV', number: '5551' }],
  ['S/PV.7488', { series: 'PV', number: '7488' }],
  // IAEA Board of Governors and General Conference
  ['GOV/2003/75', { body: 'GOV', series: 'main', year: 2003, number: '75' }],
  ['GOV/2011/65', { series: 'main', year: 2011, number: '65' }],
  ['GOV/2015/68', { series: 'main', year: 2015, number: '68' }],
  ['GOV/INF/2016/1', { series: 'INF', year: 2016, number: '1' }],
  ['GOV/INF/2025/8', { series: 'INF', year: 2025, number: '8' }],
  [
    'GC(54)/RES/DEC(2010)',
    { body: 'GC', session: 54, series: 'RES/DEC', year: 2010, number: null },
  ],
  ['GC(60)/RES/DEC(2016)', { session: 60, series: 'RES/DEC', year: 2016, number: null }],
  ['GC(63)/RES/DEC(2019)', { session: 63, series: 'RES/DEC', year: 2019, number: null }],
  ['GC(SPL.2)/RES/DEC(2019)', { specialSession: 'SPL', session: 2, series: 'RES/DEC', year: 2019 }],
  ['GC(60)/RES/1', { session: 60, series: 'RES', number: '1' }],
  ['GC(61)/RES/11', { session: 61, series: 'RES', number: '11' }],
  ['GC(63)/RES/13', { session: 63, series: 'RES', number: '13' }],
  ['GC(65)/RES/11', { session: 65, series: 'RES', number: '11' }],
  ['GC(61)/INF/4', { session: 61, series: 'INF', number: '4' }],
  ['GC(69)/INF/4', { session: 69, series: 'INF', number: '4' }],
  ['GC(61)/25', { session: 61, series: 'main', number: '25' }],
  ['GC(65)/25', { session: 65, series: 'main', number: '25' }],
  // IAEA information circulars
  ['INFCIRC/140', { body: 'INFCIRC', series: 'main', number: '140' }],
  ['INFCIRC/153 (Corrected)', { number: '153', corrected: true, base: 'INFCIRC/153' }],
  ['INFCIRC/193', { number: '193' }],
  ['INFCIRC/403', { number: '403' }],
  ['INFCIRC/540 (Corrected)', { number: '540', corrected: true, base: 'INFCIRC/540' }],
  ['INFCIRC/887', { number: '887' }],
  ['INFCIRC/66/Rev.2', { number: '66', revisions: [rev('Rev', 2)], base: 'INFCIRC/66' }],
  ['INFCIRC/225/Rev.5', { number: '225', revisions: [rev('Rev', 5)], base: 'INFCIRC/225' }],
  ['INFCIRC/274/Rev.1', { number: '274', revisions: [rev('Rev', 1)], base: 'INFCIRC/274' }],
  [
    'INFCIRC/274/Rev.1/Mod.1',
    { number: '274', revisions: [rev('Rev', 1), rev('Mod', 1)], base: 'INFCIRC/274' },
  ],
  [
    'INFCIRC/254/Rev.9/Part 2',
    { number: '254', revisions: [rev('Rev', 9)], part: '2', base: 'INFCIRC/254/Part 2' },
  ],
  [
    'INFCIRC/254/Rev.11/Part 2',
    { number: '254', revisions: [rev('Rev', 11)], part: '2', base: 'INFCIRC/254/Part 2' },
  ],
  [
    'INFCIRC/254/Rev.14/Part 1',
    { number: '254', revisions: [rev('Rev', 14)], part: '1', base: 'INFCIRC/254/Part 1' },
  ],
  // Conference on Disarmament
  ['CD/1299', { body: 'CD', series: 'main', number: '1299' }],
  ['CD/1864', { series: 'main', number: '1864' }],
  ['CD/1965', { series: 'main', number: '1965' }],
  ['CD/2004', { series: 'main', number: '2004' }],
  ['CD/PV.1302', { series: 'PV', number: '1302' }],
  [
    'CD/NTB/WP.330/Rev.2',
    {
      committee: 'NTB',
      series: 'WP',
      number: '330',
      revisions: [rev('Rev', 2)],
      base: 'CD/NTB/WP.330',
    },
  ],
  // CTBTO Preparatory Commission and Article XIV conferences
  ['CTBT/MSS/RES/1', { body: 'CTBT', committee: 'MSS', series: 'RES', number: '1' }],
  ['CTBT-Art.XIV/2003/3', { committee: 'Art.XIV', year: 2003, series: 'main', number: '3' }],
  ['CTBT-Art.XIV/2019/6', { committee: 'Art.XIV', year: 2019, number: '6' }],
  [
    'CTBT-Art.XIV/2021/6*',
    { committee: 'Art.XIV', year: 2021, number: '6', reissued: true, base: 'CTBT-Art.XIV/2021/6' },
  ],
];

/** Forms from the issue that illustrate the grammar but that we have not checked against a document. */
const GRAMMAR_FORMS: readonly (readonly [string, Expected])[] = [
  ['NPT/CONF.2015/PC.III/16', { prepCom: 3, series: 'main', number: '16' }],
  ['NPT/CONF.2015/MC.II/WP.1', { mainCommittee: 2, series: 'WP', number: '1' }],
  ['NPT/CONF.2010/MC.I/SB.1/1', { mainCommittee: 1, subsidiaryBody: 1, number: '1' }],
  ['NPT/CONF.2010/SR.1', { series: 'SR', number: '1' }],
  ['NPT/CONF.2010/L.2', { series: 'L', number: '2' }],
  ['NPT/CONF.2020/CRP.1/Rev.2', { series: 'CRP', number: '1', revisions: [rev('Rev', 2)] }],
  ['NPT/CONF.2020/DEC.1', { series: 'DEC', number: '1' }],
  ['NPT/CONF.2015/INF/2', { series: 'INF', number: '2' }],
  ['A/65/150', { session: 65, series: 'main', number: '150' }],
  ['A/65/PV.54', { session: 65, series: 'PV', number: '54' }],
  ['A/C.1/65/L.1', { committee: 'C.1', session: 65, series: 'L', number: '1' }],
  ['A/C.1/65/L.1/Rev.1', { committee: 'C.1', revisions: [rev('Rev', 1)], base: 'A/C.1/65/L.1' }],
  ['A/ES-10/L.22', { specialSession: 'ES', session: 10, series: 'L', number: '22' }],
  ['A/HRC/RES/40/1', { committee: 'HRC', series: 'RES', session: 40, number: '1' }],
  ['S/PV.6335 (Resumption 1)', { series: 'PV', number: '6335', resumption: 1 }],
  ['GOV/2013/27', { year: 2013, number: '27' }],
  ['GC(57)/RES/13', { session: 57, series: 'RES', number: '13' }],
  ['GC(57)/DEC/11', { session: 57, series: 'DEC', number: '11' }],
  ['INFCIRC/254/Rev.13/Part 1', { revisions: [rev('Rev', 13)], part: '1' }],
  ['INFCIRC/153/Add.1', { revisions: [rev('Add', 1)] }],
  ['CD/WP.559', { series: 'WP', number: '559' }],
  ['CD/PV.1234', { series: 'PV', number: '1234' }],
  ['CTBT/PC-50/1', { committee: 'PC', session: 50, series: 'main', number: '1' }],
  ['CTBT/WGB-52/1', { committee: 'WGB', session: 52, number: '1' }],
  ['CTBT/PTS/INF.1361', { committee: 'PTS', series: 'INF', number: '1361' }],
];

function parsed(input: string): UnSymbol {
  const result = parseSymbol(input);
  if (!result.ok) throw new Error(`${input}: ${result.error.message}`);
  return result.symbol;
}

describe('real UN document symbols', () => {
  it('are many and varied: at least 60, from every body', () => {
    expect(REAL_SYMBOLS.length).toBeGreaterThanOrEqual(60);
    expect(new Set(REAL_SYMBOLS.map(([s]) => parsed(s).body)).size).toBe(8);
    expect(new Set(REAL_SYMBOLS.map(([s]) => s)).size).toBe(REAL_SYMBOLS.length);
  });

  it.each(REAL_SYMBOLS)('%s', (input, expected) => {
    const symbol = parsed(input);
    expect(symbol.canonical).toBe(input);
    expect(symbol).toMatchObject({ revisions: [], base: input, ...expected });
    expect(formatSymbol(symbol)).toBe(input);
  });
});

describe('grammar forms from the issue', () => {
  it.each(GRAMMAR_FORMS)('%s', (input, expected) => {
    const symbol = parsed(input);
    expect(symbol.canonical).toBe(input);
    expect(symbol).toMatchObject({ revisions: [], ...expected });
    expect(formatSymbol(symbol)).toBe(input);
  });
});

describe('UnSymbol values', () => {
  it('are frozen, with only the fields that apply', () => {
    const symbol = parsed('A/C.1/65/L.1/Rev.1');
    expect(Object.isFrozen(symbol)).toBe(true);
    expect(Object.isFrozen(symbol.revisions)).toBe(true);
    expect(Object.keys(symbol).sort()).toEqual(
      ['base', 'body', 'canonical', 'committee', 'number', 'revisions', 'series', 'session'].sort(),
    );
  });

  it('keep a revision and its original as one work (the same base)', () => {
    const original = parsed('A/C.1/65/L.1');
    const revised = parsed('A/C.1/65/L.1/Rev.1');
    expect(revised.base).toBe(original.canonical);
    expect(parsed('INFCIRC/254/Rev.13/Part 1').base).toBe(parsed('INFCIRC/254/Rev.14/Part 1').base);
    expect(parsed('INFCIRC/254/Rev.13/Part 1').base).not.toBe(
      parsed('INFCIRC/254/Rev.11/Part 2').base,
    );
  });

  it('keep the volumes and parts of a final document as separate works', () => {
    expect(parsed('NPT/CONF.2010/50 (Vol. I)').base).not.toBe(
      parsed('NPT/CONF.2010/50 (Vol. II)').base,
    );
  });
});

describe('formatSymbol', () => {
  it('refuses fields that do not make a symbol', () => {
    expect(() => formatSymbol({ body: 'NPT', series: 'main', number: '1', revisions: [] })).toThrow(
      /NPT symbol .* without a conference year/,
    );
    expect(() => formatSymbol({ body: 'S', series: 'main', number: '815', revisions: [] })).toThrow(
      /without a year/,
    );
  });
});

describe('revisionLabel', () => {
  it.each([
    ['NPT/CONF.2015/PC.II/WP.13', ''],
    ['A/C.1/65/L.1/Rev.1', 'Rev.1'],
    ['NPT/CONF.2005/PC.I/21/Corr.1', 'Corr.1'],
    ['A/C.1/65/L.1/Rev.1/Corr.2', 'Rev.1/Corr.2'],
    ['INFCIRC/274/Rev.1/Mod.1', 'Rev.1/Mod.1'],
    ['INFCIRC/153 (Corrected)', 'Corrected'],
    ['NPT/CONF.2010/50 (Vol. I)*', ''],
  ])('%s → %j', (input, label) => {
    expect(revisionLabel(parsed(input))).toBe(label);
  });
});
