/**
 * @module The HTTP API's wire shapes, as zod schemas. The server validates and documents with them
 * (OpenAPI is generated from them) and the web client takes its types from them, so the three
 * cannot drift apart.
 */
import { z } from 'zod';
import { pagingQuerySchema, textLangSchema } from './shared-schemas.js';
import { expressionSchema, segmentSchema, workSchema } from '../domain/documents.js';
import { langSchema } from '../domain/languages.js';
import { participationEventSchema, STANDINGS } from '../domain/treaty-events.js';
import {
  actionRecordSchema,
  groupRecordSchema,
  instrumentRecordSchema,
  isoDateSchema,
  meetingKindSchema,
  meetingRecordSchema,
  membershipSchema,
  pillarSchema,
  stateRecordSchema,
  stateStatusSchema,
} from '../domain/reference-data.js';

export const errorSchema = z
  .object({
    code: z.string().describe('stable snake_case error code'),
    message: z.string(),
    field: z.string().optional().describe('the parameter or field the error is about'),
    position: z
      .number()
      .int()
      .optional()
      .describe('for invalid_query: the 0-based character offset in the query where it fails'),
    detail: z
      .record(z.string(), z.unknown())
      .optional()
      .describe('facts to recover with, e.g. both versions of a stale edit (409)'),
  })
  .meta({ id: 'Error' });

export { pagingQuerySchema, textLangSchema } from './shared-schemas.js';

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });
}

export const stateSchema = stateRecordSchema.meta({ id: 'State' });
export const stateRefSchema = z
  .object({ id: z.string(), alpha2: z.string(), name: z.string() })
  .meta({ id: 'StateRef' });
export const stateDetailSchema = stateRecordSchema
  .extend({ memberships: z.array(membershipSchema.extend({ group: z.string() })) })
  .meta({ id: 'StateDetail' });
export const groupSchema = groupRecordSchema.meta({ id: 'Group' });
export const groupSummarySchema = groupRecordSchema
  .omit({ members: true })
  .extend({ memberCount: z.number().int() })
  .meta({ id: 'GroupSummary' });
export const instrumentSchema = instrumentRecordSchema.meta({ id: 'Instrument' });
export const meetingSchema = meetingRecordSchema.meta({ id: 'Meeting' });
export const actionSchema = actionRecordSchema.meta({ id: 'Action' });

export const statesQuerySchema = pagingQuerySchema.extend({
  group: z
    .string()
    .min(1)
    .optional()
    .describe('only members of this group (P5, NPT, CTBT-ANNEX2, ...)'),
  at: isoDateSchema.optional().describe('group membership on this day; today by default'),
  status: stateStatusSchema.optional(),
  q: z.string().min(1).max(200).optional().describe('part of a name, in any of the six languages'),
});

export const resolveQuerySchema = z.object({
  name: z.union([z.string().min(1).max(500), z.array(z.string().min(1).max(500)).min(1).max(500)]),
  lang: langSchema.optional(),
});
export const resolutionSchema = z
  .object({
    input: z.string(),
    state: stateRefSchema.nullable(),
    status: z.enum(['ambiguous', 'unknown']).optional(),
    candidates: z.array(stateRefSchema).optional(),
  })
  .meta({ id: 'Resolution' });

export const groupsQuerySchema = pagingQuerySchema.extend({ at: isoDateSchema.optional() });
export const meetingsQuerySchema = pagingQuerySchema.extend({
  cycle: z.coerce
    .number()
    .int()
    .min(1970)
    .max(2100)
    .optional()
    .describe('the Review Conference year'),
  kind: meetingKindSchema.optional(),
  from: isoDateSchema.optional().describe('meetings ending on or after this day'),
  to: isoDateSchema.optional().describe('meetings starting on or before this day'),
});
export const actionsQuerySchema = pagingQuerySchema.extend({ pillar: pillarSchema.optional() });
export const instrumentsQuerySchema = pagingQuerySchema.extend({
  kind: instrumentRecordSchema.shape.kind.optional(),
});
export const idParamsSchema = z.object({ id: z.string().min(1).max(100) });

export const healthSchema = z.object({
  status: z.literal('ok'),
  engine: z.enum(['sqlite', 'postgres']),
  version: z.string(),
});

export const overviewSchema = z
  .object({
    today: isoDateSchema,
    counts: z.object({
      states: z.number().int(),
      groups: z.number().int(),
      instruments: z.number().int(),
      meetings: z.number().int(),
      actions: z.number().int(),
      nptParties: z.number().int(),
    }),
    nextMeeting: meetingRecordSchema.nullable(),
    lastMeeting: meetingRecordSchema.nullable(),
    currentCycle: z.number().int().nullable(),
    cycleMeetings: z.array(meetingRecordSchema),
  })
  .meta({ id: 'Overview' });

