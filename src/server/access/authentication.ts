/**
 * @module The door of every request: who is asking (session cookie or bearer token), whether the
 * route's rule lets them in, and, for a write made with a cookie, whether it carries the
 * session's CSRF token. Runs on `onRequest`, before any body is read. It also keeps the route
 * table (method, path, rule) the access matrix test is generated from.
 */
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ANONYMOUS, TOKEN_SCOPES, type Principal } from '../../domain/accounts.js';
import { PillarsError } from '../../domain/errors.js';
import { findApiToken } from '../../auth/api-tokens.js';
import { equalSecrets } from '../../auth/secrets.js';
import { CSRF_HEADER, findSession, SESSION_COOKIE } from '../../auth/sessions.js';
import type { Store } from '../../store/open-store.js';
import { allow, decide, isWrite, type AccessRule } from './access-rules.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: AccessRule;
  }
  interface FastifyRequest {
    principal: Principal;
    /** The session's CSRF token, for the session endpoint to hand to the web app. */
    csrfToken: string | undefined;
  }
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

export interface RouteEntry {
  readonly method: string;
  readonly url: string;
  readonly access: AccessRule | undefined;
}

/**
 * Routes registered by plugins we do not write (API docs, static files of the web app) are
 * public by what they are; every route of ours states its rule.
 */
const PLUGIN_PUBLIC_PREFIXES = ['/api/docs', '/assets/', '/*'];

function isPluginRoute(url: string): boolean {
  return PLUGIN_PUBLIC_PREFIXES.some((prefix) => url === prefix || url.startsWith(prefix));
}

export function sessionCookieOptions(request: FastifyRequest, maxAgeMs: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    // Behind a TLS-terminating proxy (trustProxy reads X-Forwarded-Proto) the cookie is Secure.
    secure: request.protocol === 'https',
    maxAge: Math.floor(maxAgeMs / 1000),
  };
}

async function principalOf(
  store: Store,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Principal> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const found = match ? await findApiToken(store.db, match[1]!) : null;
    if (!found)
      throw new PillarsError('unauthenticated', 'the API token is unknown, revoked or expired');
    return {
      kind: 'user',
      user: found.user,
      via: 'token',
      scopes: found.scopes,
      credentialId: found.tokenId,
    };
  }
  const token = request.cookies[SESSION_COOKIE];
  if (token === undefined) return ANONYMOUS;
  const session = await findSession(store.db, token);
  if (!session) {
    // A dead cookie is dropped, and the request goes on as the public.
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return ANONYMOUS;
  }
  request.csrfToken = session.csrfToken;
  return {
    kind: 'user',
    user: session.user,
    via: 'session',
    scopes: TOKEN_SCOPES,
    credentialId: session.idHash,
  };
}

export function authentication(store: Store) {
  return fp(async (app: FastifyInstance) => {
    await app.register(fastifyCookie);
    app.decorate('routeTable', [] as RouteEntry[]);
    app.decorateRequest('principal', null as never);
    app.decorateRequest('csrfToken', undefined);
    app.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      let access = route.config?.access;
      if (access === undefined && isPluginRoute(route.url)) {
        access = allow.public;
        route.config = { ...route.config, access };
      }
      for (const method of methods) {
        // HEAD routes are Fastify's copies of GET routes, with the same rule.
        if (method === 'HEAD') continue;
        app.routeTable.push({ method, url: route.url, access });
      }
    });
    app.addHook('onRequest', async (request, reply) => {
      request.principal = await principalOf(store, request, reply);
      // No route matched: the not-found handler answers, whoever asks.
      if (request.is404) return;
      const rule = request.routeOptions.config.access;
      const decision = decide(rule, request.principal, request.method);
      if (decision === 'no_rule')
        throw new PillarsError(
          'forbidden',
          `${request.method} ${request.routeOptions.url ?? ''} has no access rule`,
        );
      if (decision === 'unauthenticated')
        throw new PillarsError(
          'unauthenticated',
          'sign in first (a session cookie or an API token)',
        );
      if (decision === 'forbidden') {
        const principal = request.principal;
        const role = principal.kind === 'user' ? principal.user.role : 'visitor';
        const roleAllowed =
          rule?.kind === 'roles' &&
          principal.kind === 'user' &&
          rule.roles.includes(principal.user.role);
        throw new PillarsError(
          'forbidden',
          roleAllowed && rule?.kind === 'roles'
            ? `this token's scopes do not include '${rule.scope}'`
            : `a${/^[aeiou]/.test(role) ? 'n' : ''} ${role} may not ${request.method} ${request.routeOptions.url ?? request.url}`,
        );
      }
      if (
        request.principal.kind === 'user' &&
        request.principal.via === 'session' &&
        isWrite(request.method)
      ) {
        const sent = request.headers[CSRF_HEADER];
        if (
          typeof sent !== 'string' ||
          request.csrfToken === undefined ||
          !equalSecrets(sent, request.csrfToken)
        )
          throw new PillarsError(
            'csrf_failed',
            `a write from the browser must carry the session's ${CSRF_HEADER} header`,
          );
      }
    });
  });
}
