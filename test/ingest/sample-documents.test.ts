/**
 * The bundled samples, on SQLite and PostgreSQL: the founding P5 statement (Chinese) and
 * General Assembly resolution 55/100 in six languages with its recorded vote.
 */
import { expect, it } from 'vitest';
import { LANGUAGES } from '../../src/domain/language-codes.js';
import { getExpression, getVotes, getWork } from '../../src/documents/document-queries.js';
import { sampleDocuments, seedSampleDocuments } from '../../src/documents/seed-sample-documents.js';
import { ingestFiles } from '../../src/ingest/ingest-files.js';
import { addEvidence } from '../../src/evidence/evidence-service.js';
import { forEachStore } from '../support/for-each-store.js';

/** The first and last characters of each of the statement's twelve body paragraphs. */
const SEED_PARAGRAPHS: [string, string][] = [
  ['《不扩散核武器条约》', '积极交换了看法。'],
  ['五常重申致力于', '《行动计划》。'],
  ['五常审查了 2015 年', '前景交换了意见。'],
  ['五常高兴地听取了', '审议大会的召开。'],
  ['五常讨论了多边裁军倡议', '作为第一要务。'],
  ['五常推进了先前', '继续进行这种交流。'],
  ['五常回顾 2012 年', '再次表示关切。'],
  ['五常强调，原子能机构', '方面的作用。'],
  ['五常继续进行先前', '宗旨的行动。'],
  ['五常就如何防止滥用退出', '做出新的贡献。'],
  ['五常重申必须执行', '目前的各项工作。'],
  ['五常审查了其为使', '召开第五次五常会议。'],
];

