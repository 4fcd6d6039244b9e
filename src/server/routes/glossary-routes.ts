/**
 * @module The glossary over HTTP: concepts (list, one, history, edit, remove), term search, the
 * A–Z, editions, import and export (TBX, CSV, SKOS), annotation of a text or a stored document,
 * and the translation consistency check.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  alphabetSchema,
  annotateBodySchema,
  conceptListQuerySchema,
  conceptListSchema,
  conceptPutBodySchema,
  conceptRevisionSchema,
  conceptWireSchema,
  consistencyQuerySchema,
  consistencyReportSchema,
  documentTermsSchema,
  editionBodySchema,
  editionSchema,
  errorSchema,
  expressionParamsSchema,
  exportQuerySchema,
  idParamsSchema,
  importBodySchema,
  importReportSchema,
  termHitSchema,
  termMatchSchema,
} from '../../contract/api-schemas.js';
import { actorName } from '../../domain/accounts.js';
import { invalidParameter } from '../../domain/errors.js';
import { langSchema } from '../../domain/languages.js';
import { LANGUAGES, type Lang } from '../../domain/language-codes.js';
import { getExpression } from '../../documents/document-queries.js';
import { checkDocument } from '../../glossary/consistency-check.js';
import { deleteConcept, saveConcept } from '../../glossary/edit-concept.js';
import { listEditions, publishEdition } from '../../glossary/glossary-editions.js';
import {
  EXPORT_MEDIA_TYPES,
  exportGlossary,
  importGlossary,
  type GlossaryExportFormat,
} from '../../glossary/glossary-exchange.js';
import {
  alphabetOf,
  conceptHistory,
  getConcept,
  listConcepts,
  searchTerms,
} from '../../glossary/glossary-queries.js';
import { preferredTerm } from '../../glossary/concept-content.js';
import { expressionTerms, glossaryMatcher } from '../../glossary/term-annotations.js';
import { consistencyReportHtml } from '../../reports/consistency-report-html.js';
import type { Store } from '../../store/open-store.js';
import { allow } from '../access/access-rules.js';

const errors = { 400: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };
/** A TBX of a large official glossary is several megabytes; the rest of the API keeps 1 MB. */
const IMPORT_BODY_LIMIT = 25 * 1024 * 1024;

const EXPORTS: readonly [string, GlossaryExportFormat, string][] = [
  ['/glossary/export.tbx', 'tbx', 'The glossary as TBX-Basic (ISO 30042:2019)'],
  ['/glossary/export.csv', 'csv', 'The glossary as CSV, one row per term'],
  ['/glossary/skos.ttl', 'skos-ttl', 'The glossary as a SKOS concept scheme (Turtle)'],
  ['/glossary/skos.jsonld', 'skos-jsonld', 'The glossary as a SKOS concept scheme (JSON-LD)'],
];

