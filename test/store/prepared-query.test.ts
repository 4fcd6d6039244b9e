import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { preparedQuery } from '../../src/store/prepared-query.js';
import { insertValueRows } from '../../src/store/write-helpers.js';
import { forEachStore } from '../support/for-each-store.js';

const statesIn = preparedQuery(2, (db, region: string, after: string) =>
  db
    .selectFrom('states')
    .select(['id'])
    .where('id', '>', after)
    .where('id', 'in', ['FRA', 'GBR', region, 'USA'])
    .orderBy('id'),
);

forEachStore('queries compiled once, run with new arguments', ({ store }) => {
  it('answer as the query builder does, with constants kept and arguments swapped', async () => {
    const db = store().db;
    const built = await db
      .selectFrom('states')
      .select(['id'])
      .where('id', '>', 'FRA')
      .where('id', 'in', ['FRA', 'GBR', 'CHN', 'USA'])
      .orderBy('id')
      .execute();
    expect(await statesIn(db, 'CHN', 'FRA')).toEqual(built);
    expect(built.map((r) => r.id)).toEqual(['GBR', 'USA']);
    // The second call reuses the compiled query with other arguments.
    expect((await statesIn(db, 'RUS', 'A')).map((r) => r.id)).toEqual(['FRA', 'GBR', 'RUS', 'USA']);
  });

  it('carry SQL metacharacters in arguments as values', async () => {
    expect(await statesIn(store().db, "X' or '1'='1", 'ZZZ')).toEqual([]);
  });

  it('refuse a query whose argument is not a parameter', async () => {
    const bad = preparedQuery(1, (db, column: string) =>
      db.selectFrom('states').select(sql.ref(column).as('x')),
    );
    await expect(bad(store().db, 'id')).rejects.toThrow(/not a parameter/);
  });

  it('insert value rows in chunks, and refuse a row of the wrong width', async () => {
    const db = store().db;
    const rows = Array.from({ length: 7 }, (_, i) => [`k${i}`, `v'${i}`]);
    await insertValueRows(db, 'meta', [{ name: 'key' }, { name: 'value' }], rows, 3);
    const stored = await db
      .selectFrom('meta')
      .selectAll()
      .where('key', 'like', 'k%')
      .orderBy('key')
      .execute();
    expect(stored.map((r) => [r.key, r.value])).toEqual(rows);
    await expect(
      insertValueRows(db, 'meta', [{ name: 'key' }, { name: 'value' }], [['only']]),
    ).rejects.toThrow(/1 values, not 2/);
    await expect(insertValueRows(db, 'meta; drop', [{ name: 'key' }], [['x']])).rejects.toThrow(
      /not a plain name/,
    );
  });
});
