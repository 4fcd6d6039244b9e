/**
 * @module Reads a UN Treaty Collection status table as CSV ("Participant", "Signature",
 * "Ratification, Accession(a), …"; dates like "24 Sep 1996" with the action's suffix: a accession,
 * d succession, A acceptance, AA approval, P consent to be bound, n provisional application) into
 * participation events. Every problem is reported with its line and column; nothing is dropped.
 */
import type { Instrument } from '../domain/model.js';
import type { EventKind, ParticipationEvent } from '../domain/treaty-events.js';
import { CsvError, parseCsv } from '../lib/csv.js';
import type { NameResolver } from '../states/name-resolver.js';

export interface ImportProblem {
  readonly line: number;
  readonly field: string;
  readonly message: string;
}

export interface ImportResult {
  readonly events: ParticipationEvent[];
  readonly problems: ImportProblem[];
  /** Rows that gave events, of all data rows. */
  readonly rows: { readonly total: number; readonly valid: number };
}

type ColumnRole = 'participant' | 'signature' | 'consent' | 'provisional';

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const SUFFIX_KINDS: Record<string, EventKind> = {
  a: 'accession',
  d: 'succession',
  A: 'acceptance',
  AA: 'approval',
  P: 'consent-to-be-bound',
};
const CELL = /^(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})(?:\s*\(?\s*(a|d|A|AA|P|n)\s*\)?)?$/u;

function roleOf(header: string): ColumnRole | null {
  const h = header.trim().toLowerCase();
  if (h === 'participant') return 'participant';
  if (h.startsWith('provisional application')) return 'provisional';
  if (h.startsWith('signature')) return 'signature';
  if (/^(ratification|accession|acceptance|approval|succession|consent to be bound)/u.test(h))
    return 'consent';
  return null;
}

function parseCell(text: string): { date: string; suffix: string | undefined } | string {
  const match = CELL.exec(text.trim());
  if (!match)
    return `'${text}' is not a date like "24 Sep 1996" (with an optional a, d, A, AA, P or n)`;
  const [, day, mon, year, suffix] = match;
  const month = MONTHS[mon!.toLowerCase()];
  if (month === undefined) return `'${mon}' is not a month`;
  const iso = `${year}-${String(month).padStart(2, '0')}-${day!.padStart(2, '0')}`;
  const check = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(check.getTime()) || check.getUTCDate() !== Number(day))
    return `'${text}' is not a real date`;
  return { date: iso, suffix };
}

export function importUntcCsv(
  text: string,
  options: { instrument: Instrument; resolver: NameResolver; source: string },
): ImportResult {
  let rows: string[][];
  try {
    rows = parseCsv(text);
  } catch (error) {
    const line = error instanceof CsvError ? error.line : 1;
    return {
      events: [],
      problems: [{ line, field: 'file', message: (error as Error).message }],
      rows: { total: 0, valid: 0 },
    };
  }
  const [header, ...data] = rows;
  const problems: ImportProblem[] = [];
  if (!header)
    return {
      events: [],
      problems: [{ line: 1, field: 'file', message: 'the file is empty' }],
      rows: { total: 0, valid: 0 },
    };
  const roles = header.map(roleOf);
  header.forEach((name, i) => {
    if (roles[i] === null)
      problems.push({
        line: 1,
        field: name,
        message: `unknown column '${name}': expected Participant, Signature, Ratification/Accession…, or Provisional application`,
      });
  });
  const participant = roles.indexOf('participant');
  if (participant < 0)
    problems.push({ line: 1, field: 'Participant', message: "no 'Participant' column" });
  if (problems.length > 0) return { events: [], problems, rows: { total: data.length, valid: 0 } };

  const { instrument, resolver, source } = options;
  const opened = instrument.openedForSignature?.date;
  const events: ParticipationEvent[] = [];
  let valid = 0;
  data.forEach((row, index) => {
    const line = index + 2;
    if (row.every((cell) => cell.trim() === '')) return;
    const name = row[participant]?.trim() ?? '';
    const resolved = resolver.resolve(name.replace(/\s*\d+$/u, ''), 'en');
    const rowProblems: ImportProblem[] = [];
    if (resolved.status !== 'resolved') {
      const hint = resolved.candidates.length
        ? ` (did you mean ${resolved.candidates.map((c) => c.name).join(', ')}?)`
        : '';
      rowProblems.push({
        line,
        field: header[participant]!,
        message: `${resolved.status} State name '${name}'${hint}`,
      });
    }
    const rowEvents: ParticipationEvent[] = [];
    row.forEach((cell, i) => {
      const role = roles[i];
      if (i === participant || cell.trim() === '' || role === 'provisional') return;
      const parsed = parseCell(cell);
      if (typeof parsed === 'string') {
        rowProblems.push({ line, field: header[i]!, message: parsed });
        return;
      }
      if (opened !== undefined && parsed.date < opened) {
        rowProblems.push({
          line,
          field: header[i]!,
          message: `${parsed.date} is before ${instrument.id} opened for signature (${opened})`,
        });
        return;
      }
      if (parsed.suffix === 'n') return;
      const kind: EventKind =
        role === 'signature' ? 'signature' : (SUFFIX_KINDS[parsed.suffix ?? ''] ?? 'ratification');
      const note =
        role === 'signature' && parsed.suffix === 'd' ? 'succession to signature' : undefined;
      if (resolved.status === 'resolved') {
        rowEvents.push({
          instrument: instrument.id,
          state: resolved.state.id,
          kind,
          date: parsed.date,
          source: `${source}, line ${line}`,
          ...(note ? { note } : {}),
        });
      }
    });
    problems.push(...rowProblems);
    if (rowProblems.length === 0) {
      valid++;
      events.push(...rowEvents);
    }
  });
  return {
    events,
    problems,
    rows: { total: data.filter((r) => r.some((c) => c.trim() !== '')).length, valid },
  };
}
