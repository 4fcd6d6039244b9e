/**
 * The comparison endpoints as the comparison page uses them: the comparison as JSON and the
 * addresses of its two redline downloads. Types come from the server's zod schemas (type-only).
 */
import type { ComparisonResponse } from '../../contract/api-schemas.js';
import { apiUrl, getJson } from '../api-client.js';
import type { CompareAddress } from '../router.js';

export type Comparison = ComparisonResponse;
export type Change = Comparison['changes'][number];
export type ChangeKind = Change['kind'];
export type ComparedText = Comparison['older'];
export type WordPart = NonNullable<Change['words']>[number];
export type AcrossText = NonNullable<Comparison['across']>;

function params(address: CompareAddress, withAcross: boolean) {
  return {
    older: address.older,
    newer: address.newer,
    lang: address.lang,
    across: withAcross ? address.across : undefined,
  };
}

export function fetchComparison(address: CompareAddress, signal?: AbortSignal) {
  return getJson<Comparison>(apiUrl('/compare', params(address, true)), signal);
}

/** The redlines show one language, so the second one is left out of their addresses (with a
 * version suffix the API would refuse it). */
export function redlineUrl(address: CompareAddress, format: 'html' | 'docx'): string {
  return apiUrl(`/compare/redline.${format}`, params(address, false));
}
