/**
 * @module Reads the masthead of a UN document from its first paragraphs: symbol, distribution,
 * date, original language, session, meeting dates and place, agenda item, the conference the
 * meeting prepares, and the title. What it recognises is consumed; the rest is the body.
 */
import type { Lang } from '../../domain/language-codes.js';
import { LANGUAGE_PROFILES, type LanguageProfile } from '../languages/language-profile.js';
import { parseDateRange, placeOfDateline, type DateRange } from '../text/dates.js';
import type { Paragraph } from './paragraphs.js';

export interface DocumentHeader {
  /** Symbols printed in the masthead, as written (canonicalised later). */
  readonly symbols: string[];
  readonly distribution: string | null;
  /** The document's own date. */
  readonly date: string | null;
  readonly originalLang: Lang | null;
  /** "Second session" → 2. */
  readonly session: number | null;
  /** "Geneva, 22 April–3 May 2013": the meeting's dates and place. */
  readonly meetingDates: DateRange | null;
  readonly place: string | null;
  readonly agendaItem: string | null;
  /** "Preparatory Committee for the 2015 Review Conference…" → 2015. */
  readonly conferenceYear: number | null;
  readonly title: string | null;
  /** "RESOLUTION 55/100" → the General Assembly session and number. */
  readonly resolution: { session: number; number: number } | null;
}

export interface HeaderResult {
  readonly header: DocumentHeader;
  /** Paragraphs after the masthead, title excluded. */
  readonly body: Paragraph[];
}

export type SymbolFinder = (text: string) => { text: string; index: number }[];

const MASTHEAD_NOISE = [
  /^united nations$|^nations unies$|^naciones unidas$|^организация объединенных наций$|^联合国$|^الأمم المتحدة$/iu,
  /^general assembly$|^assemblée générale$|^asamblea general$|^генеральная ассамблея$|^大\s*会$|^الجمعية العامة$/iu,
  /^security council$|^conseil de sécurité$|^consejo de seguridad$|^совет безопасности$|^安全理事会$|^مجلس الأمن$/iu,
  /^\d{2}-\d{5}\s*\([A-Z]\)/u, // job number "13-29718 (C)"
  /^\*\d{7,}\*$/u, // barcode
  /^(?:ge|v)\.\d{2}-\d{5}/iu,
];
// The committee's name line: "Preparatory Committee for the 2015 Review Conference of the Parties…".
const CONFERENCE_YEAR = [
  /preparatory committee for the (\d{4}) review conference/iu,
  /^(\d{4}) review conference of the parties/iu,
  /comité préparatoire de la conférence des parties .{0,120}?(\d{4})/iu,
  /comité preparatorio de la conferencia de (?:las partes|examen) .{0,120}?(\d{4})/iu,
  /подготовительный комитет .{0,160}?(\d{4})/iu,
  /(\d{4})\s*年.{0,40}审议大会筹备委员会/u,
  /اللجنة التحضيرية .{0,160}?(\d{4})/u,
];
const MAX_HEADER_PARAGRAPHS = 16;
const ALL_PROFILES = Object.values(LANGUAGE_PROFILES);
const MAX_TITLE_LENGTH = 300;

