/**
 * @module /api/v1/documents: upload (multipart), list, one document, one language version with
 * its segments, one segment, the recorded vote and the Akoma Ntoso export. A symbol goes in the
 * path with its slashes encoded (`NPT%2FCONF.2015%2FPC.II%2FWP.13`); literal slashes work too.
 */
import fastifyMultipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  documentParamsSchema,
  documentSummarySchema,
  documentsQuerySchema,
  errorSchema,
  expressionDetailSchema,
  expressionParamsSchema,
  expressionQuerySchema,
  ingestResponseSchema,
  pageSchema,
  segmentApiSchema,
  segmentParamsSchema,
  voteRecordSchema,
  workApiSchema,
} from '../../contract/api-schemas.js';
import { invalidParameter, notFound } from '../../domain/errors.js';
import { isLang, LANGUAGES } from '../../domain/language-codes.js';
import {
  exportExpression,
  getExpression,
  getSegment,
  getVotes,
  getWork,
} from '../../documents/document-queries.js';
import { ingestFiles, type IngestInput } from '../../ingest/ingest-files.js';
import type { Store } from '../../store/open-store.js';
import { allow } from '../access/access-rules.js';
import { listWorks } from '../../store/repositories/documents-read.js';
import { scanEvidence } from '../../evidence/evidence-service.js';
import { annotateStale } from '../../glossary/term-annotations.js';

const errors = { 400: errorSchema, 404: errorSchema };
export const DEFAULT_UPLOAD_LIMIT = 50 * 1024 * 1024;

