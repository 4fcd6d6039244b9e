/**
 * @module Filter tokens. Each indexed paragraph carries tokens such as `year_2015`, `type_wp`,
 * `state_fra` or `action_21` in its meta column, so a filter is one more term the engine
 * intersects (cheap, and identical on both engines). The `_` never occurs in an analysed word,
 * so a user's words cannot collide with these tokens.
 */
import type { AnalysisLang } from '../analysis/analyzer.js';

/** Lower case, every run of other than letters and digits as one `_`. */
export function metaValue(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '_')
    .replace(/^_+|_+$/g, '');
}

/** The fields filter tokens are made of: every token is `<field>_<value>`. */
export const META_FIELDS = [
  'lang',
  'year',
  'type',
  'symbol',
  'series',
  'meeting',
  'state',
  'action',
] as const;
export type MetaField = (typeof META_FIELDS)[number];

export const metaToken = (field: MetaField, value: string) => `${field}_${metaValue(value)}`;

/** Every prefix of a symbol's body, from the organ down: NPT, NPT/CONF.2015, NPT/CONF.2015/PC.I. */
export function seriesValues(body: string): string[] {
  const parts = body.split('/').filter((p) => p !== '');
  return parts.map((_, i) => parts.slice(0, i + 1).join('/'));
}

export interface MetaSource {
  readonly lang: AnalysisLang;
  readonly year: number | null;
  readonly docType: string | null;
  readonly symbol: string | null;
  readonly body: string | null;
  readonly meetingId: string | null;
  readonly states: readonly string[];
  readonly actions: readonly number[];
}

/** The tokens every paragraph of a document carries (all but the actions it cites). */
export function documentTokens(source: Omit<MetaSource, 'actions'>): string[] {
  const tokens = [metaToken('lang', source.lang)];
  if (source.year !== null) tokens.push(metaToken('year', String(source.year)));
  if (source.docType) tokens.push(metaToken('type', source.docType));
  if (source.symbol) tokens.push(metaToken('symbol', source.symbol));
  if (source.body) for (const s of seriesValues(source.body)) tokens.push(metaToken('series', s));
  if (source.meetingId) tokens.push(metaToken('meeting', source.meetingId));
  for (const state of source.states) tokens.push(metaToken('state', state));
  return tokens.filter((t) => !t.endsWith('_'));
}

/** The tokens of the actions a paragraph cites. */
export function actionTokens(actions: readonly number[]): string[] {
  return actions.map((action) => metaToken('action', String(action)));
}

export function metaTokens(source: MetaSource): string[] {
  return [...documentTokens(source), ...actionTokens(source.actions)];
}
