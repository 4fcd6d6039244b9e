/**
 * The monitoring vocabulary as lists the UI can iterate (the API's enums, typed against its
 * schemas so a value added there is a type error here), the review moves the buttons offer, and
 * how paragraphs and moments are written in the UI language.
 */
import type { Lang } from '../api-types.js';
import { localeOf } from '../i18n/i18n-context.js';
import type { AssessmentStatus, EvidenceStatus, ReasonKind, Stance } from './monitoring-api.js';

/** Every member of a union, once: `satisfies` fails if one is missing. */
type Exhaustive<T extends string> = { readonly [K in T]: true };

const evidenceStatuses = {
  suggested: true,
  confirmed: true,
  rejected: true,
} as const satisfies Exhaustive<EvidenceStatus>;
export const EVIDENCE_STATUSES = Object.keys(evidenceStatuses) as EvidenceStatus[];

const stances = {
  'reports-implementation': true,
  reaffirms: true,
  'calls-for': true,
  'expresses-concern': true,
  'reports-non-implementation': true,
} as const satisfies Exhaustive<Stance>;
export const STANCES = Object.keys(stances) as Stance[];

const assessmentStatuses = {
  implemented: true,
  'partially-implemented': true,
  'not-implemented': true,
  'no-information': true,
  'not-applicable': true,
} as const satisfies Exhaustive<AssessmentStatus>;
export const ASSESSMENT_STATUSES = Object.keys(assessmentStatuses) as AssessmentStatus[];

export const REASON_KINDS: readonly ReasonKind[] = ['citation', 'keyword', 'summary', 'concept'];

export function isStance(value: string): value is Stance {
  return Object.hasOwn(stances, value);
}
export function isAssessmentStatus(value: string): value is AssessmentStatus {
  return Object.hasOwn(assessmentStatuses, value);
}

/** The moves the server allows from each status (domain/evidence.ts REVIEW_MOVES), in the order
 * the buttons show them: the decision first, reopening last. */
export const REVIEW_MOVES: Readonly<Record<EvidenceStatus, readonly EvidenceStatus[]>> = {
  suggested: ['confirmed', 'rejected'],
  confirmed: ['rejected', 'suggested'],
  rejected: ['confirmed', 'suggested'],
};

/**
 * The paragraph number an eId stands for, as UN documents cite it: `para_6` is "6",
 * `para_6__subpara_b` "6 (b)" ("6(b)" in Chinese); null for an eId without a citable number
 * (`p_3`, an unnumbered paragraph such as a preamble's).
 */
export function paragraphNumber(eId: string, uiLang: Lang): string | null {
  const numbers: string[] = [];
  for (const part of eId.split('__')) {
    const para = /^para_(\d+)(?:_\d+)?$/u.exec(part);
    const lettered = /^(?:subpara|point)_([a-z]+|\d+)(?:_\d+)?$/u.exec(part);
    if (para) numbers.push(para[1]!);
    else if (lettered) numbers.push(`(${lettered[1]!})`);
    else return null;
  }
  return numbers.join(uiLang === 'zh' ? '' : ' ');
}

/** A revision's moment ("12 May 2026, 14:03") in the UI language and the reader's time zone. */
export function formatMoment(iso: string, uiLang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeOf(uiLang), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

/** An action's id as the API writes it (`AP2010-A11`, `AP2010-ME`) from any form the API reads
 * (`11`, `A11`, `me`), or undefined; mirrors the server so filters show the action chosen. */
export function canonicalAction(input: string | undefined): string | undefined {
  const match = /^(?:AP2010-)?(?:A(?:CTION)?\s*)?(\d{1,2}|ME)$/u.exec(
    (input ?? '').trim().toUpperCase(),
  );
  if (!match) return undefined;
  if (match[1] === 'ME') return 'AP2010-ME';
  const n = Number(match[1]);
  return n >= 1 && n <= 64 ? `AP2010-A${n}` : undefined;
}

/** The action's number for its label ("Action 11"); null for the Middle East section. */
export function actionNumberOf(actionId: string): number | null {
  const match = /-A(\d+)$/u.exec(actionId);
  return match ? Number(match[1]) : null;
}
