/**
 * @module Which versions of a report someone may see. A State's delegates see all of theirs; the
 * secretariat and admins see what has been submitted (a draft is the State's own business, and an
 * admin runs accounts, not reports); analysts and other delegates see published versions; the
 * public sees published public ones.
 * A report with nothing visible does not exist for the asker (404, never 403).
 */
import type { Principal } from '../domain/accounts.js';
import type { ReportStatus, ReportVisibility } from '../domain/reporting.js';

export function canSeeVersion(
  principal: Principal,
  report: { stateCode: string; visibility: ReportVisibility },
  status: ReportStatus,
): boolean {
  if (principal.kind === 'anonymous')
    return status === 'published' && report.visibility === 'public';
  const { user } = principal;
  if (user.role === 'delegate' && user.stateCode === report.stateCode) return true;
  if (user.role === 'secretariat' || user.role === 'admin')
    return status === 'submitted' || status === 'published';
  return status === 'published';
}

export function isOwnDelegate(principal: Principal, stateCode: string): boolean {
  return (
    principal.kind === 'user' &&
    principal.user.role === 'delegate' &&
    principal.user.stateCode === stateCode
  );
}
