/**
 * @module The database schema as Kysely sees it: one interface per table.
 *
 * Dates are ISO `YYYY-MM-DD` text on both engines (sortable, no time-zone surprises); localized
 * labels that are only ever read whole are JSON text.
 */

export interface MetaTable {
  key: string;
  value: string;
}

export interface StatesTable {
  id: string;
  alpha2: string;
  numeric: string;
  m49: string;
  status: string;
  source: string;
}

export interface StateNamesTable {
  state_id: string;
  lang: string;
  /** short | formal | historic | variant | abbreviation */
  kind: string;
  name: string;
  source: string;
  /** Position in the source record, so names come back in the order they were given. */
  position: number;
}

export interface GroupsTable {
  id: string;
  kind: string;
  names: string;
  description: string;
  instrument_id: string | null;
  as_of: string;
  source: string;
}

export interface GroupMembersTable {
  group_id: string;
  position: number;
  state_id: string;
  from_date: string | null;
  to_date: string | null;
  note: string | null;
  source: string;
}

export interface InstrumentsTable {
  id: string;
  kind: string;
  parent_id: string | null;
  names: string;
  depositaries: string;
  opened_date: string | null;
  opened_place: string | null;
  entry_into_force: string | null;
  entry_into_force_rule: string;
  text_reference: string | null;
  source: string;
}

export interface MeetingsTable {
  id: string;
  kind: string;
  cycle: number | null;
  session: number | null;
  names: string;
  start_date: string;
  end_date: string;
  city: string;
  country: string;
  host: string | null;
  symbol_prefix: string | null;
  note: string | null;
  source: string;
}

export interface ActionsTable {
  id: string;
  number: number | null;
  pillar: string;
  subsection_code: string;
  subsection_title: string;
  addressees: string;
  articles: string;
  instruments: string;
  summary: string;
  keywords: string;
  source: string;
  /** Sort key: actions by number, the Middle East section last. */
  position: number;
}

export interface WorksTable {
  id: string;
  symbol: string | null;
  body: string | null;
  doc_type: string | null;
  meeting_id: string | null;
  created_at: string;
}

export interface ManifestationsTable {
  id: string;
  sha256: string;
  file_name: string;
  format: string;
  size: number;
  extractor: string;
  ingested_at: string;
}

export interface ExpressionsTable {
  id: string;
  work_id: string;
  lang: string;
  revision: string;
  version: number;
  /** 1 for the newest version of its work, language and revision; 0 otherwise. */
  current: number;
  manifestation_id: string;
  title: string | null;
  date: string | null;
  original_lang: string | null;
  place: string | null;
  distribution: string | null;
  agenda_item: string | null;
  segment_count: number;
  /** JSON array of strings. */
  warnings: string;
  created_at: string;
}

export interface SegmentsTable {
  expression_id: string;
  position: number;
  eid: string;
  kind: string;
  num: string | null;
  text: string;
}

export interface WorkAuthorsTable {
  work_id: string;
  position: number;
  kind: string;
  author_id: string;
  name: string;
}

export interface VoteEntriesTable {
  expression_id: string;
  position: number;
  choice: string;
  name: string;
  state_id: string | null;
}

export interface ParticipationEventsTable {
  /** `bundled:<file>` for data/events, `import:<sha-256>` for an imported file. */
  origin: string;
  position: number;
  instrument_id: string;
  state_id: string;
  kind: string;
  date: string;
  source: string;
  note: string | null;
}

export interface SearchDocsTable {
  /** The language's number in the high 32 bits, a permuted counter in the low (search-ids.ts). */
  id: number;
  expression_id: string;
  eid: string;
  position: number;
  work_id: string;
  lang: string;
  kind: string;
  year: number | null;
  /** Action Plan numbers the paragraph cites, space-separated. */
  actions: string;
  /** Tokens in all columns, as FTS5 counts them for BM25. */
  len: number;
}

export interface SearchStatsTable {
  lang: string;
  docs: number | string;
  tokens: number | string;
}

export interface SearchCounterTable {
  id: number;
  next: number | string;
}

export interface AlignmentsTable {
  id: string;
  work_id: string;
  expression_a: string;
  expression_b: string;
  lang_a: string;
  lang_b: string;
  method: string;
  corrections: number;
  aligned_at: string;
}

export interface AlignmentLinksTable {
  alignment_id: string;
  position: number;
  a_from: number;
  a_count: number;
  b_from: number;
  b_count: number;
  score: number;
  /** `auto` (the aligner) or `manual` (a person's correction). */
  origin: string;
}

export interface AlignmentCorrectionsTable {
  alignment_id: string;
  revision: number;
  /** `link` or `unlink`. */
  op: string;
  /** JSON array of eIds. */
  a_eids: string;
  b_eids: string;
  actor: string;
  comment: string | null;
  created_at: string;
}

