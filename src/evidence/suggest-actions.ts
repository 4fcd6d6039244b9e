/**
 * @module The action suggester: for a paragraph in any of the six languages (or of undetermined
 * language), the 2010 Action Plan actions it most likely bears on, each with a score in [0, 1] and
 * the reasons behind it. Pure: everything is built once from the descriptors, then each paragraph
 * is analysed (with the search analyzers, so inflected forms match) and looked up.
 *
 * What counts, per action (the raw score is the sum; `score = 1 − exp(−raw)`):
 * - citation — "Action 21", "actions 5, 20 and 21", "行动 5、20 和 21": {@link CITATION_WEIGHT},
 *   shared out when one citation names many actions ("actions 1 to 22" is a pointer to a part of
 *   the plan, not a claim about each action).
 * - keyword — a keyword of the action, matched as consecutive analysed tokens (Chinese: as a
 *   substring of the normalised text, since dictionary word cuts differ between a keyword and a
 *   sentence). Its weight is its specificity: an IDF over actions (how many actions mention the
 *   keyword, in any of its translations, in their keywords, subsection title or summary; an
 *   article named in it, "Article VI", counts every action relating to that article; the Treaty
 *   itself, {@link COMMON_TERMS}, counts every action), so "IAEA safeguards" (fourteen actions)
 *   weighs far less than "Additional Protocol" and "NPT" next to nothing. Keywords of
 *   another language count at {@link CROSS_LANGUAGE_FACTOR} (names like "CTBT" are written
 *   everywhere); keywords in capitals are matched unstemmed in every language. A keyword whose
 *   words are all (or nearly all, weighted by IDF) in the paragraph a few words apart counts at
 *   {@link LOOSE_FACTOR} ("entry into force of the CTBT" for "CTBT entry into force"). The
 *   subsection title counts as a keyword at {@link TITLE_FACTOR}. One keyword counts once per
 *   action, however many languages or places match it.
 * - summary — the share (IDF-weighted) of the summary's content words the paragraph uses, times
 *   {@link SUMMARY_WEIGHT}: a small term that ranks actions the keywords do not separate.
 * - concept — a concept of the optional glossary hook whose term (any language) is in the
 *   paragraph, linked to the actions that have one of the concept's terms among their keywords.
 *
 * Actions with a raw score below {@link MIN_RAW_SCORE} are not suggested: a lone generic keyword
 * or a few summary words shared by chance is not evidence worth a reviewer's time.
 */
import type { ActionSuggestion, MatchReason } from '../domain/evidence.js';
import { LANGUAGES, type Lang } from '../domain/language-codes.js';
import { analyzerFor } from '../search/analysis/analyzers.js';
import type { ActionDescriptor } from './action-descriptors.js';
import { citationsIn, type Citation } from './action-citations.js';
import {
  containsSequence,
  formsKey,
  HAN,
  isContentTerm,
  isName,
  isTokenLang,
  normalized,
  normalizedWithOffsets,
  positionsOf,
  ROMAN_NUMERAL,
  SEP,
  single,
  termsOf,
  TOKEN_LANGS,
  wordFormsOf,
  type Position,
  type TokenLang,
  type WordForms,
} from './match-text.js';

/** Changes whenever scoring changes, so stored suggestions can be recomputed. */
export const SUGGESTER_VERSION = 'suggest-actions/1';

export const DEFAULT_LIMIT = 5;
/** An explicit citation of one action (or of two or three together). */
export const CITATION_WEIGHT = 3;
/** The most specific keyword (found in one action only). */
export const KEYWORD_WEIGHT = 1;
export const TITLE_FACTOR = 0.4;
export const CROSS_LANGUAGE_FACTOR = 0.5;
/** Keywords of every language, for a paragraph whose language is not known. */
export const UNDETERMINED_FACTOR = 0.8;
export const LOOSE_FACTOR = 0.6;
/** Least IDF-weighted share of a keyword's words for a loose match. */
export const LOOSE_MIN_COVERAGE = 0.6;
export const SUMMARY_WEIGHT = 0.7;
export const CONCEPT_FACTOR = 0.8;
/** Below this raw score (score ≈ 0.26) an action is not suggested. */
export const MIN_RAW_SCORE = 0.3;

