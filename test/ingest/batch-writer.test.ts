/**
 * Grouped writes on SQLite and PostgreSQL: files share a transaction without savepoints, and one
 * that fails to store rolls the group back and has the others written again, so the store ends
 * exactly as if every file had had its own transaction.
 */
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { BatchWriter, GroupLostError, type Redone } from '../../src/ingest/batch-writer.js';
import { ingestFiles, type IngestInput } from '../../src/ingest/ingest-files.js';
import { insertRows } from '../../src/search/index/search-index.js';
import { buildSearchRow } from '../../src/search/index/search-row.js';
import { search } from '../../src/search/search-service.js';
import type { Store } from '../../src/store/open-store.js';
import { forEachStore } from '../support/for-each-store.js';
import { FIXTURES, toText } from '../support/un-fixtures.js';

const keysLike = async (store: Store, prefix: string) =>
  (
    await store.db
      .selectFrom('meta')
      .select('key')
      .where('key', 'like', `${prefix}%`)
      .orderBy('key')
      .execute()
  ).map((r) => r.key);

const putKey = (key: string) => async (trx: Store['db']) => {
  await trx.insertInto('meta').values({ key, value: 'x' }).execute();
  return key;
};

forEachStore('grouped ingestion writes', ({ store }) => {
  it('a file that fails to store leaves the others of its batch stored, indexed and searchable', async () => {
    const symbol = (n: number) => `NPT/CONF.2015/PC.II/WP.${70 + n}`;
    // Another work already holds the third file's symbol: storing that file breaks a unique key.
    await store()
      .db.insertInto('works')
      .values({
        id: 'squatter',
        symbol: symbol(3),
        body: null,
        doc_type: null,
        meeting_id: null,
        created_at: new Date().toISOString(),
      })
      .execute();
    const inputs: IngestInput[] = [1, 2, 3, 4, 5].map((n) => ({
      name: `wp${n}.txt`,
      bytes: Buffer.from(toText({ ...FIXTURES.en, symbol: symbol(n) })),
    }));
    const results = await ingestFiles(store(), inputs, { workers: 0 });

    expect(results.map((r) => r.status)).toEqual(['ok', 'ok', 'error', 'ok', 'ok']);
    expect(results[2]!.reason).toMatch(/^store: .*(UNIQUE|duplicate key)/i);
    expect(results.filter((r) => r.status === 'ok').every((r) => r.version === 1)).toBe(true);

    const works = await store()
      .db.selectFrom('works')
      .select('id')
      .where('id', 'like', 'NPT/CONF.2015/PC.II/WP.7%')
      .orderBy('id')
      .execute();
    expect(works.map((w) => w.id)).toEqual([1, 2, 4, 5].map(symbol));
    // Every stored paragraph is indexed once, and nothing of the failed file is.
    const { rows } = await sql<{ segments: number; indexed: number; distinct: number }>`
      select (select count(*) from segments s join expressions e on e.id = s.expression_id
                where e.work_id like 'NPT/CONF.2015/PC.II/WP.7%') as segments,
             (select count(*) from search_docs where work_id like 'NPT/CONF.2015/PC.II/WP.7%') as indexed,
             (select count(distinct id) from search_docs where work_id like 'NPT/CONF.2015/PC.II/WP.7%') as "distinct"`.execute(
      store().db,
    );
    const counts = rows[0]!;
    expect(Number(counts.segments)).toBeGreaterThan(0);
    expect(Number(counts.indexed)).toBe(Number(counts.segments));
    expect(Number(counts.distinct)).toBe(Number(counts.indexed));
    const found = await search(store().db, { q: 'series:NPT', limit: 100 });
    expect(new Set(found.groups.map((g) => g.symbol))).toEqual(new Set([1, 2, 4, 5].map(symbol)));
  });

  it('writes the files before a failure again and says what each gave', async () => {
    const writer = new BatchWriter(store().db, { size: 100, maxOpenMs: 60_000 });
    const redone: [string, Redone<string>][] = [];
    for (const key of ['g1-a', 'g1-b', 'g1-c'])
      await writer.write(putKey(key), (r) => redone.push([key, r]));
    await expect(
      writer.write(async (trx) => {
        await putKey('g1-d')(trx);
        await putKey('g1-a')(trx);
      }),
    ).rejects.toThrow(/UNIQUE|duplicate key/i);
    await writer.write(putKey('g1-e'));
    await writer.flush();

    expect(await keysLike(store(), 'g1-')).toEqual(['g1-a', 'g1-b', 'g1-c', 'g1-e']);
    expect(redone).toEqual([
      ['g1-a', { ok: true, value: 'g1-a' }],
      ['g1-b', { ok: true, value: 'g1-b' }],
      ['g1-c', { ok: true, value: 'g1-c' }],
    ]);
  });

  it('tells a write that fails when written again, and stores the rest', async () => {
    const writer = new BatchWriter(store().db, { size: 100, maxOpenMs: 60_000 });
    let runs = 0;
    const heard: Redone<string>[] = [];
    await writer.write(putKey('g2-a'));
    // Succeeds the first time only, as if another process had written meanwhile.
    await writer.write(
      async (trx) => {
        runs++;
        if (runs > 1) throw new Error('changed under us');
        return putKey('g2-b')(trx);
      },
      (r) => heard.push(r),
    );
    await expect(writer.write(putKey('g2-a'))).rejects.toThrow(/UNIQUE|duplicate key/i);
    await writer.write(putKey('g2-c'));
    await writer.flush();

    expect(await keysLike(store(), 'g2-')).toEqual(['g2-a', 'g2-c']);
    expect(heard).toHaveLength(1);
    expect(heard[0]!.ok).toBe(false);
  });

  it('stops the group when a write with no one to tell fails when written again', async () => {
    const writer = new BatchWriter(store().db, { size: 100, maxOpenMs: 60_000 });
    let runs = 0;
    await writer.write(putKey('g3-a'));
    await writer.write(async (trx) => {
      runs++;
      if (runs > 1) throw new Error('changed under us');
      return putKey('g3-b')(trx);
    });
    await expect(writer.write(putKey('g3-a'))).rejects.toBeInstanceOf(GroupLostError);
    expect(await keysLike(store(), 'g3-')).toEqual([]);

    // The writer goes on with a new group.
    await writer.write(putKey('g3-c'));
    await writer.flush();
    expect(await keysLike(store(), 'g3-')).toEqual(['g3-c']);
  });

  it('loses the whole group, and says so, when its index rows cannot be written', async () => {
    const writer = new BatchWriter(store().db, { size: 100, maxOpenMs: 60_000 });
    await writer.write(putKey('g5-a'));
    // Index rows of a language version that does not exist: refused when the group commits.
    const orphan = buildSearchRow({
      expressionId: 'no-such-expression',
      workId: 'no-such-work',
      lang: 'en',
      year: 2015,
      docType: null,
      symbol: null,
      body: null,
      meetingId: null,
      states: [],
      eid: 'para_1',
      position: 0,
      kind: 'paragraph',
      text: 'Nuclear disarmament.',
    });
    await writer.write(async (trx, buffer) => {
      await putKey('g5-b')(trx);
      await insertRows(trx, [orphan], buffer);
    });
    await expect(writer.flush()).rejects.toBeInstanceOf(GroupLostError);
    expect(await keysLike(store(), 'g5-')).toEqual([]);
    expect(writer.hasPendingIndex).toBe(false);
  });
});
