/**
 * @module /api/v1/alignment (language versions side by side, corrections), /api/v1/tmx (TMX 1.4b
 * of one document or the corpus) and /api/v1/compare (what changed between two texts, as JSON,
 * an HTML redline or a .docx with tracked changes). Symbols travel as query parameters, so their
 * slashes need no encoding.
 */
import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  alignmentCorrectionBodySchema,
  alignmentQuerySchema,
  alignmentSchema,
  compareQuerySchema,
  comparisonSchema,
  errorSchema,
  parallelTextSchema,
  tmxQuerySchema,
} from '../../contract/api-schemas.js';
import { invalidParameter } from '../../domain/errors.js';
import { alignWork, correctAlignment, parallelText } from '../../align/align-work.js';
import { alignmentView, parallelView } from '../../align/alignment-view.js';
import { corpusTmx, workSentenceTmx, workTmx } from '../../align/export-tmx.js';
import { compareDocuments, comparisonView, type Comparison } from '../../diff/compare-documents.js';
import { redlineDocx } from '../../diff/redline-docx.js';
import { redlineHtml } from '../../diff/redline-html.js';
import { actorName } from '../../domain/accounts.js';
import type { Store } from '../../store/open-store.js';
import { allow } from '../access/access-rules.js';

const errors = { 400: errorSchema, 404: errorSchema };

/** A file name for Content-Disposition from a symbol: A/RES/55/100 → A-RES-55-100. */
function fileBase(symbol: string): string {
  return symbol.replace(/[^A-Za-z0-9.]+/g, '-').replace(/^-+|-+$/g, '') || 'document';
}

export function alignRoutes(store: Store): FastifyPluginAsyncZod {
  const { db } = store;
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugins are async functions
  return async (app) => {
    app.get(
      '/alignment',
      {
        config: { access: allow.public },
        schema: {
          tags: ['alignment'],
          summary: 'Language versions of a document side by side',
          description:
            'Rows of segments that say the same thing, per language; the first language is the pivot each other one is aligned with. Alignments are computed on first use and stored; corrections win.',
          querystring: alignmentQuerySchema,
          response: { 200: parallelTextSchema, ...errors },
        },
      },
      async (request) => {
        const { symbol, langs, refresh } = request.query;
        if (langs.length === 2) {
          const alignment = await alignWork(db, {
            symbol,
            langs: [langs[0]!, langs[1]!],
            refresh,
          });
          const text = await parallelText(db, symbol, langs);
          return { ...parallelView(text), alignment: alignmentView(alignment) };
        }
        if (refresh) {
          for (const lang of langs.slice(1))
            await alignWork(db, { symbol, langs: [langs[0]!, lang], refresh: true });
        }
        return parallelView(await parallelText(db, symbol, langs));
      },
    );

    app.post(
      '/alignment/corrections',
      {
        config: { access: allow.roles(['secretariat'], 'alignments') },
        schema: {
          tags: ['alignment'],
          summary: 'Correct an alignment: re-pair, split, merge (link) or unlink segments',
          description:
            'Kept as a numbered revision with actor, time and comment; the alignment is recomputed around it and returned.',
          body: alignmentCorrectionBodySchema,
          response: { 200: alignmentSchema, ...errors },
        },
      },
      async (request) => {
        const body = request.body;
        const alignment = await correctAlignment(db, {
          symbol: body.symbol,
          langs: body.langs,
          correction: { op: body.op, a: body.a, b: body.b },
          actor: actorName(request.principal),
          comment: body.comment ?? null,
        });
        return alignmentView(alignment);
      },
    );

    app.get(
      '/tmx',
      {
        config: { access: allow.public },
        schema: {
          tags: ['alignment'],
          summary: 'TMX 1.4b of a document (symbol=…) or of every document (all=true)',
          querystring: tmxQuerySchema,
          response: {
            200: z.any().describe('the TMX document (streamed for the corpus)'),
            ...errors,
          },
        },
      },
      async (request, reply) => {
        const { symbol, langs, all, sentences } = request.query;
        if ((symbol === undefined) === !all)
          throw invalidParameter('symbol', 'name a document (symbol=…) or ask for all=true');
        if (sentences && (symbol === undefined || langs?.length !== 2))
          throw invalidParameter('sentences', 'sentence units need one document and two languages');
        reply.type('application/x-tmx+xml; charset=utf-8');
        if (symbol !== undefined) {
          const { tmx } =
            sentences && langs
              ? await workSentenceTmx(db, symbol, [langs[0]!, langs[1]!])
              : await workTmx(db, symbol, langs);
          reply.header('content-disposition', `attachment; filename="${fileBase(symbol)}.tmx"`);
          return reply.send(tmx);
        }
        // The corpus is streamed as it is aligned, never held whole; the writer waits while the
        // client is slow. An error midway ends the download short (logged), since the status was sent.
        const body = new PassThrough();
        const write = (chunk: string) =>
          body.write(chunk)
            ? undefined
            : new Promise<void>((resolve) => body.once('drain', resolve));
        corpusTmx(db, write, langs).then(
          () => body.end(),
          (error: unknown) => {
            request.log.error({ err: error }, 'corpus TMX failed midway');
            body.destroy(error instanceof Error ? error : new Error(String(error)));
          },
        );
        reply.header('content-disposition', 'attachment; filename="pillars-corpus.tmx"');
        return reply.send(body);
      },
    );

    const compare = async (query: z.infer<typeof compareQuerySchema>) => {
      const { older, newer, lang, across } = query;
      return compareDocuments(db, {
        older,
        newer,
        ...(lang ? { lang } : {}),
        ...(across ? { across } : {}),
      });
    };
    const redlineInput = (comparison: Comparison) => ({
      title: `${comparison.older.label} → ${comparison.newer.label}`,
      older: comparison.older,
      newer: comparison.newer,
      changes: comparison.changes,
    });

    app.get(
      '/compare',
      {
        config: { access: allow.public },
        schema: {
          tags: ['alignment'],
          summary: 'Compare two texts: inserted, deleted, changed and moved paragraphs',
          description:
            'Paragraphs matched across the two texts, with word-level changes inside changed ones. The same comparison as a redline: /compare/redline.html and /compare/redline.docx.',
          querystring: compareQuerySchema,
          response: { 200: comparisonSchema, ...errors },
        },
      },
      async (request) => comparisonView(await compare(request.query)),
    );

    app.get(
      '/compare/redline.html',
      {
        config: { access: allow.public },
        schema: {
          tags: ['alignment'],
          summary: 'The comparison as an HTML redline page',
          querystring: compareQuerySchema,
          response: { 200: z.string(), ...errors },
        },
      },
      async (request, reply) =>
        reply
          .type('text/html; charset=utf-8')
          .send(redlineHtml(redlineInput(await compare(request.query)))),
    );

    app.get(
      '/compare/redline.docx',
      {
        config: { access: allow.public },
        schema: {
          tags: ['alignment'],
          summary: 'The comparison as a .docx with tracked changes (w:ins / w:del)',
          querystring: compareQuerySchema,
          response: { 200: z.any().describe('the .docx file'), ...errors },
        },
      },
      async (request, reply) => {
        const comparison = await compare(request.query);
        const docx = await redlineDocx({
          ...redlineInput(comparison),
          author: 'Pillars',
          date: new Date().toISOString(),
        });
        return reply
          .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          .header(
            'content-disposition',
            `attachment; filename="${fileBase(comparison.newer.label)}-redline.docx"`,
          )
          .send(docx);
      },
    );
  };
}
