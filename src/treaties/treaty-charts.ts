/**
 * @module The data behind the map and the timeline of an instrument, and their SVG.
 */
import type { Kysely } from 'kysely';
import { notFound } from '../domain/errors.js';
import type { ParticipationEvent } from '../domain/treaty-events.js';
import { renderStatusMapSvg } from '../reports/status-map-svg.js';
import { renderTimelineSvg, type TimelinePoint } from '../reports/status-timeline-svg.js';
import { loadStateCatalog } from '../states/state-catalog.js';
import type { Database } from '../store/database.js';
import { listEvents } from '../store/repositories/events-repository.js';
import { findGroup, memberIdsOn } from '../store/repositories/groups-repository.js';
import { findInstrument } from '../store/repositories/instruments-repository.js';
import {
  expiryOf,
  INSTRUMENT_RULES,
  INSTRUMENT_TERMS,
  type InstrumentTerm,
} from './entry-into-force-rules.js';
import { instrumentStatus } from './treaty-queries.js';
import {
  computeEntryIntoForce,
  computeStateStatus,
  reconcileEntryIntoForce,
} from './treaty-status.js';

export async function statusMapSvg(
  db: Kysely<Database>,
  id: string,
  asOf: string,
): Promise<string> {
  const status = await instrumentStatus(db, id, asOf);
  const catalog = await loadStateCatalog(db);
  const byNumeric = new Map(
    status.states.map((s) => [catalog.byId.get(s.state)?.numeric ?? '', s.status] as const),
  );
  byNumeric.delete('');
  const names = new Map(
    catalog.states.map((s) => [s.numeric, s.names.en.short.replace(/\s*\((the)\)$/u, '')]),
  );
  return renderStatusMapSvg(byNumeric, {
    title: `${status.instrument.name}: status on ${asOf}`,
    names,
  });
}

/** Counts on 1 January of every year from the first event, and on the day asked about. */
export async function timelinePoints(
  db: Kysely<Database>,
  id: string,
  asOf: string,
): Promise<TimelinePoint[]> {
  const instrument = await findInstrument(db, id);
  if (!instrument) throw notFound('instrument', id);
  const events = await listEvents(db, { instrument: instrument.id, until: asOf });
  if (events.length === 0) return [];
  const rules = INSTRUMENT_RULES[instrument.id];
  const annex =
    rules?.entryIntoForce.kind === 'annex' ? await findGroup(db, rules.entryIntoForce.group) : null;
  const states = [...new Set(events.map((e) => e.state))];
  const first = Number(events[0]!.date.slice(0, 4));
  const dates = [
    ...Array.from(
      { length: Number(asOf.slice(0, 4)) - first + 1 },
      (_, i) => `${first + i}-01-01`,
    ).filter((d) => d <= asOf && d >= events[0]!.date),
    asOf,
  ];
  return dates.map((date) =>
    countOn(
      events,
      date,
      rules,
      annex ? [...memberIdsOn(annex, date)] : [],
      instrument.entryIntoForce,
      states,
      INSTRUMENT_TERMS[instrument.id],
    ),
  );
}

function countOn(
  events: readonly ParticipationEvent[],
  date: string,
  rules: (typeof INSTRUMENT_RULES)[string] | undefined,
  annexMembers: string[],
  recorded: string | null,
  states: readonly string[],
  term: InstrumentTerm | undefined,
): TimelinePoint {
  const inForce = rules
    ? reconcileEntryIntoForce(
        computeEntryIntoForce(rules, events, date, annexMembers),
        recorded,
        date,
      ).date
    : recorded !== null && recorded <= date
      ? recorded
      : null;
  const expiry = term && inForce !== null ? expiryOf(term, inForce, date) : null;
  const expired = expiry !== null && expiry <= date ? expiry : null;
  let parties = 0;
  let consented = 0;
  let signatories = 0;
  for (const state of states) {
    const s = computeStateStatus(state, events, date, rules, inForce, expired).status;
    if (s === 'party' || s === 'withdrawal-pending') parties++;
    else if (s === 'consented') consented++;
    else if (s === 'signed' || s === 'ratification-withdrawn') signatories++;
  }
  return { date, parties, consented, signatories };
}

export async function timelineSvg(db: Kysely<Database>, id: string, asOf: string): Promise<string> {
  const instrument = await findInstrument(db, id);
  if (!instrument) throw notFound('instrument', id);
  return renderTimelineSvg(await timelinePoints(db, id, asOf), {
    title: `${instrument.names.en.short}: parties and signatories over time`,
  });
}
