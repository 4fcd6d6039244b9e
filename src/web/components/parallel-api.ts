/**
 * The alignment endpoints as the reader uses them: the parallel text, a correction, the TMX
 * download. Types are inferred from the server's zod schemas (type-only imports, so no zod code
 * reaches the bundle). Kept beside the reader rather than in api-client.ts while that file is
 * being changed by others; it reuses the client's URL builder, JSON reader and ApiError.
 */
import type { z } from 'zod';
import type {
  alignmentCorrectionBodySchema,
  ParallelTextResponse,
} from '../../contract/api-schemas.js';
import type { Lang } from '../../domain/language-codes.js';
import { ApiError, apiUrl, getJson } from '../api-client.js';
import type { ErrorBody } from '../api-types.js';

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

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Record<string, unknown>;
  return typeof body.code === 'string' && typeof body.message === 'string';
}

/** Records a correction; the API answers with the corrected alignment, or `{code, message,
 * field}`, which becomes an ApiError like every other failure. */
export async function postCorrection(body: CorrectionBody): Promise<Alignment> {
  let response: Response;
  try {
    response = await fetch(apiUrl('/alignment/corrections'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError(0, 'network_error', `The server could not be reached (${String(error)}).`);
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    if (isErrorBody(json)) throw new ApiError(response.status, json.code, json.message, json.field);
    throw new ApiError(response.status, 'http_error', `HTTP ${response.status}`);
  }
  if (json === undefined) throw new ApiError(response.status, 'bad_response', 'No JSON.');
  return json as Alignment;
}
