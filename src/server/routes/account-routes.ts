/**
 * @module Accounts over HTTP: log in and out, who am I (with the CSRF token for the web app),
 * change my password, my API tokens; for admins, users and the audit log.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  auditPageSchema,
  auditQuerySchema,
  auditVerificationSchema,
  errorSchema,
  loginBodySchema,
  newTokenSchema,
  newUserSchema,
  passwordBodySchema,
  sessionSchema,
  tokenBodySchema,
  tokenSchema,
  userBodySchema,
  userSchema,
} from '../../contract/api-schemas.js';
import { createApiToken, listApiTokens, revokeApiToken } from '../../auth/api-tokens.js';
import { login, logout } from '../../auth/login.js';
import { DEFAULT_THROTTLE, type ThrottleLimits } from '../../auth/login-throttle.js';
import { checkPassword } from '../../auth/passwords.js';
import { SESSION_COOKIE, SESSION_LIFETIME_MS } from '../../auth/sessions.js';
import { addUser, disableUser, listUsers, setPassword } from '../../auth/users.js';
import { listAudit, recordAudit, verifyAudit } from '../../audit/audit-log.js';
import type { Principal, User } from '../../domain/accounts.js';
import { PillarsError } from '../../domain/errors.js';
import type { Store } from '../../store/open-store.js';
import { allow } from '../access/access-rules.js';
import { sessionCookieOptions } from '../access/authentication.js';

const errors = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
};

/** The signed-in user; routes whose rule admits only signed-in roles can rely on it. */
export function signedInUser(principal: Principal): User {
  if (principal.kind !== 'user') throw new PillarsError('unauthenticated', 'sign in first');
  return principal.user;
}

