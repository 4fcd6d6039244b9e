/**
 * The audit log as the administrators' page reads it: a filtered page of entries (newest first)
 * and the check of its hash chain. Types come from the server's zod schemas (type-only).
 */
import type { z } from 'zod';
import type { auditPageSchema, auditVerificationSchema } from '../../contract/api-schemas.js';
import { apiUrl, getJson } from '../api-client.js';

export type AuditPage = z.infer<typeof auditPageSchema>;
export type AuditEntry = AuditPage['items'][number];
export type AuditVerification = z.infer<typeof auditVerificationSchema>;

export interface AuditQuery {
  readonly actor?: string | undefined;
  readonly action?: string | undefined;
  readonly target?: string | undefined;
  readonly limit: number;
  readonly offset: number;
}

export function fetchAudit(query: AuditQuery, signal?: AbortSignal) {
  return getJson<AuditPage>(apiUrl('/audit', { ...query }), signal);
}

/** Checks the whole chain; the check is itself recorded in the log. */
export function verifyAudit(signal?: AbortSignal) {
  return getJson<AuditVerification>(apiUrl('/audit/verify'), signal);
}
