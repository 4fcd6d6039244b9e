import type { Quad } from 'n3';
import { describe, expect, it } from 'vitest';
import { parseJsonLd, parseTurtle, quadKey } from '../../../test/support/rdf-parse.js';
import { conceptSchema, type Concept, type ConceptInput } from '../../domain/glossary.js';
import { isPillarsError } from '../../domain/errors.js';
import { turtleString, writeSkosJsonLd, writeSkosTurtle } from './skos.js';

const concept = (input: ConceptInput): Concept => conceptSchema.parse(input);
const SKOS = 'http://www.w3.org/2004/02/skos/core#';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
const BASE = 'https://pillars.invalid/glossary/';
const options = { baseIri: BASE, schemeTitle: { en: 'Pillars glossary', fr: 'Glossaire Pillars' } };

const tricky = 'Quote " backslash \\ newline\nreturn\r tab\t bell\u0007 end';
const concepts = [
  concept({
    id: 'safeguards',
    domain: 'safeguards',
    languages: {
      ar: { terms: [{ text: 'الضمانات', status: 'preferred' }] },
      zh: { terms: [{ text: '保障监督', status: 'preferred' }] },
      en: {
        definition: { text: tricky, origin: 'imported', source: 'IAEA Safeguards Glossary' },
        terms: [
          { text: 'safeguards', status: 'preferred' },
          { text: 'IAEA safeguards', status: 'preferred' },
          { text: 'controls', status: 'deprecated' },
        ],
      },
      fr: { terms: [{ text: 'garanties', status: 'preferred' }] },
      ru: { terms: [{ text: 'гарантии', status: 'preferred' }] },
      es: { terms: [{ text: 'salvaguardias', status: 'preferred' }] },
    },
  }),
  concept({
    id: 'additional-protocol',
    domain: 'safeguards',
    broader: ['safeguards'],
    related: ['comprehensive-safeguards-agreement'],
    note: 'INFCIRC/540 (corrected)',
    languages: {
      en: {
        terms: [
          { text: 'Additional Protocol', status: 'preferred' },
          { text: 'AP', status: 'admitted', type: 'abbreviation' },
        ],
      },
    },
  }),
  concept({
    id: 'comprehensive-safeguards-agreement',
    domain: 'safeguards',
    broader: ['safeguards'],
    related: ['additional-protocol'],
    languages: {
      en: { terms: [{ text: 'comprehensive safeguards agreement', status: 'preferred' }] },
    },
  }),
  concept({
    id: 'npt',
    domain: 'treaties',
    languages: { en: { terms: [{ text: 'NPT', status: 'preferred', type: 'acronym' }] } },
  }),
];

const objects = (quads: readonly Quad[], subject: string, predicate: string): Quad['object'][] =>
  quads
    .filter((q) => q.subject.value === subject && q.predicate.value === predicate)
    .map((q) => q.object);

function checkSkos(quads: readonly Quad[]): void {
  const conceptIris = quads
    .filter((q) => q.predicate.value === RDF_TYPE && q.object.value === `${SKOS}Concept`)
    .map((q) => q.subject.value);
  expect(conceptIris.sort()).toEqual(concepts.map((c) => BASE + c.id).sort());
  // One prefLabel per language, tagged.
  const prefLabels = objects(quads, `${BASE}safeguards`, `${SKOS}prefLabel`).map(
    (o) => `${o.value}@${o.termType === 'Literal' ? o.language : ''}`,
  );
  expect(prefLabels.sort()).toEqual([
    'garanties@fr',
    'safeguards@en',
    'salvaguardias@es',
    'гарантии@ru',
    'الضمانات@ar',
    '保障监督@zh-hans',
  ]);
  expect(objects(quads, `${BASE}safeguards`, `${SKOS}altLabel`).map((o) => o.value)).toEqual([
    'IAEA safeguards',
  ]);
  expect(objects(quads, `${BASE}safeguards`, `${SKOS}hiddenLabel`).map((o) => o.value)).toEqual([
    'controls',
  ]);
  expect(objects(quads, `${BASE}safeguards`, `${SKOS}definition`).map((o) => o.value)).toEqual([
    tricky,
  ]);
  // broader and narrower are each other's inverse.
  const pairs = (predicate: string): string[] =>
    quads
      .filter((q) => q.predicate.value === SKOS + predicate)
      .map((q) => `${q.subject.value} ${q.object.value}`);
  const flipped = (predicate: string): string[] =>
    quads
      .filter((q) => q.predicate.value === SKOS + predicate)
      .map((q) => `${q.object.value} ${q.subject.value}`);
  expect(pairs('broader').sort()).toEqual(flipped('narrower').sort());
  expect(pairs('broader')).toHaveLength(2);
  expect(
    objects(quads, `${BASE}additional-protocol`, `${SKOS}related`).map((o) => o.value),
  ).toEqual([`${BASE}comprehensive-safeguards-agreement`]);
  // Top concepts, scheme membership, domains as collections.
  expect(
    objects(quads, BASE, `${SKOS}hasTopConcept`)
      .map((o) => o.value)
      .sort(),
  ).toEqual([`${BASE}npt`, `${BASE}safeguards`]);
  expect(quads.filter((q) => q.predicate.value === `${SKOS}inScheme`)).toHaveLength(4);
  expect(objects(quads, `${BASE}domain/safeguards`, `${SKOS}member`)).toHaveLength(3);
  expect(objects(quads, `${BASE}domain/treaties`, `${SKOS}member`).map((o) => o.value)).toEqual([
    `${BASE}npt`,
  ]);
}

describe('SKOS', () => {
  it('writes Turtle that N3 parses into the expected SKOS', () => {
    const turtle = writeSkosTurtle(concepts, options);
    const quads = parseTurtle(turtle);
    checkSkos(quads);
    expect(objects(quads, BASE, 'http://purl.org/dc/terms/title').map((o) => o.value)).toEqual([
      'Pillars glossary',
      'Glossaire Pillars',
    ]);
    // Languages in UN order in the text.
    expect(turtle).toContain(
      '  skos:prefLabel\n    "الضمانات"@ar,\n    "保障监督"@zh-Hans,\n    "safeguards"@en,\n    "garanties"@fr,',
    );
    expect(turtle).toBe(writeSkosTurtle([...concepts].reverse(), options));
  });

  it('writes JSON-LD with an inline context that gives the same triples, fetching nothing', async () => {
    const fetched: string[] = [];
    const quads = await parseJsonLd(writeSkosJsonLd(concepts, options), fetched);
    expect(fetched).toEqual([]);
    checkSkos(quads);
    const fromTurtle = parseTurtle(writeSkosTurtle(concepts, options)).map(quadKey).sort();
    expect(quads.map(quadKey).sort()).toEqual(fromTurtle);
  });

  it('escapes Turtle strings', () => {
    expect(turtleString('a"b\\c\nd\re\tf\u0001g\u007F')).toBe(
      '"a\\"b\\\\c\\nd\\re\\tf\\u0001g\\u007F"',
    );
    expect(turtleString('附加 \u{1F600} ok')).toBe('"附加 \u{1F600} ok"');
    expect(turtleString('lone \uD800 surrogate')).toBe('"lone  surrogate"');
  });

  it('refuses a base IRI it cannot put concept ids after', () => {
    for (const baseIri of ['pillars/glossary/', 'https://x.org/glossary', 'https://x.org/a b/']) {
      let error: unknown;
      try {
        writeSkosTurtle(concepts, { ...options, baseIri });
      } catch (e) {
        error = e;
      }
      expect(isPillarsError(error) && error.code).toBe('invalid_parameter');
    }
  });
});
