/**
 * @module Reads and validates the bundled reference data in `data/`. Every problem is reported
 * with the file and the path of the field, and cross-file references (a group member that is not a
 * known State, an action citing an unknown instrument) are checked before anything is stored.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { invalidData } from '../domain/errors.js';
import { parseDataFile, readDataText } from './read-data-file.js';
import { participationEventSchema, type ParticipationEvent } from '../domain/treaty-events.js';
import {
  actionRecordSchema,
  groupRecordSchema,
  instrumentRecordSchema,
  meetingRecordSchema,
  stateRecordSchema,
  type ActionRecord,
  type GroupRecord,
  type InstrumentRecord,
  type MeetingRecord,
  type StateRecord,
} from '../domain/reference-data.js';

export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));

export interface ReferenceData {
  readonly states: StateRecord[];
  readonly groups: GroupRecord[];
  readonly instruments: InstrumentRecord[];
  readonly meetings: MeetingRecord[];
  readonly actions: ActionRecord[];
  /** Participation events from every file in `data/events/`, in file-name order. */
  readonly events: (ParticipationEvent & { file: string })[];
  /** SHA-256 of the files' bytes: seeding is skipped when it has not changed. */
  readonly hash: string;
}

const FILES = {
  states: ['states.json', stateRecordSchema],
  groups: ['groups.json', groupRecordSchema],
  instruments: ['instruments.json', instrumentRecordSchema],
  meetings: ['meetings.json', meetingRecordSchema],
  actions: ['action-plan-2010.json', actionRecordSchema],
} as const;

export function loadReferenceData(dir: string = DEFAULT_DATA_DIR): ReferenceData {
  const hash = createHash('sha256');
  const read = <T>(file: string, schema: z.ZodType<T>): T[] => {
    const path = join(dir, file);
    const text = readDataText(path);
    hash.update(file).update('\0').update(text).update('\0');
    return parseDataFile(path, text, z.array(schema));
  };
  const data = {
    states: read(...FILES.states),
    groups: read(...FILES.groups),
    instruments: read(...FILES.instruments),
    meetings: read(...FILES.meetings),
    actions: read(...FILES.actions),
    events: readdirSync(join(dir, 'events'))
      .filter((name) => name.endsWith('.json'))
      .sort()
      .flatMap((name) =>
        read(`events/${name}`, participationEventSchema).map((event) => ({ ...event, file: name })),
      ),
  };
  checkReferences(dir, data);
  return { ...data, hash: hash.digest('hex') };
}

type Records = Omit<ReferenceData, 'hash'>;

function checkReferences(dir: string, data: Records): void {
  const stateIds = new Set(data.states.map((s) => s.id));
  const instrumentIds = new Set(data.instruments.map((i) => i.id));
  const fail = (file: string, path: string, message: string): never => {
    throw invalidData(`${join(dir, file)}: ${path}`, message);
  };
  const unique = (file: string, ids: string[]) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) fail(file, `[${i}].id`, `duplicate id '${id}'`);
      seen.add(id);
    });
  };
  unique(
    'states.json',
    data.states.map((s) => s.id),
  );
  unique(
    'groups.json',
    data.groups.map((g) => g.id),
  );
  unique(
    'instruments.json',
    data.instruments.map((i) => i.id),
  );
  unique(
    'meetings.json',
    data.meetings.map((m) => m.id),
  );
  unique(
    'action-plan-2010.json',
    data.actions.map((a) => a.id),
  );

  data.groups.forEach((group, g) => {
    if (group.instrument !== null && !instrumentIds.has(group.instrument)) {
      fail('groups.json', `[${g}].instrument`, `unknown instrument '${group.instrument}'`);
    }
    group.members.forEach((m, i) => {
      if (!stateIds.has(m.state))
        fail('groups.json', `[${g}].members[${i}].state`, `unknown state '${m.state}'`);
      if (m.from !== null && m.to !== null && m.to < m.from) {
        fail(
          'groups.json',
          `[${g}].members[${i}].to`,
          `ends (${m.to}) before it starts (${m.from})`,
        );
      }
    });
  });
  data.instruments.forEach((instrument, i) => {
    if (instrument.parent !== null && !instrumentIds.has(instrument.parent)) {
      fail('instruments.json', `[${i}].parent`, `unknown instrument '${instrument.parent}'`);
    }
  });
  data.meetings.forEach((meeting, i) => {
    if (meeting.endDate < meeting.startDate)
      fail('meetings.json', `[${i}].endDate`, 'ends before it starts');
    for (const field of ['country', 'host'] as const) {
      const id = meeting[field];
      if (id !== null && !stateIds.has(id))
        fail('meetings.json', `[${i}].${field}`, `unknown state '${id}'`);
    }
  });
  const instruments = new Map(data.instruments.map((i) => [i.id, i]));
  const eventIndex = new Map<string, number>();
  data.events.forEach((event) => {
    const i = eventIndex.get(event.file) ?? 0;
    eventIndex.set(event.file, i + 1);
    const where = `events/${event.file}`;
    const instrument = instruments.get(event.instrument);
    if (!instrument) fail(where, `[${i}].instrument`, `unknown instrument '${event.instrument}'`);
    if (!stateIds.has(event.state)) fail(where, `[${i}].state`, `unknown state '${event.state}'`);
    const opened = instrument?.openedForSignature?.date;
    if (opened !== undefined && event.date < opened && event.kind !== 'declaration') {
      fail(
        where,
        `[${i}].date`,
        `${event.date} is before ${event.instrument} opened for signature (${opened})`,
      );
    }
  });
  data.actions.forEach((action, i) => {
    action.instruments.forEach((id, j) => {
      if (!instrumentIds.has(id))
        fail('action-plan-2010.json', `[${i}].instruments[${j}]`, `unknown instrument '${id}'`);
    });
    action.addressees.forEach((a, j) =>
      a.states?.forEach((id, k) => {
        if (!stateIds.has(id))
          fail(
            'action-plan-2010.json',
            `[${i}].addressees[${j}].states[${k}]`,
            `unknown state '${id}'`,
          );
      }),
    );
  });
}
