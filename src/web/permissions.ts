/**
 * Which roles may write in each area, as the server's access rules say (src/server/routes). The
 * server decides; the app only avoids offering a form the server would refuse, and says instead
 * who may use it. Reading is public everywhere.
 */
import type { Role, SessionUser } from './api-types.js';

export type WriteArea =
  'documents' | 'alignments' | 'glossary' | 'evidence' | 'assessments' | 'reports' | 'audit';

export const WRITE_ROLES: Readonly<Record<WriteArea, readonly Role[]>> = {
  documents: ['secretariat'],
  alignments: ['secretariat'],
  glossary: ['secretariat'],
  evidence: ['analyst', 'secretariat'],
  assessments: ['analyst'],
  // A delegate writes their own State's report; the secretariat publishes submitted ones.
  reports: ['delegate'],
  audit: ['admin'],
};

export function mayWrite(user: SessionUser | null, area: WriteArea): boolean {
  return user !== null && user.disabledAt === null && WRITE_ROLES[area].includes(user.role);
}
