/**
 * @module The matrix and the evidence as CSV (RFC 4180), with symbols and eIds so every row can
 * be cited and followed back to its paragraph.
 */
import { formatCsv } from '../lib/csv.js';
import type { ActionStateMatrix, EvidenceItem } from './evidence-service.js';

export function matrixCsv(matrix: ActionStateMatrix): string {
  return formatCsv([
    [
      'action',
      'state',
      'suggested',
      'confirmed',
      'assessment',
      'assessment_cycle',
      'assessed_by',
      'assessed_at',
    ],
    ...matrix.cells.map((c) => [
      c.action,
      c.state,
      String(c.suggested),
      String(c.confirmed),
      c.assessment?.status ?? '',
      c.assessment ? String(c.assessment.cycle) : '',
      c.assessment?.actor ?? '',
      c.assessment?.at ?? '',
    ]),
  ]);
}

export function evidenceCsv(items: readonly EvidenceItem[]): string {
  return formatCsv([
    [
      'id',
      'action',
      'document',
      'eid',
      'lang',
      'cycle',
      'states',
      'status',
      'stance',
      'origin',
      'score',
      'matched',
      'text',
    ],
    ...items.map((e) => [
      e.id,
      e.actionId,
      e.document,
      e.eId,
      e.lang,
      e.cycle === null ? '' : String(e.cycle),
      e.states.join(' '),
      e.status,
      e.stance ?? '',
      e.origin,
      e.score.toFixed(3),
      e.reasons.map((r) => r.matched).join('; '),
      e.text,
    ]),
  ]);
}
