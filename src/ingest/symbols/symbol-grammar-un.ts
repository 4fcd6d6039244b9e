/**
 * @module The grammar of symbols issued in New York and Geneva: NPT Review Conferences and
 * their PrepComs (`NPT/CONF.2015/PC.II/WP.13`), the General Assembly (`A/C.1/65/L.1`,
 * `A/RES/55/100`, `A/RES/2373 (XXII)`), the Security Council (`S/RES/1540 (2004)`,
 * `S/2006/815`, `S/PV.5551`) and the Conference on Disarmament (`CD/1299`, `CD/PV.1302`).
 * Each reader starts after the body's name and emits the canonical text as it goes.
 */
import { fromRoman, toRoman } from './roman-numerals.js';
import {
  readSessionNumeral,
  scanDocument,
  scanOrgans,
  type DocumentStyle,
} from './symbol-grammar-common.js';
import type { Scanner } from './symbol-scanner.js';
import type { Draft } from './symbol-suffixes.js';

const NPT_STYLE: DocumentStyle = {
  series: ['CRP', 'DEC', 'INF', 'SR', 'WP', 'L', 'R'],
  inf: 'slash',
};
const GA_STYLE: DocumentStyle = { series: ['CRP', 'INF', 'PV', 'SR', 'WP', 'L'], inf: 'slash' };
const CD_STYLE: DocumentStyle = { series: ['CRP', 'PV', 'SR', 'WP', 'L'], inf: 'dot' };

/**
 * GA resolutions of the first thirty sessions were numbered straight through, with the session
 * in Roman numerals: `A/RES/2373 (XXII)`. From the 31st session (1976) they read `A/RES/31/1`.
 */
export const LAST_SESSION_NUMBERED_IN_ROMAN = 30;

export function scanNpt(sc: Scanner, draft: Draft): void {
  sc.slash('NPT');
  if (!sc.tryWord('CONF')) sc.fail('expected CONF. after NPT/');
  sc.optionalDot();
  // Review Conferences before 1995 were numbered (NPT/CONF.II); they are not read here.
  draft.conference = sc.year('expected a four-digit Review Conference year after CONF.');
  if (draft.conference < 1995)
    sc.fail('expected a Review Conference year from 1995 after CONF.', sc.pos - 4);
  sc.emit(`NPT/CONF.${draft.conference}`);
  sc.slash(`NPT/CONF.${draft.conference}`);
  if (sc.tryWord('PC')) {
    sc.optionalDot();
    draft.prepCom = readSessionNumeral(
      sc,
      'expected a Preparatory Committee session (I, II or III) after PC.',
    );
    sc.emit(`/PC.${toRoman(draft.prepCom)}`);
    sc.slash(`PC.${toRoman(draft.prepCom)}`);
  } else if (sc.tryWord('MC')) {
    sc.optionalDot();
    draft.mainCommittee = readSessionNumeral(
      sc,
      'expected a Main Committee (I, II or III) after MC.',
    );
    sc.emit(`/MC.${toRoman(draft.mainCommittee)}`);
    sc.slash(`MC.${toRoman(draft.mainCommittee)}`);
    if (sc.tryWord('SB')) {
      sc.optionalDot();
      draft.subsidiaryBody = sc.smallNumber('expected a subsidiary body number after SB.');
      sc.emit(`/SB.${draft.subsidiaryBody}`);
      sc.slash(`SB.${draft.subsidiaryBody}`);
    }
  }
  sc.emit('/');
  scanDocument(sc, draft, NPT_STYLE);
}

/** `S-10` (special session) or `ES-10` (emergency special session) at the cursor. */
function readSpecialSession(sc: Scanner): { kind: 'S' | 'ES'; session: number } | null {
  const kind = sc.tryWords(['ES', 'S'] as const);
  if (kind === null) return null;
  sc.punct('-', `expected '-' and a session number after ${kind}`);
  return { kind, session: sc.smallNumber(`expected a session number after ${kind}-`) };
}

/** Whether `/` and a document element (a number or a series) come next; the cursor stays put. */
function documentFollows(sc: Scanner): boolean {
  const mark = sc.mark();
  const follows =
    sc.tryPunct('/') && (sc.tryDigits() !== null || sc.tryWords(GA_STYLE.series) !== null);
  sc.reset(mark);
  return follows;
}

/** Moves past `(` and the spaces around it when one follows; otherwise leaves the cursor where it was. */
function openParenthesis(sc: Scanner): boolean {
  const mark = sc.mark();
  sc.skipSpace();
  if (sc.peek() !== '(') {
    sc.reset(mark);
    return false;
  }
  sc.pos++;
  sc.skipSpace();
  return true;
}

/** `(XXII)` after an old GA resolution number; null when no parenthesis follows. */
function readRomanSession(sc: Scanner): number | null {
  if (!openParenthesis(sc)) return null;
  const start = sc.pos;
  const roman = sc.tryRomanLetters();
  const session = roman === null ? null : fromRoman(roman);
  if (session === null) sc.fail('expected a session in Roman numerals, as in (XXII)', start);
  sc.punct(')', "expected ')' after the session");
  return session;
}

