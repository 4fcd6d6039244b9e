/**
 * @module Machine-readable entry-into-force and withdrawal rules, one per instrument that has a
 * rule Pillars can compute (the plain-language rule is in data/instruments.json). Dates of entry
 * into force are computed from participation events with these, never typed in.
 */

export type EntryIntoForceRule =
  /** In force N days after the Nth consent; for a later State, M days after its own consent. */
  | {
      readonly kind: 'count';
      readonly threshold: number;
      readonly delayDays: number;
      readonly laterDelayDays: number;
      readonly requiredStates?: readonly string[];
    }
  /** In force N days after every State of a group (an annex) has consented, not before a date. */
  | {
      readonly kind: 'annex';
      readonly group: string;
      readonly delayDays: number;
      readonly notBefore: string;
      readonly laterDelayDays: number;
    }
  /** A protocol in force for each State from its own consent, not before the treaty it belongs to. */
  | { readonly kind: 'per-state'; readonly laterDelayDays: number; readonly notBefore?: string };

export interface InstrumentRules {
  readonly entryIntoForce: EntryIntoForceRule;
  /** Months between a withdrawal notice and its effect (NPT Article X.1: three months). */
  readonly withdrawalNoticeMonths: number | null;
  /** Where the rule is written. */
  readonly source: string;
}

const PROTOCOL: InstrumentRules = {
  entryIntoForce: { kind: 'per-state', laterDelayDays: 0 },
  withdrawalNoticeMonths: null,
  source: 'the protocol: in force for each State on the deposit of its instrument',
};

const PELINDABA_PROTOCOL: InstrumentRules = {
  entryIntoForce: { kind: 'per-state', laterDelayDays: 0, notBefore: '2009-07-15' },
  withdrawalNoticeMonths: null,
  source:
    'the Protocols to the Pelindaba Treaty: in force for each State on deposit, or on the Treaty’s entry into force if later',
};

/** The term of an instrument that ends: years from entry into force, and agreed extensions. */
export interface InstrumentTerm {
  readonly years: number;
  readonly extensions: readonly {
    readonly years: number;
    /** The day the extension was agreed: before it, the term ended earlier. */
    readonly agreed: string;
    readonly source: string;
  }[];
  readonly source: string;
}

export const INSTRUMENT_TERMS: Readonly<Record<string, InstrumentTerm>> = {
  'NEW-START': {
    years: 10,
    extensions: [
      {
        years: 5,
        agreed: '2021-02-03',
        source:
          'extension agreed by exchange of notes, in force 3 February 2021 (see the events of 3 February 2021)',
      },
    ],
    source:
      'New START Article XIV.2: ten years from entry into force, extendable once by up to five',
  },
};

/** The day an instrument with a term expires, from its entry into force, as known on `on`. */
export function expiryOf(term: InstrumentTerm, inForce: string, on: string): string {
  const years =
    term.years + term.extensions.filter((e) => e.agreed <= on).reduce((sum, e) => sum + e.years, 0);
  return addMonths(inForce, years * 12);
}

export const INSTRUMENT_RULES: Readonly<Record<string, InstrumentRules>> = {
  NPT: {
    // Article IX.3: the three depositary Governments and 40 other States.
    entryIntoForce: {
      kind: 'count',
      threshold: 43,
      delayDays: 0,
      laterDelayDays: 0,
      requiredStates: ['GBR', 'RUS', 'USA'],
    },
    withdrawalNoticeMonths: 3,
    source: 'NPT Articles IX.3, IX.4 and X.1',
  },
  CTBT: {
    entryIntoForce: {
      kind: 'annex',
      group: 'CTBT-ANNEX2',
      delayDays: 180,
      notBefore: '1998-09-24',
      laterDelayDays: 30,
    },
    withdrawalNoticeMonths: 6,
    source: 'CTBT Articles IX.2 and XIV.1–2',
  },
  TPNW: {
    entryIntoForce: { kind: 'count', threshold: 50, delayDays: 90, laterDelayDays: 90 },
    withdrawalNoticeMonths: 12,
    source: 'TPNW Articles 15 and 17',
  },
  'TLATELOLCO-AP1': PROTOCOL,
  'TLATELOLCO-AP2': PROTOCOL,
  'RAROTONGA-P1': PROTOCOL,
  'RAROTONGA-P2': PROTOCOL,
  'RAROTONGA-P3': PROTOCOL,
  // Each Pelindaba protocol takes effect on deposit or on the Treaty's entry into force (15 July 2009), whichever is later.
  'PELINDABA-P1': PELINDABA_PROTOCOL,
  'PELINDABA-P2': PELINDABA_PROTOCOL,
  'PELINDABA-P3': PELINDABA_PROTOCOL,
  'SEMIPALATINSK-P': PROTOCOL,
  'BANGKOK-P': PROTOCOL,
};

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The same day N months later (the last day of the month when it has no such day). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}
