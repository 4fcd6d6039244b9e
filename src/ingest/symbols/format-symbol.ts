/**
 * @module `formatSymbol`: the official spelling of a symbol, built from its structured fields
 * alone. The parser spells the symbol out separately while it reads, so a test that the two
 * agree checks both.
 */
import { toRoman } from './roman-numerals.js';
import { LAST_SESSION_NUMBERED_IN_ROMAN } from './symbol-grammar-un.js';
import type { SymbolFields } from './un-symbol.js';

function need<T>(value: T | undefined | null, what: string, symbol: SymbolFields): T {
  if (value === undefined || value === null)
    throw new TypeError(
      `cannot format a ${symbol.body} symbol (series ${symbol.series}) without ${what}`,
    );
  return value;
}

const numberOf = (s: SymbolFields) => need(s.number, 'a number', s);

/** The document element: `150`, `WP.13`, `INF/1` (New York) or `INF.1361` (Vienna, CTBTO). */
function documentElement(s: SymbolFields, inf: '/' | '.'): string {
  if (s.series === 'main') return numberOf(s);
  return `${s.series}${s.series === 'INF' ? inf : '.'}${numberOf(s)}`;
}

function nptHead(s: SymbolFields): string {
  let text = `NPT/CONF.${need(s.conference, 'a conference year', s)}`;
  if (s.prepCom !== undefined) text += `/PC.${toRoman(s.prepCom)}`;
  if (s.mainCommittee !== undefined) {
    text += `/MC.${toRoman(s.mainCommittee)}`;
    if (s.subsidiaryBody !== undefined) text += `/SB.${s.subsidiaryBody}`;
  }
  return `${text}/${documentElement(s, '/')}`;
}

function generalAssemblyHead(s: SymbolFields): string {
  const resolution = s.series === 'RES';
  if (
    resolution &&
    s.committee === undefined &&
    s.specialSession === undefined &&
    need(s.session, 'a session', s) <= LAST_SESSION_NUMBERED_IN_ROMAN
  )
    return `A/RES/${numberOf(s)} (${toRoman(need(s.session, 'a session', s))})`;
  const elements = ['A'];
  if (s.committee !== undefined) elements.push(s.committee);
  if (resolution) elements.push('RES');
  if (s.specialSession !== undefined)
    elements.push(`${s.specialSession}-${need(s.session, 'a session', s)}`);
  else if (s.session !== undefined) elements.push(String(s.session));
  if (s.year !== undefined) elements.push(String(s.year));
  elements.push(resolution ? numberOf(s) : documentElement(s, '/'));
  return elements.join('/');
}

function securityCouncilHead(s: SymbolFields): string {
  switch (s.series) {
    case 'RES':
      return `S/RES/${numberOf(s)}${s.year === undefined ? '' : ` (${s.year})`}`;
    case 'PRST':
      return `S/PRST/${need(s.year, 'a year', s)}/${numberOf(s)}`;
    case 'PV':
      return `S/PV.${numberOf(s)}`;
    default:
      return `S/${need(s.year, 'a year', s)}/${numberOf(s)}`;
  }
}

function generalConferenceHead(s: SymbolFields): string {
  const session = need(s.session, 'a session', s);
  const prefix = `GC(${s.specialSession === 'SPL' ? 'SPL.' : ''}${session})`;
  switch (s.series) {
    case 'RES/DEC':
      return `${prefix}/RES/DEC(${need(s.year, 'a year', s)})`;
    case 'main':
      return `${prefix}/${numberOf(s)}`;
    default:
      return `${prefix}/${s.series}/${numberOf(s)}`;
  }
}

function ctbtHead(s: SymbolFields): string {
  const organ = need(s.committee, 'an organ', s);
  if (organ === 'Art.XIV') return `CTBT-Art.XIV/${need(s.year, 'a year', s)}/${numberOf(s)}`;
  const prefix = `CTBT/${organ}${s.session === undefined ? '' : `-${s.session}`}`;
  return `${prefix}/${s.series === 'RES' ? `RES/${numberOf(s)}` : documentElement(s, '.')}`;
}

function headOf(s: SymbolFields): string {
  switch (s.body) {
    case 'NPT':
      return nptHead(s);
    case 'A':
      return generalAssemblyHead(s);
    case 'S':
      return securityCouncilHead(s);
    case 'GOV':
      return `GOV/${s.series === 'INF' ? 'INF/' : ''}${need(s.year, 'a year', s)}/${numberOf(s)}`;
    case 'GC':
      return generalConferenceHead(s);
    case 'INFCIRC':
      return `INFCIRC/${numberOf(s)}`;
    case 'CD':
      return [
        'CD',
        ...(s.committee === undefined ? [] : [s.committee]),
        documentElement(s, '/'),
      ].join('/');
    case 'CTBT':
      return ctbtHead(s);
  }
}

/** Volume, part and resumption belong to the work; then come revisions, INFCIRC's `/Part`, `(Corrected)` and `*`. */
function suffixOf(s: SymbolFields): string {
  let text = '';
  if (s.volume !== undefined) text += ` (Vol. ${s.volume})`;
  if (s.part !== undefined && s.body !== 'INFCIRC')
    text += ` (Part${s.part.includes(' and ') ? 's' : ''} ${s.part})`;
  if (s.resumption !== undefined) text += ` (Resumption ${s.resumption})`;
  for (const r of s.revisions) text += `/${r.kind}.${r.number}`;
  if (s.part !== undefined && s.body === 'INFCIRC') text += `/Part ${s.part}`;
  if (s.corrected) text += ' (Corrected)';
  if (s.reissued) text += '*';
  return text;
}

/**
 * The canonical text of a symbol. Throws a TypeError when a field the body needs is missing
 * (an NPT symbol without its conference year): that is a programming error, not bad input.
 */
export function formatSymbol(symbol: SymbolFields): string {
  return headOf(symbol) + suffixOf(symbol);
}
