/**
 * @module How an alignment and parallel text look outside the process (CLI JSON, API): segment
 * eIds instead of positions, link types, rounded scores.
 */
import type { Lang } from '../domain/language-codes.js';
import type { ParallelText, WorkAlignment } from './align-work.js';

export function linkType(link: { a: readonly number[]; b: readonly number[] }): string {
  return `${link.a.length}-${link.b.length}`;
}

export function alignmentView(alignment: WorkAlignment) {
  const eIds = (side: WorkAlignment['a'], positions: readonly number[]) =>
    positions.map((p) => side.segments[p]!.eId);
  return {
    document: alignment.work.symbol ?? alignment.work.id,
    langs: [alignment.a.expression.lang, alignment.b.expression.lang],
    expressions: [alignment.a.expression.id, alignment.b.expression.id],
    alignedAt: alignment.alignedAt,
    links: alignment.links.map((link) => ({
      type: linkType(link),
      a: eIds(alignment.a, link.a),
      b: eIds(alignment.b, link.b),
      score: Math.round(link.score * 1000) / 1000,
      origin: link.origin,
    })),
    corrections: alignment.corrections.map((c) => ({
      revision: c.revision,
      op: c.correction.op,
      a: [...c.correction.a],
      b: [...c.correction.b],
      actor: c.actor,
      comment: c.comment,
      createdAt: c.createdAt,
    })),
  };
}

export function parallelView(text: ParallelText) {
  return {
    document: text.work.symbol ?? text.work.id,
    langs: [...text.langs],
    sides: Object.fromEntries(
      text.langs.map((lang) => {
        const side = text.sides[lang]!;
        return [
          lang,
          {
            expressionId: side.expression.id,
            version: side.expression.version,
            title: side.expression.title,
            segments: [...side.segments],
          },
        ];
      }),
    ),
    rows: text.rows.map((row) => ({
      units: Object.fromEntries(
        text.langs.flatMap((lang: Lang) => {
          const positions = row.units[lang];
          const side = text.sides[lang]!;
          return positions && positions.length > 0
            ? [[lang, positions.map((p) => side.segments[p]!.eId)]]
            : [];
        }),
      ),
      score: Math.round(row.score * 1000) / 1000,
      manual: row.manual,
    })),
  };
}