/** A glossary concept: its terms per language. */
export interface SuggesterConcept {
  readonly id: string;
  readonly terms: Partial<Record<Lang, readonly string[]>>;
}

export interface ActionMatcherOptions {
  readonly concepts?: readonly SuggesterConcept[];
  /**
   * Names that every paragraph of the review cycle may use whatever it is about: a keyword
   * equal to one of them weighs as if every action had it. Default {@link COMMON_TERMS}.
   */
  readonly commonTerms?: Partial<Record<Lang, readonly string[]>>;
}

/**
 * The Treaty itself. Every document of the review cycle is about the NPT, so naming it says
 * nothing about which action a paragraph bears on — but the descriptors cannot show that: few
 * summaries name it (they say "the Treaty"), so an IDF over actions alone rates it specific.
 */
export const COMMON_TERMS: Readonly<Record<Lang, readonly string[]>> = {
  ar: ['معاهدة عدم الانتشار', 'معاهدة عدم انتشار الأسلحة النووية'],
  zh: ['《不扩散条约》', '《不扩散核武器条约》'],
  en: ['NPT', 'Treaty on the Non-Proliferation of Nuclear Weapons'],
  fr: ['TNP', 'Traité sur la non-prolifération des armes nucléaires'],
  ru: ['ДНЯО', 'Договор о нераспространении ядерного оружия'],
  es: ['TNP', 'Tratado sobre la No Proliferación de las Armas Nucleares'],
};

export interface ActionMatcher {
  /** The best actions for `text`, at most `limit` (default {@link DEFAULT_LIMIT}), best first. */
  suggest(text: string, lang: Lang | 'und', limit?: number): ActionSuggestion[];
}

type ReasonKind = MatchReason['kind'];

/** What a phrase found in a paragraph says about one action. */
interface Link {
  readonly action: number;
  readonly kind: ReasonKind;
  /** One keyword (in whatever language) or concept counts once per action. */
  readonly slot: string;
  readonly term: string;
  readonly weight: number;
}

interface Phrase {
  readonly lang: Lang;
  readonly tokens: readonly WordForms[];
  /** Chinese: the normalised keyword, matched as a substring. */
  readonly text: string;
  readonly links: Link[];
}

interface Hit {
  readonly link: Link;
  /** The language of the phrase that matched. */
  readonly lang: Lang;
  readonly weight: number;
  readonly start: number;
  readonly end: number;
}

// ---------------------------------------------------------------------------------------------
// Building

/** The texts of one action in one language: its keywords, subsection title and summary. */
interface ActionTexts {
  readonly tokens: readonly (readonly string[])[];
  readonly normalized: readonly string[];
}

/** Exact phrases of one channel, by first token. */
class PhraseIndex {
  readonly byFirst = new Map<string, Phrase[]>();
  readonly all = new Map<string, Phrase>();

  add(lang: Lang, tokens: readonly WordForms[], link: Link): void {
    if (tokens.length === 0) return;
    const key = `${lang}${SEP}${formsKey(tokens)}`;
    let phrase = this.all.get(key);
    if (phrase === undefined) {
      phrase = { lang, tokens, text: '', links: [] };
      this.all.set(key, phrase);
      for (const first of tokens[0]!) {
        const list = this.byFirst.get(first);
        if (list) list.push(phrase);
        else this.byFirst.set(first, [phrase]);
      }
    }
    phrase.links.push(link);
  }
}

/** Chinese phrases, matched as substrings of the normalised text, by first character. */
class SubstringIndex {
  readonly byFirst = new Map<string, Phrase[]>();
  readonly all = new Map<string, Phrase>();

