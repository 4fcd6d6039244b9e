/**
 * @module Read-only verbs over the reference data: states, state, groups, instruments, meetings,
 * actions.
 */
import type { Command } from 'commander';
import { invalidParameter, notFound } from '../../domain/errors.js';
import { isLang, type Lang } from '../../domain/languages.js';
import { stateName } from '../../domain/model.js';
import { isoDateSchema, meetingKindSchema, pillarSchema } from '../../domain/reference-data.js';
import {
  findGroup,
  listGroups,
  membershipsOfState,
  summarizeGroup,
} from '../../store/repositories/groups-repository.js';
import { listInstruments } from '../../store/repositories/instruments-repository.js';
import { listMeetings } from '../../store/repositories/meetings-repository.js';
import { listActions } from '../../store/repositories/actions-repository.js';
import { getState, queryStates, today } from '../../states/state-queries.js';
import { withStore, type GlobalOptions } from '../context.js';
import type { Output } from '../output.js';

interface JsonOption {
  json?: boolean;
}

function langOption(value: string | undefined): Lang {
  if (value === undefined) return 'en';
  if (!isLang(value))
    throw invalidParameter('--lang', `expected one of ar, zh, en, fr, ru, es, got '${value}'`);
  return value;
}

function dateOption(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  if (!isoDateSchema.safeParse(value).success)
    throw invalidParameter(flag, `expected a date as YYYY-MM-DD, got '${value}'`);
  return value;
}

