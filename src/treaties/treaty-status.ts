/**
 * @module Status on any date, computed from participation events: each State's standing towards an
 * instrument (not signed, signed, consented but not yet bound, party, withdrawal pending,
 * withdrawn, ratification withdrawn, bound when it expired), counts, and the instrument's own entry
 * into force under its
 * rule (which Annex 2 States are still missing, when the 50th ratification came).
 */
import {
  CONSENT_KINDS,
  type ParticipationEvent,
  type StateStanding,
} from '../domain/treaty-events.js';
import { addDays, addMonths, type InstrumentRules } from './entry-into-force-rules.js';

export type { StateStanding };

export interface StateStatus {
  readonly state: string;
  readonly status: StateStanding;
  readonly signed: string | null;
  /** The day and kind of its consent to be bound (ratification, accession, …). */
  readonly consented: { readonly date: string; readonly kind: string } | null;
  /** The day the instrument entered into force for it. */
  readonly inForceFrom: string | null;
  readonly withdrawal: { readonly notice: string; readonly effective: string } | null;
  /** Notes of the events behind the status (disputes, reservations), in date order. */
  readonly notes: string[];
  readonly sources: string[];
}

export interface EntryIntoForce {
  /** The computed date, or null when the condition is not (yet) met on the day asked about. */
  readonly date: string | null;
  readonly rule: InstrumentRules['entryIntoForce']['kind'];
  /** Consents counted towards the rule, and how many it needs. */
  readonly consents: number;
  readonly required: number | null;
  /** For an annex rule: the annex States that have not consented on the day. */
  readonly missing: string[];
}

/** Each State's consent that still stands on the day (a de-ratification cancels it). */
function standingConsents(
  events: readonly ParticipationEvent[],
  on: string,
): Map<string, ParticipationEvent> {
  const consents = new Map<string, ParticipationEvent>();
  for (const e of [...events]
    .filter((x) => x.date <= on)
    .sort((a, b) => a.date.localeCompare(b.date))) {
    if (CONSENT_KINDS.has(e.kind) && !consents.has(e.state)) consents.set(e.state, e);
    if (e.kind === 'de-ratification' || e.kind === 'withdrawal-effective') consents.delete(e.state);
  }
  return consents;
}

export function computeEntryIntoForce(
  rules: InstrumentRules,
  events: readonly ParticipationEvent[],
  on: string,
  annexMembers: readonly string[] = [],
): EntryIntoForce {
  const rule = rules.entryIntoForce;
  const consents = standingConsents(events, on);
  const byDate = [...consents.values()].sort(
    (a, b) => a.date.localeCompare(b.date) || a.state.localeCompare(b.state),
  );
  if (rule.kind === 'per-state')
    return { date: null, rule: rule.kind, consents: consents.size, required: null, missing: [] };
  if (rule.kind === 'count') {
    const nth = byDate[rule.threshold - 1];
    const required = (rule.requiredStates ?? []).map((s) => consents.get(s)?.date);
    const allRequired = required.every((d) => d !== undefined);
    const trigger = nth && allRequired ? [nth.date, ...required].sort().at(-1)! : null;
    const date = trigger === null ? null : addDays(trigger, rule.delayDays);
    return {
      date: date !== null && date <= on ? date : null,
      rule: rule.kind,
      consents: consents.size,
      required: rule.threshold,
      missing: [],
    };
  }
  const missing = annexMembers.filter((s) => !consents.has(s)).sort();
  const last =
    missing.length === 0
      ? annexMembers
          .map((s) => consents.get(s)!.date)
          .sort()
          .at(-1)
      : undefined;
  const date =
    last === undefined ? null : [addDays(last, rule.delayDays), rule.notBefore].sort().at(-1)!;
  return {
    date: date !== null && date <= on ? date : null,
    rule: rule.kind,
    consents: consents.size,
    required: annexMembers.length,
    missing,
  };
}

export function computeStateStatus(
  state: string,
  events: readonly ParticipationEvent[],
  on: string,
  rules: InstrumentRules | undefined,
  instrumentInForce: string | null,
  /** The day the instrument expired, when its term has ended by `on`. */
  expired: string | null = null,
): StateStatus {
  const own = events
    .filter((e) => e.state === state && e.date <= on)
    .sort((a, b) => a.date.localeCompare(b.date));
  let signed: string | null = null;
  let consented: { date: string; kind: string } | null = null;
  let withdrawal: { notice: string; effective: string } | null = null;
  let deRatified = false;
  let withdrawnExplicitly: string | null = null;
  const notes: string[] = [];
  const sources: string[] = [];
  for (const e of own) {
    if (!sources.includes(e.source)) sources.push(e.source);
    if (e.note) notes.push(`${e.date}: ${e.note}`);
    if (e.kind === 'signature') signed ??= e.date;
    else if (CONSENT_KINDS.has(e.kind)) {
      consented = { date: e.date, kind: e.kind };
      deRatified = false;
    } else if (e.kind === 'de-ratification') {
      consented = null;
      deRatified = true;
    } else if (e.kind === 'withdrawal-notice' && rules?.withdrawalNoticeMonths != null) {
      withdrawal = { notice: e.date, effective: addMonths(e.date, rules.withdrawalNoticeMonths) };
    } else if (
      e.kind === 'withdrawal-notice-suspended' &&
      withdrawal !== null &&
      e.date < withdrawal.effective
    ) {
      withdrawal = null;
    } else if (e.kind === 'withdrawal-effective') {
      withdrawnExplicitly = e.date;
    }
  }
  let inForceFrom: string | null = null;
  if (consented !== null) {
    const rule = rules?.entryIntoForce;
    if (rule?.kind === 'per-state') {
      const own = addDays(consented.date, rule.laterDelayDays);
      inForceFrom = rule.notBefore !== undefined && rule.notBefore > own ? rule.notBefore : own;
    } else if (instrumentInForce !== null) {
      // Without a rule (a bilateral treaty), the recorded entry into force binds those who consented before it.
      inForceFrom =
        consented.date <= instrumentInForce
          ? instrumentInForce
          : addDays(consented.date, rule?.laterDelayDays ?? 0);
    }
    if (inForceFrom !== null && inForceFrom > on) inForceFrom = null;
  }
  let status: StateStanding;
  if (withdrawnExplicitly !== null || (withdrawal !== null && withdrawal.effective <= on))
    status = 'withdrawn';
  else if (expired !== null && consented !== null && inForceFrom !== null) status = 'expired';
  else if (withdrawal !== null) status = 'withdrawal-pending';
  else if (consented !== null) status = inForceFrom !== null ? 'party' : 'consented';
  else if (deRatified) status = 'ratification-withdrawn';
  else status = signed !== null ? 'signed' : 'not-signed';
  return { state, status, signed, consented, inForceFrom, withdrawal, notes, sources };
}

/**
 * Weighs the computed entry into force against the depositary's recorded date. They agree when the
 * events on record are complete; when they disagree (the NPT's early ratifications are not all
 * curated), the record stands and says so. Without a record, the computation is all there is.
 */
export function reconcileEntryIntoForce(
  computed: EntryIntoForce,
  recorded: string | null,
  on: string,
): EntryIntoForce & { readonly basis: 'computed' | 'recorded' } {
  if (recorded === null || computed.rule === 'per-state') return { ...computed, basis: 'computed' };
  const agrees = computed.date === recorded || (computed.date === null && recorded > on);
  return agrees
    ? { ...computed, basis: 'computed' }
    : { ...computed, date: recorded <= on ? recorded : null, basis: 'recorded' };
}
