/**
 * @module The glossary as CSV (RFC 4180, src/lib/csv.ts): one row per term. The concept's fields
 * (domain, broader, related, concept_note) are repeated on every row of the concept, and the
 * definition's fields on every row of the concept in that language; a reader requires the
 * copies to agree. `broader` and `related` are concept ids separated by `|`. Rows are numbered as
 * a spreadsheet numbers them: the header is row 1 (a quoted field spanning lines stays one row).
 *
 * Written deterministically (concepts by id, languages in UN order, terms in stored order), so
 * writing what was read gives the same text. A file the reader cannot take at all (CSV syntax, a
 * wrong header, a row with the wrong number of fields) is a PillarsError; a concept with bad rows
 * is rejected in its report, naming every row and field, and the others are read.
 */
import {
  conceptSchema,
  GLOSSARY_DOMAINS,
  PARTS_OF_SPEECH,
  TERM_STATUSES,
  TERM_TYPES,
  type Concept,
} from '../../domain/glossary.js';
import { LANGUAGES } from '../../domain/language-codes.js';
import { PillarsError } from '../../domain/errors.js';
import { CsvError, formatCsv, parseCsv } from '../../lib/csv.js';
import type { GlossaryEntryReport } from './tbx-read.js';

export const GLOSSARY_CSV_COLUMNS = [
  'concept_id',
  'domain',
  'broader',
  'related',
  'lang',
  'term',
  'status',
  'type',
  'part_of_speech',
  'term_note',
  'definition',
  'definition_origin',
  'definition_source',
  'concept_note',
] as const;
type Column = (typeof GLOSSARY_CSV_COLUMNS)[number];

export const DEFAULT_CSV_MAX_BYTES = 20 * 1024 * 1024;

