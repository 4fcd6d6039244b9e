/**
 * Treaty participation on SQLite and PostgreSQL: status on a date computed from events, the
 * CTBT's Annex 2 condition, Article X withdrawal, New START's term, and importing status tables
 * with bad rows.
 */
import { expect, it } from 'vitest';
import { listEvents } from '../../src/store/repositories/events-repository.js';
import {
  importEvents,
  instrumentStatus,
  protocolMatrix,
} from '../../src/treaties/treaty-queries.js';
import { seedReferenceData } from '../../src/reference/seed-reference-data.js';
import { bundledReferenceData, forEachStore } from '../support/for-each-store.js';

const csv = (rows: string[]) =>
  Buffer.from(
    ['Participant,Signature,"Ratification, Accession(a), Succession(d)"', ...rows].join('\n'),
  );

forEachStore('treaty status', ({ store }) => {
  it('computes the expiry of New START from its term: extended in 2021, expired on 5 February 2026', async () => {
    const before = await instrumentStatus(store().db, 'NEW-START', '2020-06-01');
    // Before the extension was agreed, the term ran to 2021.
    expect(before.expiry).toMatchObject({ date: '2021-02-05' });
    expect(before.counts.party).toBe(2);
    const during = await instrumentStatus(store().db, 'NEW-START', '2025-06-01');
    expect(during.expiry?.date).toBe('2026-02-05');
    expect(during.expiry?.source).toMatch(/Article XIV\.2/u);
    expect(during.states.map((s) => s.status)).toEqual(['party', 'party']);
    const after = await instrumentStatus(store().db, 'NEW-START', '2026-03-01');
    expect(after.states.map((s) => [s.state, s.status])).toEqual([
      ['RUS', 'expired'],
      ['USA', 'expired'],
    ]);
    expect(after.counts).toMatchObject({ party: 0, expired: 2 });
    expect((await instrumentStatus(store().db, 'CTBT', '2026-03-01')).expiry).toBeNull();
  });

  it('lists the 8 Annex 2 States whose CTBT ratification was missing on 1 January 2014', async () => {
    const status = await instrumentStatus(store().db, 'CTBT', '2014-01-01');
    expect(status.entryIntoForce).toMatchObject({ date: null, rule: 'annex', required: 44 });
    expect(status.entryIntoForce!.missing).toEqual([
      'CHN',
      'EGY',
      'IND',
      'IRN',
      'ISR',
      'PAK',
      'PRK',
      'USA',
    ]);
    expect(status.states.find((s) => s.state === 'FRA')).toMatchObject({
      status: 'consented',
      consented: { date: '1998-04-06', kind: 'ratification' },
    });
    expect(status.counts.consented).toBeGreaterThan(150);
  });

  it('adds the Russian Federation to the missing Annex 2 States after it withdrew its ratification in 2023', async () => {
    const status = await instrumentStatus(store().db, 'CTBT', '2024-01-01');
    expect(status.entryIntoForce!.missing).toEqual([
      'CHN',
      'EGY',
      'IND',
      'IRN',
      'ISR',
      'PAK',
      'PRK',
      'RUS',
      'USA',
    ]);
    expect(status.states.find((s) => s.state === 'RUS')).toMatchObject({
      status: 'ratification-withdrawn',
      signed: '1996-09-24',
      consented: null,
    });
  });

  it('computes the TPNW entry into force, 22 January 2021, from the fiftieth ratification', async () => {
    const before = await instrumentStatus(store().db, 'TPNW', '2021-01-21');
    expect(before.entryIntoForce).toMatchObject({
      date: null,
      rule: 'count',
      required: 50,
      basis: 'computed',
    });
    const after = await instrumentStatus(store().db, 'TPNW', '2021-06-01');
    expect(after.entryIntoForce).toMatchObject({ date: '2021-01-22', basis: 'computed' });
    expect(after.states.find((s) => s.state === 'HND')).toMatchObject({
      status: 'party',
      inForceFrom: '2021-01-22',
    });
    expect(after.counts.party).toBeGreaterThanOrEqual(50);
  });

  it('keeps the depositary date where the events on record cannot reach the rule (NPT)', async () => {
    const npt = await instrumentStatus(store().db, 'NPT', '2020-01-01');
    expect(npt.entryIntoForce).toMatchObject({ date: '1970-03-05', basis: 'recorded' });
    expect(npt.states.find((s) => s.state === 'GBR')).toMatchObject({
      status: 'party',
      inForceFrom: '1970-03-05',
    });
    const before = await instrumentStatus(store().db, 'NPT', '1969-01-01');
    expect(before.entryIntoForce).toMatchObject({ date: null, basis: 'computed' });
    expect(before.states.find((s) => s.state === 'GBR')?.status).toBe('consented');
  });

  it('follows a withdrawal notice under Article X: pending for three months, then withdrawn', async () => {
    const db = store().db;
    // An invented State joins the reference data the proper way: a reseed with one more record.
    const data = bundledReferenceData();
    const fra = data.states.find((s) => s.id === 'FRA')!;
    const ruritania = {
      ...fra,
      id: 'ZZZ',
      alpha2: 'ZZ',
      numeric: '999',
      m49: '999',
      variants: [],
      source: 'test: an invented State',
    };
    await seedReferenceData(store(), {
      ...data,
      states: [...data.states, ruritania],
      hash: 'with-an-invented-state',
    });
    const events = [
      {
        instrument: 'NPT',
        state: 'ZZZ',
        kind: 'accession',
        date: '1995-05-11',
        source: 'test record 1',
      },
      {
        instrument: 'NPT',
        state: 'ZZZ',
        kind: 'withdrawal-notice',
        date: '2030-01-15',
        source: 'test record 2',
        note: 'notice under Article X.1',
      },
    ];
    const imported = await importEvents(
      db,
      { name: 'ruritania.json', bytes: Buffer.from(JSON.stringify(events)) },
      {},
    );
    expect(imported).toMatchObject({ stored: 2, problems: [] });
    const at = async (day: string) =>
      (await instrumentStatus(db, 'NPT', day, { state: 'ZZZ' })).states[0]!;
    expect((await at('2029-12-31')).status).toBe('party');
    expect(await at('2030-02-01')).toMatchObject({
      status: 'withdrawal-pending',
      withdrawal: { notice: '2030-01-15', effective: '2030-04-15' },
    });
    expect((await at('2030-04-14')).status).toBe('withdrawal-pending');
    expect((await at('2030-04-15')).status).toBe('withdrawn');
  });

  it('reports every bad row of a status table and stores nothing, unless asked to skip them', async () => {
    const db = store().db;
    const before = (await listEvents(db, { instrument: 'TPNW' })).length;
    const bad = csv([
      'Austria,20 Sep 2017,8 May 2018',
      'Ruritania,20 Sep 2017,',
      'Mexico,20 Sep 2017,16 Jan 2018 a',
      'Ireland,31 Feb 2018,',
      'Cuba,1 Jan 2016,',
    ]);
    const refused = await importEvents(
      db,
      { name: 'tpnw.csv', bytes: bad },
      { instrument: 'TPNW' },
    );
    expect(refused.stored).toBe(0);
    expect(refused.problems.map((p) => [p.line, p.message])).toEqual([
      [3, "unknown State name 'Ruritania' (did you mean Mauritania?)"],
      [5, "'31 Feb 2018' is not a real date"],
      [6, '2016-01-01 is before TPNW opened for signature (2017-09-20)'],
    ]);
    expect((await listEvents(db, { instrument: 'TPNW' })).length).toBe(before);
    const skipped = await importEvents(
      db,
      { name: 'tpnw.csv', bytes: bad },
      { instrument: 'TPNW', skipInvalid: true },
    );
    expect(skipped).toMatchObject({ stored: 4, rows: { total: 5, valid: 2 } });
    const unknownColumn = await importEvents(
      db,
      {
        name: 'x.csv',
        bytes: Buffer.from('Participant,Definitive signature\nAustria,1 Jan 2020\n'),
      },
      { instrument: 'TPNW' },
    );
    expect(unknownColumn.problems).toEqual([
      {
        line: 1,
        field: 'Definitive signature',
        message: expect.stringMatching(/unknown column 'Definitive signature'/) as unknown,
      },
    ]);
  });

  it('gives the P5 × protocol matrix with sources', async () => {
    const matrix = await protocolMatrix(store().db, '2026-01-01');
    expect(matrix.states).toEqual(['CHN', 'FRA', 'GBR', 'RUS', 'USA']);
    expect(matrix.protocols.map((p) => p.id)).toEqual(
      expect.arrayContaining([
        'TLATELOLCO-AP2',
        'RAROTONGA-P2',
        'PELINDABA-P1',
        'SEMIPALATINSK-P',
        'BANGKOK-P',
      ]),
    );
    for (const p of matrix.protocols)
      for (const cell of Object.values(p.cells))
        if (cell.signed || cell.consented) expect(cell.sources.length).toBeGreaterThan(0);
    const ap2 = matrix.protocols.find((p) => p.id === 'TLATELOLCO-AP2')!;
    expect(ap2.cells.GBR).toMatchObject({ signed: '1967-12-20', consented: '1969-12-11' });
    expect(Object.values(ap2.cells).every((c) => c.signed !== null && c.consented !== null)).toBe(
      true,
    );
    const bangkok = matrix.protocols.find((p) => p.id === 'BANGKOK-P')!;
    expect(Object.values(bangkok.cells).every((c) => c.signed === null)).toBe(true);
  });
});
