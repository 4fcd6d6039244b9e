/**
 * @module Domain types as the rest of the system sees them. Repositories return these, the API
 * presents them and the web client reads them (type-only imports), so they are defined once.
 */
import type { Lang } from './languages.js';
import type {
  ActionRecord,
  GroupRecord,
  InstrumentRecord,
  MeetingRecord,
  MembershipRecord,
  StateRecord,
} from './reference-data.js';

export type State = StateRecord;
export type Instrument = InstrumentRecord;
export type Meeting = MeetingRecord;
export type Action = ActionRecord;
export type Membership = MembershipRecord;

/** A State named in passing: enough to link to it and label it in any language. */
export interface StateRef {
  readonly id: string;
  readonly alpha2: string;
  readonly name: string;
}

export type GroupSummary = Omit<GroupRecord, 'members'> & {
  /** Members on the day asked about (today by default). */
  readonly memberCount: number;
};

export type Group = GroupRecord;

export interface Page<T> {
  readonly items: T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
}

/** The UNTERM short name for lists: "Bahamas (the)" → "Bahamas", "Holy See (the)" → "Holy See". */
export function displayName(short: string): string {
  return short.replace(/\s*\((the|l'|le|la|les|el|los|las)\)\s*$/iu, '').trim();
}

export function stateName(state: Pick<State, 'names'>, lang: Lang): string {
  return displayName(state.names[lang].short);
}

export function isMemberOn(membership: Pick<Membership, 'from' | 'to'>, date: string): boolean {
  return (
    (membership.from === null || membership.from <= date) &&
    (membership.to === null || date <= membership.to)
  );
}
