/**
 * @module The monitoring feature's entry point for the CLI, the API and the report: scanning,
 * reading, reviewing and assessing evidence, and the matrix.
 */
export { evidenceIdFor, scanEvidence, type ScanResult } from './scan-evidence.js';
export {
  evidenceHistory,
  listEvidence,
  type EvidenceFilter,
  type EvidenceItem,
  type EvidenceRevision,
} from './evidence-queries.js';
export {
  addEvidence,
  reviewEvidence,
  type ManualEvidence,
  type ReviewRequest,
} from './evidence-review.js';
export { assess, listAssessments, type Assessment, type AssessmentRequest } from './assessments.js';
export {
  actionStateMatrix,
  type ActionStateMatrix,
  type MatrixCell,
  type MatrixFilter,
} from './action-state-matrix.js';
