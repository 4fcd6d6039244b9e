/**
 * @module Turns a parsed query into a match tree per language: each word and phrase is analysed
 * by that language's analyzer (so `sécurité` meets `securite`, `الأسلحة` meets `الاسلحة`),
 * Chinese words of one or two characters search the character column (substrings), longer
 * Chinese text searches both words and characters, and filters become meta tokens.
 */
import { invalidQuery } from '../../domain/errors.js';
import type { AnalysisLang } from '../analysis/analyzer.js';
import { analyzerFor } from '../analysis/analyzers.js';
import { metaToken, metaValue } from '../index/meta-tokens.js';
import type { MatchNode, MatchPhrase } from './match-tree.js';
import { TEXT_COLUMNS } from './match-tree.js';
import type { ParsedQuery, QueryFilter, QueryNode } from './query-ast.js';

export const ALL_LANGS: readonly AnalysisLang[] = ['ar', 'zh', 'en', 'fr', 'ru', 'es', 'und'];

/** Extra wordings of a query clause in one language (from State names, action keywords, ...). */
export interface Expansion {
  readonly node: QueryNode;
  readonly lang: AnalysisLang;
  readonly text: string;
}

export interface CompileContext {
  /** ISO alpha-3 of a State written as a code or a name; throws invalidQuery when unknown. */
  resolveState(value: string, filter: QueryFilter): string;
  /** Canonical form of a symbol written by a user, or the value itself. */
  canonicalSymbol(value: string): string;
  readonly expansions?: readonly Expansion[];
  /**
   * Chinese text of three characters or more searches the segmented words; with 'always' it
   * also searches the characters (a substring), for when segmentation cut the text differently.
   */
  readonly chineseCharacters?: 'short' | 'always';
}

export interface CompiledQuery {
  /** Languages to search, each with its match tree. */
  readonly perLang: ReadonlyMap<AnalysisLang, MatchNode>;
}

const HAN = /^\p{Script=Han}+$/u;
const MAX_YEARS = 200;

function universe(lang: AnalysisLang): MatchPhrase {
  return { kind: 'phrase', terms: [metaToken('lang', lang)], lastPrefix: false, columns: ['meta'] };
}

function textPhrase(
  text: string,
  lang: AnalysisLang,
  prefix: boolean,
  always: boolean,
): MatchNode | null {
  const analyzer = analyzerFor(lang);
  const terms = analyzer.analyze(text).map((t) => t.term);
  const compact = text.replace(/\s+/gu, '');
  const chars =
    analyzer.characters && HAN.test(compact) ? analyzer.characters(compact).map((t) => t.term) : [];
  const charPhrase: MatchPhrase | null =
    chars.length > 0
      ? { kind: 'phrase', terms: chars, lastPrefix: false, columns: ['chars'] }
      : null;
  // One or two Chinese characters are rarely a word of their own: search them as a substring.
  if (charPhrase && chars.length <= 2) return charPhrase;
  if (terms.length === 0) return charPhrase;
  const words: MatchPhrase = { kind: 'phrase', terms, lastPrefix: prefix, columns: TEXT_COLUMNS };
  if (prefix && terms.length === 1 && STEMMED.has(lang)) return stemAwarePrefix(terms[0]!);
  return charPhrase && always ? { kind: 'or', children: [words, charPhrase] } : words;
}

const STEMMED: ReadonlySet<AnalysisLang> = new Set(['ar', 'en', 'fr', 'ru', 'es']);
/** How many characters a stemmer may take off a word's end, for the prefix rule below. */
const STEM_CUT = 4;

/**
 * The index holds stems, which can be shorter than what a user types before `*`:
 * `reunifica*` must find "reunification", indexed as `reunif`. So a prefix also matches, as a
 * whole term, each of its own truncations down to STEM_CUT characters shorter (never under 4).
 */
function stemAwarePrefix(term: string): MatchNode {
  const chars = [...term];
  const shortest = Math.max(4, chars.length - STEM_CUT);
  const phrase = (t: string, lastPrefix: boolean): MatchPhrase => ({
    kind: 'phrase',
    terms: [t],
    lastPrefix,
    columns: TEXT_COLUMNS,
  });
  const truncations: MatchPhrase[] = [];
  for (let n = chars.length - 1; n >= shortest; n--) {
    truncations.push(phrase(chars.slice(0, n).join(''), false));
  }
  const whole = phrase(term, true);
  return truncations.length > 0 ? { kind: 'or', children: [whole, ...truncations] } : whole;
}