forEachStore('sample documents', ({ store }) => {
  it('ingests every sample, and a second run skips them all', async () => {
    const first = await seedSampleDocuments(store());
    expect(first.map((r) => [r.file, r.status, r.reason])).toEqual(
      sampleDocuments().map((d) => [d.name, 'ok', undefined]),
    );
    const second = await seedSampleDocuments(store());
    expect(second.every((r) => r.status === 'skipped')).toBe(true);
  });

  it('reads the founding statement as Chinese, linked to the second PrepCom session of the 2015 cycle', async () => {
    const works = await store()
      .db.selectFrom('expressions')
      .innerJoin('manifestations', 'manifestations.id', 'expressions.manifestation_id')
      .select(['expressions.work_id as workId'])
      .where('manifestations.file_name', '=', 'p5-joint-statement-2013.zh.txt')
      .execute();
    expect(works).toHaveLength(1);
    const doc = await getExpression(store().db, works[0]!.workId, 'zh');
    expect(doc.expression.lang).toBe('zh');
    expect(doc.work.meetingId).toBe('NPT-2015-PC2');
    const [title, ...body] = doc.segments;
    expect(title).toEqual({
      eId: 'title',
      kind: 'title',
      num: null,
      text: '第四次五常会议联合声明：围绕 2015 年不扩散条约审议大会开展的工作',
    });
    expect(body).toHaveLength(12);
    body.forEach((segment, i) => {
      const [start, end] = SEED_PARAGRAPHS[i]!;
      expect(segment.kind).toBe('paragraph');
      expect(segment.eId).toBe(`para_${i + 1}`);
      expect(
        segment.text.startsWith(start),
        `paragraph ${i + 1} starts with ${start}: ${segment.text.slice(0, 30)}`,
      ).toBe(true);
      expect(
        segment.text.endsWith(end),
        `paragraph ${i + 1} ends with ${end}: ${segment.text.slice(-20)}`,
      ).toBe(true);
      // Not split mid-sentence: every paragraph ends a sentence.
      expect(segment.text).toMatch(/。$/u);
    });
  });

  it('holds A/RES/55/100 as one work with six language versions', async () => {
    const work = await getWork(store().db, 'a/res/55/100');
    expect(work.symbol).toBe('A/RES/55/100');
    expect(work.expressions.map((e) => e.lang).sort()).toEqual([...LANGUAGES].sort());
    const en = await getExpression(store().db, 'A/RES/55/100', 'en');
    expect(en.expression.title).toBe(
      'Respect for the right to universal freedom of travel and the vital importance of family reunification',
    );
    expect(
      en.segments.filter((s) => s.kind === 'paragraph' && s.num !== null).map((s) => s.num),
    ).toEqual(['1', '2', '3', '4']);
    const zh = await getExpression(store().db, 'A/RES/55/100', 'zh');
    // The source has "家 庭" (a stray space inside a word); Chinese text keeps no spaces between characters.
    expect(zh.expression.title).toBe('对普遍旅行自由权的尊重和家庭团聚的极端重要性');
    expect(work.authors.map((a) => a.id).sort()).toEqual(['BOL', 'CUB', 'GHA', 'HND', 'SLV']);
  });

  it('gives the recorded vote of A/RES/55/100 identically in every language', async () => {
    const votes = await getVotes(store().db, 'A/RES/55/100');
    expect(votes.map((v) => v.lang).sort()).toEqual([...LANGUAGES].sort());
    const en = votes.find((v) => v.lang === 'en')!;
    for (const vote of votes) {
      expect(
        [vote.inFavour.length, vote.against.length, vote.abstaining.length],
        vote.lang,
      ).toEqual([106, 1, 67]);
      expect(vote.unresolved, vote.lang).toEqual([]);
      expect([...vote.inFavour].sort(), vote.lang).toEqual([...en.inFavour].sort());
      expect([...vote.against].sort(), vote.lang).toEqual([...en.against].sort());
      expect([...vote.abstaining].sort(), vote.lang).toEqual([...en.abstaining].sort());
    }
    expect(en.against).toEqual(['USA']);
  });

  it('refuses a second file for the same symbol and language in one batch, keeping the store as it was', async () => {
    const before = await store()
      .db.selectFrom('expressions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const en = sampleDocuments().find((d) => d.name.endsWith('.en.txt'))!;
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(en.path, 'utf8');
    const results = await ingestFiles(store(), [
      { name: 'a.txt', bytes: Buffer.from(`${text}\nA`) },
      { name: 'b.txt', bytes: Buffer.from(`${text}\nB`) },
    ]);
    expect(results.map((r) => r.status)).toEqual(['error', 'error']);
    expect(results[1]!.reason).toMatch(
      /conflict: a\.txt and b\.txt in this batch both claim A\/RES\/55\/100 \(en\)/,
    );
    const after = await store()
      .db.selectFrom('expressions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('keeps a different file for the same symbol and language as a new version, the old one readable', async () => {
    const en = sampleDocuments().find((d) => d.name.endsWith('.en.txt'))!;
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(en.path, 'utf8').replace('Once again calls upon', 'Again calls upon');
    const [result] = await ingestFiles(store(), [
      { name: 'revised.txt', bytes: Buffer.from(text) },
    ]);
    expect(result).toMatchObject({ status: 'ok', symbol: 'A/RES/55/100', version: 2 });
    const current = await getExpression(store().db, 'A/RES/55/100', 'en');
    expect(current.expression).toMatchObject({ version: 2, current: true });
    expect(current.segments.find((s) => s.eId === 'para_1')?.text).toMatch(/^Again calls upon/);
    const old = await getExpression(store().db, 'A/RES/55/100', 'en', 1);
    expect(old.expression).toMatchObject({ version: 1, current: false });
    expect(old.segments.find((s) => s.eId === 'para_1')?.text).toMatch(/^Once again calls upon/);
  });

  it('moves a stored file to the symbol a later run names, authors kept on both works', async () => {
    const zh = sampleDocuments().find((d) => d.name.endsWith('res55-100.zh.txt'))!;
    const en = sampleDocuments().find((d) => d.name.endsWith('.en.txt'))!;
    const { readFileSync } = await import('node:fs');
    // A new work with its own authors (the sponsors' line of the English sample), then the
    // stored Chinese file moved into it: both works have authors at positions 0…n.
    const newEnglish = readFileSync(en.path, 'utf8').replace('Respect for', 'Regard for');
    const [created] = await ingestFiles(
      store(),
      [{ name: 'other.en.txt', bytes: Buffer.from(newEnglish) }],
      { symbol: 'A/RES/55/998' },
    );
    expect(created).toMatchObject({ status: 'ok', symbol: 'A/RES/55/998' });
    // Evidence linked to the Chinese text (by hand: this resolution bears on no action).
    await addEvidence(store().db, {
      symbol: 'A/RES/55/100',
      lang: 'zh',
      eId: 'para_1',
      action: '64',
      actor: 'Test',
    });
    const evidenceOf = async (workId: string) =>
      (
        await store()
          .db.selectFrom('evidence')
          .innerJoin('expressions', 'expressions.id', 'evidence.expression_id')
          .select('evidence.work_id')
          .where('expressions.lang', '=', 'zh')
          .where('evidence.work_id', '=', workId)
          .execute()
      ).length;
    const zhEvidence = await evidenceOf('A/RES/55/100');
    expect(zhEvidence).toBeGreaterThan(0);
    const [moved] = await ingestFiles(store(), [{ name: zh.name, path: zh.path }], {
      symbol: 'A/RES/55/998',
    });
    expect(moved).toMatchObject({
      status: 'ok',
      reason: 'symbol set: A/RES/55/100 is now A/RES/55/998',
    });
    const authors = async (workId: string) =>
      (
        await store()
          .db.selectFrom('work_authors')
          .select('author_id')
          .where('work_id', '=', workId)
          .execute()
      ).length;
    expect(await authors('A/RES/55/998')).toBeGreaterThan(0);
    expect(await authors('A/RES/55/100')).toBeGreaterThan(0);
    // The Chinese text's evidence moved with it.
    expect(await evidenceOf('A/RES/55/998')).toBe(zhEvidence);
    expect(await evidenceOf('A/RES/55/100')).toBe(0);
    const work = await getWork(store().db, 'A/RES/55/998');
    expect(work.expressions.map((e) => e.lang).sort()).toEqual(['en', 'zh']);
  });
});
