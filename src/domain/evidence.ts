/**
 * @module Action Plan monitoring as the rest of the system sees it: evidence (a paragraph linked
 * to an action of the 2010 Action Plan and to the States it speaks for), its review, and
 * assessments per action, State and review cycle — judgements kept apart from the facts.
 */
import { z } from 'zod';

/** Why a paragraph was linked to an action: what matched, in which language. */
export const matchReasonSchema = z.object({
  kind: z.enum(['citation', 'keyword', 'summary', 'concept']),
  /** The action's term (or cited number) that matched. */
  term: z.string(),
  /** The words of the paragraph it matched, as written. */
  matched: z.string(),
  weight: z.number(),
});
export type MatchReason = z.infer<typeof matchReasonSchema>;

/** One suggested action for a paragraph. */
export interface ActionSuggestion {
  readonly actionId: string;
  readonly score: number;
  readonly reasons: readonly MatchReason[];
}

export const EVIDENCE_STATUSES = ['suggested', 'confirmed', 'rejected'] as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];

export const STANCES = [
  'reports-implementation',
  'reaffirms',
  'calls-for',
  'expresses-concern',
  'reports-non-implementation',
] as const;
export type Stance = (typeof STANCES)[number];

export const ASSESSMENT_STATUSES = [
  'implemented',
  'partially-implemented',
  'not-implemented',
  'no-information',
  'not-applicable',
] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

/** Allowed review moves: a suggestion is confirmed or rejected; either can be reopened. */
export const REVIEW_MOVES: Readonly<Record<EvidenceStatus, readonly EvidenceStatus[]>> = {
  suggested: ['confirmed', 'rejected'],
  confirmed: ['rejected', 'suggested'],
  rejected: ['confirmed', 'suggested'],
};

/** Everything the monitoring report of one review cycle shows (built by evidence/monitoring.ts). */
export interface MonitoringData {
  readonly cycle: number;
  /** The report's language: its headings, and which language version of evidence is preferred. */
  readonly lang: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
  readonly generatedAt: string;
  readonly pillars: readonly {
    readonly id: 'disarmament' | 'non-proliferation' | 'peaceful-uses' | 'middle-east';
    readonly title: string;
    readonly actions: readonly MonitoringAction[];
  }[];
  /** Evidence counts per pillar and status, for the overview chart. */
  readonly totals: readonly {
    readonly pillar: string;
    readonly confirmed: number;
    readonly suggested: number;
  }[];
}

export interface MonitoringAction {
  readonly id: string;
  readonly number: number | null;
  /** Our one-line summary of the action (marked as ours in the report), in the report language. */
  readonly summary: string;
  readonly source: string;
  readonly evidence: readonly {
    /** Citation: "NPT/CONF.2015/PC.II/WP.13, para. 6" (symbol or title when there is none). */
    readonly citation: string;
    readonly lang: string;
    readonly text: string;
    readonly states: readonly string[];
    readonly status: EvidenceStatus;
    readonly stance: Stance | null;
  }[];
  readonly assessments: readonly {
    readonly state: string;
    readonly status: AssessmentStatus;
    readonly rationale: string;
    readonly actor: string;
    readonly at: string;
  }[];
  /** Treaty-status figures relevant to the action (e.g. CTBT ratifications), with their source. */
  readonly treatyFigures: readonly {
    readonly label: string;
    readonly value: string;
    readonly source: string;
  }[];
}
