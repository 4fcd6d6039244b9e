/**
 * The Action Plan monitoring endpoints as the monitoring pages use them: evidence (list, history,
 * review), assessments (list, record), the action × State matrix and the two CSV downloads. Types
 * are inferred from the server's zod schemas (type-only imports, so no zod reaches the bundle).
 * Built on the client's URL builder and JSON requests (api-client.ts).
 */
import type { z } from 'zod';
import type {
  AssessmentResponse,
  assessmentBodySchema,
  EvidenceResponse,
  evidenceReviewBodySchema,
  evidenceRevisionSchema,
  MatrixResponse,
} from '../../contract/api-schemas.js';
import { ApiError, apiUrl, getJson, postJson } from '../api-client.js';
import type { PageOf } from '../api-types.js';
import type { EvidenceAddress, MonitoringAddress } from '../router.js';

export type EvidenceItem = EvidenceResponse;
export type EvidenceStatus = EvidenceItem['status'];
export type Stance = NonNullable<EvidenceItem['stance']>;
export type MatchReason = EvidenceItem['reasons'][number];
export type ReasonKind = MatchReason['kind'];
export type EvidenceRevision = z.infer<typeof evidenceRevisionSchema>;
export type ReviewBody = z.input<typeof evidenceReviewBodySchema>;
export type Assessment = AssessmentResponse;
export type AssessmentStatus = Assessment['status'];
export type AssessmentBody = z.input<typeof assessmentBodySchema>;
export type Matrix = MatrixResponse;
export type MatrixCell = Matrix['cells'][number];
export type MatrixAction = Matrix['actions'][number];

/** The evidence query as the API reads it, plus its paging. */
export interface EvidenceQuery extends EvidenceAddress {
  readonly limit?: number | undefined;
  readonly offset?: number | undefined;
}

const evidenceParams = (query: EvidenceAddress) => ({
  action: query.action,
  state: query.state,
  cycle: query.cycle,
  status: query.status,
});

const matrixParams = (address: MonitoringAddress) => ({
  cycle: address.cycle,
  group: address.group,
  pillar: address.pillar,
});

export function fetchEvidence(query: EvidenceQuery, signal?: AbortSignal) {
  return getJson<PageOf<EvidenceItem>>(
    apiUrl('/evidence', { ...evidenceParams(query), limit: query.limit, offset: query.offset }),
    signal,
  );
}

export function fetchEvidenceHistory(id: string, signal?: AbortSignal) {
  return getJson<EvidenceRevision[]>(apiUrl(`/evidence/${encodeURIComponent(id)}/history`), signal);
}

export function fetchAssessments(
  query: { readonly action?: string; readonly state?: string; readonly cycle?: number },
  history: boolean,
  signal?: AbortSignal,
) {
  return getJson<Assessment[]>(
    apiUrl('/assessments', { ...query, history: history ? 'true' : undefined }),
    signal,
  );
}

export function fetchMatrix(address: MonitoringAddress, signal?: AbortSignal) {
  return getJson<Matrix>(apiUrl('/matrix', matrixParams(address)), signal);
}

/** Where the matrix, as filtered, is downloaded as CSV. */
export function matrixCsvUrl(address: MonitoringAddress): string {
  return apiUrl('/matrix.csv', matrixParams(address));
}

/** Where the evidence matching the filters (a cycle, an action, a State) is downloaded as CSV. */
export function evidenceCsvUrl(query: EvidenceAddress): string {
  return apiUrl('/evidence.csv', evidenceParams(query));
}

/** Reviews one item; the API answers with its whole history, the new revision last. */
export function postReview(id: string, body: ReviewBody): Promise<EvidenceRevision[]> {
  return postJson<EvidenceRevision[]>(apiUrl(`/evidence/${encodeURIComponent(id)}/review`), body);
}

/** Records an assessment; the API answers with every revision of its action × State × cycle. */
export function postAssessment(body: AssessmentBody): Promise<Assessment[]> {
  return postJson<Assessment[]>(apiUrl('/assessments'), body);
}

/** Any failure as an ApiError, so the views can show the API's own words. */
export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'client_error', String(error));
}
