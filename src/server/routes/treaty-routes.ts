/**
 * @module Treaty participation: an instrument's status on a date, events, and the P5 ×
 * nuclear-weapon-free-zone protocol matrix.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  errorSchema,
  eventsQuerySchema,
  idParamsSchema,
  instrumentStatusSchema,
  pageSchema,
  participationEventApiSchema,
  protocolMatrixSchema,
  statusQuerySchema,
} from '../../contract/api-schemas.js';
import { isoDateSchema } from '../../domain/reference-data.js';
import { today } from '../../states/state-queries.js';
import type { Store } from '../../store/open-store.js';
import { allow } from '../access/access-rules.js';
import { listEvents } from '../../store/repositories/events-repository.js';
import { statusMapSvg, timelineSvg } from '../../treaties/treaty-charts.js';
import { instrumentStatus, protocolMatrix } from '../../treaties/treaty-queries.js';
import { paginate } from '../paginate.js';

const errors = { 400: errorSchema, 404: errorSchema };

export function treatyRoutes(store: Store): FastifyPluginAsyncZod {
  const { db } = store;
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugins are async functions
  return async (app) => {
    app.get(
      '/instruments/:id/status',
      {
        config: { access: allow.public },
        schema: {
          tags: ['instruments'],
          summary:
            "Each State's status on a date, counts, and entry into force computed under the instrument's rule",
          params: idParamsSchema,
          querystring: statusQuerySchema,
          response: { 200: instrumentStatusSchema, ...errors },
        },
      },
      async (request) =>
        instrumentStatus(db, request.params.id, request.query.asOf ?? today(), {
          state: request.query.state,
        }),
    );

    const charts = [
      ['map.svg', 'A world map of status on a date, as SVG', statusMapSvg],
      ['timeline.svg', 'Parties and signatories over time, as SVG', timelineSvg],
    ] as const;
    for (const [file, summary, render] of charts) {
      app.get(
        `/instruments/:id/${file}`,
        {
          config: { access: allow.public },
          schema: {
            tags: ['instruments'],
            summary,
            params: idParamsSchema,
            querystring: z.object({ asOf: isoDateSchema.optional() }),
            response: { 200: z.string(), ...errors },
          },
        },
        async (request, reply) =>
          reply
            .type('image/svg+xml; charset=utf-8')
            .header('cache-control', 'public, max-age=300')
            .send(await render(db, request.params.id, request.query.asOf ?? today())),
      );
    }

    app.get(
      '/events',
      {
        config: { access: allow.public },
        schema: {
          tags: ['instruments'],
          summary:
            'Participation events (signature, ratification, withdrawal …) with their sources',
          querystring: eventsQuerySchema,
          response: { 200: pageSchema(participationEventApiSchema), ...errors },
        },
      },
      async (request) => {
        const { instrument, state, since, limit, offset } = request.query;
        const events = await listEvents(db, {
          instrument: instrument?.toUpperCase(),
          state: state?.toUpperCase(),
          since,
        });
        return paginate(
          events.map(({ origin: _origin, ...e }) => e),
          limit,
          offset,
        );
      },
    );

    app.get(
      '/nwfz-protocols',
      {
        config: { access: allow.public },
        schema: {
          tags: ['instruments'],
          summary:
            'What each nuclear-weapon State has signed and ratified of the nuclear-weapon-free-zone protocols',
          querystring: z.object({ asOf: isoDateSchema.optional() }),
          response: { 200: protocolMatrixSchema, ...errors },
        },
      },
      async (request) => protocolMatrix(db, request.query.asOf ?? today()),
    );
  };
}
