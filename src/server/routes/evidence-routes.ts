/**
 * @module Action Plan monitoring over HTTP: evidence (list, per action, review, made by hand,
 * history), assessments (list, record), the action × State matrix, and CSV exports of both.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assessmentBodySchema,
  assessmentSchema,
  assessmentsQuerySchema,
  errorSchema,
  evidenceCreateBodySchema,
  evidenceItemSchema,
  evidenceQuerySchema,
  evidenceReviewBodySchema,
  evidenceRevisionSchema,
  idParamsSchema,
  matrixQuerySchema,
  matrixSchema,
} from '../../contract/api-schemas.js';
import {
  actionStateMatrix,
  addEvidence,
  assess,
  evidenceHistory,
  listAssessments,
  listEvidence,
  reviewEvidence,
} from '../../evidence/evidence-service.js';
import { evidenceCsv, matrixCsv } from '../../evidence/evidence-export.js';
import { actorName } from '../../domain/accounts.js';
import type { Store } from '../../store/open-store.js';
import { allow } from '../access/access-rules.js';
import { invalidParameter } from '../../domain/errors.js';

const errors = { 400: errorSchema, 404: errorSchema };
/** Beyond this the CSV is the CLI's job (`pillars evidence export`), not one HTTP request's. */
const MAX_CSV_ROWS = 50_000;
const evidencePageSchema = z.object({
  items: z.array(evidenceItemSchema),
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
});

export function evidenceRoutes(store: Store): FastifyPluginAsyncZod {
  const { db } = store;
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugins are async functions
  return async (app) => {
    app.get(
      '/evidence',
      {
        config: { access: allow.public },
        schema: {
          tags: ['monitoring'],
          summary: 'Evidence: paragraphs linked to actions of the 2010 Action Plan and to States',
          querystring: evidenceQuerySchema,
          response: { 200: evidencePageSchema, ...errors },
        },
      },
      async (request) => {
        const { limit, offset, ...filter } = request.query;
        return { ...(await listEvidence(db, { ...filter, limit, offset })), limit, offset };
      },
    );

    app.get(
      '/actions/:id/evidence',
      {
        config: { access: allow.public },
        schema: {
          tags: ['monitoring'],
          summary: 'The evidence for one action',
          params: idParamsSchema,
          querystring: evidenceQuerySchema.omit({ action: true }),
          response: { 200: evidencePageSchema, ...errors },
        },
      },
      async (request) => {
        const { limit, offset, ...filter } = request.query;
        const page = await listEvidence(db, {
          ...filter,
          action: request.params.id,
          limit,
          offset,
        });
        return { ...page, limit, offset };
      },
    );

    app.get(
      '/evidence/:id/history',
      {
        config: { access: allow.public },
        schema: {
          tags: ['monitoring'],
          summary: 'The review history of one piece of evidence',
          params: idParamsSchema,
          response: { 200: z.array(evidenceRevisionSchema), ...errors },
        },
      },
      async (request) => evidenceHistory(db, request.params.id),
    );

    app.post(
      '/evidence/:id/review',
      {
        config: { access: allow.roles(['analyst', 'secretariat'], 'evidence') },
        schema: {
          tags: ['monitoring'],
          summary: 'Confirm or reject evidence (or reopen it, or give it a stance)',
          params: idParamsSchema,
          body: evidenceReviewBodySchema,
          response: { 200: z.array(evidenceRevisionSchema), ...errors },
        },
      },
      async (request) =>
        reviewEvidence(db, {
          id: request.params.id,
          ...request.body,
          actor: actorName(request.principal),
        }),
    );

    app.post(
      '/evidence',
      {
        config: { access: allow.roles(['analyst', 'secretariat'], 'evidence') },
        schema: {
          tags: ['monitoring'],
          summary: 'Link a paragraph to an action by hand (confirmed at once)',
          body: evidenceCreateBodySchema,
          response: { 200: z.object({ id: z.string() }), ...errors },
        },
      },
      async (request) => ({
        id: await addEvidence(db, { ...request.body, actor: actorName(request.principal) }),
      }),
    );

    app.get(
      '/assessments',
      {
        config: { access: allow.public },
        schema: {
          tags: ['monitoring'],
          summary: 'Assessments per action × State × cycle (the latest revision, or all)',
          querystring: assessmentsQuerySchema,
          response: { 200: z.array(assessmentSchema), ...errors },
        },
      },
      async (request) => {
        const { action, state, cycle, history } = request.query;
        return listAssessments(db, {
          ...(action !== undefined ? { action } : {}),
          ...(state !== undefined ? { state } : {}),
          ...(cycle !== undefined ? { cycle } : {}),
          history,
        });
      },
    );

    app.post(
      '/assessments',
      {
        config: { access: allow.roles(['analyst'], 'evidence') },
        schema: {
          tags: ['monitoring'],
          summary: 'Record an assessment (a new revision); returns its history',
          body: assessmentBodySchema,
          response: { 200: z.array(assessmentSchema), ...errors },
        },
      },
      async (request) => assess(db, { ...request.body, actor: actorName(request.principal) }),
    );

    app.get(
      '/matrix',
      {
        config: { access: allow.public },
        schema: {
          tags: ['monitoring'],
          summary: 'The action × State matrix: evidence counts and the latest assessment per cell',
          querystring: matrixQuerySchema,
          response: { 200: matrixSchema, ...errors },
        },
      },
      async (request) => actionStateMatrix(db, request.query),
    );

    app.get(
      '/matrix.csv',
      {
        config: { access: allow.public },
        schema: {
          tags: ['monitoring'],
          summary: 'The matrix as CSV',
          querystring: matrixQuerySchema,
          response: { 200: z.string(), ...errors },
        },
      },
      async (request, reply) =>
        reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="action-state-matrix.csv"')
          .send(matrixCsv(await actionStateMatrix(db, request.query))),
    );

    app.get(
      '/evidence.csv',
      {
        config: { access: allow.public },
        schema: {
          tags: ['monitoring'],
          summary: 'All evidence matching the filters as CSV, with symbols and eIds',
          querystring: evidenceQuerySchema.omit({ limit: true, offset: true }),
          response: { 200: z.string(), ...errors },
        },
      },
      async (request, reply) => {
        const { items, total } = await listEvidence(db, {
          ...request.query,
          limit: MAX_CSV_ROWS,
          offset: 0,
        });
        if (total > MAX_CSV_ROWS)
          throw invalidParameter(
            'action',
            `${total} pieces of evidence match: narrow the export (action, state, cycle, status) to at most ${MAX_CSV_ROWS}, or use pillars evidence export`,
          );
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="evidence.csv"')
          .send(evidenceCsv(items));
      },
    );
  };
}
