/**
 * @module The filters of the search query language (`lang:fr`, `year:2015`, `action:21`…). No
 * dependencies: the query parser and the web app's facet links both use this list.
 */
export const FILTER_FIELDS = [
  'lang',
  'symbol',
  'series',
  'year',
  'meeting',
  'type',
  'state',
  'action',
] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];