export type ErrorBody = z.infer<typeof errorSchema>;
export type StateDetail = z.infer<typeof stateDetailSchema>;
export type Resolution = z.infer<typeof resolutionSchema>;
export type Overview = z.infer<typeof overviewSchema>;
export type Health = z.infer<typeof healthSchema>;
export type PageOf<T> = { items: T[]; total: number; limit: number; offset: number };

// ---- documents ----

export const segmentApiSchema = segmentSchema.meta({ id: 'Segment' });
export const workApiSchema = workSchema.meta({ id: 'Document' });
export const documentSummarySchema = z
  .object({
    id: z.string(),
    symbol: z.string().nullable(),
    docType: z.string().nullable(),
    meetingId: z.string().nullable(),
    title: z.string().nullable(),
    titleLang: langSchema.or(z.literal('und')).nullable().describe('the language the title is in'),
    date: z.string().nullable(),
    languages: z.array(langSchema.or(z.literal('und'))),
    originalLang: langSchema.nullable(),
  })
  .meta({ id: 'DocumentSummary' });
export const expressionDetailSchema = z
  .object({ work: workSchema, expression: expressionSchema, segments: z.array(segmentSchema) })
  .meta({ id: 'LanguageVersion' });
export const documentsQuerySchema = pagingQuerySchema.extend({
  lang: langSchema.optional(),
  meeting: z.string().min(1).max(100).optional().describe('meeting id, e.g. NPT-2015-PC2'),
  type: z.string().min(1).max(20).optional().describe('document series: WP, RES, INF, L, …'),
  year: z.coerce.number().int().min(1945).max(2100).optional(),
});
export const documentParamsSchema = z.object({
  symbol: z.string().min(1).max(300).describe('the UN symbol, with / written as %2F'),
});
export const expressionParamsSchema = documentParamsSchema.extend({
  lang: langSchema.or(z.literal('und')),
});
export const segmentParamsSchema = expressionParamsSchema.extend({
  eId: z.string().min(1).max(200),
});
export const expressionQuerySchema = z.object({
  version: z.coerce.number().int().positive().optional(),
  revision: z
    .string()
    .max(40)
    .optional()
    .describe('"" for the text before any revision, "Rev.1", "Corr.1"…; the latest by default'),
});
export const voteRecordSchema = z
  .object({
    lang: langSchema.or(z.literal('und')),
    revision: z.string(),
    version: z.number().int(),
    inFavour: z.array(z.string()),
    against: z.array(z.string()),
    abstaining: z.array(z.string()),
    unresolved: z.array(z.string()),
  })
  .meta({ id: 'RecordedVote' });
export const ingestResultSchema = z
  .object({
    file: z.string(),
    status: z.enum(['ok', 'skipped', 'error']),
    reason: z.string().optional(),
    workId: z.string().optional(),
    symbol: z.string().nullable().optional(),
    lang: langSchema.or(z.literal('und')).optional(),
    version: z.number().int().optional(),
    segments: z.number().int().optional(),
    warnings: z.array(z.string()).optional(),
  })
  .meta({ id: 'IngestResult' });
export const ingestResponseSchema = z.object({
  results: z.array(ingestResultSchema),
  summary: z.object({ ok: z.number().int(), skipped: z.number().int(), error: z.number().int() }),
});
export type DocumentSummary = z.infer<typeof documentSummarySchema>;
export type LanguageVersion = z.infer<typeof expressionDetailSchema>;
export type IngestResponse = z.infer<typeof ingestResponseSchema>;

// ---- treaty participation ----

const standingSchema = z.enum(STANDINGS);
export const participationEventApiSchema = participationEventSchema.meta({
  id: 'ParticipationEvent',
});
export const stateStandingSchema = z
  .object({
    state: z.string(),
    status: standingSchema,
    signed: z.string().nullable(),
    consented: z.object({ date: z.string(), kind: z.string() }).nullable(),
    inForceFrom: z.string().nullable(),
    withdrawal: z.object({ notice: z.string(), effective: z.string() }).nullable(),
    notes: z.array(z.string()),
    sources: z.array(z.string()),
  })
  .meta({ id: 'StateStatus' });
export const instrumentStatusSchema = z
  .object({
    instrument: z.object({
      id: z.string(),
      name: z.string(),
      recordedEntryIntoForce: z.string().nullable(),
    }),
    asOf: isoDateSchema,
    entryIntoForce: z
      .object({
        date: z
          .string()
          .nullable()
          .describe('computed from the events under the rule; null while not in force'),
        rule: z.enum(['count', 'annex', 'per-state']),
        consents: z.number().int(),
        required: z.number().int().nullable(),
        missing: z.array(z.string()).describe('annex States that have not ratified on the day'),
        basis: z
          .enum(['computed', 'recorded'])
          .describe(
            'computed from events under the rule, or the depositary record where events are incomplete',
          ),
        source: z.string(),
      })
      .nullable(),
    expiry: z
      .object({
        date: z.string().describe('computed: entry into force plus the term and its extensions'),
        source: z.string(),
      })
      .nullable()
      .describe('for an instrument with a fixed term'),
    counts: z.record(standingSchema, z.number().int()),
    states: z.array(stateStandingSchema),
    events: z.number().int(),
  })
  .meta({ id: 'InstrumentStatus' });