export function accountRoutes(
  store: Store,
  options: { throttle?: ThrottleLimits } = {},
): FastifyPluginAsyncZod {
  const { db } = store;
  const throttle = options.throttle ?? DEFAULT_THROTTLE;
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugins are async functions
  return async (app) => {
    app.get(
      '/session',
      {
        config: { access: allow.public },
        schema: {
          tags: ['accounts'],
          summary: 'Who is signed in, and the CSRF token for writes',
          response: { 200: sessionSchema },
        },
      },
      (request) => {
        const principal = request.principal;
        return principal.kind === 'user'
          ? { user: principal.user, csrfToken: request.csrfToken ?? null, via: principal.via }
          : { user: null, csrfToken: null, via: 'anonymous' as const };
      },
    );

    app.post(
      '/session',
      {
        config: { access: allow.public, auditedInFeature: true },
        schema: {
          tags: ['accounts'],
          summary: 'Log in: sets an HttpOnly session cookie; one message for any failure',
          body: loginBodySchema,
          response: { 200: sessionSchema, ...errors, 429: errorSchema },
        },
      },
      async (request, reply) => {
        const previous =
          request.principal.kind === 'user' && request.principal.via === 'session'
            ? request.principal.credentialId
            : undefined;
        const { user, session } = await login(
          db,
          { ...request.body, address: request.ip, previousSessionHash: previous },
          throttle,
        );
        void reply.setCookie(
          SESSION_COOKIE,
          session.token,
          sessionCookieOptions(request, SESSION_LIFETIME_MS),
        );
        return { user, csrfToken: session.csrfToken, via: 'session' as const };
      },
    );

    app.delete(
      '/session',
      {
        config: { access: allow.signedIn('admin'), auditedInFeature: true },
        schema: {
          tags: ['accounts'],
          summary: 'Log out',
          response: { 200: z.object({ ok: z.literal(true) }), ...errors },
        },
      },
      async (request, reply) => {
        const principal = request.principal;
        if (principal.kind === 'user' && principal.via === 'session')
          await logout(db, principal.user, principal.credentialId);
        void reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );

    app.put(
      '/session/password',
      {
        config: { access: allow.signedIn('admin'), auditedInFeature: true },
        schema: {
          tags: ['accounts'],
          summary: 'Change my password (other sessions end)',
          body: passwordBodySchema,
          response: { 200: z.object({ ok: z.literal(true) }), ...errors },
        },
      },
      async (request) => {
        const user = signedInUser(request.principal);
        const row = await db
          .selectFrom('users')
          .select('password_hash')
          .where('id', '=', user.id)
          .executeTakeFirstOrThrow();
        if (!(await checkPassword(row.password_hash, request.body.currentPassword)))
          throw new PillarsError('forbidden', 'the current password is wrong', {
            field: 'currentPassword',
          });
        const keep =
          request.principal.kind === 'user' && request.principal.via === 'session'
            ? request.principal.credentialId
            : undefined;
        await setPassword(db, user, request.body.newPassword, user.username, keep);
        return { ok: true as const };
      },
    );

    app.get(
      '/tokens',
      {
        config: { access: allow.signedIn('admin'), auditedInFeature: true },
        schema: {
          tags: ['accounts'],
          summary: 'My API tokens',
          response: { 200: z.object({ items: z.array(tokenSchema) }), ...errors },
        },
      },
      async (request) => ({
        items: (await listApiTokens(db, signedInUser(request.principal).id)).map((t) => ({
          ...t,
          scopes: [...t.scopes],
        })),
      }),
    );

    app.post(
      '/tokens',
      {
        config: { access: allow.signedIn('admin'), auditedInFeature: true },
        schema: {
          tags: ['accounts'],
          summary: 'Create an API token; the token is shown once',
          body: tokenBodySchema,
          response: { 200: newTokenSchema, ...errors },
        },
      },
      async (request) => {
        const user = signedInUser(request.principal);
        const created = await createApiToken(db, user, request.body, user.username);
        return {
          token: created.token,
          info: { ...created.info, scopes: [...created.info.scopes] },
        };
      },
    );

    app.delete(
      '/tokens/:id',
      {
        config: { access: allow.signedIn('admin'), auditedInFeature: true },
        schema: {
          tags: ['accounts'],
          summary: 'Revoke one of my API tokens',
          params: z.object({ id: z.string().max(100) }),
          response: { 200: z.object({ revoked: z.string() }), ...errors },
        },
      },
      async (request) => {
        const user = signedInUser(request.principal);
        await revokeApiToken(db, user, request.params.id, user.username);
        return { revoked: request.params.id };
      },
    );

    app.get(
      '/users',
      {
        config: { access: allow.roles(['admin'], 'admin'), auditedInFeature: true },
        schema: {
          tags: ['accounts'],
          summary: 'Accounts (admin)',
          response: { 200: z.object({ items: z.array(userSchema) }), ...errors },
        },
      },
      async () => ({ items: await listUsers(db) }),
    );

    app.post(
      '/users',
      {
        config: { access: allow.roles(['admin'], 'admin'), auditedInFeature: true },
        schema: {
          tags: ['accounts'],
          summary: 'Add an account (admin); answers with a one-time password, shown once',
          body: userBodySchema,
          response: { 200: newUserSchema, ...errors },
        },
      },
      async (request) => {
        const { user, password } = await addUser(
          db,
          request.body,
          signedInUser(request.principal).username,
        );
        return { user, oneTimePassword: password };
      },
    );

    app.delete(
      '/users/:username',
      {
        config: { access: allow.roles(['admin'], 'admin'), auditedInFeature: true },
        schema: {
          tags: ['accounts'],
          summary: 'Disable an account (admin): its sessions and tokens end',
          params: z.object({ username: z.string().max(100) }),
          response: { 200: userSchema, ...errors },
        },
      },
      async (request) =>
        disableUser(db, request.params.username, signedInUser(request.principal).username),
    );

    app.get(
      '/audit',
      {
        config: { access: allow.roles(['admin'], 'admin'), auditedInFeature: true },
        schema: {
          tags: ['accounts'],
          summary: 'The audit log, newest first (admin)',
          querystring: auditQuerySchema,
          response: { 200: auditPageSchema, ...errors },
        },
      },
      async (request) => {
        const { limit, offset, actor, action, target } = request.query;
        const page = await listAudit(db, {
          limit,
          offset,
          ...(actor ? { actor } : {}),
          ...(action ? { action } : {}),
          ...(target ? { target } : {}),
        });
        return { ...page, limit, offset };
      },
    );

    app.get(
      '/audit/verify',
      {
        config: { access: allow.roles(['admin'], 'admin'), auditedInFeature: true },
        schema: {
          tags: ['accounts'],
          summary: 'Check the audit hash chain (admin)',
          response: { 200: auditVerificationSchema, ...errors },
        },
      },
      async (request) => {
        const result = await verifyAudit(db);
        await recordAudit(db, {
          actor: signedInUser(request.principal).username,
          action: 'audit.verify',
          target: 'audit',
          detail: { ok: result.ok, entries: result.entries },
        });
        return { ...result, findings: [...result.findings] };
      },
    );
  };
}
