/**
 * @module What an operator watches: a request id on every request (the caller's X-Request-Id
 * when it is sane, else a new one; echoed in the response and in every log line of the request),
 * Prometheus metrics per route at /metrics, liveness at /api/health and readiness at /api/ready
 * (the store answers and no migration is pending).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { z } from 'zod';
import { healthSchema } from '../contract/api-schemas.js';
import { httpDuration, httpRequests, registry } from '../observability/metrics.js';
import { migrationStatus } from '../store/migration-status.js';
import type { Store } from '../store/open-store.js';
import { allow } from './access/access-rules.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Fastify's genReqId: keep a caller's (a proxy's) id, so one id follows a request across hops. */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

export const readySchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  engine: z.enum(['sqlite', 'postgres']),
  reason: z.string().optional(),
  pendingMigrations: z.array(z.string()),
});

export function observability(store: Store, version: string) {
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugins are async functions
  return fp(async (app: FastifyInstance) => {
    app.addHook('onSend', async (request, reply) => {
      void reply.header('x-request-id', request.id);
    });
    app.addHook('onResponse', async (request, reply) => {
      // Route patterns, never raw URLs: the label set stays bounded whatever clients send.
      const route = request.routeOptions.url ?? 'unmatched';
      const labels = { method: request.method, route };
      httpRequests.inc({ ...labels, status: String(reply.statusCode) });
      httpDuration.observe(labels, reply.elapsedTime / 1000);
    });

    app.get(
      '/metrics',
      { config: { access: allow.public }, schema: { hide: true } },
      async (_request, reply) =>
        reply
          .type(registry.contentType)
          .header('cache-control', 'no-store')
          .send(await registry.metrics()),
    );

    app.get(
      '/api/health',
      {
        config: { access: allow.public },
        schema: {
          tags: ['health'],
          summary: 'Liveness: the process answers (it does not touch the store; see /api/ready)',
          response: { 200: healthSchema },
        },
      },
      () => ({ status: 'ok' as const, engine: store.engine, version }),
    );

    app.get(
      '/api/ready',
      {
        config: { access: allow.public },
        schema: {
          tags: ['health'],
          summary: 'Readiness: the store answers and every migration is applied (503 otherwise)',
          response: { 200: readySchema, 503: readySchema },
        },
      },
      async (_request, reply) => {
        try {
          const { pending } = await migrationStatus(store.db);
          if (pending.length > 0)
            return reply.code(503).send({
              status: 'not_ready' as const,
              engine: store.engine,
              reason: `${pending.length} migration(s) pending: run \`pillars migrate\``,
              pendingMigrations: [...pending],
            });
          return { status: 'ready' as const, engine: store.engine, pendingMigrations: [] };
        } catch (error) {
          return reply.code(503).send({
            status: 'not_ready' as const,
            engine: store.engine,
            reason: `the store does not answer: ${(error as Error).message}`,
            pendingMigrations: [],
          });
        }
      },
    );
  });
}
