/**
 * @module Feature queries over treaty participation that the CLI and the API share: an
 * instrument's status on a date, events, the P5 × nuclear-weapon-free-zone protocol matrix, and
 * importing events from a file.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { invalidData, invalidParameter, notFound } from '../domain/errors.js';
import type { Instrument } from '../domain/model.js';
import {
  CONSENT_KINDS,
  participationEventSchema,
  type ParticipationEvent,
} from '../domain/treaty-events.js';
import type { Database } from '../store/database.js';
import { listEvents, replaceImportedEvents } from '../store/repositories/events-repository.js';
import { findGroup, memberIdsOn } from '../store/repositories/groups-repository.js';
import { findInstrument, listInstruments } from '../store/repositories/instruments-repository.js';
import { loadStateCatalog } from '../states/state-catalog.js';
import { expiryOf, INSTRUMENT_RULES, INSTRUMENT_TERMS } from './entry-into-force-rules.js';
import { importUntcCsv, type ImportProblem } from './import-untc-csv.js';
import {
  computeEntryIntoForce,
  computeStateStatus,
  reconcileEntryIntoForce,
  type EntryIntoForce,
  type StateStanding,
  type StateStatus,
} from './treaty-status.js';

export interface InstrumentStatus {
  readonly instrument: {
    readonly id: string;
    readonly name: string;
    readonly recordedEntryIntoForce: string | null;
  };
  readonly asOf: string;
  readonly entryIntoForce:
    (EntryIntoForce & { readonly basis: 'computed' | 'recorded'; readonly source: string }) | null;
  /** For an instrument with a fixed term: the day it expires (computed) and why. */
  readonly expiry: { readonly date: string; readonly source: string } | null;
  readonly counts: Readonly<Record<StateStanding, number>>;
  readonly states: StateStatus[];
  readonly events: number;
}

async function requireInstrument(db: Kysely<Database>, id: string): Promise<Instrument> {
  const instrument = await findInstrument(db, id);
  if (!instrument) throw notFound('instrument', id);
  return instrument;
}

export async function instrumentStatus(
  db: Kysely<Database>,
  id: string,
  asOf: string,
  options: { state?: string | undefined } = {},
): Promise<InstrumentStatus> {
  const instrument = await requireInstrument(db, id);
  const events = await listEvents(db, { instrument: instrument.id, until: asOf });
  const rules = INSTRUMENT_RULES[instrument.id];
  let entryIntoForce: InstrumentStatus['entryIntoForce'] = null;
  if (rules) {
    const annex =
      rules.entryIntoForce.kind === 'annex'
        ? await findGroup(db, rules.entryIntoForce.group)
        : null;
    const members = annex ? [...memberIdsOn(annex, asOf)] : [];
    const reconciled = reconcileEntryIntoForce(
      computeEntryIntoForce(rules, events, asOf, members),
      instrument.entryIntoForce,
      asOf,
    );
    entryIntoForce = {
      ...reconciled,
      source: reconciled.basis === 'computed' ? rules.source : instrument.source,
    };
  }
  // An instrument without a computable rule (a bilateral treaty) is in force from the depositary's recorded date.
  const recordedInForce =
    instrument.entryIntoForce !== null && instrument.entryIntoForce <= asOf
      ? instrument.entryIntoForce
      : null;
  const inForce = rules === undefined ? recordedInForce : (entryIntoForce?.date ?? null);
  const term = INSTRUMENT_TERMS[instrument.id];
  const expiry =
    term && inForce !== null
      ? {
          date: expiryOf(term, inForce, asOf),
          source: [
            term.source,
            ...term.extensions.filter((e) => e.agreed <= asOf).map((e) => e.source),
          ].join('; '),
        }
      : null;
  const expired = expiry !== null && expiry.date <= asOf ? expiry.date : null;
  const catalog = await loadStateCatalog(db);
  const status = (state: string) =>
    computeStateStatus(state, events, asOf, rules, inForce, expired);
  const all = [...new Set(events.map((e) => e.state))].sort().map(status);
  const counts = Object.fromEntries(
    (
      [
        'not-signed',
        'signed',
        'consented',
        'party',
        'withdrawal-pending',
        'withdrawn',
        'ratification-withdrawn',
        'expired',
      ] as const
    ).map((k) => [k, 0]),
  ) as Record<StateStanding, number>;
  for (const s of all) counts[s.status]++;
  // States with no event at all have not signed.
  counts['not-signed'] += catalog.states.length - all.length;
  let states = all;
  if (options.state !== undefined) {
    const code = options.state.trim().toUpperCase();
    const state = catalog.byId.get(code) ?? catalog.states.find((s) => s.alpha2 === code);
    if (!state) throw invalidParameter('state', `unknown State '${options.state}'`);
    states = [status(state.id)];
  }
  return {
    instrument: {
      id: instrument.id,
      name: instrument.names.en.short,
      recordedEntryIntoForce: instrument.entryIntoForce,
    },
    asOf,
    entryIntoForce,
    expiry,
    counts,
    states,
    events: events.length,
  };
}