function compileNode(
  node: QueryNode,
  lang: AnalysisLang,
  expansions: readonly Expansion[],
  always = false,
): MatchNode | null {
  let compiled: MatchNode | null;
  switch (node.kind) {
    case 'term':
      compiled = textPhrase(node.text, lang, node.prefix, always);
      break;
    case 'phrase':
      compiled = textPhrase(node.text, lang, false, always);
      break;
    case 'not': {
      const child = compileNode(node.child, lang, expansions, always);
      return child ? { kind: 'and', children: [universe(lang)], exclude: [child] } : null;
    }
    case 'and': {
      const positive: MatchNode[] = [];
      const exclude: MatchNode[] = [];
      for (const child of node.children) {
        if (child.kind === 'not') {
          const inner = compileNode(child.child, lang, expansions, always);
          if (inner) exclude.push(inner);
        } else {
          const c = compileNode(child, lang, expansions, always);
          if (c) positive.push(c);
        }
      }
      if (positive.length === 0 && exclude.length === 0) return null;
      compiled = {
        kind: 'and',
        children: positive.length > 0 ? positive : [universe(lang)],
        exclude,
      };
      if (positive.length === 1 && exclude.length === 0) compiled = positive[0]!;
      break;
    }
    case 'or': {
      const children = node.children
        .map((c) => compileNode(c, lang, expansions, always))
        .filter((c): c is MatchNode => c !== null);
      if (children.length === 0) return null;
      compiled = children.length === 1 ? children[0]! : { kind: 'or', children };
      break;
    }
  }
  const extra = expansions
    .filter((e) => e.node === node && e.lang === lang)
    .map((e) => textPhrase(e.text, lang, false, always))
    .filter((c): c is MatchNode => c !== null);
  if (extra.length === 0) return compiled;
  return { kind: 'or', children: compiled ? [compiled, ...extra] : extra };
}

function filterValues(filter: QueryFilter, context: CompileContext): string[] {
  switch (filter.field) {
    case 'year':
      return filter.values.flatMap((value) => {
        const range = /^(\d{4})\.\.(\d{4})$/.exec(value);
        if (!range) return [value];
        const [from, to] = [Number(range[1]), Number(range[2])];
        if (to - from > MAX_YEARS) {
          throw invalidQuery(
            `the year range ${value} spans more than ${MAX_YEARS} years`,
            filter.start,
          );
        }
        return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
      });
    case 'state':
      return filter.values.map((v) => context.resolveState(v, filter));
    case 'symbol':
      return filter.values.map((v) => context.canonicalSymbol(v));
    default:
      return [...filter.values];
  }
}

function filterNode(filter: QueryFilter, context: CompileContext): MatchNode {
  const children: MatchPhrase[] = filterValues(filter, context)
    .filter((v) => metaValue(v) !== '')
    .map((v) => ({
      kind: 'phrase',
      terms: [metaToken(filter.field, v)],
      lastPrefix: false,
      columns: ['meta'],
    }));
  if (children.length === 0) {
    throw invalidQuery(`${filter.field}: needs a value with letters or digits`, filter.start);
  }
  return children.length === 1 ? children[0]! : { kind: 'or', children };
}

/** The languages the query's `lang:` filters leave (all when there are none). */
export function queryLanguages(
  query: ParsedQuery,
  requested?: readonly AnalysisLang[],
): AnalysisLang[] {
  let langs = requested && requested.length > 0 ? [...requested] : [...ALL_LANGS];
  for (const filter of query.filters) {
    if (filter.field !== 'lang') continue;
    const values = new Set(filter.values);
    langs = langs.filter((l) => (filter.negated ? !values.has(l) : values.has(l)));
  }
  return langs;
}

export function compileQuery(
  query: ParsedQuery,
  context: CompileContext,
  requestedLangs?: readonly AnalysisLang[],
): CompiledQuery {
  const expansions = context.expansions ?? [];
  const filters = query.filters.filter((f) => f.field !== 'lang');
  const positiveFilters = filters.filter((f) => !f.negated).map((f) => filterNode(f, context));
  const negativeFilters = filters.filter((f) => f.negated).map((f) => filterNode(f, context));
  const perLang = new Map<AnalysisLang, MatchNode>();
  for (const lang of queryLanguages(query, requestedLangs)) {
    let text: MatchNode | null = null;
    if (query.text) {
      text = compileNode(query.text, lang, expansions, context.chineseCharacters === 'always');
      // Words that analyse to nothing in this language (only punctuation) cannot match here.
      if (text === null) continue;
    }
    const children = [...(text ? [text] : []), ...positiveFilters];
    const node: MatchNode = {
      kind: 'and',
      children: children.length > 0 ? children : [universe(lang)],
      exclude: negativeFilters,
    };
    perLang.set(lang, flatten(node));
  }
  return { perLang };
}

/** An AND of one thing without exclusions is that thing; nested ANDs merge. */
function flatten(node: MatchNode): MatchNode {
  if (node.kind === 'phrase') return node;
  if (node.kind === 'or') return { kind: 'or', children: node.children.map(flatten) };
  const children: MatchNode[] = [];
  const exclude = node.exclude.map(flatten);
  for (const child of node.children.map(flatten)) {
    if (child.kind === 'and') {
      children.push(...child.children);
      exclude.push(...child.exclude);
    } else children.push(child);
  }
  // The universe is only needed when nothing else is positive.
  const real = children.filter(
    (c) => !(c.kind === 'phrase' && c.columns[0] === 'meta' && c.terms[0]?.startsWith('lang_')),
  );
  const kept = real.length > 0 ? real : children.slice(0, 1);
  if (kept.length === 1 && exclude.length === 0) return kept[0]!;
  return { kind: 'and', children: kept, exclude };
}
