/**
 * @module Who may call a route, declared on the route itself (`config.access`) and decided here,
 * in one pure function. Deny by default: a route without a rule is refused to everyone, and the
 * role × route matrix test fails on it. Rules say which roles pass the door; whether a report is
 * visible to this delegate is the reporting module's decision (404 when it is not, never 403).
 */
import type { Principal, Role, TokenScope } from '../../domain/accounts.js';

export type AccessRule =
  | { readonly kind: 'public' }
  | {
      readonly kind: 'roles';
      readonly roles: readonly Role[];
      /** The area a token needs in its scopes to use a writing route. */
      readonly scope: TokenScope;
    };

export const allow = {
  /** Anyone, signed in or not. */
  public: { kind: 'public' } as AccessRule,
  roles: (roles: readonly Role[], scope: TokenScope): AccessRule => ({
    kind: 'roles',
    roles,
    scope,
  }),
  signedIn: (scope: TokenScope): AccessRule => ({
    kind: 'roles',
    roles: ['admin', 'secretariat', 'delegate', 'analyst'],
    scope,
  }),
};

export type AccessDecision = 'allow' | 'unauthenticated' | 'forbidden' | 'no_rule';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isWrite(method: string): boolean {
  return !READ_METHODS.has(method.toUpperCase());
}

export function decide(
  rule: AccessRule | undefined,
  principal: Principal,
  method: string,
): AccessDecision {
  if (rule === undefined) return 'no_rule';
  if (rule.kind === 'public') return 'allow';
  if (principal.kind === 'anonymous') return 'unauthenticated';
  if (!rule.roles.includes(principal.user.role)) return 'forbidden';
  if (principal.via === 'token' && isWrite(method) && !principal.scopes.includes(rule.scope))
    return 'forbidden';
  return 'allow';
}
