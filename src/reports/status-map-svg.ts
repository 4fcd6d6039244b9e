/**
 * @module A world map of treaty status on a date, as standalone SVG: Natural Earth 1:50m shapes
 * from world-atlas (Equal Earth projection), one colour per status, and a dot for small island
 * States the 1:50m shapes leave out (Tuvalu). Used by the API, the CLI and reports.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoEqualEarth, geoPath } from 'd3-geo';
import type { FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { StateStanding } from '../treaties/treaty-status.js';
import { STATUS_COLORS, STATUS_LABELS_EN } from '../contract/status-colors.js';

/** Small States missing from the 1:50m shapes, drawn as dots: ISO numeric → [longitude, latitude]. */
const DOTS: Readonly<Record<string, [number, number]>> = { '798': [179.2, -8.5] };

let shapes: FeatureCollection<Geometry, { name: string }> | undefined;
function worldShapes(): FeatureCollection<Geometry, { name: string }> {
  if (!shapes) {
    const require = createRequire(import.meta.url);
    const topology = JSON.parse(
      readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'),
    ) as Topology;
    shapes = feature(topology, topology.objects.countries!) as unknown as FeatureCollection<
      Geometry,
      { name: string }
    >;
  }
  return shapes;
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface MapOptions {
  readonly title: string;
  readonly labels?: Readonly<Record<StateStanding, string>>;
  readonly width?: number;
  /** ISO numeric code → display name, for the tooltips. */
  readonly names?: ReadonlyMap<string, string>;
}

/** `statusByNumeric`: ISO 3166-1 numeric code (3 digits) → status on the day. */
export function renderStatusMapSvg(
  statusByNumeric: ReadonlyMap<string, StateStanding>,
  options: MapOptions,
): string {
  const width = options.width ?? 960;
  const mapHeight = Math.round(width * 0.487);
  const legendHeight = 36;
  const height = mapHeight + legendHeight + 30;
  const world = worldShapes();
  const projection = geoEqualEarth().fitExtent(
    [
      [4, 30],
      [width - 4, 30 + mapHeight],
    ],
    world,
  );
  // One decimal of a pixel is finer than the eye sees and keeps the SVG a fraction of the size.
  const path = geoPath(projection).digits(1);
  const labels = options.labels ?? STATUS_LABELS_EN;
  const fill = (numeric: string | undefined) =>
    STATUS_COLORS[(numeric && statusByNumeric.get(numeric.padStart(3, '0'))) || 'not-signed'];
  const shapesSvg = world.features
    .map((f) => {
      const id = f.id === undefined ? undefined : String(f.id).padStart(3, '0');
      const d = path(f);
      if (!d) return '';
      const status = id ? statusByNumeric.get(id) : undefined;
      const name = (id && options.names?.get(id)) ?? f.properties.name;
      return `<path d="${d}" fill="${fill(id)}" stroke="#fff" stroke-width="0.4"><title>${escape(name)}${status ? `: ${escape(labels[status])}` : ''}</title></path>`;
    })
    .join('');
  const dots = Object.entries(DOTS)
    .map(([id, coordinates]) => {
      const point = projection(coordinates);
      if (!point) return '';
      const status = statusByNumeric.get(id);
      return `<circle cx="${point[0].toFixed(1)}" cy="${point[1].toFixed(1)}" r="3.5" fill="${fill(id)}" stroke="#333" stroke-width="0.6"><title>${escape(options.names?.get(id) ?? id)}${status ? `: ${escape(labels[status])}` : ''}</title></circle>`;
    })
    .join('');
  const present = (Object.keys(STATUS_COLORS) as StateStanding[]).filter(
    (s) => s === 'not-signed' || [...statusByNumeric.values()].includes(s),
  );
  const legend = present
    .map((s, i) => {
      const x = 8 + i * Math.floor((width - 16) / present.length);
      return `<rect x="${x}" y="${mapHeight + 42}" width="14" height="14" fill="${STATUS_COLORS[s]}" stroke="#999" stroke-width="0.5"/><text x="${x + 20}" y="${mapHeight + 54}" font-size="13">${escape(labels[s])}</text>`;
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="Noto Sans, Noto Sans CJK SC, Noto Naskh Arabic, sans-serif" role="img" aria-label="${escape(options.title)}"><title>${escape(options.title)}</title><rect width="100%" height="100%" fill="#fff"/><text x="8" y="20" font-size="16" font-weight="600">${escape(options.title)}</text><g>${shapesSvg}${dots}</g><g>${legend}</g></svg>`;
}
