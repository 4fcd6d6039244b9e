/**
 * The app offers a write form only to the roles the server lets write there, so nobody fills a
 * form in to be refused.
 */
import { describe, expect, it } from 'vitest';
import type { Role, SessionUser } from './api-types.js';
import { mayWrite, WRITE_ROLES, type WriteArea } from './permissions.js';

const user = (role: Role, stateCode: string | null = null): SessionUser => ({
  username: `a-${role}`,
  displayName: `A ${role}`,
  role,
  stateCode,
  createdAt: '2026-01-01T00:00:00.000Z',
  disabledAt: null,
});

describe('write permissions', () => {
  it('lets nobody write without an account', () => {
    for (const area of Object.keys(WRITE_ROLES) as WriteArea[])
      expect(mayWrite(null, area), area).toBe(false);
  });

  it('follows the server’s rules for each role', () => {
    expect(mayWrite(user('secretariat'), 'documents')).toBe(true);
    expect(mayWrite(user('secretariat'), 'alignments')).toBe(true);
    expect(mayWrite(user('secretariat'), 'glossary')).toBe(true);
    expect(mayWrite(user('analyst'), 'documents')).toBe(false);
    expect(mayWrite(user('analyst'), 'evidence')).toBe(true);
    expect(mayWrite(user('secretariat'), 'evidence')).toBe(true);
    expect(mayWrite(user('delegate', 'FRA'), 'evidence')).toBe(false);
    // Assessments are analysts' judgements only.
    expect(mayWrite(user('analyst'), 'assessments')).toBe(true);
    expect(mayWrite(user('secretariat'), 'assessments')).toBe(false);
    expect(mayWrite(user('delegate', 'FRA'), 'reports')).toBe(true);
    expect(mayWrite(user('admin'), 'reports')).toBe(false);
    expect(mayWrite(user('admin'), 'audit')).toBe(true);
    expect(mayWrite(user('secretariat'), 'audit')).toBe(false);
  });

  it('refuses a disabled account', () => {
    expect(mayWrite({ ...user('admin'), disabledAt: '2026-02-01T00:00:00.000Z' }, 'audit')).toBe(
      false,
    );
  });
});
