/**
 * @module TMX export of aligned language versions: one work for two to six languages, or the
 * whole corpus (every work with at least two languages), streamed unit by unit. A row with a
 * single language (a paragraph without a counterpart) is not a translation unit and is left out.
 */
import type { Kysely } from 'kysely';
import { LANGUAGES, type Lang } from '../domain/language-codes.js';
import type { Database } from '../store/database.js';
import {
  alignWork,
  languagesOf,
  parallelText,
  sentenceLinks,
  type ParallelText,
} from './align-work.js';
import { joinUnits, tmxStart, tmxUnit, TMX_END, type TmxUnit } from './tmx.js';
import { getWork } from '../documents/document-queries.js';
import { isPillarsError } from '../domain/errors.js';

const TOOL_VERSION = '0.1.0';

/** English as the pivot when present: numbers, symbols and names anchor best against it. */
function pivotFirst(langs: readonly Lang[]): Lang[] {
  const ordered = LANGUAGES.filter((lang) => langs.includes(lang));
  return ordered.includes('en') ? ['en', ...ordered.filter((l) => l !== 'en')] : ordered;
}

export function unitsOf(text: ParallelText): TmxUnit[] {
  const symbol = text.work.symbol ?? text.work.id;
  const units: TmxUnit[] = [];
  text.rows.forEach((row, index) => {
    const variants = LANGUAGES.flatMap((lang) => {
      const positions = row.units[lang];
      const side = text.sides[lang];
      if (!positions || positions.length === 0 || !side) return [];
      const segments = positions.map((p) => side.segments[p]!);
      return [
        {
          lang,
          text: joinUnits(
            segments.map((s) => s.text),
            lang,
          ),
          eIds: segments.map((s) => s.eId),
        },
      ];
    });
    if (variants.length < 2) return;
    units.push({ id: `${symbol}#${index + 1}`, document: symbol, variants });
  });
  return units;
}

/** The TMX of one work in the given languages (all it has when none are given). */
export async function workTmx(
  db: Kysely<Database>,
  symbol: string,
  langs?: readonly Lang[],
): Promise<{ tmx: string; units: number }> {
  const chosen = pivotFirst(langs ?? languagesOf(await getWork(db, symbol)));
  const text = await parallelText(db, symbol, chosen);
  const units = unitsOf(text);
  const srcLang = chosen.length === 2 ? chosen[0]! : '*all*';
  let tmx = tmxStart({ srcLang, creationDate: new Date(), toolVersion: TOOL_VERSION });
  for (const unit of units) tmx += tmxUnit(unit);
  return { tmx: tmx + TMX_END, units: units.length };
}

/** Streams the TMX of every work with two or more languages; returns the counts. */
export async function corpusTmx(
  db: Kysely<Database>,
  write: (chunk: string) => void | Promise<void>,
  langs: readonly Lang[] = LANGUAGES,
): Promise<{ works: number; units: number }> {
  await write(tmxStart({ srcLang: '*all*', creationDate: new Date(), toolVersion: TOOL_VERSION }));
  let works = 0;
  let units = 0;
  const pageSize = 500;
  // Works in id order, a page at a time after the last id seen: the same order on both engines
  // (ids are ASCII), and stable while documents arrive.
  let after = '';
  for (;;) {
    const ids = (
      await db
        .selectFrom('works')
        .select('id')
        .where('id', '>', after)
        .orderBy('id')
        .limit(pageSize)
        .execute()
    ).map((w) => w.id);
    if (ids.length === 0) break;
    after = ids[ids.length - 1]!;
    const page = await db
      .selectFrom('expressions')
      .select(['work_id', 'lang'])
      .where('current', '=', 1)
      .where('work_id', 'in', ids)
      .orderBy('work_id')
      .execute();
    const languagesByWork = new Map<string, Set<string>>();
    for (const row of page) {
      const set = languagesByWork.get(row.work_id) ?? new Set<string>();
      set.add(row.lang);
      languagesByWork.set(row.work_id, set);
    }
    for (const [workId, languages] of languagesByWork) {
      const have = pivotFirst(langs.filter((l) => languages.has(l)));
      if (have.length < 2) continue;
      let text: ParallelText;
      try {
        text = await parallelText(db, workId, have);
      } catch (error) {
        // Languages at revisions that share none (see alignWork) have nothing to pair.
        if (isPillarsError(error) && error.code === 'invalid_parameter') continue;
        throw error;
      }
      const found = unitsOf(text);
      for (const unit of found) await write(tmxUnit(unit));
      works++;
      units += found.length;
    }
  }
  await write(TMX_END);
  return { works, units };
}

/**
 * Sentence-level TMX of two language versions: one unit per pair of aligned sentences inside
 * aligned paragraphs (what translation memories match best).
 */
export async function workSentenceTmx(
  db: Kysely<Database>,
  symbol: string,
  langs: readonly [Lang, Lang],
): Promise<{ tmx: string; units: number }> {
  const alignment = await alignWork(db, { symbol, langs });
  const document = alignment.work.symbol ?? alignment.work.id;
  const units: TmxUnit[] = [];
  for (const sentences of await sentenceLinks(db, alignment)) {
    const link = alignment.links[sentences.link]!;
    const eIds = (side: typeof alignment.a, positions: readonly number[]) =>
      positions.map((p) => side.segments[p]!.eId);
    sentences.links.forEach((pair, k) => {
      if (pair.a.length === 0 || pair.b.length === 0) return;
      const variant = (lang: Lang, texts: readonly string[], ids: string[]) => ({
        lang,
        text: joinUnits(
          texts.map((t) => t.trim()),
          lang,
        ),
        eIds: ids,
      });
      units.push({
        id: `${document}#${eIds(alignment.a, link.a).join('+')}.${k + 1}`,
        document,
        variants: [
          variant(
            langs[0],
            pair.a.map((i) => sentences.a[i]!),
            eIds(alignment.a, link.a),
          ),
          variant(
            langs[1],
            pair.b.map((i) => sentences.b[i]!),
            eIds(alignment.b, link.b),
          ),
        ],
      });
    });
  }
  let tmx = tmxStart({
    srcLang: langs[0],
    creationDate: new Date(),
    toolVersion: TOOL_VERSION,
    segType: 'sentence',
  });
  for (const unit of units) tmx += tmxUnit(unit);
  return { tmx: tmx + TMX_END, units: units.length };
}