export function readHeader(
  paragraphs: readonly Paragraph[],
  profile: LanguageProfile,
  findSymbols: SymbolFinder,
): HeaderResult {
  const header: {
    -readonly [K in keyof DocumentHeader]: DocumentHeader[K];
  } = {
    symbols: [],
    distribution: null,
    date: null,
    originalLang: null,
    session: null,
    meetingDates: null,
    place: null,
    agendaItem: null,
    conferenceYear: null,
    title: null,
    resolution: null,
  };
  let index = 0;
  for (; index < Math.min(paragraphs.length, MAX_HEADER_PARAGRAPHS); index++) {
    const paragraph = paragraphs[index]!;
    if (paragraph.kind === 'title' && header.title === null) {
      header.title = paragraph.text;
      continue;
    }
    if (paragraph.kind !== undefined && paragraph.kind !== 'paragraph') break;
    if (!consume(paragraph.text, header, profile, findSymbols)) break;
  }
  let rest = paragraphs.slice(index);
  // The title follows the masthead: a short line that does not end a sentence, or "55/100. Title".
  if (header.title === null && rest.length > 1) {
    const candidate = rest[0]!.text;
    const numbered = /^\d+\/\d+\s*[.\-–]\s*(.+)$/u.exec(candidate);
    if (numbered) {
      header.title = numbered[1]!;
      rest = rest.slice(1);
    } else if (
      index > 0 &&
      candidate.length <= MAX_TITLE_LENGTH &&
      !/[.。;；:：]$/u.test(candidate) &&
      !/^\d/u.test(candidate)
    ) {
      header.title = candidate;
      rest = rest.slice(1);
      // A dateline under the title ("2013 年 4 月 18 日至 19 日，日内瓦") belongs to the masthead too.
      const dateline = rest[0]?.text;
      if (
        dateline !== undefined &&
        dateline.length < 80 &&
        parseDateRange(dateline, profile) !== null &&
        placeOfDateline(dateline, profile) !== null
      ) {
        header.date ??= parseDateRange(dateline, profile)!.start;
        rest = rest.slice(1);
      }
    }
  }
  // A resolution's "55/100. Title" line comes after its vote lines: find it among the first paragraphs.
  if (header.resolution !== null && header.title === null) {
    const at = rest
      .slice(0, 8)
      .findIndex((p) =>
        new RegExp(
          `^${header.resolution!.session}/${header.resolution!.number}\\s*[.\\-–]\\s*`,
          'u',
        ).test(p.text),
      );
    if (at >= 0) {
      header.title = rest[at]!.text.replace(/^\d+\/\d+\s*[.\-–]\s*/u, '');
      rest = [...rest.slice(0, at), ...rest.slice(at + 1)];
    }
  }
  // A resolution's date is the day it was adopted, given in the paragraph that opens its text
  // ("Adopted at the 81st plenary meeting, on 4 December 2000, …").
  if (header.resolution !== null && header.date === null && rest[0] !== undefined) {
    header.date = parseDateRange(rest[0].text.slice(0, 200), profile)?.start ?? null;
  }
  return { header, body: rest };
}

/** Records what a masthead paragraph says; false when it is not masthead material. */
function consume(
  text: string,
  header: { -readonly [K in keyof DocumentHeader]: DocumentHeader[K] },
  profile: LanguageProfile,
  findSymbols: SymbolFinder,
): boolean {
  const line = text.trim();
  if (line === '' || line.length > 400) return false;
  let recognised = false;
  const resolution = profile.resolutionHeading.exec(line);
  if (resolution) {
    header.resolution = { session: Number(resolution[1]), number: Number(resolution[2]) };
    return true;
  }
  const symbols = findSymbols(line);
  let rest = line;
  for (const s of symbols) rest = rest.replace(s.text, ' ');
  rest = rest.trim();
  // Only a masthead line that is (mostly) symbols names the document; symbols cited in prose do not.
  if (symbols.length > 0 && rest.length < 40) {
    recognised = true;
    for (const s of symbols) if (!header.symbols.includes(s.text)) header.symbols.push(s.text);
  }

  const distribution = /distr\.?\s*:?\s*(\p{L}+)/iu.exec(rest);
  // Mastheads mix languages ("Distr.: General" heads many French texts too): accept any of the six.
  if (
    distribution &&
    ALL_PROFILES.some((p) => p.distributionLine.test(rest.slice(distribution.index)))
  ) {
    header.distribution = distribution[1]!;
    rest = rest.slice(0, distribution.index).trim();
    recognised = true;
  }
  const original = profile.originalLine.exec(rest);
  if (original) {
    header.originalLang =
      profile.languageNames.get(original[1]!.toLowerCase()) ?? header.originalLang;
    return true;
  }
  if (MASTHEAD_NOISE.some((re) => re.test(rest))) return true;
  const session = profile.sessionLine.exec(rest);
  if (session) {
    header.session = profile.sessionOrdinals.get(session[1]!.toLowerCase()) ?? null;
    return true;
  }
  const agenda = profile.agendaLine.exec(rest);
  if (agenda) {
    header.agendaItem = (agenda[1] ?? agenda[2] ?? '').trim();
    return true;
  }
  for (const pattern of CONFERENCE_YEAR) {
    const match = pattern.exec(rest);
    if (match && rest.length < 300) {
      header.conferenceYear = Number(match[1]);
      return true;
    }
  }
  if (rest.length < 80) {
    const range = parseDateRange(rest, profile);
    if (range) {
      const place = placeOfDateline(rest, profile);
      if (
        place !== null &&
        header.meetingDates === null &&
        (range.start !== range.end || header.date !== null)
      ) {
        header.meetingDates = range;
        header.place = place;
      } else if (header.date === null) {
        header.date = range.start;
        if (place !== null) header.place ??= place;
      } else if (header.meetingDates === null) {
        header.meetingDates = range;
        header.place = place;
      }
      return true;
    }
  }
  return recognised || rest === '';
}