export const statusQuerySchema = z.object({
  asOf: isoDateSchema.optional().describe('the day; today by default'),
  state: z.string().min(2).max(3).optional(),
});
export const eventsQuerySchema = pagingQuerySchema.extend({
  instrument: z.string().min(1).max(40).optional(),
  state: z.string().min(2).max(3).optional(),
  since: isoDateSchema.optional(),
});
const protocolCellSchema = z.object({
  signed: z.string().nullable(),
  consented: z.string().nullable(),
  sources: z.array(z.string()),
  notes: z.array(z.string()),
});
export const protocolMatrixSchema = z
  .object({
    asOf: isoDateSchema,
    states: z.array(z.string()),
    protocols: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        cells: z.record(z.string(), protocolCellSchema),
      }),
    ),
  })
  .meta({ id: 'ProtocolMatrix' });
export type InstrumentStatusBody = z.infer<typeof instrumentStatusSchema>;

// ---- search ----

export const SEARCH_FACETS = ['lang', 'year', 'meeting', 'type', 'state', 'action'] as const;
export const searchQuerySchema = z.object({
  q: z
    .string()
    .max(20_000)
    .describe(
      'words, "phrases", AND / OR / NOT (-term), prefix term*, and filters lang: symbol: series: year: meeting: type: state: action:',
    ),
  lang: z
    .string()
    .max(40)
    .optional()
    .describe('comma-separated language codes to search in (same as lang: in the query)'),
  across: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1')
    .describe('expand the query into the other languages and add aligned language versions'),
  facets: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === undefined || v === 'true' || v === '1')
    .describe('count results per language, year, meeting, type, State and action (default true)'),
  recency: z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((v) => v === 'true' || v === '1')
    .describe('favour recent documents in the ranking'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional().describe('nextCursor of the previous page'),
});
export const snippetPartSchema = z.object({ text: z.string(), hit: z.boolean() });
export const searchHitSchema = z
  .object({
    expressionId: z.string(),
    eId: z.string(),
    kind: z.string(),
    num: z.string().nullable(),
    position: z.number().int(),
    score: z.number().describe('BM25 with heading boosts; higher is better'),
    snippet: z
      .array(snippetPartSchema)
      .describe('the paragraph around the matches; hit parts match'),
    via: z
      .enum(['query', 'aligned'])
      .describe('matched the query, or is an aligned language version of a matching paragraph'),
  })
  .meta({ id: 'SearchHit' });
export const searchGroupSchema = z
  .object({
    workId: z.string(),
    symbol: z.string().nullable(),
    expressionId: z.string(),
    lang: textLangSchema,
    title: z.string().nullable(),
    date: z.string().nullable(),
    docType: z.string().nullable(),
    meetingId: z.string().nullable(),
    hits: z.array(searchHitSchema),
  })
  .meta({ id: 'SearchGroup' });
const facetCountSchema = z.object({ value: z.string(), count: z.number().int() });
export const searchExpansionSchema = z
  .object({
    from: z.string().describe('the words of the query that were expanded'),
    lang: textLangSchema,
    to: z.string(),
    source: z.enum(['state-name', 'action-keyword', 'glossary', 'aligned']),
  })
  .meta({ id: 'SearchExpansion' });
export const searchResponseSchema = z
  .object({
    query: z.string(),
    total: z.object({
      value: z.number().int(),
      exact: z.boolean().describe('exact up to 10,000 paragraphs, estimated above'),
    }),
    groups: z.array(searchGroupSchema),
    facets: z
      .object({
        exact: z.boolean().describe('counted over every result, or estimated from a sample'),
        counts: z.record(z.enum(SEARCH_FACETS), z.array(facetCountSchema)),
      })
      .nullable(),
    expansions: z.array(searchExpansionSchema),
    nextCursor: z.string().nullable(),
    tookMs: z.number(),
  })
  .meta({ id: 'SearchResults' });
export type SearchResponse = z.infer<typeof searchResponseSchema>;
export type SearchHit = z.infer<typeof searchHitSchema>;
export type SearchGroup = z.infer<typeof searchGroupSchema>;

// Alignment and comparison, and Action Plan monitoring, have their own files.
export * from './alignment-schemas.js';
export * from './monitoring-schemas.js';
export * from './glossary-schemas.js';
export * from './account-schemas.js';
export * from './report-schemas.js';
