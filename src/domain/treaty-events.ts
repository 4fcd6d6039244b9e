/**
 * @module Participation events: what a State did about an instrument, on which day, according to
 * which record. Status on any date is computed from these (see src/treaties), never typed in.
 */
import { z } from 'zod';
import { isoDateSchema, sourceSchema, stateIdSchema } from './reference-data.js';

export const EVENT_KINDS = [
  'signature',
  'ratification',
  'accession',
  'succession',
  'acceptance',
  'approval',
  'consent-to-be-bound',
  'withdrawal-notice',
  'withdrawal-notice-suspended',
  'withdrawal-effective',
  'de-ratification',
  'reservation',
  'declaration',
  'suspension',
  'suspension-ended',
] as const;
export const eventKindSchema = z.enum(EVENT_KINDS);
export type EventKind = (typeof EVENT_KINDS)[number];

/** The kinds by which a State consents to be bound (it becomes a party once the treaty is in force for it). */
export const CONSENT_KINDS: ReadonlySet<EventKind> = new Set([
  'ratification',
  'accession',
  'succession',
  'acceptance',
  'approval',
  'consent-to-be-bound',
]);

export const participationEventSchema = z.object({
  instrument: z.string().regex(/^[A-Z0-9][A-Z0-9-]*$/),
  state: stateIdSchema,
  kind: eventKindSchema,
  date: isoDateSchema,
  /** The depositary notification, IAEA document, UN symbol or treaty-collection record. */
  source: sourceSchema,
  note: z.string().optional(),
});
export type ParticipationEvent = z.infer<typeof participationEventSchema>;

/** Where a State stands towards an instrument on a given day (computed in src/treaties). */
export const STANDINGS = [
  'not-signed',
  'signed',
  'consented',
  'party',
  'withdrawal-pending',
  'withdrawn',
  'ratification-withdrawn',
  /** Bound when the instrument expired (its term ended, as New START's did on 2026-02-05). */
  'expired',
] as const;
export type StateStanding = (typeof STANDINGS)[number];
