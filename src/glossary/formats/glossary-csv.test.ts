import { describe, expect, it } from 'vitest';
import { conceptSchema, type Concept, type ConceptInput } from '../../domain/glossary.js';
import { isPillarsError, type PillarsError } from '../../domain/errors.js';
import { formatCsv } from '../../lib/csv.js';
import { GLOSSARY_CSV_COLUMNS, readGlossaryCsv, writeGlossaryCsv } from './glossary-csv.js';

const concept = (input: ConceptInput): Concept => conceptSchema.parse(input);

const protocol = concept({
  id: 'additional-protocol',
  domain: 'safeguards',
  broader: ['safeguards-agreement', 'verification'],
  related: ['npt'],
  note: 'Model text: INFCIRC/540, "corrected"',
  languages: {
    en: {
      definition: { text: 'A protocol,\ngiving wider access.', origin: 'ours' },
      terms: [
        { text: 'Additional Protocol', status: 'preferred' },
        { text: 'AP', status: 'admitted', type: 'abbreviation', note: 'in tables only' },
      ],
    },
    ar: {
      definition: { text: 'بروتوكول', origin: 'imported', source: 'IAEA' },
      terms: [{ text: 'البروتوكول الإضافي', status: 'preferred' }],
    },
  },
});
const npt = concept({
  id: 'npt',
  domain: 'treaties',
  languages: {
    zh: { terms: [{ text: '不扩散条约', status: 'preferred', partOfSpeech: 'properNoun' }] },
  },
});

const HEADER = GLOSSARY_CSV_COLUMNS.join(',');
type Row = Partial<Record<(typeof GLOSSARY_CSV_COLUMNS)[number], string>>;
const base: Row = {
  concept_id: 'npt',
  domain: 'treaties',
  lang: 'en',
  term: 'NPT',
  status: 'preferred',
  type: 'acronym',
  part_of_speech: 'properNoun',
};
const csvOf = (...rows: Row[]): string =>
  formatCsv([
    [...GLOSSARY_CSV_COLUMNS],
    ...rows.map((row) => GLOSSARY_CSV_COLUMNS.map((column) => row[column] ?? '')),
  ]);

function thrown(run: () => unknown): PillarsError {
  try {
    run();
  } catch (error) {
    if (isPillarsError(error)) return error;
    throw new Error(`not a PillarsError: ${String(error)}`);
  }
  throw new Error('nothing was thrown');
}

