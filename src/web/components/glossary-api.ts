/**
 * The glossary endpoints as the glossary pages and the document page use them: concept lists
 * (searched, filtered, A–Z), one concept and its history, term search, the alphabet of a language,
 * editions, the downloads, and a document's terms. Types are inferred from the server's zod
 * schemas (type-only imports, so no zod reaches the bundle).
 */
import type { z } from 'zod';
import type {
  alphabetSchema,
  conceptListSchema,
  conceptRevisionSchema,
  conceptWireSchema,
  documentTermsSchema,
  editionSchema,
  termHitSchema,
  termMatchSchema,
} from '../../contract/api-schemas.js';
import { apiUrl, getJson } from '../api-client.js';
import type { Lang, TextLang } from '../api-types.js';
import type { GlossaryDomainName } from '../router.js';

export type ConceptList = z.infer<typeof conceptListSchema>;
export type ConceptSummary = ConceptList['items'][number];
export type Concept = z.infer<typeof conceptWireSchema>;
export type LanguageSection = NonNullable<Concept['languages'][Lang]>;
export type GlossaryTerm = LanguageSection['terms'][number];
export type TermStatus = GlossaryTerm['status'];
export type TermType = GlossaryTerm['type'];
export type ConceptRevision = z.infer<typeof conceptRevisionSchema>;
export type Alphabet = z.infer<typeof alphabetSchema>;
export type TermHit = z.infer<typeof termHitSchema>;
export type Edition = z.infer<typeof editionSchema>;
export type DocumentTerms = z.infer<typeof documentTermsSchema>;
export type TermMatch = z.infer<typeof termMatchSchema>;
export type TermConcept = DocumentTerms['concepts'][string];
/** A value per language; any may be missing. */
export type PerLang<T> = { readonly [L in Lang]?: T | undefined };

export interface ConceptListQuery {
  readonly domain?: GlossaryDomainName | undefined;
  readonly q?: string | undefined;
  /** The A–Z language: the list comes sorted by its preferred terms. */
  readonly lang?: Lang | undefined;
  readonly letter?: string | undefined;
}

/** The glossary is a few hundred concepts: one page of the API's largest size holds them. */
const ALL = 1000;

export function fetchConcepts(query: ConceptListQuery, signal?: AbortSignal) {
  return getJson<ConceptList>(
    apiUrl('/glossary/concepts', {
      domain: query.domain,
      q: query.q,
      lang: query.lang,
      letter: query.letter,
      limit: ALL,
    }),
    signal,
  );
}

export function fetchConcept(id: string, signal?: AbortSignal) {
  return getJson<Concept>(apiUrl(`/glossary/concepts/${encodeURIComponent(id)}`), signal);
}

export function fetchConceptHistory(id: string, signal?: AbortSignal) {
  return getJson<ConceptRevision[]>(
    apiUrl(`/glossary/concepts/${encodeURIComponent(id)}/history`),
    signal,
  );
}

export function fetchAlphabet(lang: Lang, signal?: AbortSignal) {
  return getJson<Alphabet>(apiUrl('/glossary/alphabet', { lang }), signal);
}

export function fetchTermHits(q: string, signal?: AbortSignal) {
  return getJson<TermHit[]>(apiUrl('/glossary/terms', { q, limit: 100 }), signal);
}

export function fetchEditions(signal?: AbortSignal) {
  return getJson<Edition[]>(apiUrl('/glossary/editions'), signal);
}

/** The glossary terms found in each paragraph of a document's current language version. */
export function fetchDocumentTerms(workId: string, lang: TextLang, signal?: AbortSignal) {
  return getJson<DocumentTerms>(
    apiUrl(`/documents/${encodeURIComponent(workId)}/${lang}/terms`),
    signal,
  );
}

export type GlossaryDownload = 'tbx' | 'csv' | 'skos-ttl' | 'skos-jsonld';
const DOWNLOAD_PATHS: Readonly<Record<GlossaryDownload, string>> = {
  tbx: '/glossary/export.tbx',
  csv: '/glossary/export.csv',
  'skos-ttl': '/glossary/skos.ttl',
  'skos-jsonld': '/glossary/skos.jsonld',
};
export const GLOSSARY_DOWNLOADS = Object.keys(DOWNLOAD_PATHS) as GlossaryDownload[];

/** Where the glossary (or a published edition of it) is downloaded in a format. */
export function glossaryDownloadUrl(format: GlossaryDownload, edition?: string): string {
  return apiUrl(DOWNLOAD_PATHS[format], { edition });
}
