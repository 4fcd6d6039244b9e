/**
 * @module The dashboard's figures: what the store holds and where the review cycle stands today.
 */
import type { Kysely } from 'kysely';
import type { Meeting } from '../domain/model.js';
import type { Database } from '../store/database.js';
import { listActions } from '../store/repositories/actions-repository.js';
import { listGroups, memberIdsOn } from '../store/repositories/groups-repository.js';
import { listInstruments } from '../store/repositories/instruments-repository.js';
import { listMeetings } from '../store/repositories/meetings-repository.js';

export interface Overview {
  today: string;
  counts: {
    states: number;
    groups: number;
    instruments: number;
    meetings: number;
    actions: number;
    nptParties: number;
  };
  nextMeeting: Meeting | null;
  lastMeeting: Meeting | null;
  /** The Review Conference year whose cycle today falls in (the next conference, or the last). */
  currentCycle: number | null;
  cycleMeetings: Meeting[];
}

export async function overview(db: Kysely<Database>, today: string): Promise<Overview> {
  const [states, groups, instruments, meetings, actions] = await Promise.all([
    db
      .selectFrom('states')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
    listGroups(db),
    listInstruments(db),
    listMeetings(db),
    listActions(db),
  ]);
  const npt = groups.find((g) => g.id === 'NPT');
  const nextMeeting = meetings.find((m) => m.endDate >= today) ?? null;
  const lastMeeting = meetings.filter((m) => m.endDate < today).at(-1) ?? null;
  const nptMeetings = meetings.filter(
    (m) =>
      m.cycle !== null && (m.kind === 'review-conference' || m.kind === 'preparatory-committee'),
  );
  const upcoming = nptMeetings.find((m) => m.endDate >= today);
  const currentCycle = (upcoming ?? nptMeetings.at(-1))?.cycle ?? null;
  return {
    today,
    counts: {
      states: Number(states.n),
      groups: groups.length,
      instruments: instruments.length,
      meetings: meetings.length,
      actions: actions.length,
      nptParties: npt ? memberIdsOn(npt, today).size : 0,
    },
    nextMeeting,
    lastMeeting,
    currentCycle,
    cycleMeetings: currentCycle === null ? [] : nptMeetings.filter((m) => m.cycle === currentCycle),
  };
}
