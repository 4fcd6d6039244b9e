/**
 * @module The API's wire shapes for the glossary: concepts, terms, history, editions, imports,
 * annotations and the consistency check. Part of the contract re-exported by api-schemas.ts.
 */
import { z } from 'zod';
import {
  GLOSSARY_DOMAINS,
  PARTS_OF_SPEECH,
  TERM_STATUSES,
  TERM_TYPES,
  conceptSchema,
} from '../domain/glossary.js';
import { langSchema } from '../domain/languages.js';

const domainSchema = z.enum(GLOSSARY_DOMAINS);
const statusSchema = z.enum(TERM_STATUSES);
const perLang = <T extends z.ZodType>(value: T) =>
  z.object({
    ar: value.optional(),
    zh: value.optional(),
    en: value.optional(),
    fr: value.optional(),
    ru: value.optional(),
    es: value.optional(),
  });

const wireTermSchema = z.object({
  text: z.string(),
  status: statusSchema,
  type: z.enum(TERM_TYPES),
  partOfSpeech: z.enum(PARTS_OF_SPEECH),
  note: z.string().optional(),
});
const wireSectionSchema = z.object({
  definition: z
    .object({
      text: z.string(),
      origin: z.enum(['ours', 'imported']),
      source: z.string().optional(),
    })
    .optional(),
  terms: z.array(wireTermSchema),
});

export const conceptWireSchema = z
  .object({
    id: z.string(),
    domain: domainSchema,
    broader: z.array(z.string()),
    narrower: z.array(z.string()),
    related: z.array(z.string()),
    note: z.string().optional(),
    languages: perLang(wireSectionSchema),
    revision: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Concept' });

export const conceptSummarySchema = z
  .object({
    id: z.string(),
    domain: domainSchema,
    revision: z.number().int(),
    updatedAt: z.string(),
    preferred: perLang(z.string()),
    definition: z.string().optional(),
  })
  .meta({ id: 'ConceptSummary' });

export const conceptListSchema = z.object({
  total: z.number().int(),
  limit: z.number().int(),
  offset: z.number().int(),
  items: z.array(conceptSummarySchema),
});

export const conceptListQuerySchema = z.object({
  domain: domainSchema.optional(),
  q: z.string().max(200).optional().describe('a term in any of the six languages'),
  lang: langSchema.optional().describe('the A–Z language (sorts by its preferred terms)'),
  letter: z.string().max(4).optional().describe('only terms filed under this letter (with lang)'),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
  offset: z.coerce.number().int().min(0).default(0),
});

export const alphabetSchema = z.array(z.object({ letter: z.string(), count: z.number().int() }));

export const termHitSchema = z.object({
  conceptId: z.string(),
  lang: langSchema,
  term: z.string(),
  status: statusSchema,
  preferred: perLang(z.string()),
});

export const conceptRevisionSchema = z.object({
  conceptId: z.string(),
  revision: z.number().int(),
  actor: z.string(),
  at: z.string(),
  comment: z.string(),
  concept: z
    .unknown()
    .nullable()
    .describe('the concept as it was; null when the revision removed it'),
});

export const conceptPutBodySchema = z.object({
  concept: conceptSchema,
  comment: z.string().trim().min(1).max(2000),
  baseRevision: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe('the revision the edit started from (0 for a new concept); a stale one gets 409'),
});

export const editionSchema = z.object({
  id: z.string(),
  title: z.string(),
  publishedAt: z.string(),
  actor: z.string(),
  comment: z.string(),
  conceptCount: z.number().int(),
});

export const editionBodySchema = z.object({
  id: z.string().min(1).max(64),
  title: z.string().trim().min(1).max(300),
  comment: z.string().max(2000).optional(),
});

export const importBodySchema = z.object({
  format: z.enum(['tbx', 'csv']),
  content: z.string().max(20 * 1024 * 1024),
  comment: z.string().max(2000).optional(),
  mode: z.enum(['merge', 'replace']).default('merge'),
  dryRun: z.boolean().default(false),
});

export const importReportSchema = z.object({
  applied: z.boolean(),
  counts: z.object({
    added: z.number().int(),
    changed: z.number().int(),
    merged: z.number().int(),
    unchanged: z.number().int(),
    rejected: z.number().int(),
  }),
  results: z.array(
    z.object({
      conceptId: z.string(),
      outcome: z.enum(['added', 'changed', 'merged', 'unchanged', 'rejected']),
      reason: z.string(),
      line: z.number().int().optional(),
    }),
  ),
  warnings: z.array(z.string()),
});

export const exportQuerySchema = z.object({
  edition: z
    .string()
    .max(64)
    .optional()
    .describe('a published edition instead of the current glossary'),
});

export const termMatchSchema = z.object({
  start: z.number().int(),
  end: z.number().int(),
  conceptId: z.string(),
  lang: langSchema,
  status: statusSchema,
  term: z.string(),
});

export const annotateBodySchema = z.object({
  text: z.string().max(1024 * 1024),
  lang: langSchema.optional(),
});

export const documentTermsSchema = z
  .object({
    symbol: z.string(),
    lang: langSchema,
    segments: z.array(z.object({ eId: z.string(), terms: z.array(termMatchSchema) })),
    concepts: z.record(
      z.string(),
      z.object({
        domain: domainSchema,
        preferred: perLang(z.string()),
        definition: perLang(z.string()),
      }),
    ),
  })
  .meta({ id: 'DocumentTerms' });

export const consistencyQuerySchema = z.object({
  symbol: z.string().min(1).max(300),
  source: langSchema,
  target: langSchema,
});

export const consistencyReportSchema = z
  .object({
    symbol: z.string(),
    source: langSchema,
    target: langSchema,
    sourceParagraphs: z.number().int(),
    conceptsChecked: z.number().int(),
    findings: z.array(
      z.object({
        kind: z.enum(['missing', 'deprecated']),
        conceptId: z.string(),
        sourceEid: z.string(),
        targetEid: z.string().nullable(),
        sourceTerm: z.string(),
        targetTerm: z.string().nullable(),
        expected: z.array(z.string()),
      }),
    ),
  })
  .meta({ id: 'ConsistencyReport' });
