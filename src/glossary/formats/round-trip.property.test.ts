/**
 * Any concept list survives TBX and CSV: what is read back equals what was written, and writing
 * it again gives the same text. SKOS Turtle and JSON-LD state the same triples for any list.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseJsonLd, parseTurtle, quadKey } from '../../../test/support/rdf-parse.js';
import {
  conceptSchema,
  GLOSSARY_DOMAINS,
  PARTS_OF_SPEECH,
  TERM_STATUSES,
  TERM_TYPES,
  type Concept,
} from '../../domain/glossary.js';
import { LANGUAGES } from '../../domain/language-codes.js';
import { readGlossaryCsv, writeGlossaryCsv } from './glossary-csv.js';
import { writeSkosJsonLd, writeSkosTurtle } from './skos.js';
import { readTbx } from './tbx-read.js';
import { writeTbx } from './tbx-write.js';

/** Pieces that stress XML, CSV and Turtle: markup, quotes, separators, RTL, CJK, astral characters. */
const piece = fc.constantFrom(
  'a',
  'Treaty',
  ' ',
  '  ',
  '&',
  '&amp;',
  '<',
  '>',
  '<term>',
  ']]>',
  '"',
  "'",
  ',',
  '|',
  ';',
  '\\',
  '\n',
  '\r\n',
  '\t',
  'é',
  'ё',
  'İ',
  'ﬁ',
  '附加议定书',
  '。',
  'البروتوكول',
  '\u200F',
  '،',
  '\u{1F600}',
  '𠀀',
  '-',
  '1',
);
// Leading and trailing whitespace is trimmed by the schema, so texts are generated without it.
const text = fc
  .oneof(
    fc.array(piece, { minLength: 1, maxLength: 8 }).map((parts) => parts.join('')),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
  )
  .map((s) => s.trim())
  // eslint-disable-next-line no-control-regex -- characters XML 1.0 cannot carry are dropped by the writer
  .filter((s) => s !== '' && !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/u.test(s));

const slug = fc
  .array(fc.stringMatching(/^[a-z0-9]{1,5}$/u), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.join('-'));

const term = fc.record(
  {
    text,
    status: fc.constantFrom(...TERM_STATUSES),
    type: fc.constantFrom(...TERM_TYPES),
    partOfSpeech: fc.constantFrom(...PARTS_OF_SPEECH),
    note: text,
  },
  { requiredKeys: ['text', 'status', 'type', 'partOfSpeech'] },
);

const section = fc.record(
  {
    definition: fc.record(
      { text, origin: fc.constantFrom('ours' as const, 'imported' as const), source: text },
      { requiredKeys: ['text', 'origin'] },
    ),
    terms: fc
      .uniqueArray(term, {
        minLength: 1,
        maxLength: 4,
        selector: (t) => t.text.normalize('NFKC').toLowerCase(),
      })
      .map((terms) =>
        terms.some((t) => t.status === 'preferred')
          ? terms
          : [{ ...terms[0]!, status: 'preferred' as const }, ...terms.slice(1)],
      ),
  },
  { requiredKeys: ['terms'] },
);

function conceptArbitrary(id: string, ids: readonly string[]): fc.Arbitrary<Concept> {
  const others = [...ids.filter((other) => other !== id), 'outside-the-list', '9-outside'];
  return fc
    .record(
      {
        domain: fc.constantFrom(...GLOSSARY_DOMAINS),
        broader: fc.subarray(others),
        related: fc.shuffledSubarray(others),
        note: text,
        languages: fc
          .shuffledSubarray([...LANGUAGES], { minLength: 1 })
          .chain((langs) =>
            fc
              .tuple(...langs.map(() => section))
              .map((sections) => Object.fromEntries(langs.map((lang, i) => [lang, sections[i]]))),
          ),
      },
      { requiredKeys: ['domain', 'broader', 'related', 'languages'] },
    )
    .map((fields) => conceptSchema.parse({ id, ...fields }));
}

const concepts: fc.Arbitrary<Concept[]> = fc
  .uniqueArray(slug, { maxLength: 6 })
  .chain((ids) => fc.tuple(...ids.map((id) => conceptArbitrary(id, ids))));

const byId = (list: readonly Concept[]): Concept[] =>
  [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

describe('round trips', () => {
  it('TBX: read(write(c)) = c, and writing again gives the same text', () => {
    fc.assert(
      fc.property(concepts, (list) => {
        const tbx = writeTbx(list);
        const read = readTbx(tbx);
        expect(read.warnings).toEqual([]);
        for (const entry of read.entries) {
          expect(entry).toMatchObject({ outcome: 'accepted', reason: '', warnings: [] });
        }
        expect(read.concepts).toEqual(byId(list));
        expect(writeTbx(read.concepts)).toBe(tbx);
      }),
      { numRuns: 300 },
    );
  });

  it('CSV: read(write(c)) = c, and writing again gives the same text', () => {
    fc.assert(
      fc.property(concepts, (list) => {
        const csv = writeGlossaryCsv(list);
        const read = readGlossaryCsv(csv);
        for (const entry of read.entries) {
          expect(entry).toMatchObject({ outcome: 'accepted', reason: '', warnings: [] });
        }
        expect(read.concepts).toEqual(byId(list));
        expect(writeGlossaryCsv(read.concepts)).toBe(csv);
      }),
      { numRuns: 300 },
    );
  });

  it('SKOS: Turtle and JSON-LD give the same triples, and labels come back exactly', async () => {
    const options = { baseIri: 'https://pillars.invalid/glossary/', schemeTitle: 'Glossary "x"' };
    await fc.assert(
      fc.asyncProperty(concepts, async (list) => {
        const turtle = parseTurtle(writeSkosTurtle(list, options));
        const jsonLd = await parseJsonLd(writeSkosJsonLd(list, options));
        expect(jsonLd.map(quadKey).sort()).toEqual(turtle.map(quadKey).sort());
        const labels = turtle
          .filter((q) => /#(?:pref|alt|hidden)Label$/u.test(q.predicate.value))
          .filter((q) => !q.subject.value.includes('/domain/'))
          .map((q) => q.object.value)
          .sort();
        const terms = list
          .flatMap((c) => Object.values(c.languages).flatMap((s) => s.terms.map((t) => t.text)))
          .sort();
        expect(labels).toEqual(terms);
      }),
      { numRuns: 60 },
    );
  });
});
