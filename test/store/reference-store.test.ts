/**
 * The reference data in the store, on SQLite and on PostgreSQL: what seeding writes, that it is
 * idempotent, that a failed seed leaves the store as it was, and the queries over it.
 */
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../src/domain/languages.js';
import { seedReferenceData } from '../../src/reference/seed-reference-data.js';
import { overview } from '../../src/reference/overview.js';
import { findAction, listActions } from '../../src/store/repositories/actions-repository.js';
import {
  findGroup,
  listGroups,
  memberIdsOn,
  summarizeGroup,
} from '../../src/store/repositories/groups-repository.js';
import {
  findInstrument,
  listInstruments,
} from '../../src/store/repositories/instruments-repository.js';
import { listMeetings } from '../../src/store/repositories/meetings-repository.js';
import { getState, loadNameResolver, queryStates } from '../../src/states/state-queries.js';
import { openStore } from '../../src/store/open-store.js';
import { bundledReferenceData, forEachStore } from '../support/for-each-store.js';

async function snapshot(db: Parameters<typeof listGroups>[0]) {
  return {
    states: (await queryStates(db)).items,
    groups: await listGroups(db),
    instruments: await listInstruments(db),
    meetings: await listMeetings(db),
    actions: await listActions(db),
  };
}

forEachStore('reference data store', ({ store, config }) => {
  it('holds 197 States, each named in the six languages, and finds them by code', async () => {
    const { items, total } = await queryStates(store().db);
    expect(total).toBe(197);
    for (const state of items) {
      for (const lang of LANGUAGES) {
        expect(state.names[lang].short, `${state.id} ${lang}`).not.toBe('');
        expect(state.names[lang].formal, `${state.id} ${lang}`).not.toBe('');
      }
    }
    expect((await getState(store().db, 'fr')).id).toBe('FRA');
    expect((await getState(store().db, 'Swaziland')).id).toBe('SWZ');
    await expect(getState(store().db, 'Atlantis')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('gives back exactly the records of the data files', async () => {
    const data = bundledReferenceData();
    const stored = await snapshot(store().db);
    expect(stored.states).toEqual(data.states);
    expect(stored.groups).toEqual([...data.groups].sort((a, b) => a.id.localeCompare(b.id)));
    expect(new Set(stored.instruments.map((i) => i.id))).toEqual(
      new Set(data.instruments.map((i) => i.id)),
    );
    expect(await findInstrument(store().db, 'ctbt')).toEqual(
      data.instruments.find((i) => i.id === 'CTBT'),
    );
    expect(stored.meetings).toHaveLength(data.meetings.length);
    expect(stored.actions.map((a) => a.id)).toEqual([
      ...Array.from({ length: 64 }, (_, i) => `AP2010-A${i + 1}`),
      'AP2010-ME',
    ]);
  });

  it('seeding again changes nothing', async () => {
    const before = await snapshot(store().db);
    const result = await seedReferenceData(store(), bundledReferenceData());
    expect(result.status).toBe('unchanged');
    expect(await snapshot(store().db)).toEqual(before);
  });

  it('reseeds changed data in one transaction, and a failure leaves the store as it was', async () => {
    const data = bundledReferenceData();
    const before = await snapshot(store().db);
    const broken = {
      ...data,
      hash: 'broken',
      groups: [
        ...data.groups,
        {
          ...data.groups[0]!,
          id: 'ZZ-BROKEN',
          members: [{ state: 'XXX', from: null, to: null, source: 'test' }],
        },
      ],
    };
    await expect(seedReferenceData(store(), broken)).rejects.toThrow();
    expect(await snapshot(store().db)).toEqual(before);

    const renamed = { ...data, hash: 'renamed', meetings: data.meetings.slice(1) };
    expect((await seedReferenceData(store(), renamed)).status).toBe('seeded');
    expect((await listMeetings(store().db)).length).toBe(data.meetings.length - 1);
    expect((await seedReferenceData(store(), data)).status).toBe('seeded');
    expect(await snapshot(store().db)).toEqual(before);
  });

  it('answers group membership on a date', async () => {
    const db = store().db;
    const p5 = (await findGroup(db, 'P5'))!;
    expect([...memberIdsOn(p5, '2026-01-01')].sort()).toEqual(['CHN', 'FRA', 'GBR', 'RUS', 'USA']);
    expect((await queryStates(db, { group: 'CTBT-ANNEX2' })).total).toBe(44);
    const eu = (await findGroup(db, 'EU'))!;
    expect(memberIdsOn(eu, '2019-12-31').has('GBR')).toBe(true);
    expect(memberIdsOn(eu, '2020-02-01').has('GBR')).toBe(false);
    expect(summarizeGroup(eu, '2020-02-01').memberCount).toBe(27);
    expect(
      (await queryStates(db, { group: 'EU', at: '2003-01-01' })).items.map((s) => s.id),
    ).not.toContain('POL');
    await expect(queryStates(db, { group: 'NOPE' })).rejects.toMatchObject({
      code: 'invalid_parameter',
      field: 'group',
    });
  });

  it('pages and searches States by any name', async () => {
    const db = store().db;
    const page = await queryStates(db, { limit: 10, offset: 190 });
    expect(page).toMatchObject({ total: 197, limit: 10, offset: 190 });
    expect(page.items).toHaveLength(7);
    expect((await queryStates(db, { q: 'коре' })).items.map((s) => s.id).sort()).toEqual([
      'KOR',
      'PRK',
    ]);
    expect((await queryStates(db, { q: '法国' })).items.map((s) => s.id)).toEqual(['FRA']);
  });

  it('resolves names from the stored names', async () => {
    const resolver = await loadNameResolver(store().db);
    expect(resolver.resolve('Libyan Arab Jamahiriya').state?.id).toBe('LBY');
    expect(resolver.resolve('伊朗伊斯兰共和国', 'zh').state?.id).toBe('IRN');
  });

  it('finds actions by any of their ids', async () => {
    const db = store().db;
    for (const id of ['AP2010-A5', 'a5', '5', 'Action 5'])
      expect((await findAction(db, id))?.number).toBe(5);
    expect((await findAction(db, 'ME'))?.pillar).toBe('middle-east');
    expect(await findAction(db, '65')).toBeNull();
    const pillars = Object.fromEntries(
      (['disarmament', 'non-proliferation', 'peaceful-uses', 'middle-east'] as const).map((p) => [
        p,
        0,
      ]),
    );
    for (const a of await listActions(db)) pillars[a.pillar]!++;
    expect(pillars).toEqual({
      disarmament: 22,
      'non-proliferation': 24,
      'peaceful-uses': 18,
      'middle-east': 1,
    });
  });

  it('computes the dashboard overview for a day', async () => {
    const o = await overview(store().db, '2013-04-25');
    expect(o.nextMeeting?.id).toBe('NPT-2015-PC2');
    expect(o.currentCycle).toBe(2015);
    expect(o.cycleMeetings.map((m) => m.kind)).toEqual([
      'preparatory-committee',
      'preparatory-committee',
      'preparatory-committee',
      'review-conference',
    ]);
    expect(o.counts.states).toBe(197);
    expect(o.counts.actions).toBe(65);
  });

  it('opens again with its data after being closed', async () => {
    const reopened = await openStore(config());
    try {
      expect((await queryStates(reopened.db)).total).toBe(197);
    } finally {
      await reopened.close();
    }
  });
});

describe('an empty store', () => {
  forEachStore(
    'unseeded',
    ({ store }) => {
      it('is migrated and empty until seeded', async () => {
        expect((await queryStates(store().db)).total).toBe(0);
        const first = await seedReferenceData(store(), bundledReferenceData());
        expect(first).toMatchObject({ status: 'seeded', counts: { states: 197, actions: 65 } });
      });
    },
    { seed: false },
  );
});