export function scanGeneralAssembly(sc: Scanner, draft: Draft): void {
  sc.slash('A');
  sc.emit('A');
  const organs = scanOrgans(sc);
  if (organs !== undefined) draft.committee = organs;
  const resolution = sc.tryWord('RES');
  if (resolution) {
    draft.series = 'RES';
    sc.slash('RES');
  }
  const before = resolution ? 'A/RES/' : organs === undefined ? 'A/' : `A/${organs}/`;
  const start = sc.pos;
  const special = readSpecialSession(sc);
  const digits = special === null ? sc.tryDigits() : null;
  if (special !== null) {
    draft.specialSession = special.kind;
    draft.session = special.session;
  } else if (digits !== null && resolution && organs === undefined) {
    const oldSession = sc.attempt(() => readRomanSession(sc));
    if (oldSession !== undefined && oldSession !== null) {
      draft.session = oldSession;
      draft.number = digits;
      emitResolution(sc, draft);
      return;
    }
  }
  if (digits !== null && organs !== undefined && !resolution && !documentFollows(sc)) {
    // `A/AC.291/11`: an organ's document numbered without a session.
    draft.number = digits;
    sc.emit(`/${digits}`);
    return;
  }
  if (digits !== null) {
    // `A/CONF.229/2017/8`: a conference's documents carry its year where the GA has a session.
    const value = Number(digits);
    if (
      organs !== undefined &&
      !resolution &&
      digits.length === 4 &&
      value >= 1945 &&
      value <= 2099
    )
      draft.year = value;
    else if (digits.length <= 3 && value >= 1) draft.session = value;
    else sc.fail(`expected a session number after ${before}`, start);
  } else if (special === null && organs === undefined) {
    sc.fail(`expected a session number after ${before}`);
  }
  if (special !== null) sc.slash(`${special.kind}-${special.session}`);
  else if (digits !== null) sc.slash(digits);
  if (resolution) {
    draft.number = sc.digits('expected a resolution number');
    emitResolution(sc, draft);
    return;
  }
  if (draft.specialSession !== undefined)
    sc.emit(`/${draft.specialSession}-${draft.session ?? ''}`);
  else if (draft.session !== undefined) sc.emit(`/${draft.session}`);
  if (draft.year !== undefined) sc.emit(`/${draft.year}`);
  sc.emit('/');
  scanDocument(sc, draft, GA_STYLE);
}

function emitResolution(sc: Scanner, draft: Draft): void {
  const session = draft.session ?? 0;
  if (
    draft.committee === undefined &&
    draft.specialSession === undefined &&
    session <= LAST_SESSION_NUMBERED_IN_ROMAN
  ) {
    sc.emit(`/RES/${draft.number} (${toRoman(session)})`);
    return;
  }
  const sessionText =
    draft.specialSession === undefined ? String(session) : `${draft.specialSession}-${session}`;
  sc.emit(`/RES/${sessionText}/${draft.number}`);
}

export function scanSecurityCouncil(sc: Scanner, draft: Draft): void {
  sc.slash('S');
  if (sc.tryWord('RES')) {
    sc.slash('S/RES');
    draft.series = 'RES';
    draft.number = sc.digits('expected a resolution number after S/RES/');
    sc.emit(`S/RES/${draft.number}`);
    const year = sc.attempt(() => readParenthesizedYear(sc));
    if (year !== undefined && year !== null) {
      draft.year = year;
      sc.emit(` (${year})`);
    }
  } else if (sc.tryWord('PRST')) {
    sc.slash('S/PRST');
    draft.series = 'PRST';
    draft.year = sc.year('expected a four-digit year after S/PRST/');
    sc.slash(`S/PRST/${draft.year}`);
    draft.number = sc.digits('expected a statement number');
    sc.emit(`S/PRST/${draft.year}/${draft.number}`);
  } else if (sc.tryWord('PV')) {
    sc.optionalDot();
    draft.series = 'PV';
    draft.number = sc.digits('expected a meeting number after S/PV.');
    sc.emit(`S/PV.${draft.number}`);
  } else {
    draft.year = sc.year('expected RES/, PRST/, PV. or a four-digit year after S/');
    sc.slash(`S/${draft.year}`);
    draft.number = sc.digits('expected a document number');
    sc.emit(`S/${draft.year}/${draft.number}`);
  }
}

/** `(2004)` after a Security Council resolution number; null when no parenthesis follows. */
function readParenthesizedYear(sc: Scanner): number | null {
  if (!openParenthesis(sc)) return null;
  const year = sc.year('expected the four-digit year of the resolution');
  sc.punct(')', "expected ')' after the year");
  return year;
}

export function scanConferenceOnDisarmament(sc: Scanner, draft: Draft): void {
  sc.slash('CD');
  sc.emit('CD');
  const organs = scanOrgans(sc);
  if (organs !== undefined) draft.committee = organs;
  sc.emit('/');
  scanDocument(sc, draft, CD_STYLE);
}
