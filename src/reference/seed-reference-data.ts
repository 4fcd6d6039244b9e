/**
 * @module Stores the bundled reference data, in one transaction, only when it has changed.
 *
 * Reads: the validated `ReferenceData`. Writes: states, state_names, groups, group_members,
 * instruments, meetings, actions and `meta.reference_hash`. Running it twice changes nothing.
 */
import { readMeta, writeMeta } from '../store/meta.js';
import type { Kysely } from 'kysely';
import { LANGUAGES } from '../domain/languages.js';
import type { Database } from '../store/database.js';
import type { Store } from '../store/open-store.js';
import { eventRow } from '../store/repositories/events-repository.js';
import { insertChunked, upsertById } from '../store/write-helpers.js';
import type { ReferenceData } from './load-reference-data.js';
import { REFERENCE_HASH_KEY } from './reference-hash.js';

export interface SeedResult {
  readonly status: 'seeded' | 'unchanged';
  readonly hash: string;
  readonly counts: Readonly<
    Record<'states' | 'groups' | 'instruments' | 'meetings' | 'actions', number>
  >;
}

const HASH_KEY = REFERENCE_HASH_KEY;

export async function seedReferenceData(store: Store, data: ReferenceData): Promise<SeedResult> {
  const counts = {
    states: data.states.length,
    groups: data.groups.length,
    instruments: data.instruments.length,
    meetings: data.meetings.length,
    actions: data.actions.length,
    events: data.events.length,
  };
  if ((await readMeta(store.db, HASH_KEY)) === data.hash)
    return { status: 'unchanged', hash: data.hash, counts };

  await store.db.transaction().execute(async (trx) => {
    await writeStates(trx, data);
    await writeGroups(trx, data);
    await upsertById(
      trx,
      'instruments',
      data.instruments.map((i) => ({
        id: i.id,
        kind: i.kind,
        parent_id: i.parent,
        names: JSON.stringify(i.names),
        depositaries: JSON.stringify(i.depositaries),
        opened_date: i.openedForSignature?.date ?? null,
        opened_place: i.openedForSignature?.place ?? null,
        entry_into_force: i.entryIntoForce,
        entry_into_force_rule: i.entryIntoForceRule,
        text_reference: i.textReference,
        source: i.source,
      })),
    );
    await upsertById(
      trx,
      'meetings',
      data.meetings.map((m) => ({
        id: m.id,
        kind: m.kind,
        cycle: m.cycle,
        session: m.session,
        names: JSON.stringify(m.names),
        start_date: m.startDate,
        end_date: m.endDate,
        city: m.city,
        country: m.country,
        host: m.host,
        symbol_prefix: m.symbolPrefix,
        note: m.note ?? null,
        source: m.source,
      })),
    );
    await upsertById(
      trx,
      'actions',
      data.actions.map((a) => ({
        id: a.id,
        number: a.number,
        pillar: a.pillar,
        subsection_code: a.subsection.code,
        subsection_title: JSON.stringify(a.subsection.title),
        addressees: JSON.stringify(a.addressees),
        articles: JSON.stringify(a.articles),
        instruments: JSON.stringify(a.instruments),
        summary: JSON.stringify(a.summary),
        keywords: JSON.stringify(a.keywords),
        source: a.source,
        position: a.number ?? 1000,
      })),
    );
    // Bundled events are replaced whole; imported ones (origin import:…) stay.
    await trx.deleteFrom('participation_events').where('origin', 'like', 'bundled:%').execute();
    const positions = new Map<string, number>();
    await insertChunked(
      trx,
      'participation_events',
      data.events.map((e) => {
        const origin = `bundled:${e.file}`;
        const position = positions.get(origin) ?? 0;
        positions.set(origin, position + 1);
        return eventRow(origin, position, e);
      }),
    );
    await removeStale(trx, data);
    await writeMeta(trx, HASH_KEY, data.hash);
  });
  return { status: 'seeded', hash: data.hash, counts };
}

async function writeStates(trx: Kysely<Database>, data: ReferenceData): Promise<void> {
  await upsertById(
    trx,
    'states',
    data.states.map((s) => ({
      id: s.id,
      alpha2: s.alpha2,
      numeric: s.numeric,
      m49: s.m49,
      status: s.status,
      source: s.source,
    })),
  );
  await trx.deleteFrom('state_names').execute();
  const names = data.states.flatMap((s) => {
    const official = LANGUAGES.flatMap((lang) => [
      { lang, kind: 'short', name: s.names[lang].short, source: s.source },
      { lang, kind: 'formal', name: s.names[lang].formal, source: s.source },
    ]);
    return [...official, ...s.variants].map((n, position) => ({ state_id: s.id, position, ...n }));
  });
  await insertChunked(trx, 'state_names', names);
}

async function writeGroups(trx: Kysely<Database>, data: ReferenceData): Promise<void> {
  await upsertById(
    trx,
    'groups',
    data.groups.map((g) => ({
      id: g.id,
      kind: g.kind,
      names: JSON.stringify(g.names),
      description: g.description,
      instrument_id: g.instrument,
      as_of: g.asOf,
      source: g.source,
    })),
  );
  await trx.deleteFrom('group_members').execute();
  await insertChunked(
    trx,
    'group_members',
    data.groups.flatMap((g) =>
      g.members.map((m, position) => ({
        group_id: g.id,
        position,
        state_id: m.state,
        from_date: m.from,
        to_date: m.to,
        note: m.note ?? null,
        source: m.source,
      })),
    ),
  );
}

/** Records dropped from the data files leave the store too. */
async function removeStale(trx: Kysely<Database>, data: ReferenceData): Promise<void> {
  const keep = {
    groups: data.groups.map((g) => g.id),
    instruments: data.instruments.map((i) => i.id),
    meetings: data.meetings.map((m) => m.id),
    actions: data.actions.map((a) => a.id),
    states: data.states.map((s) => s.id),
  };
  for (const [table, ids] of Object.entries(keep) as [keyof typeof keep, string[]][]) {
    const query = trx.deleteFrom(table);
    await (ids.length ? query.where('id', 'not in', ids) : query).execute();
  }
}