export interface GlossaryCsvReadResult {
  /** The accepted concepts, in the order of their first rows. */
  readonly concepts: Concept[];
  /** One report per concept (or per row without a concept id), in the order of first rows. */
  readonly entries: GlossaryEntryReport[];
  /** About the file rather than a concept (as TBX's). */
  readonly warnings: string[];
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function writeGlossaryCsv(concepts: readonly Concept[]): string {
  const rows: string[][] = [[...GLOSSARY_CSV_COLUMNS]];
  for (const concept of [...concepts].sort((a, b) => compareIds(a.id, b.id))) {
    for (const lang of LANGUAGES) {
      const section = concept.languages[lang];
      if (section === undefined) continue;
      const definition = section.definition;
      for (const term of section.terms) {
        const row: Record<Column, string> = {
          concept_id: concept.id,
          domain: concept.domain,
          broader: concept.broader.join('|'),
          related: concept.related.join('|'),
          lang,
          term: term.text,
          status: term.status,
          type: term.type,
          part_of_speech: term.partOfSpeech,
          term_note: term.note ?? '',
          definition: definition?.text ?? '',
          definition_origin: definition?.origin ?? '',
          definition_source: definition?.source ?? '',
          concept_note: concept.note ?? '',
        };
        rows.push(GLOSSARY_CSV_COLUMNS.map((column) => row[column]));
      }
    }
  }
  return formatCsv(rows);
}

function fileError(message: string, field = 'file', cause?: unknown): PillarsError {
  return new PillarsError('invalid_data', message, { field, cause });
}

interface Row {
  readonly number: number;
  readonly get: (column: Column) => string;
}

/** The header's columns → their indexes; every problem with the header in one error. */
function readHeader(header: readonly string[]): Map<Column, number> {
  const names = header.map((name) => name.trim().toLowerCase());
  const index = new Map<Column, number>();
  const unknown: string[] = [];
  const twice: string[] = [];
  names.forEach((name, i) => {
    if (!(GLOSSARY_CSV_COLUMNS as readonly string[]).includes(name)) unknown.push(header[i]!);
    else if (index.has(name as Column)) twice.push(name);
    else index.set(name as Column, i);
  });
  const missing = GLOSSARY_CSV_COLUMNS.filter((column) => !index.has(column));
  const problems = [
    ...(unknown.length
      ? [
          `unknown column${unknown.length > 1 ? 's' : ''} ${unknown.map((c) => `"${c}"`).join(', ')}`,
        ]
      : []),
    ...(twice.length
      ? [
          `column${twice.length > 1 ? 's' : ''} ${twice.map((c) => `"${c}"`).join(', ')} given twice`,
        ]
      : []),
    ...(missing.length
      ? [
          `missing column${missing.length > 1 ? 's' : ''} ${missing.map((c) => `"${c}"`).join(', ')}`,
        ]
      : []),
  ];
  if (problems.length > 0) {
    throw fileError(
      `CSV row 1 (header): ${problems.join('; ')}. The columns are ${GLOSSARY_CSV_COLUMNS.join(', ')}`,
      'header',
    );
  }
  return index;
}

const FIELD_OF_TERM_PROPERTY: Readonly<Record<string, Column>> = {
  text: 'term',
  status: 'status',
  type: 'type',
  partOfSpeech: 'part_of_speech',
  note: 'term_note',
};
const FIELD_OF_DEFINITION_PROPERTY: Readonly<Record<string, Column>> = {
  text: 'definition',
  origin: 'definition_origin',
  source: 'definition_source',
};
const FIELD_OF_CONCEPT_PROPERTY: Readonly<Record<string, Column>> = {
  id: 'concept_id',
  domain: 'domain',
  broader: 'broader',
  related: 'related',
  note: 'concept_note',
  languages: 'lang',
};

function splitIds(value: string): string[] {
  return value
    .split('|')
    .map((id) => id.trim())
    .filter((id) => id !== '');
}

/** The rows of one concept → a report and, when they make a valid concept, the concept. */
function readConceptRows(
  id: string,
  rows: readonly Row[],
): { report: GlossaryEntryReport; concept?: Concept } {
  const problems: string[] = [];
  const warnings: string[] = [];
  const problem = (row: Row, field: Column, message: string): void => {
    problems.push(`row ${row.number}, field ${field}: ${message}`);
  };
  const first = rows[0]!;
  const agree = (row: Row, field: Column, model: Row, scope: string): void => {
    if (row.get(field) !== model.get(field)) {
      problem(
        row,
        field,
        `"${row.get(field)}" differs from "${model.get(field)}" in row ${model.number} (the first row of ${scope})`,
      );
    }
  };

  const domain = first.get('domain').trim();
  if (!(GLOSSARY_DOMAINS as readonly string[]).includes(domain)) {
    problem(first, 'domain', `"${domain}" is not one of ${GLOSSARY_DOMAINS.join(', ')}`);
  }
  const languages = new Map<string, { rows: Row[]; terms: Record<string, unknown>[] }>();
  for (const row of rows) {
    for (const field of ['domain', 'broader', 'related', 'concept_note'] as const) {
      agree(row, field, first, `concept "${id}"`);
    }
    const lang = row.get('lang').trim();
    if (!(LANGUAGES as readonly string[]).includes(lang)) {
      problem(row, 'lang', `unknown language "${lang}" (expected one of ${LANGUAGES.join(', ')})`);
      continue;
    }
    const section = languages.get(lang) ?? { rows: [], terms: [] };
    languages.set(lang, section);
    if (section.rows.length > 0) {
      for (const field of ['definition', 'definition_origin', 'definition_source'] as const) {
        agree(row, field, section.rows[0]!, `"${id}" in ${lang}`);
      }
    }
    section.rows.push(row);
    const status = row.get('status').trim();
    const type = row.get('type').trim();
    const partOfSpeech = row.get('part_of_speech').trim();
    if (!(TERM_STATUSES as readonly string[]).includes(status)) {
      problem(row, 'status', `"${status}" is not one of ${TERM_STATUSES.join(', ')}`);
    }
    if (type !== '' && !(TERM_TYPES as readonly string[]).includes(type)) {
      problem(row, 'type', `"${type}" is not one of ${TERM_TYPES.join(', ')}`);
    }
    if (partOfSpeech !== '' && !(PARTS_OF_SPEECH as readonly string[]).includes(partOfSpeech)) {
      problem(
        row,
        'part_of_speech',
        `"${partOfSpeech}" is not one of ${PARTS_OF_SPEECH.join(', ')}`,
      );
    }
    section.terms.push({
      text: row.get('term'),
      status,
      ...(type !== '' ? { type } : {}),
      ...(partOfSpeech !== '' ? { partOfSpeech } : {}),
      ...(row.get('term_note') !== '' ? { note: row.get('term_note') } : {}),
    });
  }

  const languageInput: Record<string, unknown> = {};
  for (const [lang, section] of languages) {
    const model = section.rows[0]!;
    const text = model.get('definition');
    const origin = model.get('definition_origin').trim();
    const source = model.get('definition_source');
    let definition: Record<string, unknown> | undefined;
    if (text === '') {
      if (origin !== '' || source !== '') {
        problem(model, 'definition', `empty, but definition_origin or definition_source is given`);
      }
    } else if (origin !== '' && origin !== 'ours' && origin !== 'imported') {
      problem(model, 'definition_origin', `"${origin}" is not one of ours, imported`);
    } else {
      if (origin === '') {
        warnings.push(
          `row ${model.number}: no definition_origin for the ${lang} definition; read as imported`,
        );
      }
      definition = {
        text,
        origin: origin === '' ? 'imported' : origin,
        ...(source !== '' ? { source } : {}),
      };
    }
    languageInput[lang] = { ...(definition ? { definition } : {}), terms: section.terms };
  }

  if (problems.length === 0) {
    const parsed = conceptSchema.safeParse({
      id,
      domain,
      broader: splitIds(first.get('broader')),
      related: splitIds(first.get('related')),
      ...(first.get('concept_note') !== '' ? { note: first.get('concept_note') } : {}),
      languages: languageInput,
    });
    if (parsed.success) {
      return {
        report: { conceptId: id, line: first.number, outcome: 'accepted', reason: '', warnings },
        concept: parsed.data,
      };
    }
    for (const issue of parsed.error.issues) {
      const [head, lang, part, index, property] = issue.path;
      const section = typeof lang === 'string' ? languages.get(lang) : undefined;
      if (head === 'languages' && section !== undefined) {
        if (part === 'terms' && typeof index === 'number') {
          const field = FIELD_OF_TERM_PROPERTY[String(property ?? 'text')] ?? 'term';
          problem(section.rows[index] ?? section.rows[0]!, field, issue.message);
        } else if (part === 'definition') {
          problem(
            section.rows[0]!,
            FIELD_OF_DEFINITION_PROPERTY[String(index ?? 'text')] ?? 'definition',
            issue.message,
          );
        } else problem(section.rows[0]!, 'status', issue.message);
      } else {
        problem(first, FIELD_OF_CONCEPT_PROPERTY[String(head)] ?? 'concept_id', issue.message);
      }
    }
  }
  return {
    report: {
      conceptId: id,
      line: first.number,
      outcome: 'rejected',
      reason: problems.join('; '),
      warnings,
    },
  };
}

export interface GlossaryCsvReadOptions {
  /** Largest file accepted, in UTF-8 bytes (default 20 MB). */
  readonly maxBytes?: number;
}

export function readGlossaryCsv(
  text: string,
  options: GlossaryCsvReadOptions = {},
): GlossaryCsvReadResult {
  const maxBytes = options.maxBytes ?? DEFAULT_CSV_MAX_BYTES;
  if (
    text.length > maxBytes ||
    (text.length * 3 > maxBytes && Buffer.byteLength(text) > maxBytes)
  ) {
    throw fileError(
      `CSV file: ${Buffer.byteLength(text)} bytes is more than the limit of ${maxBytes}`,
    );
  }
  let records: string[][];
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvError) throw fileError(`CSV file ${error.message}`, 'file', error);
    throw error;
  }
  const [header, ...data] = records;
  if (header === undefined) throw fileError('CSV file: the file is empty (no header row)');
  const index = readHeader(header);

  const groups = new Map<string, Row[]>();
  const entries: (GlossaryEntryReport | string)[] = [];
  data.forEach((fields, i) => {
    const number = i + 2;
    if (fields.every((field) => field.trim() === '')) return;
    if (fields.length !== header.length) {
      throw fileError(
        `CSV row ${number}: expected ${header.length} fields, found ${fields.length}`,
        'file',
      );
    }
    const row: Row = { number, get: (column) => fields[index.get(column)!] ?? '' };
    const id = row.get('concept_id').trim();
    if (id === '') {
      entries.push({
        conceptId: '',
        line: number,
        outcome: 'rejected',
        reason: `row ${number}, field concept_id: empty`,
        warnings: [],
      });
      return;
    }
    const group = groups.get(id);
    if (group) group.push(row);
    else {
      groups.set(id, [row]);
      entries.push(id);
    }
  });

  const concepts: Concept[] = [];
  const reports = entries.map((entry) => {
    if (typeof entry !== 'string') return entry;
    const { report, concept } = readConceptRows(entry, groups.get(entry)!);
    if (concept) concepts.push(concept);
    return report;
  });
  const warnings = header.some((name, i) => name.trim().toLowerCase() !== GLOSSARY_CSV_COLUMNS[i])
    ? [`the columns are in another order than ${GLOSSARY_CSV_COLUMNS.join(', ')}; read by name`]
    : [];
  return { concepts, entries: reports, warnings };
}
