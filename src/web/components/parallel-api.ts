/**
 * The alignment endpoints as the reader uses them: the parallel text, a correction, the TMX
 * download. Types are inferred from the server's zod schemas (type-only imports, so no zod code
 * reaches the bundle). Built on the client's URL builder and JSON requests (api-client.ts).
 */
import type { z } from 'zod';
import type {
  alignmentCorrectionBodySchema,
  ParallelTextResponse,
} from '../../contract/api-schemas.js';
import type { Lang } from '../../domain/language-codes.js';
import { apiUrl, getJson, postJson } from '../api-client.js';

export type ParallelText = ParallelTextResponse;
export type ParallelRow = ParallelText['rows'][number];
export type ParallelSide = ParallelText['sides'][string];
export type Alignment = NonNullable<ParallelText['alignment']>;
export type AlignmentCorrection = Alignment['corrections'][number];
export type CorrectionBody = z.input<typeof alignmentCorrectionBodySchema>;

export function fetchParallelText(
  symbol: string,
  langs: readonly Lang[],
  signal?: AbortSignal,
): Promise<ParallelText> {
  return getJson<ParallelText>(apiUrl('/alignment', { symbol, langs: langs.join(',') }), signal);
}

/** Where the TMX of the shown languages is downloaded from. */
export function tmxUrl(symbol: string, langs: readonly Lang[]): string {
  return apiUrl('/tmx', { symbol, langs: langs.join(',') });
}

/** Records a correction; the API answers with the corrected alignment. */
export function postCorrection(body: CorrectionBody): Promise<Alignment> {
  return postJson<Alignment>(apiUrl('/alignment/corrections'), body);
}