  add(lang: Lang, text: string, link: Link): void {
    if (text === '') return;
    let phrase = this.all.get(text);
    if (phrase === undefined) {
      phrase = { lang, tokens: [], text, links: [] };
      this.all.set(text, phrase);
      const first = String.fromCodePoint(text.codePointAt(0)!);
      const list = this.byFirst.get(first);
      if (list) list.push(phrase);
      else this.byFirst.set(first, [phrase]);
    }
    phrase.links.push(link);
  }
}

/** Multi-word phrases of one language for loose matching, with each token's IDF. */
interface LooseIndex {
  readonly phrases: Phrase[];
  readonly byToken: Map<string, Phrase[]>;
  readonly idf: Map<string, number>;
}

/** Summary words of one language: term → the actions whose summary has it, with its IDF. */
interface SummaryIndex {
  readonly byTerm: Map<string, { action: number; idf: number }[]>;
  readonly total: Float64Array;
}

interface Channels {
  /** Own-language phrases, stemmed by the language's analyzer. */
  readonly own: Map<TokenLang, PhraseIndex>;
  /** Every non-Chinese phrase analysed without stemming (other languages' keywords). */
  readonly plain: PhraseIndex;
  /** Names in capitals, any language, unstemmed. */
  readonly names: PhraseIndex;
  readonly chinese: SubstringIndex;
  readonly loose: Map<Lang, LooseIndex>;
  readonly summary: Map<Lang, SummaryIndex>;
}

function analysisTexts(
  descriptors: readonly ActionDescriptor[],
  lang: Lang,
): { texts: ActionTexts[]; summaries: (readonly string[])[] } {
  const analyzer = analyzerFor(lang);
  const texts: ActionTexts[] = [];
  const summaries: (readonly string[])[] = [];
  for (const d of descriptors) {
    const parts = [...(d.keywords[lang] ?? [])];
    const title = d.subsection[lang];
    if (title !== undefined) parts.push(title);
    const summary = d.summary[lang];
    if (summary !== undefined) parts.push(summary);
    texts.push({
      tokens: parts.map((p) => termsOf(analyzer, p)),
      normalized: parts.map(normalized),
    });
    summaries.push(summary === undefined ? [] : termsOf(analyzer, summary));
  }
  return { texts, summaries };
}

/** Adds to `into` the actions that mention a phrase (in `lang`) in a keyword, title or summary. */
function actionsMentioning(
  texts: readonly ActionTexts[],
  lang: Lang,
  phrase: string,
  tokens: readonly string[],
  into: Set<number>,
): void {
  texts.forEach((t, action) => {
    const found =
      lang === 'zh'
        ? t.normalized.some((n) => n.includes(phrase))
        : t.tokens.some((s) => containsSequence(s, tokens));
    if (found) into.add(action);
  });
}

function specificity(df: number, n: number): number {
  return Math.log(1 + n / df) / Math.log(1 + n);
}

function buildLoose(
  lang: Lang,
  phrases: { tokens: readonly WordForms[]; link: Link }[],
  texts: readonly ActionTexts[],
): LooseIndex {
  const df = new Map<string, number>();
  for (const t of texts) {
    for (const term of new Set(t.tokens.flat())) df.set(term, (df.get(term) ?? 0) + 1);
  }
  const n = texts.length;
  const idf = new Map<string, number>();
  for (const [term, count] of df) idf.set(term, Math.log(1 + n / count));
  const index = new PhraseIndex();
  for (const p of phrases) {
    if (new Set(p.tokens.map((t) => t.join('|'))).size >= 2) index.add(lang, p.tokens, p.link);
  }
  const byToken = new Map<string, Phrase[]>();
  for (const phrase of index.all.values()) {
    for (const token of new Set(phrase.tokens.flat())) {
      const list = byToken.get(token);
      if (list) list.push(phrase);
      else byToken.set(token, [phrase]);
    }
  }
  return { phrases: [...index.all.values()], byToken, idf };
}

