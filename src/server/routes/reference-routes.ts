/**
 * @module /api/v1 routes over the reference data: states, name resolution, groups, instruments,
 * meetings, actions and the dashboard overview. Each route validates, calls a query and presents.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  actionSchema,
  actionsQuerySchema,
  errorSchema,
  groupSchema,
  groupSummarySchema,
  groupsQuerySchema,
  idParamsSchema,
  instrumentSchema,
  instrumentsQuerySchema,
  meetingSchema,
  meetingsQuerySchema,
  overviewSchema,
  pageSchema,
  resolutionSchema,
  resolveQuerySchema,
  stateDetailSchema,
  stateSchema,
  statesQuerySchema,
} from '../../contract/api-schemas.js';
import { notFound } from '../../domain/errors.js';
import type { Store } from '../../store/open-store.js';
import { allow } from '../access/access-rules.js';
import { findAction, listActions } from '../../store/repositories/actions-repository.js';
import {
  findGroup,
  listGroups,
  membershipsOfState,
  summarizeGroup,
} from '../../store/repositories/groups-repository.js';
import {
  findInstrument,
  listInstruments,
} from '../../store/repositories/instruments-repository.js';
import { findMeeting, listMeetings } from '../../store/repositories/meetings-repository.js';
import { getState, loadNameResolver, queryStates, today } from '../../states/state-queries.js';
import { overview } from '../../reference/overview.js';
import { paginate } from '../paginate.js';

const errors = { 400: errorSchema, 404: errorSchema };

export function referenceRoutes(store: Store): FastifyPluginAsyncZod {
  const { db } = store;
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugins are async functions
  return async (app) => {
    app.get(
      '/states',
      {
        config: { access: allow.public },
        schema: {
          tags: ['states'],
          summary: 'List States',
          querystring: statesQuerySchema,
          response: { 200: pageSchema(stateSchema), ...errors },
        },
      },
      async (request) => queryStates(db, request.query),
    );

    app.get(
      '/states/:id',
      {
        config: { access: allow.public },
        schema: {
          tags: ['states'],
          summary: 'One State by ISO alpha-3 or alpha-2 code, or by any of its names',
          params: idParamsSchema,
          response: { 200: stateDetailSchema, ...errors },
        },
      },
      async (request) => {
        const state = await getState(db, request.params.id);
        return { ...state, memberships: await membershipsOfState(db, state.id) };
      },
    );

    app.get(
      '/resolve-name',
      {
        config: { access: allow.public },
        schema: {
          tags: ['states'],
          summary: 'Resolve State names in any of the six languages',
          description:
            'Repeat `name` for several names. Ambiguous and unknown names come back with `state: null` and candidates.',
          querystring: resolveQuerySchema,
          response: { 200: z.array(resolutionSchema), ...errors },
        },
      },
      async (request) => {
        const resolver = await loadNameResolver(db);
        const names = Array.isArray(request.query.name) ? request.query.name : [request.query.name];
        return names.map((name) => {
          const r = resolver.resolve(name, request.query.lang);
          return r.status === 'resolved'
            ? { input: r.input, state: r.state }
            : { input: r.input, state: null, status: r.status, candidates: r.candidates };
        });
      },
    );

    app.get(
      '/groups',
      {
        config: { access: allow.public },
        schema: {
          tags: ['groups'],
          summary: 'List groups of States',
          querystring: groupsQuerySchema,
          response: { 200: pageSchema(groupSummarySchema), ...errors },
        },
      },
      async (request) => {
        const on = request.query.at ?? today();
        const groups = (await listGroups(db)).map((g) => summarizeGroup(g, on));
        return paginate(groups, request.query.limit, request.query.offset);
      },
    );

    app.get(
      '/groups/:id',
      {
        config: { access: allow.public },
        schema: {
          tags: ['groups'],
          summary: 'One group with its dated membership',
          params: idParamsSchema,
          response: { 200: groupSchema, ...errors },
        },
      },
      async (request) =>
        (await findGroup(db, request.params.id)) ??
        Promise.reject(notFound('group', request.params.id)),
    );

    app.get(
      '/instruments',
      {
        config: { access: allow.public },
        schema: {
          tags: ['instruments'],
          summary: 'List treaties, protocols and agreement types',
          querystring: instrumentsQuerySchema,
          response: { 200: pageSchema(instrumentSchema), ...errors },
        },
      },
      async (request) => {
        const { kind, limit, offset } = request.query;
        const all = await listInstruments(db);
        return paginate(kind ? all.filter((i) => i.kind === kind) : all, limit, offset);
      },
    );

    app.get(
      '/instruments/:id',
      {
        config: { access: allow.public },
        schema: {
          tags: ['instruments'],
          summary: 'One instrument',
          params: idParamsSchema,
          response: { 200: instrumentSchema, ...errors },
        },
      },
      async (request) =>
        (await findInstrument(db, request.params.id)) ??
        Promise.reject(notFound('instrument', request.params.id)),
    );

    app.get(
      '/meetings',
      {
        config: { access: allow.public },
        schema: {
          tags: ['meetings'],
          summary: 'List meetings of the review cycle',
          querystring: meetingsQuerySchema,
          response: { 200: pageSchema(meetingSchema), ...errors },
        },
      },
      async (request) => {
        const { cycle, kind, from, to, limit, offset } = request.query;
        const meetings = (await listMeetings(db, { cycle, kind })).filter(
          (m) =>
            (from === undefined || m.endDate >= from) && (to === undefined || m.startDate <= to),
        );
        return paginate(meetings, limit, offset);
      },
    );

    app.get(
      '/meetings/:id',
      {
        config: { access: allow.public },
        schema: {
          tags: ['meetings'],
          summary: 'One meeting',
          params: idParamsSchema,
          response: { 200: meetingSchema, ...errors },
        },
      },
      async (request) =>
        (await findMeeting(db, request.params.id)) ??
        Promise.reject(notFound('meeting', request.params.id)),
    );

    app.get(
      '/actions',
      {
        config: { access: allow.public },
        schema: {
          tags: ['actions'],
          summary: 'List the actions of the 2010 Action Plan',
          querystring: actionsQuerySchema,
          response: { 200: pageSchema(actionSchema), ...errors },
        },
      },
      async (request) =>
        paginate(
          await listActions(db, { pillar: request.query.pillar }),
          request.query.limit,
          request.query.offset,
        ),
    );

    app.get(
      '/actions/:id',
      {
        config: { access: allow.public },
        schema: {
          tags: ['actions'],
          summary: 'One action, by AP2010-A5, A5, 5 or ME',
          params: idParamsSchema,
          response: { 200: actionSchema, ...errors },
        },
      },
      async (request) =>
        (await findAction(db, request.params.id)) ??
        Promise.reject(notFound('action', request.params.id)),
    );

    app.get(
      '/overview',
      {
        config: { access: allow.public },
        schema: {
          tags: ['overview'],
          summary: 'Counts and the review-cycle timeline for the dashboard',
          response: { 200: overviewSchema },
        },
      },
      async () => overview(db, today()),
    );
  };
}