export function documentRoutes(
  store: Store,
  options: {
    uploadLimitBytes?: number;
    /** Aborted when the server starts closing: an upload in progress stops between files. */
    shutdown?: AbortSignal;
  } = {},
): FastifyPluginAsyncZod {
  const { db } = store;
  const uploadLimit = options.uploadLimitBytes ?? DEFAULT_UPLOAD_LIMIT;
  return async (app) => {
    await app.register(fastifyMultipart, {
      limits: { fileSize: uploadLimit, files: 200, fields: 10, fieldSize: 1000 },
    });

    app.post(
      '/documents',
      {
        config: { access: allow.roles(['secretariat'], 'documents') },
        schema: {
          tags: ['documents'],
          summary: 'Ingest documents (multipart/form-data: files, optional fields symbol and lang)',
          description: `One result per file (ok | skipped | error). Files over ${uploadLimit / 1024 / 1024} MB get 413; a body that is not multipart gets 415.`,
          response: {
            200: ingestResponseSchema,
            400: errorSchema,
            413: errorSchema,
            415: errorSchema,
          },
        },
      },
      async (request, reply) => {
        if (!request.isMultipart()) {
          return reply.code(415).send({
            code: 'unsupported_media_type',
            message: 'send the files as multipart/form-data',
          });
        }
        const inputs: IngestInput[] = [];
        const fields: Record<string, string> = {};
        for await (const part of request.parts()) {
          if (part.type === 'file')
            inputs.push({ name: part.filename || part.fieldname, bytes: await part.toBuffer() });
          else fields[part.fieldname] = String(part.value);
        }
        if (inputs.length === 0) throw invalidParameter('files', 'no file in the upload');
        const lang = fields.lang;
        if (lang !== undefined && !isLang(lang))
          throw invalidParameter('lang', `expected one of ${LANGUAGES.join(', ')}`);
        const results = await ingestFiles(store, inputs, {
          symbol: fields.symbol || undefined,
          lang,
          ...(options.shutdown ? { signal: options.shutdown } : {}),
        });
        // New language versions become evidence suggestions before the answer.
        if (results.some((r) => r.status === 'ok')) {
          await scanEvidence(db);
          await annotateStale(db);
        }
        const count = (status: string) => results.filter((r) => r.status === status).length;
        return {
          results,
          summary: { ok: count('ok'), skipped: count('skipped'), error: count('error') },
        };
      },
    );

    app.get(
      '/documents',
      {
        config: { access: allow.public },
        schema: {
          tags: ['documents'],
          summary: 'List documents',
          querystring: documentsQuerySchema,
          response: { 200: pageSchema(documentSummarySchema), ...errors },
        },
      },
      async (request) => {
        const { lang, meeting, type, year, limit, offset } = request.query;
        const page = await listWorks(db, {
          lang,
          meetingId: meeting,
          docType: type?.toUpperCase(),
          year,
          limit,
          offset,
        });
        return { ...page, limit, offset };
      },
    );

    app.get(
      '/documents/:symbol',
      {
        config: { access: allow.public },
        schema: {
          tags: ['documents'],
          summary: 'One document and its language versions',
          params: documentParamsSchema,
          response: { 200: workApiSchema, ...errors },
        },
      },
      async (request) => getWork(db, request.params.symbol),
    );

    app.get(
      '/documents/:symbol/:lang',
      {
        config: { access: allow.public },
        schema: {
          tags: ['documents'],
          summary: 'One language version with its segments in order',
          params: expressionParamsSchema,
          querystring: expressionQuerySchema,
          response: { 200: expressionDetailSchema, ...errors },
        },
      },
      async (request) =>
        getExpression(
          db,
          request.params.symbol,
          request.params.lang,
          request.query.version,
          request.query.revision,
        ),
    );

    app.get(
      '/documents/:symbol/:lang/segments/:eId',
      {
        config: { access: allow.public },
        schema: {
          tags: ['documents'],
          summary: 'One segment (paragraph) by its eId',
          params: segmentParamsSchema,
          response: { 200: segmentApiSchema, ...errors },
        },
      },
      async (request) =>
        getSegment(db, request.params.symbol, request.params.lang, request.params.eId),
    );

    app.get(
      '/documents/:symbol/:lang/akn',
      {
        config: { access: allow.public },
        schema: {
          tags: ['documents'],
          summary: 'The language version as Akoma Ntoso XML',
          params: expressionParamsSchema,
          querystring: expressionQuerySchema,
          response: { 200: z.string(), ...errors },
        },
      },
      async (request, reply) => {
        const { version, revision } = request.query;
        return sendAkn(
          reply,
          await getExpression(db, request.params.symbol, request.params.lang, version, revision),
        );
      },
    );

    app.get(
      '/documents/:symbol/votes',
      {
        config: { access: allow.public },
        schema: {
          tags: ['documents'],
          summary: 'The recorded vote, per language version',
          params: documentParamsSchema,
          response: { 200: z.array(voteRecordSchema), ...errors },
        },
      },
      async (request) => getVotes(db, request.params.symbol),
    );

    // Symbols with literal slashes: /documents/NPT/CONF.2015/PC.II/WP.13[/en[/segments/para_6 | /akn]].
    app.get(
      '/documents/*',
      { config: { access: allow.public }, schema: { hide: true } },
      async (request: FastifyRequest, reply: FastifyReply) => {
        const path = (request.params as { '*': string })['*']
          .split('/')
          .map((p) => decodeURIComponent(p))
          .filter(Boolean);
        const { version, revision } = request.query as { version?: string; revision?: string };
        const last = path.at(-1);
        if (path.length >= 3 && path.at(-2) === 'segments' && isLangOrUnd(path.at(-3))) {
          return getSegment(db, path.slice(0, -3).join('/'), path.at(-3)!, last!);
        }
        if (last === 'akn' && isLangOrUnd(path.at(-2)))
          return sendAkn(reply, await getExpression(db, path.slice(0, -2).join('/'), path.at(-2)));
        if (last === 'votes') return getVotes(db, path.slice(0, -1).join('/'));
        if (isLangOrUnd(last)) {
          const n = version === undefined ? undefined : Number(version);
          if (n !== undefined && !(Number.isInteger(n) && n > 0))
            throw invalidParameter('version', 'expected a positive whole number');
          return getExpression(db, path.slice(0, -1).join('/'), last, n, revision);
        }
        if (path.length === 0) throw notFound('document', '');
        return getWork(db, path.join('/'));
      },
    );
  };
}

function isLangOrUnd(value: string | undefined): value is string {
  return value !== undefined && (value === 'und' || isLang(value));
}

function sendAkn(reply: FastifyReply, doc: Awaited<ReturnType<typeof getExpression>>) {
  return reply.type('application/akn+xml; charset=utf-8').send(exportExpression(doc, 'akn'));
}
