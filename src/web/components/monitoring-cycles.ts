/**
 * The review cycles a monitoring filter offers: every cycle a meeting on record belongs to (2010,
 * 2015, 2020, 2026…), newest first, read from /meetings so a new cycle needs no code.
 */
import { useMemo } from 'react';
import { api } from '../api-client.js';
import { useApi } from '../use-api.js';

export function useCycles(): readonly number[] {
  const [meetings] = useApi('meetings:all', (signal) => api.meetings({}, signal));
  return useMemo(() => {
    if (meetings.status !== 'ok') return [];
    const cycles = meetings.data.flatMap((m) => (m.cycle === null ? [] : [m.cycle]));
    return [...new Set(cycles)].sort((a, b) => b - a);
  }, [meetings]);
}