function buildSummary(summaries: readonly (readonly string[])[]): SummaryIndex {
  const n = summaries.length;
  const content = summaries.map((terms) => new Set(terms.filter(isContentTerm)));
  const df = new Map<string, number>();
  for (const set of content) for (const t of set) df.set(t, (df.get(t) ?? 0) + 1);
  const byTerm = new Map<string, { action: number; idf: number }[]>();
  const total = new Float64Array(n);
  content.forEach((set, action) => {
    for (const term of set) {
      // Words in more than a quarter of the summaries (the, 的, State) are not content.
      const idf = Math.log(n / (df.get(term) ?? 1)) - Math.log(4);
      if (idf <= 0) continue;
      total[action] = (total[action] ?? 0) + idf;
      const list = byTerm.get(term);
      if (list) list.push({ action, idf });
      else byTerm.set(term, [{ action, idf }]);
    }
  });
  return { byTerm, total };
}

function buildChannels(
  descriptors: readonly ActionDescriptor[],
  concepts: readonly SuggesterConcept[],
  commonTerms: Partial<Record<Lang, readonly string[]>>,
): Channels {
  const n = Math.max(descriptors.length, 1);
  const common = new Set(
    LANGUAGES.flatMap((lang) => (commonTerms[lang] ?? []).map((t) => `${lang}:${normalized(t)}`)),
  );
  const plainAnalyzer = analyzerFor('und');
  const perLang = new Map(LANGUAGES.map((lang) => [lang, analysisTexts(descriptors, lang)]));
  const channels: Channels = {
    own: new Map(TOKEN_LANGS.map((lang) => [lang, new PhraseIndex()])),
    plain: new PhraseIndex(),
    names: new PhraseIndex(),
    chinese: new SubstringIndex(),
    loose: new Map(),
    summary: new Map(),
  };
  const loosePhrases = new Map<Lang, { tokens: readonly WordForms[]; link: Link }[]>(
    LANGUAGES.map((lang) => [lang, []]),
  );

  /** Puts one term of one language into the channels that match it. */
  const addTerm = (lang: Lang, term: string, link: Link) => {
    if (lang === 'zh' || HAN.test(term)) {
      channels.chinese.add(lang, normalized(term), link);
      loosePhrases.get('zh')?.push({ tokens: single(termsOf(analyzerFor('zh'), term)), link });
      return;
    }
    const plain = single(termsOf(plainAnalyzer, term));
    if (isName(term)) {
      channels.names.add(lang, plain, link);
      return;
    }
    const own = wordFormsOf(analyzerFor(lang), term);
    if (isTokenLang(lang)) channels.own.get(lang)?.add(lang, own, link);
    channels.plain.add(lang, plain, link);
    loosePhrases.get(lang)?.push({ tokens: own, link });
  };

  /**
   * How many actions mention a term in any of its translations: a keyword weighs the same in
   * every language, and the union sees what one language's wording hides (the English summaries
   * say "the Treaty" where the Chinese say 《不扩散条约》).
   */
  const frequency = (terms: readonly (readonly [Lang, string])[]) => {
    if (terms.some(([lang, term]) => common.has(`${lang}:${normalized(term)}`))) return n;
    const actions = new Set<number>();
    // "Article VI" names an article that all the actions relating to it share.
    for (const [, term] of terms) {
      for (const numeral of term.match(ROMAN_NUMERAL) ?? []) {
        descriptors.forEach((d, action) => {
          if (d.articles.includes(numeral)) actions.add(action);
        });
      }
    }
    for (const [lang, term] of terms) {
      const texts = perLang.get(lang)?.texts ?? [];
      const tokens = termsOf(analyzerFor(lang), term);
      actionsMentioning(texts, lang, normalized(term), tokens, actions);
    }
    return Math.max(actions.size, 1);
  };
  const translations = (values: (lang: Lang) => string | undefined) =>
    LANGUAGES.flatMap((lang) => {
      const value = values(lang);
      return value === undefined ? [] : [[lang, value] as const];
    });

  descriptors.forEach((d, action) => {
    const slots = Math.max(0, ...LANGUAGES.map((lang) => d.keywords[lang]?.length ?? 0));
    for (let i = 0; i < slots; i++) {
      const df = frequency(translations((lang) => d.keywords[lang]?.[i]));
      const weight = KEYWORD_WEIGHT * specificity(df, n);
      for (const lang of LANGUAGES) {
        const term = d.keywords[lang]?.[i];
        if (term === undefined) continue;
        addTerm(lang, term, { action, kind: 'keyword', slot: `keyword:${i}`, term, weight });
      }
    }
    const titleDf = frequency(translations((lang) => d.subsection[lang]));
    const titleWeight = KEYWORD_WEIGHT * TITLE_FACTOR * specificity(titleDf, n);
    for (const lang of LANGUAGES) {
      const title = d.subsection[lang];
      if (title === undefined) continue;
      addTerm(lang, title, {
        action,
        kind: 'keyword',
        slot: 'title',
        term: title,
        weight: titleWeight,
      });
    }
  });

  for (const concept of concepts) addConcept(descriptors, concept, n, addTerm);

  for (const lang of LANGUAGES) {
    const data = perLang.get(lang)!;
    channels.loose.set(lang, buildLoose(lang, loosePhrases.get(lang) ?? [], data.texts));
    channels.summary.set(lang, buildSummary(data.summaries));
  }
  return channels;
}

