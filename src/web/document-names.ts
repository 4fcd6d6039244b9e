/**
 * How documents are named and addressed in the web app: their label (the symbol, or the generated
 * id of a document that has none yet), their page's address, and the language of a text whose
 * language the ingest may not have determined (`und`).
 */
import { isLang } from '../domain/language-codes.js';
import type { DocumentSummary, Lang, TextLang, WorkExpression } from './api-types.js';
import { dirOf } from './i18n/i18n-context.js';

/** The symbol, or the generated id (`pillars:0123456789ab`) of a document without one. */
export function documentLabel(work: { readonly id: string; readonly symbol: string | null }) {
  return work.symbol ?? work.id;
}

export interface DocumentAddress {
  readonly lang?: TextLang | undefined;
  readonly revision?: string | undefined;
  readonly version?: number | undefined;
  /** A segment's eId, to land on that paragraph. */
  readonly eId?: string | undefined;
}

/** `/documents/A%2FRES%2F55%2F100/fr?version=2#para_2`: the id is one path segment. */
export function documentHref(workId: string, address: DocumentAddress = {}): string {
  const query = new URLSearchParams();
  if (address.revision !== undefined && address.revision !== '') {
    query.set('revision', address.revision);
  }
  if (address.version !== undefined) query.set('version', String(address.version));
  const search = query.toString();
  return [
    `/documents/${encodeURIComponent(workId)}`,
    address.lang === undefined ? '' : `/${address.lang}`,
    search === '' ? '' : `?${search}`,
    address.eId === undefined || address.eId === '' ? '' : `#${encodeURIComponent(address.eId)}`,
  ].join('');
}

/** The language of a list entry's title, as the API reports it. */
export function summaryTitleLang(summary: DocumentSummary): TextLang {
  return summary.titleLang ?? summary.languages[0] ?? 'und';
}

/**
 * `lang` and `dir` for text in `textLang` inside a page in `uiLang`, as useTextAttrs gives them,
 * plus `und`: text of unknown language takes its direction from its first strong character.
 */
export function textLangAttrs(
  textLang: TextLang,
  uiLang: Lang,
): { lang: string; dir?: 'ltr' | 'rtl' | 'auto' } {
  if (!isLang(textLang)) return { lang: 'und', dir: 'auto' };
  const textDir = dirOf(textLang);
  return textDir === dirOf(uiLang) ? { lang: textLang } : { lang: textLang, dir: textDir };
}

/**
 * The language to show when the address names none: the reader's, if the document exists in it,
 * else the original, else the first version the API lists (it lists them in UN order).
 */
export function defaultTextLang(
  expressions: readonly WorkExpression[],
  uiLang: Lang,
): TextLang | undefined {
  const current = expressions.filter((e) => e.current);
  const pool = current.length > 0 ? current : expressions;
  return (
    pool.find((e) => e.lang === uiLang)?.lang ??
    pool.find((e) => e.originalLang !== null && e.lang === e.originalLang)?.lang ??
    pool[0]?.lang
  );
}

/** The languages a document exists in, each once, in the API's (UN) order. */
export function textLangs(expressions: readonly WorkExpression[]): TextLang[] {
  return [...new Set(expressions.map((e) => e.lang))];
}

/** The language the document was written in, when a version's header says. */
export function originalLangOf(expressions: readonly WorkExpression[]): Lang | null {
  return expressions.find((e) => e.originalLang !== null)?.originalLang ?? null;
}

/**
 * The language version the address asks for, as the API chooses it: the given revision or else
 * the latest, and the given version or else the current one.
 */
export function chosenExpression(
  expressions: readonly WorkExpression[],
  lang: TextLang,
  revision: string | undefined,
  version: number | undefined,
): WorkExpression | undefined {
  return expressions
    .filter(
      (e) =>
        e.lang === lang &&
        (revision === undefined || e.revision === revision) &&
        (version === undefined ? e.current : e.version === version),
    )
    .sort((a, b) => (a.revision < b.revision ? 1 : a.revision > b.revision ? -1 : 0))[0];
}
