/**
 * @module The API's wire shapes for national reports: templates, reports and their versions,
 * section edits, workflow transitions, exports and comparisons.
 */
import { z } from 'zod';
import {
  REPORT_PILLARS,
  REPORT_STATUSES,
  REPORT_TRANSITIONS,
  REPORT_VISIBILITIES,
  SECTION_TEXT_MAX,
  TEMPLATE_KINDS,
} from '../domain/reporting.js';
import { langSchema } from '../domain/languages.js';

const inLanguages = z.object({
  ar: z.string(),
  zh: z.string(),
  en: z.string(),
  fr: z.string(),
  ru: z.string(),
  es: z.string(),
});

export const templateWireSchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    kind: z.enum(TEMPLATE_KINDS),
    title: inLanguages,
    basis: z.string(),
    sections: z.array(
      z.object({
        id: z.string(),
        number: z.string(),
        pillar: z.enum(REPORT_PILLARS),
        title: inLanguages,
        actions: z.array(z.string()),
        guidance: z.object({ en: z.string(), zh: z.string(), origin: z.literal('ours') }),
      }),
    ),
  })
  .meta({ id: 'ReportTemplate' });

export const reportVersionSchema = z.object({
  version: z.number().int(),
  status: z.enum(REPORT_STATUSES),
  revision: z.number().int(),
  sections: z.record(z.string(), z.string()),
  contentHash: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  submittedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  publishedSymbol: z.string().nullable(),
});

export const reportWireSchema = z
  .object({
    id: z.string(),
    stateCode: z.string(),
    cycle: z.string(),
    title: z.string(),
    lang: z.string(),
    templateId: z.string(),
    templateVersion: z.number().int(),
    visibility: z.enum(REPORT_VISIBILITIES),
    derivedFrom: z.string().nullable(),
    createdAt: z.string(),
    createdBy: z.string(),
    versions: z.array(reportVersionSchema),
    /** What the asker may do next: edit sections, and which transitions. */
    canEdit: z.boolean(),
    /** Whether saving starts a new version (the newest is submitted or published). */
    editStartsVersion: z.boolean(),
    transitions: z.array(z.enum(REPORT_TRANSITIONS)),
  })
  .meta({ id: 'Report' });

export const reportSummarySchema = z.object({
  id: z.string(),
  stateCode: z.string(),
  cycle: z.string(),
  title: z.string(),
  lang: z.string(),
  visibility: z.enum(REPORT_VISIBILITIES),
  version: z.number().int(),
  status: z.enum(REPORT_STATUSES),
  updatedAt: z.string(),
  publishedSymbol: z.string().nullable(),
});

export const reportListQuerySchema = z.object({
  state: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  cycle: z
    .string()
    .regex(/^(?:19|20)\d\d$/)
    .optional(),
  status: z.enum(REPORT_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const reportListSchema = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  items: z.array(reportSummarySchema),
});

export const newReportBodySchema = z.object({
  cycle: z.string().max(10),
  visibility: z.enum(REPORT_VISIBILITIES).optional(),
  lang: langSchema.optional(),
  title: z.string().trim().min(1).max(500).optional(),
  from: z
    .string()
    .max(100)
    .optional()
    .describe('a previous report of the same State to start from'),
});

export const reportIdParamsSchema = z.object({ id: z.string().max(100) });
export const sectionParamsSchema = z.object({
  id: z.string().max(100),
  section: z.string().max(100),
});

export const sectionEditBodySchema = z.object({
  text: z.string().max(SECTION_TEXT_MAX),
  baseVersion: z.number().int().min(1),
  baseRevision: z.number().int().min(0),
});

export const sectionEditResultSchema = z.object({
  version: z.number().int(),
  revision: z.number().int(),
  status: z.enum(REPORT_STATUSES),
  newVersion: z.boolean(),
  updatedAt: z.string(),
});

export const transitionBodySchema = z.object({
  transition: z.enum(REPORT_TRANSITIONS),
  version: z.number().int().min(1),
  baseRevision: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe('the revision the asker read; a transition of text changed since gets 409'),
  symbol: z
    .string()
    .max(200)
    .optional()
    .describe('publish: the document symbol (required for a public report)'),
  comment: z.string().trim().max(2000).optional(),
});

export const transitionResultSchema = z.object({
  version: z.number().int(),
  status: z.enum(REPORT_STATUSES),
  contentHash: z.string().nullable(),
  symbol: z.string().nullable(),
});

export const reportExportQuerySchema = z.object({
  format: z.enum(['html', 'pdf', 'docx']).default('html'),
  version: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe('by default the newest the asker may see'),
});

export const reportCompareQuerySchema = z.object({
  from: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe('older version of this report (default: the one before `to`)'),
  to: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe('newer version (default: the newest visible)'),
  against: z
    .string()
    .max(100)
    .optional()
    .describe('another report (e.g. the previous cycle’s) to compare with instead'),
});
