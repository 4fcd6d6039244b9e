/**
 * @module The API's wire shapes for language versions side by side (alignment, corrections, TMX)
 * and comparison. Part of the contract re-exported by api-schemas.ts.
 */
import { z } from 'zod';
import { segmentSchema } from '../domain/documents.js';
import { langSchema } from '../domain/languages.js';
import { textLangSchema } from './shared-schemas.js';

const langListSchema = z
  .string()
  .max(40)
  .transform((value, ctx) => {
    const langs = value
      .split(',')
      .map((l) => l.trim())
      .filter(Boolean);
    for (const lang of langs) {
      if (!langSchema.safeParse(lang).success) {
        ctx.addIssue({ code: 'custom', message: `'${lang}' is not one of ar, zh, en, fr, ru, es` });
        return z.NEVER;
      }
    }
    if (new Set(langs).size !== langs.length || langs.length < 2) {
      ctx.addIssue({ code: 'custom', message: 'name two to six different languages, e.g. en,zh' });
      return z.NEVER;
    }
    return langs as z.infer<typeof langSchema>[];
  })
  .describe('comma-separated languages, the first is the pivot: en,zh or en,fr,ar');
const symbolQuerySchema = z.string().min(1).max(300).describe('the UN symbol, e.g. A/RES/55/100');

export const alignmentQuerySchema = z.object({
  symbol: symbolQuerySchema,
  langs: langListSchema,
  refresh: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('align again even if the stored alignment is up to date'),
});
const alignmentLinkSchema = z.object({
  type: z.string().describe('units per side: 1-1, 2-1, 1-0 …'),
  a: z.array(z.string()).describe('eIds of the first language'),
  b: z.array(z.string()).describe('eIds of the second language'),
  score: z.number(),
  origin: z.enum(['auto', 'manual']),
});
const alignmentCorrectionSchema = z.object({
  revision: z.number().int(),
  op: z.enum(['link', 'unlink']),
  a: z.array(z.string()),
  b: z.array(z.string()),
  actor: z.string(),
  comment: z.string().nullable(),
  createdAt: z.string(),
});
export const alignmentSchema = z
  .object({
    document: z.string(),
    langs: z.array(textLangSchema),
    expressions: z.array(z.string()),
    alignedAt: z.string(),
    links: z.array(alignmentLinkSchema),
    corrections: z.array(alignmentCorrectionSchema),
  })
  .meta({ id: 'Alignment' });
export const parallelTextSchema = z
  .object({
    document: z.string(),
    langs: z.array(langSchema),
    sides: z.record(
      z.string(),
      z.object({
        expressionId: z.string(),
        version: z.number().int(),
        title: z.string().nullable(),
        segments: z.array(segmentSchema),
      }),
    ),
    rows: z.array(
      z.object({
        units: z.record(z.string(), z.array(z.string())).describe('eIds per language'),
        score: z.number(),
        manual: z.boolean(),
      }),
    ),
    /** The pairwise alignment, when exactly two languages were asked for. */
    alignment: alignmentSchema.optional(),
  })
  .meta({ id: 'ParallelText' });
export const alignmentCorrectionBodySchema = z.object({
  symbol: symbolQuerySchema,
  langs: z.tuple([langSchema, langSchema]).describe('side A first'),
  op: z
    .enum(['link', 'unlink'])
    .describe('link: these segments form one link; unlink: they stand alone'),
  a: z.array(z.string().min(1).max(200)).max(20),
  b: z.array(z.string().min(1).max(200)).max(20),
  comment: z.string().max(2000).optional(),
});
export const tmxQuerySchema = z.object({
  symbol: symbolQuerySchema.optional(),
  langs: langListSchema.optional(),
  all: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('every document with two or more languages'),
  sentences: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('one unit per aligned sentence (one document, two languages)'),
});
export const compareQuerySchema = z.object({
  older: symbolQuerySchema.describe('symbol of the older text; `…@2` for version 2'),
  newer: symbolQuerySchema.describe('symbol of the newer text; `…@2` for version 2'),
  lang: langSchema.optional(),
  across: langSchema.optional().describe('show each change in this language too'),
});
const comparedTextSchema = z.object({
  label: z.string(),
  symbol: z.string().nullable(),
  lang: textLangSchema,
  title: z.string().nullable(),
  segments: z.array(segmentSchema),
});
export const comparisonSchema = z
  .object({
    older: comparedTextSchema,
    newer: comparedTextSchema,
    changes: z.array(
      z.object({
        kind: z.enum(['equal', 'changed', 'inserted', 'deleted', 'moved']),
        a: z.number().int().nullable(),
        b: z.number().int().nullable(),
        similarity: z.number(),
        words: z
          .array(z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() }))
          .optional(),
      }),
    ),
    summary: z.record(z.string(), z.number()),
    across: z
      .object({
        lang: langSchema,
        olderSegments: z.array(segmentSchema),
        newerSegments: z.array(segmentSchema),
        rows: z.array(z.object({ older: z.array(z.number()), newer: z.array(z.number()) })),
      })
      .optional(),
  })
  .meta({ id: 'Comparison' });
export type ParallelTextResponse = z.infer<typeof parallelTextSchema>;
export type ComparisonResponse = z.infer<typeof comparisonSchema>;
