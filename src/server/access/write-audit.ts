/**
 * @module Every successful write by a signed-in user leaves an audit entry, so no route can change
 * data off the record. Features that audit inside their own transaction (reports, accounts) mark
 * their routes `config.auditedInFeature` and are skipped here.
 */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { recordAudit } from '../../audit/audit-log.js';
import type { Store } from '../../store/open-store.js';
import { isWrite } from './access-rules.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    auditedInFeature?: boolean;
  }
}

export function writeAudit(store: Store) {
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugins are async functions
  return fp(async (app: FastifyInstance) => {
    app.addHook('onResponse', async (request, reply) => {
      const principal = request.principal;
      if (principal.kind !== 'user' || !isWrite(request.method) || reply.statusCode >= 400) return;
      if (request.is404 || request.routeOptions.config.auditedInFeature === true) return;
      await recordAudit(store.db, {
        actor: principal.user.username,
        action: `api.${request.method.toLowerCase()}`,
        target: request.routeOptions.url ?? request.url,
        detail: {
          params: request.params as Record<string, unknown>,
          status: reply.statusCode,
          via: principal.via,
        },
      }).catch((error: unknown) => request.log.error({ err: error }, 'audit entry not written'));
    });
  });
}
