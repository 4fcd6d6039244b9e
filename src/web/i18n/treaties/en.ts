/**
 * English strings of the treaty-participation views. Kept apart from ../en.ts so neither file
 * outgrows a screen's worth of reading; en.ts spreads them in, so they are ordinary message keys
 * and every other language must give them all (`TreatyMessages`).
 */
export const treatiesEn = {
  'asOf.label': 'Status as of',
  'asOf.today': 'Back to today',
  'asOf.hint':
    'Computed from the dated signatures, ratifications and withdrawals on record, each with its source.',

  'standing.party': 'Party',
  'standing.consented': 'Ratified — not yet in force',
  'standing.signed': 'Signed',
  'standing.withdrawal-pending': 'Withdrawal pending',
  'standing.withdrawn': 'Withdrawn',
  'standing.ratification-withdrawn': 'Ratification withdrawn',
  'standing.expired': 'Treaty expired',
  'standing.not-signed': 'Not signed',
  'consent.ratification': 'ratification',
  'consent.accession': 'accession',
  'consent.succession': 'succession',
  'consent.acceptance': 'acceptance',
  'consent.approval': 'approval',
  'consent.consent-to-be-bound': 'consent to be bound',

  'participation.title': 'Participation on {date}',
  'participation.none': 'No signature, ratification or withdrawal of this instrument is on record.',
  'participation.basis':
    'Computed from the {count} events on record up to this day. A State with no event on record is counted as not signed.',
  'participation.legend': 'States by status',

  'eif.title': 'Entry into force',
  'eif.inForce': 'In force since {date}',
  'eif.computed': 'Date computed from the ratifications on record under the entry-into-force rule.',
  'eif.recorded':
    'Date as recorded by the depositary: the ratifications on record do not reach the rule’s threshold.',
  'eif.notInForce': 'Not in force on {date}',
  'eif.count': 'Ratifications and accessions: {consents} of the {required} required.',
  'eif.pending':
    'The required number has been reached; the instrument enters into force after the period its rule sets.',
  'eif.annex': 'Annex 2 States that have ratified: {done} of {required}.',
  'eif.missing': 'Annex 2 States yet to ratify ({count})',
  'eif.perState':
    'In force separately for each State from its own ratification; there is no single date of entry into force.',
  'eif.rule': 'Rule',

  'chart.map': 'Map',
  'chart.mapAlt':
    'World map of the status of the {instrument} on {date}, one colour per status as in the legend. The table below gives the same information.',
  'chart.timeline': 'Over time',
  'chart.timelineAlt':
    'Chart of the number of signatories and parties to the {instrument} over time, up to {date}. The table below gives the dates.',
  'chart.failed': 'The image could not be loaded.',

  'parties.title': 'States with events on record',
  'parties.filter': 'Status',
  'parties.allStandings': 'All statuses',
  'parties.none': 'No State has this status on this day.',
  'col.state': 'State',
  'col.standing': 'Status',
  'col.signed': 'Signature',
  'col.consented': 'Ratification or accession',
  'col.inForceFrom': 'In force from',
  'col.withdrawal': 'Withdrawal',
  'col.sources': 'Sources',
  'col.protocol': 'Protocol',
  'withdrawal.notice': 'Notice: {date}',
  'withdrawal.effective': 'Effective: {date}',
  'sources.show': 'Sources ({count})',
  'sources.withNotes': 'Sources and notes ({count})',
  'sources.notes': 'Notes',

  'state.treaties': 'Treaties',
  'state.noTreaties': 'No signature, ratification or withdrawal by this State is on record.',

  'nwfz.title': 'Protocols to the nuclear-weapon-free-zone treaties',
  'nwfz.link':
    'The nuclear-weapon States and the protocols to the nuclear-weapon-free-zone treaties',
  'nwfz.intro':
    'What each of the five nuclear-weapon States had signed and ratified of each protocol on the chosen day, according to the events on record.',
  'nwfz.caption': 'Protocols (rows) and nuclear-weapon States (columns) on {date}',
  'nwfz.signed': 'Signed',
  'nwfz.ratified': 'Ratified',
  'nwfz.neither': 'Neither signed nor ratified',
  'nwfz.details': 'Sources and notes: {protocol}, {state}',
  'nwfz.legendRatified': 'Ratified',
  'nwfz.legendSigned': 'Signed, not ratified',
  'nwfz.empty': 'No protocol is on record.',
} as const;

export type TreatyMessages = Readonly<Record<keyof typeof treatiesEn, string>>;
