/**
 * Treaty participation over HTTP, on SQLite and PostgreSQL: status, SVG map and timeline, the
 * Atom feed of events and the iCalendar of meetings (both parsed, not just fetched).
 */
import type { FastifyInstance } from 'fastify';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { forEachStore } from '../support/for-each-store.js';

forEachStore('treaty API and feeds', ({ store }) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildApp({ store: store() });
  });
  afterAll(() => app.close());
  const get = (url: string) => app.inject({ method: 'GET', url });

  it('gives an instrument’s status on a date', async () => {
    const r = await get('/api/v1/instruments/CTBT/status?asOf=2014-01-01');
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      asOf: '2014-01-01',
      entryIntoForce: {
        rule: 'annex',
        missing: ['CHN', 'EGY', 'IND', 'IRN', 'ISR', 'PAK', 'PRK', 'USA'],
      },
    });
    expect((await get('/api/v1/instruments/CTBT/status?asOf=2014-13-01')).json()).toMatchObject({
      code: 'invalid_parameter',
      field: 'asOf',
    });
    expect((await get('/api/v1/instruments/NOPE/status')).statusCode).toBe(404);
    const one = (await get('/api/v1/instruments/NPT/status?state=KP&asOf=2004-01-01')).json<{
      states: { state: string; status: string }[];
    }>();
    expect(one.states).toEqual([expect.objectContaining({ state: 'PRK', status: 'withdrawn' })]);
  });

  it('lists events and the P5 protocol matrix', async () => {
    const events = (await get('/api/v1/events?instrument=ctbt&state=RUS')).json<{
      items: { kind: string }[];
    }>();
    expect(events.items.map((e) => e.kind)).toEqual([
      'signature',
      'ratification',
      'de-ratification',
    ]);
    const matrix = (await get('/api/v1/nwfz-protocols?asOf=2020-01-01')).json<{
      states: string[];
    }>();
    expect(matrix.states).toEqual(['CHN', 'FRA', 'GBR', 'RUS', 'USA']);
  });

  it('draws the map and the timeline as SVG', async () => {
    for (const url of [
      '/api/v1/instruments/CTBT/map.svg?asOf=2013-04-18',
      '/api/v1/instruments/TPNW/timeline.svg',
    ]) {
      const r = await get(url);
      expect(r.statusCode, url).toBe(200);
      expect(r.headers['content-type']).toMatch(/image\/svg\+xml/);
      expect(XMLValidator.validate(r.body), url).toBe(true);
    }
  });

  it('serves a valid Atom feed of events, filtered', async () => {
    const r = await get('/feeds/events.atom?instrument=TPNW');
    expect(r.headers['content-type']).toMatch(/application\/atom\+xml/);
    expect(XMLValidator.validate(r.body)).toBe(true);
    const feed = new XMLParser({ ignoreAttributes: false }).parse(r.body) as {
      feed: { entry: { title: string; updated: string; id: string }[]; id: string };
    };
    expect(feed.feed.entry.length).toBeGreaterThan(100);
    expect(feed.feed.entry[0]!.updated >= feed.feed.entry.at(-1)!.updated).toBe(true);
    expect(feed.feed.entry.some((e) => e.title === 'Honduras ratified the TPNW')).toBe(true);
    expect(new Set(feed.feed.entry.map((e) => e.id)).size).toBe(feed.feed.entry.length);
  });

  it('serves a valid iCalendar of the meetings', async () => {
    const r = await get('/calendar.ics');
    expect(r.headers['content-type']).toMatch(/text\/calendar/);
    const text = r.body;
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.split('\r\n').slice(0, -1);
    for (const line of lines) expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75);
    const unfolded = text.replace(/\r\n /g, '').split('\r\n');
    expect(unfolded[0]).toBe('BEGIN:VCALENDAR');
    const events = unfolded.filter((l) => l === 'BEGIN:VEVENT').length;
    expect(events).toBe(unfolded.filter((l) => l === 'END:VEVENT').length);
    expect(events).toBeGreaterThanOrEqual(30);
    expect(unfolded).toContain('UID:NPT-2015-PC2@pillars');
    const start = unfolded.indexOf('UID:NPT-2015-PC2@pillars');
    expect(unfolded.slice(start, start + 4)).toEqual(
      expect.arrayContaining(['DTSTART;VALUE=DATE:20130422', 'DTEND;VALUE=DATE:20130504']),
    );
  });
});