const NWFZ_TREATIES: ReadonlySet<string> = new Set([
  'TLATELOLCO',
  'RAROTONGA',
  'BANGKOK',
  'PELINDABA',
  'SEMIPALATINSK',
]);

export interface ProtocolCell {
  readonly signed: string | null;
  readonly consented: string | null;
  readonly sources: string[];
  readonly notes: string[];
}

/** What each nuclear-weapon State has done about each nuclear-weapon-free-zone protocol. */
export async function protocolMatrix(
  db: Kysely<Database>,
  asOf: string,
): Promise<{
  asOf: string;
  states: string[];
  protocols: { id: string; name: string; cells: Record<string, ProtocolCell> }[];
}> {
  const p5 = await findGroup(db, 'P5');
  const states = p5 ? [...memberIdsOn(p5, asOf)].sort() : [];
  const protocols = (await listInstruments(db)).filter(
    (i) => i.kind === 'protocol' && i.parent !== null && NWFZ_TREATIES.has(i.parent),
  );
  const rows = [];
  for (const protocol of protocols) {
    const events = await listEvents(db, { instrument: protocol.id, until: asOf });
    const cells: Record<string, ProtocolCell> = {};
    for (const state of states) {
      const own = events.filter((e) => e.state === state);
      cells[state] = {
        signed: own.find((e) => e.kind === 'signature')?.date ?? null,
        consented: own.find((e) => CONSENT_KINDS.has(e.kind))?.date ?? null,
        sources: [...new Set(own.map((e) => e.source))],
        notes: own.filter((e) => e.note !== undefined).map((e) => `${e.date} ${e.kind}: ${e.note}`),
      };
    }
    rows.push({ id: protocol.id, name: protocol.names.en.short, cells });
  }
  return { asOf, states, protocols: rows };
}

export interface EventImport {
  readonly file: string;
  readonly stored: number;
  readonly rows: { readonly total: number; readonly valid: number };
  readonly problems: ImportProblem[];
}

/**
 * Imports events from a UN Treaty Collection CSV or a JSON array of events. Nothing is stored while
 * any row has a problem, unless `skipInvalid` is set (then the good rows are stored).
 */
export async function importEvents(
  db: Kysely<Database>,
  file: { name: string; bytes: Buffer },
  options: {
    instrument?: string | undefined;
    skipInvalid?: boolean | undefined;
    source?: string | undefined;
  },
): Promise<EventImport> {
  const text = file.bytes.toString('utf8');
  const catalog = await loadStateCatalog(db);
  let events: ParticipationEvent[];
  let problems: ImportProblem[];
  let rows: { total: number; valid: number };
  if (file.name.toLowerCase().endsWith('.json')) {
    ({ events, problems, rows } = await parseEventsJson(db, text, catalog.byId));
  } else {
    if (options.instrument === undefined)
      throw invalidParameter('--instrument', 'a CSV status table needs --instrument (e.g. CTBT)');
    const instrument = await requireInstrument(db, options.instrument);
    ({ events, problems, rows } = importUntcCsv(text, {
      instrument,
      resolver: catalog.resolver,
      source: options.source ?? `UN Treaty Collection status table, imported from ${file.name}`,
    }));
  }
  if (options.instrument !== undefined) {
    const id = options.instrument.toUpperCase();
    events.forEach((e, i) => {
      if (e.instrument !== id)
        problems.push({
          line: i + 1,
          field: 'instrument',
          message: `event for ${e.instrument}, but --instrument is ${id}`,
        });
    });
    events = events.filter((e) => e.instrument === id);
  }
  if (problems.length > 0 && !options.skipInvalid)
    return { file: file.name, stored: 0, rows, problems };
  const origin = `import:${createHash('sha256').update(file.bytes).digest('hex')}`;
  await replaceImportedEvents(db, origin, events);
  return { file: file.name, stored: events.length, rows, problems };
}

async function parseEventsJson(
  db: Kysely<Database>,
  text: string,
  states: ReadonlyMap<string, unknown>,
) {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw invalidData('file', `not valid JSON: ${(error as Error).message}`);
  }
  if (!Array.isArray(json)) throw invalidData('file', 'expected a JSON array of events');
  const instruments = new Map((await listInstruments(db)).map((i) => [i.id, i]));
  const events: ParticipationEvent[] = [];
  const problems: ImportProblem[] = [];
  json.forEach((item, i) => {
    const parsed = participationEventSchema.safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      problems.push({
        line: i + 1,
        field: issue.path.join('.') || 'event',
        message: issue.message,
      });
      return;
    }
    const e = parsed.data;
    const instrument = instruments.get(e.instrument);
    if (!instrument)
      problems.push({
        line: i + 1,
        field: 'instrument',
        message: `unknown instrument '${e.instrument}'`,
      });
    else if (!states.has(e.state))
      problems.push({ line: i + 1, field: 'state', message: `unknown State '${e.state}'` });
    else if (instrument.openedForSignature && e.date < instrument.openedForSignature.date) {
      problems.push({
        line: i + 1,
        field: 'date',
        message: `${e.date} is before ${e.instrument} opened for signature (${instrument.openedForSignature.date})`,
      });
    } else events.push(e);
  });
  return { events, problems, rows: { total: json.length, valid: events.length } };
}
