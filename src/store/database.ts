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

export interface Database {
  meta: MetaTable;
  states: StatesTable;
  state_names: StateNamesTable;
  groups: GroupsTable;
  group_members: GroupMembersTable;
  instruments: InstrumentsTable;
  meetings: MeetingsTable;
  actions: ActionsTable;
}
