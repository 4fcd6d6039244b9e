/**
 * @module Schemas of the bundled reference data files in `data/`.
 *
 * Every record carries a `source`: a UN document symbol, a depositary record or a dataset named in
 * `data/SOURCES.md`. The files are validated against these schemas when `pillars seed` loads them,
 * so a bad edit fails loudly with the file and field named.
 */
import { z } from 'zod';
import { langSchema, localized, partlyLocalized } from './languages.js';

/** ISO 8601 calendar date, `YYYY-MM-DD`. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected a date as YYYY-MM-DD');

/** Where a fact comes from: a document symbol, a depositary record or a dataset id. */
export const sourceSchema = z.string().min(3);

export const stateIdSchema = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 3166-1 alpha-3 code');

export const stateStatusSchema = z.enum(['member', 'observer', 'non-member']);

export const stateRecordSchema = z.object({
  id: stateIdSchema,
  alpha2: z.string().regex(/^[A-Z]{2}$/),
  numeric: z.string().regex(/^\d{3}$/),
  m49: z.string().regex(/^\d{3}$/),
  /** UN membership: member State, non-member observer State, or neither (Cook Islands, Niue). */
  status: stateStatusSchema,
  names: localized(z.object({ short: z.string().min(1), formal: z.string().min(1) })),
  /** Historic and variant names as they appear in UN documents. */
  variants: z.array(
    z.object({
      lang: langSchema,
      name: z.string().min(1),
      kind: z.enum(['historic', 'variant', 'abbreviation']),
      source: sourceSchema,
    }),
  ),
  source: sourceSchema,
});
export type StateRecord = z.infer<typeof stateRecordSchema>;

export const groupKindSchema = z.enum([
  'nuclear-weapon-states',
  'treaty-parties',
  'treaty-annex',
  'regional-group',
  'political-group',
  'regional-organization',
]);

export const membershipSchema = z.object({
  state: stateIdSchema,
  /** First day of membership; null when the source gives membership without a date. */
  from: isoDateSchema.nullable(),
  /** Last day of membership (or the day a withdrawal took effect); null while a member. */
  to: isoDateSchema.nullable(),
  note: z.string().optional(),
  source: sourceSchema,
});
export type MembershipRecord = z.infer<typeof membershipSchema>;

export const groupRecordSchema = z.object({
  id: z.string().regex(/^[A-Z0-9][A-Z0-9-]*$/),
  kind: groupKindSchema,
  names: localized(z.string().min(1)),
  /** Our own one-line description (English), not official wording. */
  description: z.string().min(1),
  /** The instrument whose parties or annex this group is, when it is one. */
  instrument: z.string().nullable(),
  /** The date the membership list was last checked against its source. */
  asOf: isoDateSchema,
  members: z.array(membershipSchema),
  source: sourceSchema,
});
export type GroupRecord = z.infer<typeof groupRecordSchema>;

export const instrumentKindSchema = z.enum([
  'treaty',
  'protocol',
  'agreement-type',
  'unilateral-status',
  'bilateral-treaty',
]);

export const instrumentRecordSchema = z.object({
  id: z.string().regex(/^[A-Z0-9][A-Z0-9-]*$/),
  kind: instrumentKindSchema,
  /** The treaty a protocol belongs to, or the agreement an additional protocol supplements. */
  parent: z.string().nullable(),
  names: localized(z.object({ short: z.string().min(1), full: z.string().min(1) })),
  depositaries: z.array(z.string().min(1)),
  /** Where and when it was opened for signature (or adopted); null where not applicable. */
  openedForSignature: z.object({ date: isoDateSchema, place: z.string().min(1) }).nullable(),
  entryIntoForce: isoDateSchema.nullable(),
  /** Our own plain-language statement of the entry-into-force rule, not the official text. */
  entryIntoForceRule: z.string().min(1),
  /** Where the instrument's text is recorded (UNTS number, INFCIRC symbol, document symbol). */
  textReference: z.string().nullable(),
  source: sourceSchema,
});
export type InstrumentRecord = z.infer<typeof instrumentRecordSchema>;

export const meetingKindSchema = z.enum([
  'review-conference',
  'preparatory-committee',
  'p5-conference',
  'ctbt-article-xiv-conference',
  'iaea-general-conference',
  'unga-first-committee',
]);

export const meetingRecordSchema = z.object({
  id: z.string().regex(/^[A-Z0-9][A-Za-z0-9-]*$/),
  kind: meetingKindSchema,
  /** The Review Conference year the meeting prepares or is (2010, 2015, 2020, 2026...). */
  cycle: z.number().int().nullable(),
  /** PrepCom session number (1, 2, 3) or the P5 conference's ordinal; null otherwise. */
  session: z.number().int().positive().nullable(),
  names: partlyLocalized(z.string().min(1)),
  startDate: isoDateSchema,
  endDate: isoDateSchema,
  city: z.string().min(1),
  country: z.string().regex(/^[A-Z]{3}$/),
  /** The State hosting or chairing (P5 conferences). */
  host: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .nullable(),
  /** The document symbol stem of the meeting, e.g. `NPT/CONF.2015/PC.II`. */
  symbolPrefix: z.string().nullable(),
  note: z.string().optional(),
  source: sourceSchema,
});
export type MeetingRecord = z.infer<typeof meetingRecordSchema>;

export const pillarSchema = z.enum([
  'disarmament',
  'non-proliferation',
  'peaceful-uses',
  'middle-east',
]);
export type Pillar = z.infer<typeof pillarSchema>;

export const addresseeSchema = z.object({
  kind: z.enum([
    'all-states-parties',
    'nuclear-weapon-states',
    'non-nuclear-weapon-states',
    'named-states',
    'states-not-party',
    'states-parties-concerned',
    'iaea',
    'un-secretary-general',
    'other',
  ]),
  /** For `named-states`: the states named. */
  states: z.array(stateIdSchema).optional(),
  note: z.string().optional(),
});

export const actionRecordSchema = z.object({
  /** `AP2010-A1` … `AP2010-A64`, and `AP2010-ME` for the Middle East section. */
  id: z.string().regex(/^AP2010-(A([1-9]|[1-5]\d|6[0-4])|ME)$/),
  number: z.number().int().min(1).max(64).nullable(),
  pillar: pillarSchema,
  subsection: z.object({
    code: z.string().min(1),
    title: partlyLocalized(z.string().min(1)),
  }),
  addressees: z.array(addresseeSchema).min(1),
  /** NPT articles the action relates to, as Roman numerals. */
  articles: z.array(z.string().regex(/^[IVX]+$/)),
  /** Instrument ids (see instruments.json) the action refers to. */
  instruments: z.array(z.string()),
  /** Our own one-line summary, never the official wording. */
  summary: partlyLocalized(z.string().min(1)).refine((s) => s.zh !== undefined, {
    message: 'a Chinese summary is required',
  }),
  keywords: localized(z.array(z.string().min(1)).min(1)),
  source: sourceSchema,
});
export type ActionRecord = z.infer<typeof actionRecordSchema>;
