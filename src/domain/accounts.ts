/**
 * @module Who is asking: accounts, their roles, and the principal a request acts as. A delegate
 * is bound to one State; the other roles are not. Anonymous is the public, with no account.
 */
import { z } from 'zod';

export const ROLES = ['admin', 'secretariat', 'delegate', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What an API token may do besides reading. A token acts as its user, narrowed to these areas;
 * a browser session has them all.
 */
export const TOKEN_SCOPES = [
  'reports',
  'glossary',
  'evidence',
  'alignments',
  'documents',
  'admin',
] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export const usernameSchema = z
  .string()
  .trim()
  .regex(
    /^[a-z0-9][a-z0-9._-]{1,62}$/,
    'a user name is 2–63 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit',
  );

/** ISO 3166-1 alpha-3, as the State catalogue keys States. */
export const stateCodeSchema = z.string().regex(/^[A-Z]{3}$/, 'a State is its ISO alpha-3 code');

export interface User {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  /** The State a delegate speaks for; null for the other roles. */
  readonly stateCode: string | null;
  readonly createdAt: string;
  readonly disabledAt: string | null;
}

export type Principal =
  | { readonly kind: 'anonymous' }
  | {
      readonly kind: 'user';
      readonly user: User;
      readonly via: 'session' | 'token';
      /** Areas a token may write; every area for a session. */
      readonly scopes: readonly TokenScope[];
      /** The session's id hash or the token's id, for logout and audit. */
      readonly credentialId: string;
    };

export const ANONYMOUS: Principal = { kind: 'anonymous' };

/** The name written into revisions and the audit log for what this principal does. */
export function actorName(principal: Principal): string {
  return principal.kind === 'user' ? principal.user.username : 'anonymous';
}

export interface ApiTokenInfo {
  readonly id: string;
  readonly name: string;
  readonly scopes: readonly TokenScope[];
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
}
