/**
 * @module The API's wire shapes for accounts, sessions, API tokens and the audit log.
 */
import { z } from 'zod';
import { ROLES, TOKEN_SCOPES } from '../domain/accounts.js';

export const userSchema = z
  .object({
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    stateCode: z.string().nullable(),
    createdAt: z.string(),
    disabledAt: z.string().nullable(),
  })
  .meta({ id: 'User' });

export const loginBodySchema = z.object({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(1000),
});

export const sessionSchema = z
  .object({
    user: userSchema.nullable(),
    /** Echo it in the x-csrf-token header of every write made with the session cookie. */
    csrfToken: z.string().nullable(),
    via: z.enum(['session', 'token', 'anonymous']),
  })
  .meta({ id: 'Session' });

export const passwordBodySchema = z.object({
  currentPassword: z.string().min(1).max(1000),
  newPassword: z.string().min(12).max(256),
});

export const tokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(z.enum(TOKEN_SCOPES)),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});

export const tokenBodySchema = z.object({
  name: z.string().trim().min(1).max(100),
  scopes: z.array(z.enum(TOKEN_SCOPES)).max(TOKEN_SCOPES.length),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});

export const newTokenSchema = z.object({ token: z.string(), info: tokenSchema });

export const userBodySchema = z.object({
  username: z.string().min(1).max(100),
  role: z.enum(ROLES),
  state: z.string().min(2).max(3).optional(),
  displayName: z.string().trim().min(1).max(200).optional(),
});

export const newUserSchema = z.object({ user: userSchema, oneTimePassword: z.string() });

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  target: z.string(),
  detail: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});

export const auditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
  actor: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  target: z.string().max(300).optional(),
});

export const auditPageSchema = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  items: z.array(auditEntrySchema),
});

export const auditVerificationSchema = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  head: z.object({ seq: z.number().int(), hash: z.string() }),
  findings: z.array(
    z.object({
      seq: z.number().int(),
      problem: z.enum(['altered', 'missing', 'truncated']),
      message: z.string(),
    }),
  ),
});
