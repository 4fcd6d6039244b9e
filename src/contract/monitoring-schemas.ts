/**
 * @module The API's wire shapes for Action Plan monitoring: evidence, its review, assessments and
 * the action × State matrix. Part of the contract re-exported by api-schemas.ts.
 */
import { z } from 'zod';
import { langSchema } from '../domain/languages.js';
import { pillarSchema } from '../domain/reference-data.js';
import { pagingQuerySchema, textLangSchema } from './shared-schemas.js';

const evidenceStatusSchema = z.enum(['suggested', 'confirmed', 'rejected']);
const stanceSchema = z.enum([
  'reports-implementation',
  'reaffirms',
  'calls-for',
  'expresses-concern',
  'reports-non-implementation',
]);
const assessmentStatusSchema = z.enum([
  'implemented',
  'partially-implemented',
  'not-implemented',
  'no-information',
  'not-applicable',
]);
export const evidenceItemSchema = z
  .object({
    id: z.string(),
    actionId: z.string(),
    document: z.string().describe('the symbol (or work id) of the document'),
    title: z.string().nullable(),
    workId: z.string(),
    expressionId: z.string(),
    eId: z.string(),
    lang: textLangSchema,
    text: z.string(),
    cycle: z.number().int().nullable(),
    score: z.number(),
    reasons: z.array(
      z.object({
        kind: z.enum(['citation', 'keyword', 'summary', 'concept']),
        term: z.string(),
        matched: z.string(),
        weight: z.number(),
      }),
    ),
    states: z.array(z.string()),
    status: evidenceStatusSchema,
    stance: stanceSchema.nullable(),
    origin: z.enum(['suggested', 'manual']),
    updatedAt: z.string(),
  })
  .meta({ id: 'Evidence' });
export const evidenceQuerySchema = pagingQuerySchema.extend({
  action: z.string().max(20).optional().describe('an action: 21, A21, AP2010-A21 or ME'),
  state: z.string().min(2).max(3).optional(),
  status: evidenceStatusSchema
    .optional()
    .describe('rejected evidence is left out unless asked for'),
  cycle: z.coerce.number().int().min(1995).max(2100).optional(),
  document: z.string().max(300).optional().describe('only evidence from this symbol'),
});
export const evidenceRevisionSchema = z.object({
  revision: z.number().int(),
  status: evidenceStatusSchema,
  stance: stanceSchema.nullable(),
  actor: z.string(),
  comment: z.string().nullable(),
  createdAt: z.string(),
});
export const evidenceReviewBodySchema = z.object({
  status: evidenceStatusSchema,
  stance: stanceSchema.nullable().optional(),
  comment: z.string().max(2000).optional(),
});
export const evidenceCreateBodySchema = z.object({
  symbol: z.string().min(1).max(300),
  lang: langSchema,
  eId: z.string().min(1).max(200),
  action: z.string().min(1).max(20),
  stance: stanceSchema.nullable().optional(),
  states: z.array(z.string().min(2).max(3)).max(200).optional(),
  comment: z.string().max(2000).optional(),
});
export const assessmentSchema = z
  .object({
    actionId: z.string(),
    stateId: z.string(),
    cycle: z.number().int(),
    revision: z.number().int(),
    status: assessmentStatusSchema,
    rationale: z.string(),
    evidenceIds: z.array(z.string()),
    actor: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'Assessment' });
export const assessmentBodySchema = z.object({
  action: z.string().min(1).max(20),
  state: z.string().min(2).max(3),
  cycle: z.number().int().min(1995).max(2100),
  status: assessmentStatusSchema,
  rationale: z.string().trim().min(1).max(5000),
  evidenceIds: z.array(z.string().max(100)).max(200).optional(),
});
export const assessmentsQuerySchema = z.object({
  action: z.string().max(20).optional(),
  state: z.string().min(2).max(3).optional(),
  cycle: z.coerce.number().int().min(1995).max(2100).optional(),
  history: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('every revision, not only the latest per action × State × cycle'),
});
export const matrixQuerySchema = z.object({
  cycle: z.coerce.number().int().min(1995).max(2100).optional(),
  group: z.string().min(1).max(40).optional().describe('only members of this group, e.g. P5, NAC'),
  pillar: pillarSchema.optional(),
});
export const matrixSchema = z
  .object({
    actions: z.array(
      z.object({ id: z.string(), number: z.number().int().nullable(), pillar: z.string() }),
    ),
    states: z.array(z.string()),
    cells: z.array(
      z.object({
        action: z.string(),
        state: z.string(),
        suggested: z.number().int(),
        confirmed: z.number().int(),
        assessment: z
          .object({
            status: assessmentStatusSchema,
            actor: z.string(),
            at: z.string(),
            cycle: z.number().int(),
          })
          .nullable(),
      }),
    ),
  })
  .meta({ id: 'ActionStateMatrix' });
export type EvidenceResponse = z.infer<typeof evidenceItemSchema>;
export type MatrixResponse = z.infer<typeof matrixSchema>;
export type AssessmentResponse = z.infer<typeof assessmentSchema>;