/**
 * A concept links to the actions that have one of its terms (same language, same analysed form)
 * among their keywords; each of its terms then counts for those actions wherever it is found.
 */
function addConcept(
  descriptors: readonly ActionDescriptor[],
  concept: SuggesterConcept,
  n: number,
  addTerm: (lang: Lang, term: string, link: Link) => void,
): void {
  const formOf = (lang: Lang, term: string) =>
    lang === 'zh' ? normalized(term) : termsOf(analyzerFor(lang), term).join(' ');
  const linked: { action: number; keyword: string }[] = [];
  descriptors.forEach((d, action) => {
    for (const lang of LANGUAGES) {
      const terms = new Set((concept.terms[lang] ?? []).map((t) => formOf(lang, t)));
      const keyword = (d.keywords[lang] ?? []).find((k) => terms.has(formOf(lang, k)));
      if (keyword !== undefined) {
        linked.push({ action, keyword });
        return;
      }
    }
  });
  if (linked.length === 0) return;
  const weight = KEYWORD_WEIGHT * CONCEPT_FACTOR * specificity(linked.length, n);
  for (const lang of LANGUAGES) {
    for (const term of concept.terms[lang] ?? []) {
      if (term.trim() === '') continue;
      for (const { action, keyword } of linked) {
        addTerm(lang, term, {
          action,
          kind: 'concept',
          slot: `concept:${concept.id}`,
          term: `${concept.id}: ${term} (${keyword})`,
          weight,
        });
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Citations

// ---------------------------------------------------------------------------------------------
// Matching

function exactHits(index: PhraseIndex, positions: readonly Position[], factor: number): Hit[] {
  const hits: Hit[] = [];
  positions.forEach((position, i) => {
    const seen = new Set<Phrase>();
    for (const first of position.terms) {
      for (const phrase of index.byFirst.get(first) ?? []) {
        if (seen.has(phrase)) continue;
        const last = i + phrase.tokens.length - 1;
        if (last >= positions.length) continue;
        let ok = true;
        for (let j = 1; j < phrase.tokens.length && ok; j++) {
          const terms = positions[i + j]!.terms;
          ok = phrase.tokens[j]!.some((form) => terms.includes(form));
        }
        if (!ok) continue;
        seen.add(phrase);
        for (const link of phrase.links) {
          hits.push({
            link,
            lang: phrase.lang,
            weight: link.weight * factor,
            start: position.start,
            end: positions[last]!.end,
          });
        }
      }
    }
  });
  return hits;
}

function substringHits(
  index: SubstringIndex,
  text: string,
  factorOf: (lang: Lang) => number,
): Hit[] {
  const norm = normalizedWithOffsets(text);
  const hits: Hit[] = [];
  let i = 0;
  for (const char of norm.text) {
    for (const phrase of index.byFirst.get(char) ?? []) {
      if (!norm.text.startsWith(phrase.text, i)) continue;
      const start = norm.starts[i]!;
      const end = norm.ends[i + phrase.text.length - 1]!;
      for (const link of phrase.links) {
        hits.push({
          link,
          lang: phrase.lang,
          weight: link.weight * factorOf(phrase.lang),
          start,
          end,
        });
      }
    }
    i += char.length;
  }
  return hits;
}

/** A loose phrase's distinct words with their IDF and whether they carry content (cached). */
interface LoosePhrase {
  readonly distinct: readonly WordForms[];
  readonly idfs: readonly number[];
  readonly content: readonly boolean[];
  readonly totalIdf: number;
}

const loosePhrases = new WeakMap<Phrase, LoosePhrase>();

function loosePhraseOf(index: LooseIndex, phrase: Phrase): LoosePhrase {
  let prepared = loosePhrases.get(phrase);
  if (!prepared) {
    const distinct = [...new Map(phrase.tokens.map((t) => [t.join('|'), t])).values()];
    const idfs = distinct.map((forms) =>
      Math.max(...forms.map((f) => index.idf.get(f) ?? Math.log(2))),
    );
    prepared = {
      distinct,
      idfs,
      // Digits and single characters (年, 的, "a") do not make a match on their own.
      content: distinct.map((forms) => isContentTerm(forms[0]!)),
      totalIdf: idfs.reduce((a, b) => a + b, 0),
    };
    loosePhrases.set(phrase, prepared);
  }
  return prepared;
}

/**
 * Multi-word phrases whose words (most of them, by IDF) occur within a few words of each other:
 * the best window of each candidate phrase.
 */
function looseHits(index: LooseIndex, positions: readonly Position[], factor: number): Hit[] {
  const occurrences = new Map<string, number[]>();
  positions.forEach((p, i) => {
    for (const term of p.terms) {
      const list = occurrences.get(term);
      if (list) {
        if (list[list.length - 1] !== i) list.push(i);
      } else occurrences.set(term, [i]);
    }
  });
  const candidates = new Set<Phrase>();
  for (const term of occurrences.keys()) {
    for (const phrase of index.byToken.get(term) ?? []) candidates.add(phrase);
  }
  const hits: Hit[] = [];
  for (const phrase of candidates) {
    const { distinct, idfs, content, totalIdf } = loosePhraseOf(index, phrase);
    // Most candidates share one common word with the paragraph: rule them out before placing
    // their words, by what the best window could at most cover.
    let presentContent = 0;
    let presentIdf = 0;
    distinct.forEach((forms, token) => {
      if (forms.some((f) => occurrences.has(f))) {
        presentIdf += idfs[token]!;
        if (content[token]) presentContent++;
      }
    });
    if (presentContent < 2 || presentIdf / totalIdf < LOOSE_MIN_COVERAGE) continue;
    const found: { pos: number; token: number }[] = [];
    distinct.forEach((forms, token) => {
      const at = new Set(forms.flatMap((f) => occurrences.get(f) ?? []));
      for (const pos of at) found.push({ pos, token });
    });
    if (new Set(found.filter((f) => content[f.token]).map((f) => f.token)).size < 2) continue;
    found.sort((a, b) => a.pos - b.pos);
    const width = phrase.tokens.length + 3;
    const counts = new Array<number>(distinct.length).fill(0);
    let covered = 0;
    let left = 0;
    let best = { coverage: 0, distinct: 0, from: 0, to: 0 };
    let present = 0;
    for (let right = 0; right < found.length; right++) {
      const r = found[right]!;
      const count = (counts[r.token] ?? 0) + 1;
      counts[r.token] = count;
      if (count === 1) {
        covered += idfs[r.token]!;
        if (content[r.token]) present++;
      }
      while (r.pos - found[left]!.pos + 1 > width) {
        const l = found[left++]!;
        const rest = (counts[l.token] ?? 1) - 1;
        counts[l.token] = rest;
        if (rest === 0) {
          covered -= idfs[l.token]!;
          if (content[l.token]) present--;
        }
      }
      // A repeated word at the left edge adds nothing: start the window at its last occurrence.
      while (left < right && (counts[found[left]!.token] ?? 0) > 1) {
        const l = found[left++]!;
        counts[l.token] = (counts[l.token] ?? 1) - 1;
      }
      const coverage = covered / totalIdf;
      if (present >= 2 && coverage > best.coverage + 1e-9) {
        best = { coverage, distinct: present, from: found[left]!.pos, to: r.pos };
      }
    }
    if (best.distinct < 2 || best.coverage < LOOSE_MIN_COVERAGE) continue;
    // An exact match is found (and weighed fully) by the exact pass.
    if (best.coverage >= 1 - 1e-9 && best.to - best.from + 1 === phrase.tokens.length) continue;
    for (const link of phrase.links) {
      hits.push({
        link,
        lang: phrase.lang,
        weight: link.weight * factor * LOOSE_FACTOR * best.coverage,
        start: positions[best.from]!.start,
        end: positions[best.to]!.end,
      });
    }
  }
  return hits;
}

interface SummaryHit {
  readonly action: number;
  readonly lang: Lang;
  readonly weight: number;
  readonly matched: string;
}

function summaryHits(
  lang: Lang,
  index: SummaryIndex,
  positions: readonly Position[],
  text: string,
  factor: number,
): SummaryHit[] {
  const matched = new Map<number, { idf: number; words: string[] }>();
  const seen = new Set<string>();
  for (const p of positions) {
    for (const term of p.terms) {
      if (seen.has(term)) continue;
      const postings = index.byTerm.get(term);
      if (postings === undefined) continue;
      seen.add(term);
      const word = text.slice(p.start, p.end);
      for (const { action, idf } of postings) {
        const m = matched.get(action);
        if (m) {
          m.idf += idf;
          if (!m.words.includes(word)) m.words.push(word);
        } else matched.set(action, { idf, words: [word] });
      }
    }
  }
  const hits: SummaryHit[] = [];
  for (const [action, m] of matched) {
    const total = index.total[action] ?? 0;
    if (total <= 0) continue;
    const weight = SUMMARY_WEIGHT * factor * (m.idf / total);
    hits.push({ action, lang, weight, matched: m.words.join(', ') });
  }
  return hits;
}

const round = (value: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};

/** Builds the matcher once; `suggest` is then cheap per paragraph. */
export function createActionMatcher(
  descriptors: readonly ActionDescriptor[],
  options: ActionMatcherOptions = {},
): ActionMatcher {
  const channels = buildChannels(
    descriptors,
    options.concepts ?? [],
    options.commonTerms ?? COMMON_TERMS,
  );
  const byNumber = new Map<number, number>();
  descriptors.forEach((d, i) => {
    if (d.number !== null) byNumber.set(d.number, i);
  });

  function suggest(text: string, lang: Lang | 'und', limit = DEFAULT_LIMIT): ActionSuggestion[] {
    if (limit <= 0 || text.trim() === '') return [];
    const known = lang !== 'und';
    const ownFactor = known ? 1 : UNDETERMINED_FACTOR;
    const factorOf = (phraseLang: Lang) =>
      !known ? UNDETERMINED_FACTOR : phraseLang === lang ? 1 : CROSS_LANGUAGE_FACTOR;

    const hits: Hit[] = [];
    const summaries: SummaryHit[] = [];
    const plain = positionsOf(analyzerFor('und'), text);

    // Names (CTBT, ДНЯО) and, for other languages, their keywords unstemmed.
    for (const hit of exactHits(channels.names, plain, 1)) {
      hits.push({ ...hit, weight: hit.weight * factorOf(hit.lang) });
    }
    const ownLangs: Lang[] = known ? [lang] : [...LANGUAGES];
    for (const own of ownLangs) {
      const analyzer = analyzerFor(own);
      const positions = own === 'zh' ? [] : positionsOf(analyzer, text);
      const ownIndex = isTokenLang(own) ? channels.own.get(own) : undefined;
      if (ownIndex) hits.push(...exactHits(ownIndex, positions, ownFactor));
      const loosePositions = own === 'zh' ? positionsOf(analyzer, text) : positions;
      const loose = channels.loose.get(own);
      if (loose) hits.push(...looseHits(loose, loosePositions, ownFactor));
      const summary = channels.summary.get(own);
      if (summary) summaries.push(...summaryHits(own, summary, loosePositions, text, ownFactor));
    }
    if (known) {
      for (const hit of exactHits(channels.plain, plain, CROSS_LANGUAGE_FACTOR)) {
        if (hit.lang !== lang) hits.push(hit);
      }
    }
    if (HAN.test(text)) hits.push(...substringHits(channels.chinese, text, factorOf));

    const citationLangs: Lang[] =
      known && lang !== 'en' ? [lang, 'en'] : known ? ['en'] : [...LANGUAGES];
    const citations = citationsIn(text, citationLangs);
    return rank(text, hits, summaries, citations, limit);
  }

  function rank(
    text: string,
    hits: readonly Hit[],
    summaries: readonly SummaryHit[],
    citations: readonly Citation[],
    limit: number,
  ): ActionSuggestion[] {
    const perAction = new Map<number, Map<string, MatchReason>>();
    const put = (action: number, slot: string, reason: MatchReason) => {
      let slots = perAction.get(action);
      if (slots === undefined) {
        slots = new Map();
        perAction.set(action, slots);
      }
      const previous = slots.get(slot);
      if (previous === undefined || reason.weight > previous.weight) slots.set(slot, reason);
    };
    for (const c of citations) {
      const weight = CITATION_WEIGHT / Math.max(1, c.numbers.length / 3);
      for (const number of c.numbers) {
        const action = byNumber.get(number);
        if (action === undefined) continue;
        put(action, 'citation', {
          kind: 'citation',
          term: String(number),
          matched: text.slice(c.start, c.end),
          weight,
        });
      }
    }
    // Keywords before concepts, so that a concept found where a keyword already is adds nothing.
    const keywordSpans = new Map<number, [number, number][]>();
    const ordered = [...hits].sort(
      (a, b) => Number(a.link.kind === 'concept') - Number(b.link.kind === 'concept'),
    );
    for (const hit of ordered) {
      const { action, kind, slot, term } = hit.link;
      if (kind === 'concept') {
        const spans = keywordSpans.get(action) ?? [];
        if (spans.some(([s, e]) => s < hit.end && hit.start < e)) continue;
      } else {
        const spans = keywordSpans.get(action);
        if (spans) spans.push([hit.start, hit.end]);
        else keywordSpans.set(action, [[hit.start, hit.end]]);
      }
      put(action, slot, {
        kind,
        term,
        matched: text.slice(hit.start, hit.end),
        weight: hit.weight,
      });
    }
    for (const s of summaries) {
      put(s.action, 'summary', {
        kind: 'summary',
        term: descriptors[s.action]!.summary[s.lang] ?? '',
        matched: s.matched,
        weight: s.weight,
      });
    }
    const ranked: { action: number; score: number; reasons: MatchReason[] }[] = [];
    for (const [action, slots] of perAction) {
      const reasons = [...slots.values()].sort((a, b) => b.weight - a.weight);
      const raw = reasons.reduce((sum, r) => sum + r.weight, 0);
      if (raw >= MIN_RAW_SCORE)
        ranked.push({ action, score: round(1 - Math.exp(-raw), 4), reasons });
    }
    // By the score as shown, so that equal scores are always in action order.
    ranked.sort((a, b) => b.score - a.score || orderOf(a.action) - orderOf(b.action));
    return ranked.slice(0, limit).map(({ action, score, reasons }) => ({
      actionId: descriptors[action]!.id,
      score,
      reasons: reasons.map((r) => ({ ...r, weight: round(r.weight, 3) })),
    }));
  }

  function orderOf(action: number): number {
    return descriptors[action]!.number ?? 1000 + action;
  }

  return { suggest };
}