export function glossaryRoutes(store: Store): FastifyPluginAsyncZod {
  const { db } = store;
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugins are async functions
  return async (app) => {
    app.get(
      '/glossary/concepts',
      {
        config: { access: allow.public },
        schema: {
          tags: ['glossary'],
          summary: 'Concepts with their preferred terms; filter by domain or term, A–Z by language',
          querystring: conceptListQuerySchema,
          response: { 200: conceptListSchema, ...errors },
        },
      },
      async (request) => {
        const { limit, offset, domain, q, lang, letter } = request.query;
        const list = await listConcepts(db, {
          limit,
          offset,
          ...(domain ? { domain } : {}),
          ...(q !== undefined ? { q } : {}),
          ...(lang ? { lang } : {}),
          ...(letter !== undefined ? { letter } : {}),
        });
        return { ...list, items: [...list.items], limit, offset };
      },
    );

    app.get(
      '/glossary/concepts/:id',
      {
        config: { access: allow.public },
        schema: {
          tags: ['glossary'],
          summary: 'One concept: terms and definitions in every language, links',
          params: idParamsSchema,
          response: { 200: conceptWireSchema, ...errors },
        },
      },
      async (request) => getConcept(db, request.params.id),
    );

    app.put(
      '/glossary/concepts/:id',
      {
        config: { access: allow.roles(['secretariat'], 'glossary') },
        schema: {
          tags: ['glossary'],
          summary: 'Add or change a concept (a new revision); a stale baseRevision gets 409',
          params: idParamsSchema,
          body: conceptPutBodySchema,
          response: { 200: conceptWireSchema, ...errors },
        },
      },
      async (request) => {
        if (request.body.concept.id !== request.params.id)
          throw invalidParameter('concept.id', `must be the id in the path (${request.params.id})`);
        return saveConcept(db, { ...request.body, actor: actorName(request.principal) });
      },
    );

    app.delete(
      '/glossary/concepts/:id',
      {
        config: { access: allow.roles(['secretariat'], 'glossary') },
        schema: {
          tags: ['glossary'],
          summary: 'Remove a concept (its history stays)',
          params: idParamsSchema,
          querystring: z.object({
            comment: z.string().trim().min(1).max(2000),
          }),
          response: { 200: z.object({ removed: z.string() }), ...errors },
        },
      },
      async (request) => {
        await deleteConcept(db, request.params.id, {
          ...request.query,
          actor: actorName(request.principal),
        });
        return { removed: request.params.id };
      },
    );

    app.get(
      '/glossary/concepts/:id/history',
      {
        config: { access: allow.public },
        schema: {
          tags: ['glossary'],
          summary: 'Every revision of a concept, oldest first',
          params: idParamsSchema,
          response: { 200: z.array(conceptRevisionSchema), ...errors },
        },
      },
      async (request) => conceptHistory(db, request.params.id),
    );

    app.get(
      '/glossary/terms',
      {
        config: { access: allow.public },
        schema: {
          tags: ['glossary'],
          summary:
            'Terms containing a text, in any language (case, accents and Arabic letter forms ignored)',
          querystring: z.object({
            q: z.string().min(1).max(200),
            lang: langSchema.optional(),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          }),
          response: { 200: z.array(termHitSchema), ...errors },
        },
      },
      async (request) =>
        searchTerms(db, request.query.q, {
          limit: request.query.limit,
          ...(request.query.lang ? { lang: request.query.lang } : {}),
        }),
    );

    app.get(
      '/glossary/alphabet',
      {
        config: { access: allow.public },
        schema: {
          tags: ['glossary'],
          summary:
            "The letters a language's preferred terms are filed under, in its collation order",
          querystring: z.object({ lang: langSchema }),
          response: { 200: alphabetSchema, ...errors },
        },
      },
      async (request) => alphabetOf(db, request.query.lang),
    );

    app.get(
      '/glossary/editions',
      {
        config: { access: allow.public },
        schema: {
          tags: ['glossary'],
          summary: 'Published editions',
          response: { 200: z.array(editionSchema), ...errors },
        },
      },
      async () => listEditions(db),
    );

    app.post(
      '/glossary/editions',
      {
        config: { access: allow.roles(['secretariat'], 'glossary') },
        schema: {
          tags: ['glossary'],
          summary: 'Publish an edition: the current revision of every concept',
          body: editionBodySchema,
          response: { 200: editionSchema, ...errors },
        },
      },
      async (request) =>
        publishEdition(db, { ...request.body, actor: actorName(request.principal) }),
    );

    for (const [path, format, summary] of EXPORTS) {
      app.get(
        path,
        {
          config: { access: allow.public },
          schema: {
            tags: ['glossary'],
            summary,
            querystring: exportQuerySchema,
            response: { 200: z.string(), ...errors },
          },
        },
        async (request, reply) => {
          const media = EXPORT_MEDIA_TYPES[format];
          const name = `pillars-glossary${request.query.edition ? `-${request.query.edition}` : ''}.${media.ext}`;
          return reply
            .type(media.type)
            .header('content-disposition', `attachment; filename="${name}"`)
            .send(
              await exportGlossary(
                db,
                format,
                request.query.edition ? { edition: request.query.edition } : {},
              ),
            );
        },
      );
    }

    app.post(
      '/glossary/import',
      {
        config: { access: allow.roles(['secretariat'], 'glossary') },
        bodyLimit: IMPORT_BODY_LIMIT,
        schema: {
          tags: ['glossary'],
          summary:
            'Import TBX or CSV: every entry or none; a report per entry (rejected entries give 422)',
          body: importBodySchema,
          response: {
            200: importReportSchema,
            422: z.union([importReportSchema, errorSchema]),
            400: errorSchema,
          },
        },
      },
      async (request, reply) => {
        const report = await importGlossary(db, {
          ...request.body,
          actor: actorName(request.principal),
        });
        const body = { ...report, results: [...report.results], warnings: [...report.warnings] };
        return reply.status(report.counts.rejected > 0 ? 422 : 200).send(body);
      },
    );

    app.post(
      '/glossary/annotate',
      {
        config: { access: allow.public },
        schema: {
          tags: ['glossary'],
          summary: 'The glossary terms in a text (only one language with `lang`)',
          body: annotateBodySchema,
          response: { 200: z.array(termMatchSchema), ...errors },
        },
      },
      async (request) => {
        const { matcher } = await glossaryMatcher(db);
        return matcher.find(
          request.body.text,
          request.body.lang ? { lang: request.body.lang } : {},
        );
      },
    );

    app.get(
      '/documents/:symbol/:lang/terms',
      {
        config: { access: allow.public },
        schema: {
          tags: ['glossary'],
          summary:
            'Glossary terms in each paragraph of a language version, with the concepts in six languages',
          params: expressionParamsSchema,
          response: { 200: documentTermsSchema, ...errors },
        },
      },
      async (request) => {
        const doc = await getExpression(db, request.params.symbol, request.params.lang);
        const lang = doc.expression.lang as Lang;
        const { segments, glossary } = await expressionTerms(db, doc.expression.id, lang);
        const used = new Set(segments.flatMap((s) => s.terms.map((t) => t.conceptId)));
        const concepts: z.infer<typeof documentTermsSchema>['concepts'] = {};
        for (const id of used) {
          const c = glossary.concepts.get(id);
          if (!c) continue;
          const preferred: Partial<Record<Lang, string>> = {};
          const definition: Partial<Record<Lang, string>> = {};
          for (const l of LANGUAGES) {
            const t = preferredTerm(c, l);
            if (t !== undefined) preferred[l] = t;
            const d = c.languages[l]?.definition?.text;
            if (d !== undefined) definition[l] = d;
          }
          concepts[id] = { domain: c.domain, preferred, definition };
        }
        return {
          symbol: doc.work.symbol ?? doc.work.id,
          lang,
          segments: segments
            .filter((s) => s.terms.length > 0)
            .map((s) => ({ eId: s.eId, terms: [...s.terms] })),
          concepts,
        };
      },
    );

    app.get(
      '/glossary/check',
      {
        config: { access: allow.public },
        schema: {
          tags: ['glossary'],
          summary: 'Translation consistency of a stored document against the glossary',
          querystring: consistencyQuerySchema,
          response: { 200: consistencyReportSchema, ...errors },
        },
      },
      async (request) => {
        const report = await checkDocument(db, request.query);
        return {
          ...report,
          findings: report.findings.map((f) => ({ ...f, expected: [...f.expected] })),
        };
      },
    );

    app.get(
      '/glossary/check.html',
      {
        config: { access: allow.public },
        schema: {
          tags: ['glossary'],
          summary: 'The consistency check as a standalone HTML page',
          querystring: consistencyQuerySchema,
          response: { 200: z.string(), ...errors },
        },
      },
      async (request, reply) =>
        reply
          .type('text/html; charset=utf-8')
          .send(consistencyReportHtml(await checkDocument(db, request.query))),
    );
  };
}
