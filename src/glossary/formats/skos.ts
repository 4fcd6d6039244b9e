/**
 * @module SKOS export of concepts, as Turtle or as JSON-LD (inline context, nothing to fetch).
 * Both are written from one list of subjects, so they state the same triples. Deterministic:
 * concepts by id, languages in UN order, values in stored order.
 *
 * The mapping:
 * - the scheme: `<baseIri>` a skos:ConceptScheme, dct:title (per language given),
 *   skos:hasTopConcept for every concept without a broader concept;
 * - a concept: `<baseIri><id>` a skos:Concept, skos:inScheme, skos:notation "<id>",
 *   skos:topConceptOf when it has no broader concept;
 * - per language (tags ar, zh-Hans, en, fr, ru, es): the first preferred term is skos:prefLabel
 *   (SKOS allows one per language; any further preferred term becomes skos:altLabel), admitted
 *   terms skos:altLabel, deprecated terms skos:hiddenLabel (found by search, never shown);
 * - the definition: a plain skos:definition literal per language (what SKOS tools show); its
 *   source, when it has one, as dc:source with the same language tag (dc:, not dct:, because
 *   dct:source wants a resource, not a text). Term notes, term types and parts of speech are
 *   not exported (they need SKOS-XL); the definition's origin shows only through its source;
 * - links: skos:broader and skos:related as stored, skos:narrower derived (the inverse of
 *   broader, for concepts in the exported list);
 * - the concept note: skos:note, without a language tag (notes are not per language);
 * - the domain: a skos:Collection `<baseIri>domain/<domain>` with skos:prefLabel (English),
 *   skos:notation and skos:member for each concept of that domain. A collection, not dct:subject,
 *   because a domain is a grouping of concepts rather than something the concept is about, and
 *   SKOS tools (Skosmos, VocBench) list collections as such; concept ids are slugs without "/",
 *   so `domain/…` never meets a concept IRI.
 */
import { GLOSSARY_DOMAINS, type Concept, type GlossaryDomain } from '../../domain/glossary.js';
import { LANGUAGES, type Lang } from '../../domain/language-codes.js';
import { invalidParameter } from '../../domain/errors.js';

export const SKOS_LANG: Readonly<Record<Lang, string>> = {
  ar: 'ar',
  zh: 'zh-Hans',
  en: 'en',
  fr: 'fr',
  ru: 'ru',
  es: 'es',
};

const PREFIXES = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  dct: 'http://purl.org/dc/terms/',
  dc: 'http://purl.org/dc/elements/1.1/',
} as const;

/** English labels of the domain collections. */
const DOMAIN_LABELS: Readonly<Record<GlossaryDomain, string>> = {
  disarmament: 'Disarmament',
  'non-proliferation': 'Non-proliferation',
  'peaceful-uses': 'Peaceful uses of nuclear energy',
  verification: 'Verification',
  'test-ban': 'Nuclear test ban',
  safeguards: 'Safeguards',
  'export-control': 'Export control',
  'nuclear-security': 'Nuclear security',
  nwfz: 'Nuclear-weapon-free zones',
  institutions: 'Institutions',
  treaties: 'Treaties',
};

export interface SkosOptions {
  /** The scheme's IRI, ending in "/" or "#"; concept IRIs are it plus the concept id. */
  readonly baseIri: string;
  /** The scheme's title: English text, or a title per language. */
  readonly schemeTitle: string | Partial<Record<Lang, string>>;
}

type RdfObject =
  { readonly iri: string } | { readonly value: string; readonly lang?: string | undefined };

interface RdfSubject {
  readonly iri: string;
  /** Prefixed names ("skos:Concept"). */
  readonly types: readonly string[];
  /** Prefixed predicate names, in writing order, each with its objects. */
  readonly properties: readonly (readonly [string, readonly RdfObject[]])[];
}

