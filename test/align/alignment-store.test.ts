/**
 * Alignment of stored language versions, on SQLite and PostgreSQL: GA resolution 55/100 in six
 * languages aligned paragraph for paragraph, stored, corrected by a person (the correction is a
 * revision and survives re-alignment), several languages side by side, TMX of a work, and a
 * paragraph merged in one language giving the 2-1 link.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { LANGUAGES, type Lang } from '../../src/domain/language-codes.js';
import { isPillarsError } from '../../src/domain/errors.js';
import {
  alignWork,
  correctAlignment,
  parallelText,
  sentenceLinks,
  type WorkAlignment,
} from '../../src/align/align-work.js';
import { workSentenceTmx, workTmx } from '../../src/align/export-tmx.js';
import { ingestFiles } from '../../src/ingest/ingest-files.js';
import { forEachStore } from '../support/for-each-store.js';
import { checkTmx } from '../support/tmx-structure.js';
import { testTempDir } from '../support/temp-dir.js';

const GA_DIR = 'data/samples/un-ga-res-55-100';
const gaFile = (lang: Lang) => join(GA_DIR, `UN_GA_res55-100.${lang}.txt`);

/** Each link as "a eIds → b eIds". */
function pairs(alignment: WorkAlignment): string[] {
  return alignment.links.map(
    (link) =>
      `${link.a.map((p) => alignment.a.segments[p]!.eId).join('+')}→${link.b.map((p) => alignment.b.segments[p]!.eId).join('+')}`,
  );
}

function diagonal(alignment: WorkAlignment): string[] {
  return alignment.a.segments.map((s) => `${s.eId}→${s.eId}`);
}

async function rejection(promise: Promise<unknown>): Promise<{ code: string; field?: string }> {
  try {
    await promise;
  } catch (error) {
    if (isPillarsError(error)) return { code: error.code, field: error.field };
    throw error;
  }
  throw new Error('expected a rejection');
}

