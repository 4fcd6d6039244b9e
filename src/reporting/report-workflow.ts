/**
 * @module The report workflow as a table: for each transition, the states it leaves from, the
 * state it enters, and who may take it. Pure; the service applies it in a transaction.
 *
 *   draft ──send_to_clearance──▶ in_clearance ──submit──▶ submitted ──publish──▶ published
 *     ▲                              │
 *     └──────return_to_draft─────────┘
 *   draft | in_clearance | submitted ──withdraw──▶ withdrawn
 */
import type { User } from '../domain/accounts.js';
import type { ReportStatus, ReportTransition } from '../domain/reporting.js';

type Actor = 'own-delegate' | 'secretariat';

interface TransitionRule {
  readonly from: readonly ReportStatus[];
  readonly to: ReportStatus;
  readonly by: Actor;
}

export const WORKFLOW: Readonly<Record<ReportTransition, TransitionRule>> = {
  send_to_clearance: { from: ['draft'], to: 'in_clearance', by: 'own-delegate' },
  return_to_draft: { from: ['in_clearance'], to: 'draft', by: 'own-delegate' },
  submit: { from: ['in_clearance'], to: 'submitted', by: 'own-delegate' },
  publish: { from: ['submitted'], to: 'published', by: 'secretariat' },
  withdraw: { from: ['draft', 'in_clearance', 'submitted'], to: 'withdrawn', by: 'own-delegate' },
};

/** Statuses whose content may still change; any other edit starts a new version. */
export const EDITABLE: readonly ReportStatus[] = ['draft', 'in_clearance'];

export type TransitionCheck =
  | { readonly ok: true; readonly to: ReportStatus }
  | {
      readonly ok: false;
      readonly reason: 'not_allowed' | 'wrong_state';
      readonly message: string;
    };

export function checkTransition(
  transition: ReportTransition,
  status: ReportStatus,
  user: User,
  reportState: string,
): TransitionCheck {
  const rule = WORKFLOW[transition];
  const allowed =
    rule.by === 'own-delegate'
      ? user.role === 'delegate' && user.stateCode === reportState
      : user.role === 'secretariat';
  if (!allowed)
    return {
      ok: false,
      reason: 'not_allowed',
      message:
        rule.by === 'own-delegate'
          ? `only a delegate of ${reportState} may ${transition.replace(/_/g, ' ')} this report`
          : `only the secretariat may ${transition.replace(/_/g, ' ')} a report`,
    };
  if (!rule.from.includes(status))
    return {
      ok: false,
      reason: 'wrong_state',
      message: `cannot ${transition.replace(/_/g, ' ')} a report that is ${status.replace('_', ' ')} (only from ${rule.from.join(' or ').replace(/_/g, ' ')})`,
    };
  return { ok: true, to: rule.to };
}

/** The transitions this user could take now, for the UI's buttons. */
export function availableTransitions(
  status: ReportStatus,
  user: User | null,
  reportState: string,
): ReportTransition[] {
  if (user === null) return [];
  return (Object.keys(WORKFLOW) as ReportTransition[]).filter(
    (t) => checkTransition(t, status, user, reportState).ok,
  );
}