function checkBaseIri(baseIri: string): void {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]*[/#]$/u.test(baseIri)) {
    throw invalidParameter(
      'baseIri',
      `"${baseIri}" is not an absolute IRI ending in "/" or "#" (e.g. "https://example.org/glossary/")`,
    );
  }
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The concepts as RDF subjects: the scheme, the concepts, then the domain collections. */
function skosSubjects(concepts: readonly Concept[], options: SkosOptions): RdfSubject[] {
  checkBaseIri(options.baseIri);
  const base = options.baseIri;
  const iriOf = (id: string): string => base + id;
  const sorted = [...concepts].sort((a, b) => compareIds(a.id, b.id));
  const exported = new Set(sorted.map((c) => c.id));
  const narrower = new Map<string, string[]>();
  for (const concept of sorted) {
    for (const target of concept.broader) {
      if (exported.has(target)) narrower.set(target, [...(narrower.get(target) ?? []), concept.id]);
    }
  }
  const top = sorted.filter((c) => c.broader.length === 0);
  const titles: RdfObject[] =
    typeof options.schemeTitle === 'string'
      ? [{ value: options.schemeTitle, lang: 'en' }]
      : LANGUAGES.flatMap((lang) => {
          const title = (options.schemeTitle as Partial<Record<Lang, string>>)[lang];
          return title === undefined ? [] : [{ value: title, lang: SKOS_LANG[lang] }];
        });
  const subjects: RdfSubject[] = [
    {
      iri: base,
      types: ['skos:ConceptScheme'],
      properties: [
        ['dct:title', titles],
        ['skos:hasTopConcept', top.map((c) => ({ iri: iriOf(c.id) }))],
      ],
    },
  ];
  for (const concept of sorted) {
    const pref: RdfObject[] = [];
    const alt: RdfObject[] = [];
    const hidden: RdfObject[] = [];
    const definitions: RdfObject[] = [];
    const sources: RdfObject[] = [];
    for (const lang of LANGUAGES) {
      const section = concept.languages[lang];
      if (section === undefined) continue;
      const tag = SKOS_LANG[lang];
      let hasPref = false;
      for (const term of section.terms) {
        const label = { value: term.text, lang: tag };
        if (term.status === 'preferred' && !hasPref) {
          pref.push(label);
          hasPref = true;
        } else if (term.status === 'deprecated') hidden.push(label);
        else alt.push(label);
      }
      if (section.definition !== undefined) {
        definitions.push({ value: section.definition.text, lang: tag });
        if (section.definition.source !== undefined) {
          sources.push({ value: section.definition.source, lang: tag });
        }
      }
    }
    subjects.push({
      iri: iriOf(concept.id),
      types: ['skos:Concept'],
      properties: [
        ['skos:inScheme', [{ iri: base }]],
        ['skos:topConceptOf', concept.broader.length === 0 ? [{ iri: base }] : []],
        ['skos:notation', [{ value: concept.id }]],
        ['skos:prefLabel', pref],
        ['skos:altLabel', alt],
        ['skos:hiddenLabel', hidden],
        ['skos:definition', definitions],
        ['dc:source', sources],
        ['skos:note', concept.note === undefined ? [] : [{ value: concept.note }]],
        ['skos:broader', concept.broader.map((id) => ({ iri: iriOf(id) }))],
        ['skos:narrower', (narrower.get(concept.id) ?? []).map((id) => ({ iri: iriOf(id) }))],
        ['skos:related', concept.related.map((id) => ({ iri: iriOf(id) }))],
      ],
    });
  }
  for (const domain of GLOSSARY_DOMAINS) {
    const members = sorted.filter((c) => c.domain === domain);
    if (members.length === 0) continue;
    subjects.push({
      iri: `${base}domain/${domain}`,
      types: ['skos:Collection'],
      properties: [
        ['skos:prefLabel', [{ value: DOMAIN_LABELS[domain], lang: 'en' }]],
        ['skos:notation', [{ value: domain }]],
        ['skos:member', members.map((c) => ({ iri: iriOf(c.id) }))],
      ],
    });
  }
  return subjects;
}

// ---------------------------------------------------------------------------------------------
// Turtle

// Lone surrogates cannot be written in UTF-8 (with the u flag a valid pair is one code point).
const LONE_SURROGATE = /[\uD800-\uDFFF]/gu;

/** A Turtle string literal: quotes, backslashes and control characters escaped (ECHAR / UCHAR). */
export function turtleString(value: string): string {
  const escaped = value.replace(LONE_SURROGATE, '').replace(
    // eslint-disable-next-line no-control-regex -- the characters to escape
    /["\\\u0000-\u001F\u007F]/gu,
    (ch) => {
      switch (ch) {
        case '"':
          return '\\"';
        case '\\':
          return '\\\\';
        case '\n':
          return '\\n';
        case '\r':
          return '\\r';
        case '\t':
          return '\\t';
        case '\b':
          return '\\b';
        case '\f':
          return '\\f';
        default:
          return `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
      }
    },
  );
  return `"${escaped}"`;
}

function turtleObject(object: RdfObject): string {
  if ('iri' in object) return `<${object.iri}>`;
  return turtleString(object.value) + (object.lang ? `@${object.lang}` : '');
}

export function writeSkosTurtle(concepts: readonly Concept[], options: SkosOptions): string {
  const subjects = skosSubjects(concepts, options);
  let out = Object.entries(PREFIXES)
    .map(([prefix, iri]) => `@prefix ${prefix}: <${iri}> .\n`)
    .join('');
  for (const subject of subjects) {
    const lines = [`a ${subject.types.join(', ')}`];
    for (const [predicate, objects] of subject.properties) {
      if (objects.length === 0) continue;
      lines.push(
        objects.length === 1
          ? `${predicate} ${turtleObject(objects[0]!)}`
          : `${predicate}\n    ${objects.map(turtleObject).join(',\n    ')}`,
      );
    }
    out += `\n<${subject.iri}>\n  ${lines.join(' ;\n  ')} .\n`;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// JSON-LD

function jsonLdObject(object: RdfObject): Record<string, string> {
  if ('iri' in object) return { '@id': object.iri };
  const value = object.value.replace(LONE_SURROGATE, '');
  return object.lang ? { '@value': value, '@language': object.lang } : { '@value': value };
}

/** The JSON-LD document as a value (its context is inline: nothing is fetched to read it). */
export function skosJsonLdDocument(
  concepts: readonly Concept[],
  options: SkosOptions,
): Record<string, unknown> {
  const graph = skosSubjects(concepts, options).map((subject) => {
    const node: Record<string, unknown> = { '@id': subject.iri, '@type': subject.types };
    for (const [predicate, objects] of subject.properties) {
      if (objects.length > 0) node[predicate] = objects.map(jsonLdObject);
    }
    return node;
  });
  return { '@context': { ...PREFIXES }, '@graph': graph };
}

export function writeSkosJsonLd(concepts: readonly Concept[], options: SkosOptions): string {
  return JSON.stringify(skosJsonLdDocument(concepts, options), null, 2) + '\n';
}
