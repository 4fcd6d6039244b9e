/**
 * @module Feeds: an Atom feed of participation events (/feeds/events.atom?instrument=&state=) and
 * an iCalendar of the meetings (/calendar.ics). Outside /api so feed readers and calendars can
 * subscribe without an API key or rate limit in future.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorSchema } from '../../contract/api-schemas.js';
import { eventsAtom } from '../../feeds/events-atom.js';
import { meetingsICalendar } from '../../feeds/meetings-icalendar.js';
import { loadStateCatalog } from '../../states/state-catalog.js';
import type { Store } from '../../store/open-store.js';
import { allow } from '../access/access-rules.js';
import { listEvents } from '../../store/repositories/events-repository.js';
import { listInstruments } from '../../store/repositories/instruments-repository.js';
import { listMeetings } from '../../store/repositories/meetings-repository.js';
import { displayName } from '../../domain/model.js';

export function feedRoutes(store: Store): FastifyPluginAsyncZod {
  const { db } = store;
  // eslint-disable-next-line @typescript-eslint/require-await -- Fastify plugins are async functions
  return async (app) => {
    app.get(
      '/feeds/events.atom',
      {
        config: { access: allow.public },
        schema: {
          tags: ['feeds'],
          summary: 'Atom feed of participation events, newest first',
          querystring: z.object({
            instrument: z.string().min(1).max(40).optional(),
            state: z.string().min(2).max(3).optional(),
          }),
          response: { 200: z.string(), 400: errorSchema },
        },
      },
      async (request, reply) => {
        const { instrument, state } = request.query;
        const [events, instruments, catalog] = await Promise.all([
          listEvents(db, { instrument: instrument?.toUpperCase(), state: state?.toUpperCase() }),
          listInstruments(db),
          loadStateCatalog(db),
        ]);
        const self = `${request.protocol}://${request.host}${request.url}`;
        const xml = eventsAtom(events.slice(-500), {
          selfUrl: self,
          title: `Pillars: treaty events${instrument ? ` — ${instrument.toUpperCase()}` : ''}${state ? ` — ${state.toUpperCase()}` : ''}`,
          instrumentNames: new Map(instruments.map((i) => [i.id, i.names.en.short])),
          stateNames: new Map(catalog.states.map((s) => [s.id, displayName(s.names.en.short)])),
        });
        return reply.type('application/atom+xml; charset=utf-8').send(xml);
      },
    );

    app.get(
      '/calendar.ics',
      {
        config: { access: allow.public },
        schema: {
          tags: ['feeds'],
          summary: 'iCalendar of the meetings of the review cycle',
          response: { 200: z.string() },
        },
      },
      async (_request, reply) => {
        const stamp = `${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
        return reply
          .type('text/calendar; charset=utf-8')
          .send(meetingsICalendar(await listMeetings(db), stamp));
      },
    );
  };
}
