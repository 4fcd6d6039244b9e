/**
 * @module The grammar of symbols issued in Vienna: the IAEA Board of Governors (`GOV/2013/27`,
 * `GOV/INF/2016/1`), General Conference (`GC(57)/RES/13`, `GC(60)/RES/DEC(2016)`,
 * `GC(SPL.2)/...`), information circulars (`INFCIRC/153 (Corrected)`, `INFCIRC/254/Rev.13/Part 1`)
 * and the CTBTO Preparatory Commission (`CTBT/PC-50/1`, `CTBT/PTS/INF.1361`,
 * `CTBT-Art.XIV/2003/3`). Each reader starts after the body's name and emits canonical text.
 */
import { fromRoman } from './roman-numerals.js';
import { scanDocument, type DocumentStyle } from './symbol-grammar-common.js';
import type { Scanner } from './symbol-scanner.js';
import type { Draft } from './symbol-suffixes.js';

/** CTBTO documents write their information series with a dot: `CTBT/PTS/INF.1361`. */
const CTBT_STYLE: DocumentStyle = { series: ['CRP', 'INF', 'WP', 'L'], inf: 'dot' };

export function scanBoardOfGovernors(sc: Scanner, draft: Draft): void {
  sc.slash('GOV');
  if (sc.tryWord('INF')) {
    sc.slash('GOV/INF');
    draft.series = 'INF';
    draft.year = sc.year('expected a four-digit year after GOV/INF/');
  } else {
    draft.year = sc.year('expected INF/ or a four-digit year after GOV/');
  }
  const prefix = draft.series === 'INF' ? `GOV/INF/${draft.year}` : `GOV/${draft.year}`;
  sc.slash(prefix);
  draft.number = sc.digits('expected a document number');
  sc.emit(`${prefix}/${draft.number}`);
}

export function scanGeneralConference(sc: Scanner, draft: Draft): void {
  sc.punct('(', "expected '(' and a session number after GC");
  if (sc.tryWord('SPL')) {
    sc.optionalDot();
    draft.specialSession = 'SPL';
    draft.session = sc.smallNumber('expected a special session number after SPL.');
  } else {
    // Sessions are printed in Arabic numerals; older Roman ones (GC(XLIV)) are not read.
    draft.session = sc.smallNumber('expected a General Conference session number after GC(');
  }
  sc.punct(')', "expected ')' after the session number");
  const session = `GC(${draft.specialSession === 'SPL' ? 'SPL.' : ''}${draft.session})`;
  sc.emit(session);
  sc.slash(session);
  if (sc.tryWord('RES')) {
    sc.slash(`${session}/RES`);
    if (sc.tryWord('DEC')) {
      // The yearly volume of resolutions and other decisions: GC(60)/RES/DEC(2016).
      sc.punct('(', "expected '(' and a year after RES/DEC");
      draft.year = sc.year('expected a four-digit year after RES/DEC(');
      sc.punct(')', "expected ')' after the year");
      draft.series = 'RES/DEC';
      draft.number = null;
      sc.emit(`/RES/DEC(${draft.year})`);
      return;
    }
    draft.series = 'RES';
    draft.number = sc.digits('expected a resolution number');
    sc.emit(`/RES/${draft.number}`);
  } else if (sc.tryWord('INF') || sc.tryWord('DEC')) {
    draft.series = sc.text.slice(sc.pos - 3, sc.pos);
    if (!sc.tryPunct('/')) sc.optionalDot();
    draft.number = sc.digits(`expected a number after ${draft.series}/`);
    sc.emit(`/${draft.series}/${draft.number}`);
  } else {
    draft.number = sc.digits(`expected RES/, INF/, DEC/ or a document number after ${session}/`);
    sc.emit(`/${draft.number}`);
  }
}

export function scanInformationCircular(sc: Scanner, draft: Draft): void {
  sc.slash('INFCIRC');
  draft.number = sc.digits('expected a circular number after INFCIRC/');
  sc.emit(`INFCIRC/${draft.number}`);
}

export function scanCtbt(sc: Scanner, draft: Draft): void {
  const mark = sc.mark();
  sc.skipSpace();
  if (sc.peek() === '-') {
    // The Article XIV conferences: CTBT-Art.XIV/2003/3.
    sc.pos++;
    sc.skipSpace();
    const start = sc.pos;
    if (!sc.tryWord('ART')) sc.fail('expected Art.XIV after CTBT-');
    sc.optionalDot();
    const roman = sc.tryRomanLetters();
    const digits = roman === null ? sc.tryDigits() : null;
    if ((roman === null ? Number(digits) : fromRoman(roman)) !== 14)
      sc.fail('expected Art.XIV after CTBT-', start);
    draft.committee = 'Art.XIV';
    sc.slash('CTBT-Art.XIV');
    draft.year = sc.year('expected a four-digit year after CTBT-Art.XIV/');
    sc.slash(`CTBT-Art.XIV/${draft.year}`);
    draft.number = sc.digits('expected a document number');
    sc.emit(`CTBT-Art.XIV/${draft.year}/${draft.number}`);
    return;
  }
  sc.reset(mark);
  sc.slash('CTBT');
  const organ = sc.peekLetters();
  if (organ === '' || organ === 'RES')
    sc.fail('expected an organ (PC-, WGA-, WGB-, PTS/ or MSS/) after CTBT/');
  sc.pos += organ.length;
  draft.committee = organ;
  if (sc.tryPunct('-')) draft.session = sc.smallNumber(`expected a session number after ${organ}-`);
  const prefix = `CTBT/${organ}${draft.session === undefined ? '' : `-${draft.session}`}`;
  sc.emit(prefix);
  sc.slash(prefix);
  if (sc.tryWord('RES')) {
    sc.slash(`${prefix}/RES`);
    draft.series = 'RES';
    draft.number = sc.digits('expected a resolution number');
    sc.emit(`/RES/${draft.number}`);
    return;
  }
  sc.emit('/');
  scanDocument(sc, draft, CTBT_STYLE);
}
