/**
 * The API's wire types, inferred from the zod schemas the server validates with, so the client
 * cannot drift from the server. Type-only imports: no zod code reaches the browser bundle.
 */
import type { z } from 'zod';
import type {
  actionSchema,
  documentSummarySchema,
  documentsQuerySchema,
  errorSchema,
  expressionDetailSchema,
  ingestResponseSchema,
  ingestResultSchema,
  groupSummarySchema,
  instrumentSchema,
  instrumentStatusSchema,
  meetingSchema,
  overviewSchema,
  participationEventApiSchema,
  protocolMatrixSchema,
  stateDetailSchema,
  stateSchema,
  actionsQuerySchema,
  meetingsQuerySchema,
  statesQuerySchema,
  voteRecordSchema,
  workApiSchema,
  searchQuerySchema,
  sessionSchema,
} from '../contract/api-schemas.js';
import type { SearchHit, SearchResponse } from '../contract/api-schemas.js';
import type { Lang } from '../domain/language-codes.js';

export type { PageOf } from '../contract/api-schemas.js';
export type { Lang } from '../domain/language-codes.js';
export type { Pillar } from '../domain/reference-data.js';
export type { Role } from '../domain/accounts.js';

export type ErrorBody = z.infer<typeof errorSchema>;
export type Overview = z.infer<typeof overviewSchema>;
export type State = z.infer<typeof stateSchema>;
export type StateDetail = z.infer<typeof stateDetailSchema>;
export type GroupSummary = z.infer<typeof groupSummarySchema>;
export type Instrument = z.infer<typeof instrumentSchema>;
export type Meeting = z.infer<typeof meetingSchema>;
export type Action = z.infer<typeof actionSchema>;

export type StateStatus = State['status'];
export type MeetingKind = Meeting['kind'];
export type InstrumentKind = Instrument['kind'];
export type AddresseeKind = Action['addressees'][number]['kind'];
export type VariantKind = State['variants'][number]['kind'];

/** Query parameters as the client sends them (the client pages itself, so limit/offset unused). */
export type StatesQuery = Partial<z.infer<typeof statesQuerySchema>>;
export type MeetingsQuery = Partial<z.infer<typeof meetingsQuerySchema>>;
export type ActionsQuery = Partial<z.infer<typeof actionsQuerySchema>>;

/* Documents. A "work" is one UN document (the API calls it Document, a name the DOM already
 * uses); each of its expressions is one language version, revision and version of the text. */
export type DocumentSummary = z.infer<typeof documentSummarySchema>;
export type Work = z.infer<typeof workApiSchema>;
export type WorkExpression = Work['expressions'][number];
export type WorkAuthor = Work['authors'][number];
export type LanguageVersion = z.infer<typeof expressionDetailSchema>;
export type Segment = LanguageVersion['segments'][number];
export type SegmentKind = Segment['kind'];
export type RecordedVote = z.infer<typeof voteRecordSchema>;
export type IngestResult = z.infer<typeof ingestResultSchema>;
export type IngestResponse = z.infer<typeof ingestResponseSchema>;
/** A text's language: one of the six, or `und` when the ingest could not tell. */
export type TextLang = WorkExpression['lang'];
/** The list is paged by the server, so limit and offset are sent. */
export type DocumentsQuery = Partial<z.infer<typeof documentsQuerySchema>>;

/* Treaty participation. "Standing" is a State's position towards one instrument on a date (party,
 * signed, …); `StateStatus` above is already its status at the United Nations. */
export type InstrumentStatus = z.infer<typeof instrumentStatusSchema>;
export type StateStanding = InstrumentStatus['states'][number];
export type Standing = StateStanding['status'];
export type EntryIntoForce = NonNullable<InstrumentStatus['entryIntoForce']>;
export type ParticipationEvent = z.infer<typeof participationEventApiSchema>;
export type ProtocolMatrix = z.infer<typeof protocolMatrixSchema>;
export type ProtocolCell = ProtocolMatrix['protocols'][number]['cells'][string];

/* Search: one group per language version of a document, each with its matching paragraphs. */
export type { SearchGroup, SearchHit, SearchResponse } from '../contract/api-schemas.js';
export type SnippetPart = SearchHit['snippet'][number];
export type SearchExpansion = SearchResponse['expansions'][number];
export type SearchFacets = NonNullable<SearchResponse['facets']>;
/** The facets the API counts (lang, year, meeting, type, state, action). */
export type SearchFacet = keyof SearchFacets['counts'];
export type FacetCount = SearchFacets['counts'][SearchFacet][number];
/** What the client sends: the wire's strings ('true', comma lists) are written by the client. */
export interface SearchQuery {
  readonly q: z.input<typeof searchQuerySchema>['q'];
  /** Languages to search in; none means all six. */
  readonly lang?: readonly Lang[] | undefined;
  readonly across?: boolean | undefined;
  /** Facet counts are only wanted on the first page. */
  readonly facets?: boolean | undefined;
  readonly limit?: number | undefined;
  readonly cursor?: string | undefined;
}

/* Accounts: who is signed in, and the CSRF token the session's writes carry. */
export type Session = z.infer<typeof sessionSchema>;
export type SessionUser = NonNullable<Session['user']>;