export interface EvidenceTable {
  id: string;
  action_id: string;
  work_id: string;
  expression_id: string;
  eid: string;
  lang: string;
  cycle: number | null;
  score: number;
  /** JSON array of MatchReason. */
  reasons: string;
  status: string;
  stance: string | null;
  origin: string;
  updated_at: string;
}

export interface EvidenceStatesTable {
  evidence_id: string;
  state_id: string;
}

export interface EvidenceRevisionsTable {
  evidence_id: string;
  revision: number;
  status: string;
  stance: string | null;
  actor: string;
  comment: string | null;
  created_at: string;
}

export interface EvidenceScansTable {
  expression_id: string;
  method: string;
  scanned_at: string;
}

export interface AssessmentsTable {
  action_id: string;
  state_id: string;
  cycle: number;
  revision: number;
  status: string;
  rationale: string;
  /** JSON array of evidence ids. */
  evidence_ids: string;
  actor: string;
  created_at: string;
}

export interface GlossaryConceptsTable {
  id: string;
  domain: string;
  revision: number;
  /** JSON of the domain Concept. */
  content: string;
  content_hash: string;
  updated_at: string;
}

export interface GlossaryTermsTable {
  concept_id: string;
  lang: string;
  position: number;
  text: string;
  folded: string;
  status: string;
  type: string;
}

export interface GlossaryRevisionsTable {
  concept_id: string;
  revision: number;
  /** JSON of the Concept; null when the revision removed it. */
  content: string | null;
  actor: string;
  comment: string;
  created_at: string;
}

export interface GlossaryEditionsTable {
  id: string;
  title: string;
  actor: string;
  comment: string;
  published_at: string;
}

export interface GlossaryEditionConceptsTable {
  edition_id: string;
  concept_id: string;
  revision: number;
}

export interface TermAnnotationsTable {
  expression_id: string;
  position: number;
  start: number;
  end: number;
  concept_id: string;
  lang: string;
  status: string;
  term: string;
}

export interface TermAnnotationScansTable {
  expression_id: string;
  glossary_hash: string;
  scanned_at: string;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  state_code: string | null;
  password_hash: string;
  created_at: string;
  created_by: string;
  disabled_at: string | null;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  /** JSON array of scopes. */
  scopes: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

export interface LoginFailuresTable {
  key: string;
  count: number;
  window_start: string;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  /** JSON object. */
  detail: string;
  prev_hash: string;
  hash: string;
}

export interface ReportTemplatesTable {
  id: string;
  version: number;
  kind: string;
  content: string;
  content_hash: string;
}

export interface ReportsTable {
  id: string;
  state_code: string;
  cycle: string;
  title: string;
  lang: string;
  template_id: string;
  template_version: number;
  visibility: string;
  derived_from: string | null;
  created_at: string;
  created_by: string;
}

export interface ReportVersionsTable {
  report_id: string;
  version: number;
  status: string;
  revision: number;
  /** JSON: section id → text. */
  sections: string;
  content_hash: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  submitted_at: string | null;
  published_at: string | null;
  published_symbol: string | null;
}

export interface ReportEditsTable {
  report_id: string;
  version: number;
  revision: number;
  section_id: string;
  text: string;
  actor: string;
  created_at: string;
}

export interface Database {
  meta: MetaTable;
  states: StatesTable;
  state_names: StateNamesTable;
  groups: GroupsTable;
  group_members: GroupMembersTable;
  instruments: InstrumentsTable;
  meetings: MeetingsTable;
  actions: ActionsTable;
  works: WorksTable;
  manifestations: ManifestationsTable;
  expressions: ExpressionsTable;
  segments: SegmentsTable;
  work_authors: WorkAuthorsTable;
  vote_entries: VoteEntriesTable;
  participation_events: ParticipationEventsTable;
  search_docs: SearchDocsTable;
  search_stats: SearchStatsTable;
  search_counter: SearchCounterTable;
  alignments: AlignmentsTable;
  alignment_links: AlignmentLinksTable;
  alignment_corrections: AlignmentCorrectionsTable;
  evidence: EvidenceTable;
  evidence_states: EvidenceStatesTable;
  evidence_revisions: EvidenceRevisionsTable;
  evidence_scans: EvidenceScansTable;
  assessments: AssessmentsTable;
  glossary_concepts: GlossaryConceptsTable;
  glossary_terms: GlossaryTermsTable;
  glossary_revisions: GlossaryRevisionsTable;
  glossary_editions: GlossaryEditionsTable;
  glossary_edition_concepts: GlossaryEditionConceptsTable;
  term_annotations: TermAnnotationsTable;
  term_annotation_scans: TermAnnotationScansTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_failures: LoginFailuresTable;
  audit_log: AuditLogTable;
  report_templates: ReportTemplatesTable;
  reports: ReportsTable;
  report_versions: ReportVersionsTable;
  report_edits: ReportEditsTable;
}
