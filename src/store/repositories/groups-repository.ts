/**
 * @module Groups of States and their dated membership.
 */
import type { Kysely } from 'kysely';
import type { Group, GroupSummary, Membership } from '../../domain/model.js';
import { isMemberOn } from '../../domain/model.js';
import { groupBy } from '../../lib/collections.js';
import type { Database, GroupMembersTable, GroupsTable } from '../database.js';

function toMembership(row: GroupMembersTable): Membership {
  return {
    state: row.state_id,
    from: row.from_date,
    to: row.to_date,
    ...(row.note !== null ? { note: row.note } : {}),
    source: row.source,
  };
}

function toGroup(row: GroupsTable, members: Membership[]): Group {
  return {
    id: row.id,
    kind: row.kind as Group['kind'],
    names: JSON.parse(row.names) as Group['names'],
    description: row.description,
    instrument: row.instrument_id,
    asOf: row.as_of,
    members,
    source: row.source,
  };
}

export async function listGroups(db: Kysely<Database>): Promise<Group[]> {
  const [groups, members] = await Promise.all([
    db.selectFrom('groups').selectAll().orderBy('id').execute(),
    db.selectFrom('group_members').selectAll().orderBy('group_id').orderBy('position').execute(),
  ]);
  const byGroup = groupBy(members, (m) => m.group_id);
  return groups.map((g) => toGroup(g, (byGroup.get(g.id) ?? []).map(toMembership)));
}

export async function findGroup(db: Kysely<Database>, id: string): Promise<Group | null> {
  const row = await db
    .selectFrom('groups')
    .selectAll()
    .where('id', '=', id.toUpperCase())
    .executeTakeFirst();
  if (!row) return null;
  const members = await db
    .selectFrom('group_members')
    .selectAll()
    .where('group_id', '=', row.id)
    .orderBy('position')
    .execute();
  return toGroup(row, members.map(toMembership));
}

export function summarizeGroup(group: Group, on: string): GroupSummary {
  const { members, ...rest } = group;
  return {
    ...rest,
    memberCount: new Set(members.filter((m) => isMemberOn(m, on)).map((m) => m.state)).size,
  };
}

/** The ids of the States that are members on the given day. */
export function memberIdsOn(group: Group, on: string): Set<string> {
  return new Set(group.members.filter((m) => isMemberOn(m, on)).map((m) => m.state));
}

/** Every membership a State holds or held, with the group it belongs to. */
export async function membershipsOfState(
  db: Kysely<Database>,
  stateId: string,
): Promise<(Membership & { group: string })[]> {
  const rows = await db
    .selectFrom('group_members')
    .selectAll()
    .where('state_id', '=', stateId)
    .orderBy('group_id')
    .orderBy('position')
    .execute();
  return rows.map((row) => ({ group: row.group_id, ...toMembership(row) }));
}