describe('writeGlossaryCsv', () => {
  it('writes one row per term, concept and definition fields repeated', () => {
    const csv = writeGlossaryCsv([protocol, npt]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(HEADER);
    expect(lines[1]).toBe(
      'additional-protocol,safeguards,safeguards-agreement|verification,npt,ar,البروتوكول الإضافي,preferred,fullForm,noun,,بروتوكول,imported,IAEA,"Model text: INFCIRC/540, ""corrected"""',
    );
    expect(lines[2]).toBe(
      'additional-protocol,safeguards,safeguards-agreement|verification,npt,en,Additional Protocol,preferred,fullForm,noun,,' +
        '"A protocol,\ngiving wider access.",ours,,"Model text: INFCIRC/540, ""corrected"""',
    );
    expect(csv).toContain(
      ',en,AP,admitted,abbreviation,noun,in tables only,"A protocol,\ngiving wider access.",ours,,',
    );
    expect(lines.at(-2)).toBe('npt,treaties,,,zh,不扩散条约,preferred,fullForm,properNoun,,,,,');
    expect(writeGlossaryCsv([npt, protocol])).toBe(csv);
  });

  it('round-trips exactly', () => {
    const csv = writeGlossaryCsv([protocol, npt]);
    const read = readGlossaryCsv(csv);
    expect(read.entries.map((e) => [e.conceptId, e.line, e.outcome, e.warnings])).toEqual([
      ['additional-protocol', 2, 'accepted', []],
      ['npt', 5, 'accepted', []],
    ]);
    expect(read.concepts).toEqual([protocol, npt]);
    expect(writeGlossaryCsv(read.concepts)).toBe(csv);
  });
});

describe('readGlossaryCsv', () => {
  it('checks the header: unknown, missing and repeated columns, all in one message', () => {
    const bad = HEADER.replace('term_note', 'remarks').replace('concept_note', 'status') + '\r\n';
    expect(thrown(() => readGlossaryCsv(bad)).message).toBe(
      'CSV row 1 (header): unknown column "remarks"; column "status" given twice; missing columns "term_note", "concept_note". ' +
        `The columns are ${GLOSSARY_CSV_COLUMNS.join(', ')}`,
    );
    expect(thrown(() => readGlossaryCsv('')).message).toMatch(/empty/u);
  });

  it('reads the columns by name in any order', () => {
    const reordered = [...GLOSSARY_CSV_COLUMNS].reverse();
    const csv = formatCsv([reordered, reordered.map((column) => base[column] ?? '')]);
    const read = readGlossaryCsv(csv);
    expect(read.concepts[0]!.languages.en!.terms[0]).toEqual({
      text: 'NPT',
      status: 'preferred',
      type: 'acronym',
      partOfSpeech: 'properNoun',
    });
    expect(read.warnings).toHaveLength(1);
  });

  it('refuses CSV syntax errors and rows with the wrong number of fields', () => {
    expect(thrown(() => readGlossaryCsv(`${HEADER}\r\nnpt,"treaties\r\n`)).message).toBe(
      'CSV file line 3: a quoted field is not closed',
    );
    expect(thrown(() => readGlossaryCsv(`${HEADER}\r\nnpt,treaties\r\n`)).message).toBe(
      'CSV row 2: expected 14 fields, found 2',
    );
  });

  it('requires the repeated fields to agree, naming the row', () => {
    const read = readGlossaryCsv(
      csvOf(
        { ...base, definition: 'The Treaty.', definition_origin: 'ours' },
        {
          ...base,
          term: 'TNP',
          lang: 'en',
          status: 'admitted',
          definition: 'The treaty.',
          definition_origin: 'ours',
        },
        {
          ...base,
          term: 'Treaty',
          domain: 'disarmament',
          status: 'admitted',
          definition: 'The Treaty.',
          definition_origin: 'ours',
        },
      ),
    );
    expect(read.concepts).toEqual([]);
    expect(read.entries[0]).toMatchObject({ conceptId: 'npt', line: 2, outcome: 'rejected' });
    expect(read.entries[0]!.reason).toBe(
      'row 3, field definition: "The treaty." differs from "The Treaty." in row 2 (the first row of "npt" in en); ' +
        'row 4, field domain: "disarmament" differs from "treaties" in row 2 (the first row of concept "npt")',
    );
  });

  it('names the row and field of bad values; other concepts are read', () => {
    const read = readGlossaryCsv(
      csvOf(
        { ...base, status: 'approved' },
        { ...base, term: 'Atomwaffensperrvertrag', lang: 'de' },
        { ...base, concept_id: 'iaea', term: 'IAEA', type: 'initialism', part_of_speech: 'name' },
        { ...base, concept_id: 'ctbt', term: 'CTBT', definition_origin: 'ours' },
        { ...base, concept_id: '' },
        { ...base, concept_id: 'nwfz', domain: 'nwfz', term: 'NWFZ' },
      ),
    );
    expect(read.entries.map((e) => [e.conceptId, e.line, e.outcome, e.reason])).toEqual([
      [
        'npt',
        2,
        'rejected',
        'row 2, field status: "approved" is not one of preferred, admitted, deprecated; ' +
          'row 3, field lang: unknown language "de" (expected one of ar, zh, en, fr, ru, es)',
      ],
      [
        'iaea',
        4,
        'rejected',
        'row 4, field type: "initialism" is not one of fullForm, abbreviation, acronym, shortForm, variant; ' +
          'row 4, field part_of_speech: "name" is not one of noun, properNoun, verb, adjective, adverb, other',
      ],
      [
        'ctbt',
        5,
        'rejected',
        'row 5, field definition: empty, but definition_origin or definition_source is given',
      ],
      ['', 6, 'rejected', 'row 6, field concept_id: empty'],
      ['nwfz', 7, 'accepted', ''],
    ]);
    expect(read.concepts.map((c) => c.id)).toEqual(['nwfz']);
  });

  it('maps the schema’s findings to rows and fields', () => {
    const read = readGlossaryCsv(
      csvOf(
        { ...base, broader: 'npt|Bad Id' },
        { ...base, broader: 'npt|Bad Id', term: 'npt', status: 'admitted' },
        { ...base, concept_id: 'iaea', domain: 'agencies', term: 'IAEA' },
        { ...base, concept_id: 'ctbt', term: 'CTBT', status: 'admitted' },
      ),
    );
    expect(read.entries.map((e) => e.reason)).toEqual([
      'row 2, field broader: a concept id is a lower-case slug such as "additional-protocol"; row 3, field term: duplicate term "npt"; ' +
        'row 2, field broader: a concept cannot link to itself',
      'row 4, field domain: "agencies" is not one of disarmament, non-proliferation, peaceful-uses, verification, ' +
        'test-ban, safeguards, export-control, nuclear-security, nwfz, institutions, treaties',
      'row 5, field status: no preferred term in en',
    ]);
  });

  it('takes a definition without an origin as imported, with a warning', () => {
    const read = readGlossaryCsv(csvOf({ ...base, definition: 'The Treaty.' }));
    expect(read.concepts[0]!.languages.en!.definition).toEqual({
      text: 'The Treaty.',
      origin: 'imported',
    });
    expect(read.entries[0]!.warnings).toEqual([
      'row 2: no definition_origin for the en definition; read as imported',
    ]);
  });

  it('refuses a file over the size limit', () => {
    expect(thrown(() => readGlossaryCsv(csvOf(base), { maxBytes: 100 })).message).toMatch(
      /^CSV file: \d+ bytes is more than the limit of 100$/u,
    );
  });
});