export function registerReferenceCommands(program: Command, out: Output): void {
  const globals = () => program.opts<GlobalOptions>();

  program
    .command('states')
    .description('list States (197: UN Member States, observer States, Cook Islands and Niue)')
    .option('--group <id>', 'only members of a group (P5, NPT, CTBT-ANNEX2, NAM, EU, ...)')
    .option('--at <date>', 'group membership on this day (YYYY-MM-DD), today by default')
    .option('-q, --query <text>', 'only States with a name containing this text, in any language')
    .option('--lang <xx>', 'language of the names shown (ar, zh, en, fr, ru, es)', 'en')
    .option('--json', 'print JSON only')
    .action(
      async (
        options: JsonOption & { group?: string; at?: string; query?: string; lang?: string },
      ) => {
        const lang = langOption(options.lang);
        const at = dateOption(options.at, '--at');
        const page = await withStore(globals(), (store) =>
          queryStates(store.db, { group: options.group, at, q: options.query }),
        );
        if (options.json) return out.json(page.items);
        out.table(
          ['id', 'alpha2', 'status', 'name'],
          page.items.map((s) => [s.id, s.alpha2, s.status, stateName(s, lang)]),
        );
        out.line(`${page.total} states`);
      },
    );

  program
    .command('state <idOrName>')
    .description('one State: codes, names in six languages, variants and group memberships')
    .option('--json', 'print JSON only')
    .action(async (idOrName: string, options: JsonOption) => {
      const { state, memberships } = await withStore(globals(), async (store) => {
        const state = await getState(store.db, idOrName);
        return { state, memberships: await membershipsOfState(store.db, state.id) };
      });
      if (options.json) return out.json({ ...state, memberships });
      out.line(`${state.id} (${state.alpha2}, M49 ${state.m49}) — ${state.status}`);
      out.table(
        ['lang', 'short name', 'formal name'],
        Object.entries(state.names).map(([lang, n]) => [lang, n.short, n.formal]),
      );
      if (state.variants.length) {
        out.table(
          ['lang', 'kind', 'variant', 'source'],
          state.variants.map((v) => [v.lang, v.kind, v.name, v.source]),
        );
      }
      out.line(
        `groups: ${memberships.map((m) => `${m.group}${m.from ? ` from ${m.from}` : ''}${m.to ? ` to ${m.to}` : ''}`).join(', ') || 'none'}`,
      );
    });

  program
    .command('groups')
    .description('list groups of States with their member counts')
    .option('--at <date>', 'count members on this day (YYYY-MM-DD), today by default')
    .option('--json', 'print JSON only')
    .action(async (options: JsonOption & { at?: string }) => {
      const at = dateOption(options.at, '--at') ?? today();
      const groups = await withStore(globals(), async (store) =>
        (await listGroups(store.db)).map((g) => summarizeGroup(g, at)),
      );
      if (options.json) return out.json(groups);
      out.table(
        ['id', 'kind', 'members', 'name'],
        groups.map((g) => [g.id, g.kind, String(g.memberCount), g.names.en]),
      );
    });

  program
    .command('group <id>')
    .description('one group with its dated membership')
    .option('--json', 'print JSON only')
    .action(async (id: string, options: JsonOption) => {
      const group = await withStore(globals(), (store) => findGroup(store.db, id));
      if (!group) throw notFound('group', id);
      if (options.json) return out.json(group);
      out.line(`${group.id}: ${group.names.en} (${group.kind}), as of ${group.asOf}`);
      out.table(
        ['state', 'from', 'to', 'note'],
        group.members.map((m) => [m.state, m.from ?? '', m.to ?? '', m.note ?? '']),
      );
    });

  program
    .command('instruments')
    .description('list treaties, protocols and safeguards agreement types')
    .option('--json', 'print JSON only')
    .action(async (options: JsonOption) => {
      const instruments = await withStore(globals(), (store) => listInstruments(store.db));
      if (options.json) return out.json(instruments);
      out.table(
        ['id', 'kind', 'opened', 'in force', 'name'],
        instruments.map((i) => [
          i.id,
          i.kind,
          i.openedForSignature?.date ?? '',
          i.entryIntoForce ?? 'not in force',
          i.names.en.short,
        ]),
      );
    });

  program
    .command('meetings')
    .description('list meetings of the review cycle (Review Conferences, PrepComs, P5 conferences)')
    .option(
      '--cycle <year>',
      'only meetings of the cycle of this Review Conference (2010, 2015, 2020, 2026)',
    )
    .option('--kind <kind>', `only meetings of this kind (${meetingKindSchema.options.join(', ')})`)
    .option('--json', 'print JSON only')
    .action(async (options: JsonOption & { cycle?: string; kind?: string }) => {
      const cycle = options.cycle === undefined ? undefined : Number(options.cycle);
      if (cycle !== undefined && !(Number.isInteger(cycle) && cycle >= 1970 && cycle <= 2100)) {
        throw invalidParameter(
          '--cycle',
          `expected a Review Conference year such as 2015, got '${options.cycle}'`,
        );
      }
      const kind =
        options.kind === undefined ? undefined : meetingKindSchema.safeParse(options.kind);
      if (kind && !kind.success)
        throw invalidParameter('--kind', `expected one of ${meetingKindSchema.options.join(', ')}`);
      const meetings = await withStore(globals(), (store) =>
        listMeetings(store.db, { cycle, kind: kind?.data }),
      );
      if (options.json) return out.json(meetings);
      out.table(
        ['id', 'dates', 'place', 'name'],
        meetings.map((m) => [m.id, `${m.startDate} – ${m.endDate}`, m.city, m.names.en]),
      );
    });

  program
    .command('actions')
    .description('list the 64 actions of the 2010 Action Plan and its Middle East section')
    .option('--pillar <pillar>', `only one pillar (${pillarSchema.options.join(', ')})`)
    .option('--lang <xx>', 'language of the summaries shown', 'en')
    .option('--json', 'print JSON only')
    .action(async (options: JsonOption & { pillar?: string; lang?: string }) => {
      const lang = langOption(options.lang);
      const pillar =
        options.pillar === undefined ? undefined : pillarSchema.safeParse(options.pillar);
      if (pillar && !pillar.success)
        throw invalidParameter('--pillar', `expected one of ${pillarSchema.options.join(', ')}`);
      const actions = await withStore(globals(), (store) =>
        listActions(store.db, { pillar: pillar?.data }),
      );
      if (options.json) return out.json(actions);
      out.table(
        ['id', 'pillar', 'summary (ours)'],
        actions.map((a) => [a.id, a.pillar, a.summary[lang] ?? a.summary.en]),
      );
    });
}
