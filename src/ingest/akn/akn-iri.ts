/**
 * @module Akoma Ntoso identifiers for UN documents, after the OASIS Akoma Ntoso Naming
 * Convention 1.0 and its AKN4UN profile (UN System Document Standard), which puts `un` where
 * a country code would go and the emanating organ in the actor slot:
 *
 *   work          /akn/un/doc/{actor}/{date}/{number}            e.g. /akn/un/doc/npt-conf/2015-04-22/npt-conf-2015-pc-ii-wp-13
 *   expression    {work}/{language}@{revision};v{version}        …/eng@rev-1;v2, or …/eng@v1
 *   manifestation {expression}.akn, its main XML file {expression}/!main.xml
 *   components    FRBRthis adds /!main to the work and expression IRIs
 *
 * Choices and why:
 * - Document type `doc`: the convention requires the type to be the element under
 *   `<akomaNtoso>`, and working papers, reports and statements are not acts or bills.
 * - No subtype segment: it is optional, and our guess of it (doc/@name) may improve later;
 *   an identifier must not change when a heuristic does.
 * - Actor: the organ the symbol names (NPT/CONF → npt-conf, A/ → unga, S/ → unsc,
 *   E/ → ecosoc, otherwise the first symbol element); left out when there is no symbol.
 * - Date: the document's date; failing that the year in its symbol (NPT/CONF.2015 → 2015,
 *   the convention allows a bare year); failing that `nd` ("no date", as AKN writes `nn` for
 *   "no number").
 * - Number: the symbol, lowercased, every run of other characters turned into "-": "/" is the
 *   IRI's separator and "." introduces a manifestation's format, so neither can stay. A work
 *   without a symbol uses its Pillars id the same way (pillars:1a2b… → pillars-1a2b…).
 * - Expression: ISO 639-2 alpha-3 language (ara, zho, eng, fra, rus, spa), then after "@" the
 *   convention's semicolon-separated version identifiers: the revision or correction (rev-1,
 *   corr-2) when there is one, and Pillars' version number (v1, v2…) so two files of one
 *   revision never share an IRI.
 */
import type { Lang } from '../../domain/language-codes.js';

export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';
/** AKN 3.0 and its drafts (…/akn/3.0/WD17, CSD13) and the older akomantoso.org 1.0/2.0. */
export const AKN_NAMESPACE_PATTERN =
  /^https?:\/\/(?:docs\.oasis-open\.org\/legaldocml\/ns\/akn\/3\.0|www\.akomantoso\.org\/)/u;

export const ISO639_2: Readonly<Record<Lang, string>> = {
  ar: 'ara',
  zh: 'zho',
  en: 'eng',
  fr: 'fra',
  ru: 'rus',
  es: 'spa',
};

// prettier-ignore
const FROM_CODE: Readonly<Record<string, Lang>> = {
  ara: 'ar', arb: 'ar', ar: 'ar',
  zho: 'zh', chi: 'zh', cmn: 'zh', zh: 'zh',
  eng: 'en', en: 'en',
  fra: 'fr', fre: 'fr', fr: 'fr',
  rus: 'ru', ru: 'ru',
  spa: 'es', es: 'es',
};

/** A language from an FRBRlanguage or xml:lang value ("fra", "fre", "fr-CH"). */
export function langFromCode(code: string | undefined): Lang | undefined {
  if (code === undefined) return undefined;
  return FROM_CODE[code.toLowerCase().split(/[-_]/u)[0] ?? ''];
}

/** Lowercase, and every run of characters other than a–z and 0–9 becomes one "-". */
export function iriSegment(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-|-$/gu, '');
}

const ACTORS: readonly [RegExp, string][] = [
  [/^NPT\/CONF/iu, 'npt-conf'],
  [/^A\//iu, 'unga'],
  [/^S\//iu, 'unsc'],
  [/^E\//iu, 'ecosoc'],
];

/** The emanating organ a symbol names, as an IRI segment. */
export function actorOf(symbol: string | null): string | null {
  if (symbol === null) return null;
  for (const [pattern, actor] of ACTORS) if (pattern.test(symbol)) return actor;
  const first = symbol.split('/')[0] ?? '';
  return symbol.includes('/') && iriSegment(first) !== '' ? iriSegment(first) : null;
}

const ACTOR_NAMES: Readonly<Record<string, string>> = {
  'npt-conf':
    'Review Conference of the Parties to the Treaty on the Non-Proliferation of Nuclear Weapons',
  unga: 'General Assembly',
  unsc: 'Security Council',
  ecosoc: 'Economic and Social Council',
};

/** A readable name for an actor segment (TLCOrganization/@showAs). */
export function actorName(actor: string): string {
  return ACTOR_NAMES[actor] ?? actor.toUpperCase();
}

/** `doc/@name`: the kind of document, from the series its symbol names. */
export function docNameOf(symbol: string | null): string {
  const series: readonly [RegExp, string][] = [
    [/\/WP\.\d/iu, 'workingPaper'],
    [/\/INF\.\d/iu, 'informationDocument'],
    [/\/PV\.\d/iu, 'verbatimRecord'],
    [/\/SR\.\d/iu, 'summaryRecord'],
    [/\/RES\//iu, 'resolution'],
    [/\/DEC\//iu, 'decision'],
    [/\/L\.\d/iu, 'draft'],
  ];
  return series.find(([pattern]) => symbol !== null && pattern.test(symbol))?.[1] ?? 'document';
}

export interface AknIdentity {
  readonly symbol: string | null;
  readonly workId: string;
  readonly lang: Lang;
  readonly revision: string;
  readonly version: number;
  readonly date: string | null;
}

export interface AknIris {
  readonly work: string;
  readonly expression: string;
  readonly manifestation: string;
  readonly actor: string | null;
}

export function aknIris(doc: AknIdentity): AknIris {
  const actor = actorOf(doc.symbol);
  const date =
    doc.date !== null && /^\d{4}-\d{2}-\d{2}$/u.test(doc.date)
      ? doc.date
      : (/(?:^|\D)((?:19|20)\d{2})(?:\D|$)/u.exec(doc.symbol ?? '')?.[1] ?? 'nd');
  const number = iriSegment(doc.symbol ?? doc.workId) || 'nn';
  const work = ['/akn/un/doc', actor, date, number].filter((part) => part !== null).join('/');
  const versions = [iriSegment(doc.revision), `v${doc.version}`].filter((v) => v !== '');
  const expression = `${work}/${ISO639_2[doc.lang]}@${versions.join(';')}`;
  return { work, expression, manifestation: `${expression}.akn`, actor };
}