forEachStore('alignment of language versions', ({ store }) => {
  it('ingests the six language versions of A/RES/55/100', async () => {
    const results = await ingestFiles(
      store(),
      LANGUAGES.map((lang) => ({ name: gaFile(lang), path: gaFile(lang) })),
    );
    expect(results.map((r) => r.status)).toEqual(LANGUAGES.map(() => 'ok'));
  });

  it('exports the work in six languages as TMX: one unit per paragraph, six variants each', async () => {
    const { tmx, units } = await workTmx(store().db, 'A/RES/55/100');
    expect(units).toBe(14);
    const parsed = checkTmx(tmx);
    expect(parsed.units).toHaveLength(14);
    for (const unit of parsed.units) {
      expect(unit.variants.map((v) => v.lang).sort()).toEqual(
        ['ar', 'en', 'es', 'fr', 'ru', 'zh-Hans'].sort(),
      );
    }
    const english = parsed.units.map((u) => u.variants.find((v) => v.lang === 'en')!.text);
    expect(english[0]).toMatch(/^Respect for the right to universal freedom of travel/u);
    const chinese = parsed.units.map((u) => u.variants.find((v) => v.lang === 'zh-Hans')!.text);
    expect(chinese[13]).toMatch(/^又呼吁所有国家/u);
  });

  it('links every paragraph to its counterpart, for all 15 pairs of languages', async () => {
    for (const [i, x] of LANGUAGES.entries()) {
      for (const y of LANGUAGES.slice(i + 1)) {
        const alignment = await alignWork(store().db, { symbol: 'A/RES/55/100', langs: [x, y] });
        expect(alignment.a.segments).toHaveLength(14);
        expect(pairs(alignment), `${x}-${y}`).toEqual(diagonal(alignment));
        expect(alignment.links.every((l) => l.origin === 'auto')).toBe(true);
      }
    }
  });

  it('stores the alignment and reads it back instead of aligning again', async () => {
    const first = await alignWork(store().db, { symbol: 'A/RES/55/100', langs: ['en', 'zh'] });
    const again = await alignWork(store().db, { symbol: 'A/RES/55/100', langs: ['en', 'zh'] });
    expect(again.alignedAt).toBe(first.alignedAt);
    expect(pairs(again)).toEqual(pairs(first));
    const refreshed = await alignWork(store().db, {
      symbol: 'A/RES/55/100',
      langs: ['en', 'zh'],
      refresh: true,
    });
    expect(refreshed.alignedAt >= first.alignedAt).toBe(true);
    // Asked the other way round, the same stored links, sides swapped.
    const reversed = await alignWork(store().db, { symbol: 'A/RES/55/100', langs: ['zh', 'en'] });
    expect(reversed.a.expression.lang).toBe('zh');
    expect(pairs(reversed)).toEqual(diagonal(reversed));
  });

  it('keeps a correction as a revision, and the correction wins when alignment runs again', async () => {
    const corrected = await correctAlignment(store().db, {
      symbol: 'A/RES/55/100',
      langs: ['en', 'fr'],
      correction: { op: 'link', a: ['p_6', 'p_7'], b: ['p_6'] },
      actor: 'Translator One',
      comment: 'test: read as one paragraph',
    });
    expect(pairs(corrected)).toContain('p_6+p_7→p_6');
    const manual = corrected.links.filter((l) => l.origin === 'manual');
    expect(manual).toHaveLength(1);
    expect(manual[0]!.score).toBe(1);
    expect(corrected.corrections.map((c) => [c.revision, c.actor, c.comment])).toEqual([
      [1, 'Translator One', 'test: read as one paragraph'],
    ]);
    // Every unit still appears once, in order.
    expect(corrected.links.flatMap((l) => l.a)).toEqual([...Array(14).keys()]);
    expect(corrected.links.flatMap((l) => l.b)).toEqual([...Array(14).keys()]);

    const realigned = await alignWork(store().db, {
      symbol: 'A/RES/55/100',
      langs: ['en', 'fr'],
      refresh: true,
    });
    expect(pairs(realigned)).toContain('p_6+p_7→p_6');
    expect(realigned.corrections).toHaveLength(1);

    // A later correction wins over an earlier one it overlaps; the earlier stays in the history.
    const undone = await correctAlignment(store().db, {
      symbol: 'A/RES/55/100',
      langs: ['fr', 'en'],
      correction: { op: 'link', a: ['p_6'], b: ['p_6'] },
      actor: 'Translator Two',
    });
    expect(undone.a.expression.lang).toBe('fr');
    expect(pairs(undone)).toContain('p_6→p_6');
    expect(undone.corrections.map((c) => c.revision)).toEqual([1, 2]);
    expect(undone.corrections[1]!.correction).toEqual({ op: 'link', a: ['p_6'], b: ['p_6'] });
  });

  it('refuses a correction naming an unknown or non-adjacent segment, and stores nothing', async () => {
    const before = await alignWork(store().db, { symbol: 'A/RES/55/100', langs: ['en', 'ru'] });
    expect(
      await rejection(
        correctAlignment(store().db, {
          symbol: 'A/RES/55/100',
          langs: ['en', 'ru'],
          correction: { op: 'link', a: ['para_99'], b: ['para_1'] },
          actor: 'X',
        }),
      ),
    ).toEqual({ code: 'invalid_parameter', field: 'a' });
    expect(
      await rejection(
        correctAlignment(store().db, {
          symbol: 'A/RES/55/100',
          langs: ['en', 'ru'],
          correction: { op: 'link', a: ['para_1', 'para_3'], b: ['para_1'] },
          actor: 'X',
        }),
      ),
    ).toEqual({ code: 'invalid_parameter', field: 'a' });
    // Asked in the other order than it is stored (es before en), the error still names side a.
    expect(
      await rejection(
        correctAlignment(store().db, {
          symbol: 'A/RES/55/100',
          langs: ['es', 'en'],
          correction: { op: 'link', a: ['para_99'], b: ['para_1'] },
          actor: 'X',
        }),
      ),
    ).toEqual({ code: 'invalid_parameter', field: 'a' });
    const after = await alignWork(store().db, { symbol: 'A/RES/55/100', langs: ['en', 'ru'] });
    expect(after.corrections).toHaveLength(0);
    expect(after.alignedAt).toBe(before.alignedAt);
  });

  it('leaves an unlinked paragraph without a counterpart', async () => {
    const result = await correctAlignment(store().db, {
      symbol: 'A/RES/55/100',
      langs: ['en', 'es'],
      correction: { op: 'unlink', a: ['p_5'], b: [] },
      actor: 'Reviewer',
    });
    expect(pairs(result)).toContain('p_5→');
    expect(result.links.flatMap((l) => l.a)).toEqual([...Array(14).keys()]);
    expect(result.links.flatMap((l) => l.b)).toEqual([...Array(14).keys()]);
  });

  it('lines up three languages through the first as pivot', async () => {
    const text = await parallelText(store().db, 'A/RES/55/100', ['en', 'ar', 'zh']);
    expect(text.rows).toHaveLength(14);
    for (const [i, row] of text.rows.entries()) {
      expect(row.units).toEqual({ en: [i], ar: [i], zh: [i] });
    }
  });

  it('gives the 2-1 link where one language has two paragraphs merged', async () => {
    const dir = testTempDir('pillars-merge-');
    const lines = readFileSync(gaFile('en'), 'utf8').split('\n');
    // Lines 9 and 10 ("Recalling the provisions…", "Stressing that…") become one paragraph.
    const merged = [...lines.slice(0, 8), `${lines[8]} ${lines[9]}`, ...lines.slice(10)];
    writeFileSync(join(dir, 'merged.en.txt'), merged.join('\n'));
    // Not byte for byte the stored Chinese file, which --symbol would move instead.
    writeFileSync(join(dir, 'whole.zh.txt'), `${readFileSync(gaFile('zh'), 'utf8')}\n`);
    const results = await ingestFiles(
      store(),
      ['merged.en.txt', 'whole.zh.txt'].map((name) => ({ name, path: join(dir, name) })),
      { symbol: 'A/RES/55/999' },
    );
    expect(results.map((r) => r.status)).toEqual(['ok', 'ok']);
    const alignment = await alignWork(store().db, { symbol: 'A/RES/55/999', langs: ['en', 'zh'] });
    expect(alignment.a.segments).toHaveLength(13);
    const twoOne = alignment.links.filter((l) => l.a.length === 1 && l.b.length === 2);
    expect(twoOne).toHaveLength(1);
    expect(twoOne[0]!.b.map((p) => alignment.b.segments[p]!.eId)).toEqual(['p_7', 'p_8']);
    expect(alignment.links.filter((l) => l.a.length !== 1 || l.b.length !== 1)).toHaveLength(1);
  });

  it('aligns the sentences inside aligned paragraphs, and writes them as sentence TMX', async () => {
    const texts = {
      en: '1. The Conference met in Geneva from 22 April to 3 May 2013. It adopted its report by consensus.\n\n2. The States parties reaffirmed the Treaty.\n',
      fr: "1. La Conférence s'est réunie à Genève du 22 avril au 3 mai 2013. Elle a adopté son rapport par consensus.\n\n2. Les États parties ont réaffirmé le Traité.\n",
    };
    for (const lang of ['en', 'fr'] as const) {
      const [result] = await ingestFiles(
        store(),
        [{ name: `report.${lang}.txt`, bytes: Buffer.from(texts[lang]) }],
        { symbol: 'A/RES/55/900', lang },
      );
      expect(result?.status).toBe('ok');
    }
    const alignment = await alignWork(store().db, { symbol: 'A/RES/55/900', langs: ['en', 'fr'] });
    expect(pairs(alignment)).toEqual(['para_1→para_1', 'para_2→para_2']);
    const sentences = await sentenceLinks(store().db, alignment);
    expect(sentences[0]!.links.map((l) => [l.a, l.b])).toEqual([
      [[0], [0]],
      [[1], [1]],
    ]);
    expect(sentences[0]!.b[1]!.trim()).toBe('Elle a adopté son rapport par consensus.');
    const { tmx, units } = await workSentenceTmx(store().db, 'A/RES/55/900', ['en', 'fr']);
    expect(units).toBe(3);
    const checked = checkTmx(tmx);
    expect(checked.header.segtype).toBe('sentence');
    expect(checked.units[1]!.variants).toEqual([
      { lang: 'en', text: 'It adopted its report by consensus.' },
      { lang: 'fr', text: 'Elle a adopté son rapport par consensus.' },
    ]);
  });

  it('aligns the latest revision both languages have, not a revision with an older text', async () => {
    const en = readFileSync(gaFile('en'), 'utf8').split('\n').slice(1);
    const fr = readFileSync(gaFile('fr'), 'utf8').split('\n').slice(1);
    const revised = en.map((line) => line.replace('Once again calls upon', 'Calls once more upon'));
    const files = [
      { name: 'orig.en.txt', text: en, symbol: 'A/RES/55/777', lang: 'en' as const },
      { name: 'orig.fr.txt', text: fr, symbol: 'A/RES/55/777', lang: 'fr' as const },
      { name: 'rev1.en.txt', text: revised, symbol: 'A/RES/55/777/Rev.1', lang: 'en' as const },
    ];
    for (const f of files) {
      const [result] = await ingestFiles(
        store(),
        [{ name: f.name, bytes: Buffer.from(f.text.join('\n')) }],
        { symbol: f.symbol, lang: f.lang },
      );
      expect(result?.status, result?.reason).toBe('ok');
    }
    const alignment = await alignWork(store().db, { symbol: 'A/RES/55/777', langs: ['en', 'fr'] });
    expect(alignment.a.expression.revision).toBe('');
    expect(alignment.b.expression.revision).toBe('');
    const revision = await alignWork(store().db, {
      symbol: 'A/RES/55/777/Rev.1',
      langs: ['en', 'fr'],
    }).then(
      () => 'aligned',
      (error: unknown) => (isPillarsError(error) ? error.code : 'other'),
    );
    // French has no Rev.1: asking for it names the missing language version.
    expect(revision).toBe('not_found');
  });
});
